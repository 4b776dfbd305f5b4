from django.urls import URLPattern, path

from vanphong.petitions import views, views_forward, views_letter

app_name = "petitions"

urlpatterns: list[URLPattern] = [
    path("", views.letters, name="letters"),
    path("moi/", views.letter_register, name="letter_register"),
    path("linh-vuc/", views.fields, name="fields"),
    path("linh-vuc/<uuid:field_uuid>/", views.field_edit, name="field_edit"),
    path("tep/<uuid:letter_file_uuid>/", views.letter_file, name="letter_file"),
    path("theo-doi/", views_forward.follow_up, name="follow_up"),
    path(
        "chuyen/<uuid:forward_uuid>/ket-qua/", views_forward.forward_result, name="forward_result"
    ),
    path("<uuid:letter_uuid>/", views_letter.letter, name="letter"),
    path("<uuid:letter_uuid>/sua/", views.letter_edit, name="letter_edit"),
    # Before the letter page's forms: "chuyen" is a page of its own, not one of those forms.
    path("<uuid:letter_uuid>/chuyen/", views_forward.letter_forward, name="letter_forward"),
    path("<uuid:letter_uuid>/<slug:action>/", views_letter.letter_action, name="letter_action"),
]
