"""The archives pages under /luu-tru/, one URL module per flow."""

from django.urls import include, path

app_name = "archives"

urlpatterns = [
    path("luu-tru/", include("vanphong.archives.urls_plans")),
    path("luu-tru/", include("vanphong.archives.urls_files")),
    path("luu-tru/", include("vanphong.archives.urls_transfers")),
    path("luu-tru/", include("vanphong.archives.urls_disposals")),
    path("luu-tru/", include("vanphong.archives.urls_preservation")),
]
