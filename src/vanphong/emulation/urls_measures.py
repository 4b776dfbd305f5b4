"""The measured criteria of a movement's member (under /thi-dua/)."""

from django.urls import URLPattern, URLResolver, path

from vanphong.emulation import views_measures as views

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "phong-trao/<uuid:movement_uuid>/so-lieu/<uuid:unit_uuid>/", views.measures, name="measures"
    ),
    path(
        "phong-trao/<uuid:movement_uuid>/so-lieu/<uuid:unit_uuid>/tinh-lai/",
        views.measures_compute,
        name="measures_compute",
    ),
]
