from django.urls import URLPattern, path

from vanphong.petitions import views_forward, views_reports

app_name = "petitions"

urlpatterns: list[URLPattern] = [
    path("theo-doi/", views_forward.follow_up, name="follow_up"),
    path("<uuid:letter_uuid>/chuyen/", views_forward.letter_forward, name="letter_forward"),
    path(
        "chuyen/<uuid:forward_uuid>/ket-qua/", views_forward.forward_result, name="forward_result"
    ),
    path("bao-cao/", views_reports.report, name="reports"),
]
