"""The pages of the transfer to the agency archive (nộp lưu) and of access to archived files
(khai thác), under /luu-tru/."""

from django.urls import URLPattern, URLResolver, path

from vanphong.archives import views_access as access
from vanphong.archives import views_transfers as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("nop-luu/", views.transfer_list, name="transfer_list"),
    path("nop-luu/den-han/", views.transfer_due, name="transfer_due"),
    path("nop-luu/moi/", views.transfer_create, name="transfer_create"),
    path("nop-luu/<uuid:transfer_uuid>/", views.transfer_detail, name="transfer_detail"),
    path("nop-luu/<uuid:transfer_uuid>/gui/", views.transfer_submit, name="transfer_submit"),
    path("nop-luu/<uuid:transfer_uuid>/nhan/", views.transfer_receive, name="transfer_receive"),
    path(
        "nop-luu/<uuid:transfer_uuid>/bo/<uuid:file_uuid>/",
        views.transfer_file_remove,
        name="transfer_file_remove",
    ),
    path(
        "nop-luu/<uuid:transfer_uuid>/muc-luc.<str:file_format>",
        views.transfer_list_export,
        name="transfer_list_export",
    ),
    path(
        "nop-luu/<uuid:transfer_uuid>/bien-ban.pdf",
        views.transfer_record,
        name="transfer_record",
    ),
    path(
        "nop-luu/ho-so/<uuid:file_uuid>/giu-lai/",
        views.transfer_keep_back,
        name="transfer_keep_back",
    ),
    path(
        "nop-luu/ho-so/<uuid:file_uuid>/sap-xep/",
        views.transfer_place,
        name="transfer_place",
    ),
    path("khai-thac/", access.access_catalogue, name="access_catalogue"),
    path(
        "khai-thac/ho-so/<uuid:file_uuid>/yeu-cau/",
        access.access_request_create,
        name="access_request_create",
    ),
    path("khai-thac/yeu-cau/", access.access_requests, name="access_requests"),
    path("khai-thac/cho-duyet/", access.access_queue, name="access_queue"),
    path("khai-thac/dang-muon/", access.access_loans, name="access_loans"),
    path(
        "khai-thac/yeu-cau/<uuid:request_uuid>/",
        access.access_request_detail,
        name="access_request",
    ),
    path(
        "khai-thac/yeu-cau/<uuid:request_uuid>/duyet/",
        access.access_decide,
        name="access_decide",
    ),
    path(
        "khai-thac/yeu-cau/<uuid:request_uuid>/giao/",
        access.access_lend,
        name="access_lend",
    ),
    path(
        "khai-thac/yeu-cau/<uuid:request_uuid>/tra/",
        access.access_return,
        name="access_return",
    ),
]
