from django.urls import URLPattern, path

from vanphong.search import views

app_name = "search"

urlpatterns: list[URLPattern] = [
    path("", views.results, name="results"),
    path("goi-y/", views.suggest, name="suggest"),
]
