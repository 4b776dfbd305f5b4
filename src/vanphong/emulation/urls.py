"""The emulation pages under /thi-dua/, one URL module per flow."""

from django.urls import include, path

app_name = "emulation"

urlpatterns = [
    path("thi-dua/", include("vanphong.emulation.urls_scoring")),
    path("thi-dua/", include("vanphong.emulation.urls_proposals")),
    path("thi-dua/", include("vanphong.emulation.urls_measures")),
    path("thi-dua/", include("vanphong.emulation.urls_review")),
]
