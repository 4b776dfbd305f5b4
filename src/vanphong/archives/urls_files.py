"""The files being compiled (under /luu-tru/)."""

from django.urls import URLPattern, URLResolver, path, re_path

from vanphong.archives import views_files as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("ho-so/", views.file_list, name="file_list"),
    path("ho-so/mo/", views.file_open, name="file_open"),
    re_path(
        r"^ho-so/muc-luc-ho-so\.(?P<file_format>pdf|xlsx)$",
        views.file_list_export,
        name="file_list_export",
    ),
    path("dua-vao-ho-so/", views.file_add_item, name="file_add_item"),
    path("ho-so/<uuid:file_uuid>/", views.file_detail, name="file_detail"),
    path("ho-so/<uuid:file_uuid>/sua/", views.file_edit, name="file_edit"),
    path("ho-so/<uuid:file_uuid>/danh-so-to/", views.file_number_pages, name="file_number_pages"),
    path("ho-so/<uuid:file_uuid>/ket-thuc/", views.file_close, name="file_close"),
    path("ho-so/<uuid:file_uuid>/mo-lai/", views.file_reopen, name="file_reopen"),
    path(
        "ho-so/<uuid:file_uuid>/van-ban/<uuid:item_uuid>/bo/",
        views.file_item_remove,
        name="file_item_remove",
    ),
    path(
        "ho-so/<uuid:file_uuid>/van-ban/<uuid:item_uuid>/chuyen/",
        views.file_item_move,
        name="file_item_move",
    ),
    re_path(
        r"^ho-so/(?P<file_uuid>[0-9a-f-]{36})/muc-luc\.(?P<file_format>pdf|xlsx)$",
        views.file_index_export,
        name="file_index_export",
    ),
]
