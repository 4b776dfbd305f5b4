"""File plans (danh mục hồ sơ) under /luu-tru/danh-muc-ho-so/, the retention tables under
/luu-tru/bang-thoi-han/."""

from django.urls import URLPattern, path

from vanphong.archives import views_plans as v

PLAN = "danh-muc-ho-so/<uuid:plan_uuid>/"

urlpatterns: list[URLPattern] = [
    path("danh-muc-ho-so/", v.plan_list, name="plan_list"),
    path("danh-muc-ho-so/tao/", v.plan_create, name="plan_create"),
    path(PLAN, v.plan_detail, name="plan_detail"),
    path(PLAN + "sao-chep/", v.plan_copy, name="plan_copy"),
    path(PLAN + "ban-hanh/", v.plan_approve, name="plan_approve"),
    path(PLAN + "bo-sung/", v.plan_amend, name="plan_amend"),
    path(PLAN + "de-muc/", v.plan_heading_add, name="plan_heading_add"),
    path(PLAN + "de-muc/<uuid:heading_uuid>/sua/", v.plan_heading_edit, name="plan_heading_edit"),
    path(
        PLAN + "de-muc/<uuid:heading_uuid>/chuyen/", v.plan_heading_move, name="plan_heading_move"
    ),
    path(
        PLAN + "de-muc/<uuid:heading_uuid>/xoa/", v.plan_heading_remove, name="plan_heading_remove"
    ),
    path(PLAN + "ho-so/", v.plan_entry_add, name="plan_entry_add"),
    path(PLAN + "ho-so/<uuid:entry_uuid>/sua/", v.plan_entry_edit, name="plan_entry_edit"),
    path(PLAN + "ho-so/<uuid:entry_uuid>/chuyen/", v.plan_entry_move, name="plan_entry_move"),
    path(PLAN + "ho-so/<uuid:entry_uuid>/xoa/", v.plan_entry_remove, name="plan_entry_remove"),
    path(PLAN + "tai-ve.docx", v.plan_docx, name="plan_docx"),
    path(PLAN + "tai-ve.pdf", v.plan_pdf, name="plan_pdf"),
    path("bang-thoi-han/", v.retention_list, name="retention_list"),
    path("bang-thoi-han/<uuid:rule_uuid>/sua/", v.retention_edit, name="retention_edit"),
]
