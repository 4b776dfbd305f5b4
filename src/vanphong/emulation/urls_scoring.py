"""The scoring flow's pages: home, blocs, criteria sets, movements, pledges, sheets, ranking."""

from django.urls import URLPattern, URLResolver, path

from vanphong.emulation import views_scoring as views
from vanphong.emulation import views_scoring_setup as setup
from vanphong.emulation import views_scoring_sheet as sheets

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("khoi/", setup.blocs, name="blocs"),
    path("khoi/moi/", setup.bloc_create, name="bloc_create"),
    path("khoi/<uuid:bloc_uuid>/", setup.bloc_detail, name="bloc"),
    path(
        "khoi/<uuid:bloc_uuid>/thanh-vien/<uuid:unit_uuid>/roi-khoi/",
        setup.bloc_member_end,
        name="bloc_member_end",
    ),
    path("khoi/<uuid:bloc_uuid>/phat-dong/", setup.movement_launch, name="movement_launch"),
    path("tieu-chi/", setup.criteria_sets, name="criteria_sets"),
    path("tieu-chi/moi/", setup.criteria_set_create, name="criteria_set_create"),
    path("tieu-chi/<uuid:set_uuid>/", setup.criteria_set_detail, name="criteria_set"),
    path("tieu-chi/<uuid:set_uuid>/sao-chep/", setup.criteria_set_copy, name="criteria_set_copy"),
    path("tieu-chi/<uuid:set_uuid>/them-nhom/", setup.criterion_group_add, name="group_add"),
    path("tieu-chi/<uuid:set_uuid>/them-tieu-chi/", setup.criterion_add, name="criterion_add"),
    path("tieu-chi/muc/<uuid:criterion_uuid>/sua/", setup.criterion_edit, name="criterion_edit"),
    path(
        "tieu-chi/muc/<uuid:criterion_uuid>/xoa/", setup.criterion_remove, name="criterion_remove"
    ),
    path("phong-trao/<uuid:movement_uuid>/", views.movement_detail, name="movement"),
    path("phong-trao/<uuid:movement_uuid>/sua/", views.movement_update, name="movement_update"),
    path(
        "phong-trao/<uuid:movement_uuid>/chuyen-buoc/",
        views.movement_advance,
        name="movement_advance",
    ),
    path("phong-trao/<uuid:movement_uuid>/dang-ky/<uuid:unit_uuid>/", views.pledge, name="pledge"),
    path("phong-trao/<uuid:movement_uuid>/mo-phieu/", views.sheet_open, name="sheet_open"),
    path("phong-trao/<uuid:movement_uuid>/xep-hang/", views.ranking_page, name="ranking"),
    path(
        "phong-trao/<uuid:movement_uuid>/don-vi/<uuid:unit_uuid>/",
        views.unit_profile,
        name="unit_profile",
    ),
    path("phieu-cham/<uuid:sheet_uuid>/", sheets.sheet_detail, name="sheet"),
    path("phieu-cham/<uuid:sheet_uuid>/minh-chung/", sheets.evidence_add, name="evidence_add"),
    path(
        "phieu-cham/<uuid:sheet_uuid>/minh-chung/<int:evidence_id>/",
        sheets.evidence_file,
        name="evidence_file",
    ),
    path("phieu-cham/<uuid:sheet_uuid>/gui/", sheets.sheet_submit, name="sheet_submit"),
]
