from django.urls import URLPattern, path

from vanphong.petitions import views_clocks, views_duplicates, views_forward

app_name = "petitions"

urlpatterns: list[URLPattern] = [
    path("theo-doi/", views_forward.follow_up, name="follow_up"),
    path("<uuid:letter_uuid>/chuyen/", views_forward.letter_forward, name="letter_forward"),
    path(
        "chuyen/<uuid:forward_uuid>/ket-qua/", views_forward.forward_result, name="forward_result"
    ),
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
    path(
        "<uuid:letter_uuid>/gia-han/",
        views_clocks.letter_extension_add,
        name="letter_extension_add",
    ),
    path(
        "<uuid:letter_uuid>/tam-dinh-chi/",
        views_clocks.letter_suspension_add,
        name="letter_suspension_add",
    ),
    path(
        "<uuid:letter_uuid>/tam-dinh-chi/ket-thuc/",
        views_clocks.letter_suspension_end,
        name="letter_suspension_end",
    ),
]
