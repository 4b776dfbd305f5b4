"""Incoming documents, their handling and attachment downloads (under /van-ban/)."""

from django.urls import URLPattern, path

from vanphong.documents import views_files
from vanphong.documents import views_handling as handling
from vanphong.documents import views_incoming as views
from vanphong.documents import views_incoming_steps as steps

urlpatterns: list[URLPattern] = [
    path("den/", views.incoming_book, name="incoming_book"),
    path("den/dang-ky/", views.incoming_register, name="incoming_register"),
    path("den/noi-gui/", views.incoming_senders, name="incoming_senders"),
    path("den/cho-vao-so/", views.queue, name="queue"),
    path("den/cho-vao-so/<uuid:delivery_uuid>/tu-choi/", views.queue_refuse, name="queue_refuse"),
    path("den/trinh-toi/", handling.incoming_presented_to_me, name="presented_to_me"),
    path("den/da-giao/", handling.incoming_assigned_by_me, name="assigned_by_me"),
    path("den/<uuid:document_uuid>/", views.incoming_detail, name="incoming_detail"),
    path(
        "den/<uuid:document_uuid>/trinh/",
        steps.incoming_present,
        name="incoming_present",
    ),
    path(
        "den/<uuid:document_uuid>/chi-dao/",
        steps.incoming_direct,
        name="incoming_direct",
    ),
    path(
        "den/<uuid:document_uuid>/tra-lai/",
        steps.incoming_return,
        name="incoming_return",
    ),
    path("den/<uuid:document_uuid>/luu/", steps.incoming_file, name="incoming_file"),
    path(
        "den/<uuid:document_uuid>/huy-dang-ky/",
        steps.incoming_cancel,
        name="incoming_cancel",
    ),
    path("viec-cua-toi/", handling.my_inbox, name="inbox"),
    path("viec/<uuid:assignment_uuid>/", handling.assignment_detail, name="assignment_detail"),
    path(
        "viec/<uuid:assignment_uuid>/tien-do/",
        handling.assignment_progress,
        name="assignment_progress",
    ),
    path(
        "viec/<uuid:assignment_uuid>/hoan-thanh/",
        handling.assignment_complete,
        name="assignment_complete",
    ),
    path(
        "viec/<uuid:assignment_uuid>/chuyen/",
        handling.assignment_hand_over,
        name="assignment_hand_over",
    ),
    path("tep/<uuid:attachment_uuid>/", views_files.attachment_download, name="attachment"),
]
