from django.urls import URLPattern, path

from vanphong.petitions import views_reports

app_name = "petitions"

urlpatterns: list[URLPattern] = [
    path("bao-cao/", views_reports.report, name="reports"),
]
