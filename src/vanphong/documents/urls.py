"""Document pages, mounted at /van-ban/; each area keeps its routes in its own module."""

from django.urls import include, path

app_name = "documents"

urlpatterns = [
    path("", include("vanphong.documents.urls_incoming")),
    path("", include("vanphong.documents.urls_outgoing")),
    path("", include("vanphong.documents.urls_reports")),
]
