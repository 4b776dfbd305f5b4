from django.urls import URLPattern, path

from vanphong.directives import views

app_name = "directives"

urlpatterns: list[URLPattern] = [
    path("", views.tasks, name="tasks"),
    path("<uuid:task_uuid>/", views.task, name="task"),
    path("don-vi/<uuid:unit_uuid>/", views.unit_dashboard, name="unit_dashboard"),
    path("van-ban/<uuid:directive_uuid>/", views.directive_dashboard, name="directive_dashboard"),
]
