from django.urls import URLPattern, path

from vanphong.petitions import views, views_letter

app_name = "petitions"

urlpatterns: list[URLPattern] = [
    path("", views.letters, name="letters"),
    path("moi/", views.letter_register, name="letter_register"),
    path("linh-vuc/", views.fields, name="fields"),
    path("linh-vuc/<uuid:field_uuid>/", views.field_edit, name="field_edit"),
    path("tep/<uuid:letter_file_uuid>/", views.letter_file, name="letter_file"),
    path("<uuid:letter_uuid>/", views_letter.letter, name="letter"),
    path("<uuid:letter_uuid>/sua/", views.letter_edit, name="letter_edit"),
    path("<uuid:letter_uuid>/<slug:action>/", views_letter.letter_action, name="letter_action"),
]
