"""Preservation pages (under /luu-tru/): the fixity runs and their findings, the BagIt export."""

from django.urls import URLPattern, path

from vanphong.archives import views_preservation as views

urlpatterns: list[URLPattern] = [
    path("bao-quan/", views.preservation, name="preservation"),
    path("bao-quan/kiem-tra/", views.preservation_start, name="preservation_start"),
    path("bao-quan/kiem-tra/<uuid:run_uuid>/", views.preservation_run, name="preservation_run"),
    path(
        "bao-quan/ho-so/<uuid:file_uuid>/bagit.zip",
        views.preservation_bag,
        name="preservation_bag",
    ),
]
