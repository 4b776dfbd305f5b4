from django.urls import path

from vanphong.org import views

app_name = "org"

urlpatterns = [
    path("", views.units, name="units"),
]
