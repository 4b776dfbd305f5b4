from django.urls import URLPattern, path

from vanphong.documents import views_reports

urlpatterns: list[URLPattern] = [
    path("so/", views_reports.register, name="register"),
    path("thong-ke/", views_reports.handling_stats, name="handling_stats"),
]
