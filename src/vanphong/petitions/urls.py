from django.urls import path

from vanphong.petitions import views_clocks

app_name = "petitions"

urlpatterns = [
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
