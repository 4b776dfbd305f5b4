from django.urls import URLPattern, path, re_path

from vanphong.planning import views, views_plans

app_name = "planning"

urlpatterns: list[URLPattern] = [
    path("lich/", views.schedules, name="schedules"),
    path("lich/<uuid:schedule_uuid>/", views.schedule, name="schedule"),
    path("lich/ban/<uuid:version_uuid>/them/", views.entry_add, name="entry_add"),
    path("lich/ban/<uuid:version_uuid>/duyet/", views.version_approve, name="approve"),
    path("lich/ban/<uuid:version_uuid>/tra-lai/", views.version_return, name="return"),
    path("lich/ban/<uuid:version_uuid>/phat-hanh/", views.version_publish, name="publish"),
    path("lich/ban/<uuid:version_uuid>/dieu-chinh/", views.version_amend, name="amend"),
    re_path(
        r"^lich/ban/(?P<version_uuid>[0-9a-f-]{36})/in\.(?P<extension>pdf|docx)$",
        views.version_print,
        name="print",
    ),
    path("lich/muc/<uuid:entry_uuid>/sua/", views.entry_update, name="entry_update"),
    path("lich/muc/<uuid:entry_uuid>/bo/", views.entry_remove, name="entry_remove"),
    path("sanh/<uuid:committee_uuid>/", views.lobby, name="lobby"),
    path("phong-hop/", views.rooms, name="rooms"),
    path("lien-ket-lich/", views.feeds_page, name="feeds"),
    path("lien-ket-lich/<uuid:feed_uuid>/thu-hoi/", views.feed_revoke, name="feed_revoke"),
    re_path(r"^ical/(?P<token>[A-Za-z0-9_-]{20,100})\.ics$", views.ical, name="ical"),
    path("chuong-trinh/", views_plans.programmes, name="programmes"),
    path("chuong-trinh/<uuid:programme_uuid>/", views_plans.programme, name="programme"),
    path(
        "chuong-trinh/<uuid:programme_uuid>/duyet/",
        views_plans.programme_approve,
        name="programme_approve",
    ),
    path(
        "chuong-trinh/<uuid:programme_uuid>/ban-hanh/",
        views_plans.programme_issue,
        name="programme_issue",
    ),
    path(
        "chuong-trinh/noi-dung/<uuid:item_uuid>/theo-doi/",
        views_plans.programme_item_track,
        name="programme_item_track",
    ),
    path(
        "chuong-trinh/noi-dung/<uuid:item_uuid>/bo/",
        views_plans.programme_item_remove,
        name="programme_item_remove",
    ),
    path("thang/", views_plans.monthly_plans, name="monthly_plans"),
    path("thang/<uuid:plan_uuid>/", views_plans.monthly_plan, name="monthly_plan"),
    path(
        "thang/<uuid:plan_uuid>/duyet/",
        views_plans.monthly_plan_approve,
        name="monthly_plan_approve",
    ),
    path(
        "thang/noi-dung/<uuid:item_uuid>/bo/",
        views_plans.monthly_plan_item_remove,
        name="monthly_plan_item_remove",
    ),
]
