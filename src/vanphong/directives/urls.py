from django.urls import URLPattern, path

from vanphong.directives import views, views_delegations, views_reviews, views_task

app_name = "directives"

urlpatterns: list[URLPattern] = [
    path("", views.tasks, name="tasks"),
    path("<uuid:task_uuid>/", views_task.task, name="task"),
    path("<uuid:task_uuid>/<slug:action>/", views_task.task_action, name="task_action"),
    path(
        "gia-han/<uuid:extension_uuid>/quyet-dinh/",
        views_task.extension_decide,
        name="extension_decide",
    ),
    path("tep/<uuid:file_uuid>/", views_task.report_file, name="report_file"),
    path("uy-quyen/", views_delegations.delegations, name="delegations"),
    path(
        "uy-quyen/<uuid:delegation_uuid>/ket-thuc/",
        views_delegations.delegation_end,
        name="delegation_end",
    ),
    path("lanh-dao/", views.leaders, name="leaders"),
    path("van-ban/", views.directives, name="directives"),
    path("van-ban/theo-doi/", views.directive_track, name="directive_track"),
    path(
        "chuong-trinh/<uuid:programme_uuid>/theo-doi/",
        views.programme_track,
        name="programme_track",
    ),
    path("don-vi/", views.my_unit, name="my_unit"),
    path("don-vi/<uuid:unit_uuid>/", views.unit_dashboard, name="unit_dashboard"),
    path("van-ban/<uuid:directive_uuid>/", views.directive_dashboard, name="directive_dashboard"),
    path("van-ban/<uuid:directive_uuid>/bao-cao/", views_reviews.directive_review, name="review"),
]
