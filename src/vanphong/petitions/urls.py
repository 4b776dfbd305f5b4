from django.urls import URLPattern, path

from vanphong.petitions import views_duplicates

app_name = "petitions"

urlpatterns: list[URLPattern] = [
    path("<uuid:letter_uuid>/trung/", views_duplicates.letter_duplicates, name="duplicates"),
    path(
        "<uuid:letter_uuid>/trung/danh-dau/",
        views_duplicates.letter_duplicate_link,
        name="duplicate_link",
    ),
    path(
        "<uuid:letter_uuid>/trung/bo-danh-dau/",
        views_duplicates.letter_duplicate_unlink,
        name="duplicate_unlink",
    ),
]
