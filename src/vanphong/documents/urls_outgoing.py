"""Outgoing documents (văn bản đi) and the approval-chain setting, under /van-ban/."""

from django.urls import URLPattern, path

from vanphong.documents import views_outgoing as views
from vanphong.documents import views_outgoing_issue as issue
from vanphong.documents import views_outgoing_lists as lists

urlpatterns: list[URLPattern] = [
    path("di/", lists.outgoing_book, name="outgoing_book"),
    path("di/moi/", views.outgoing_create, name="outgoing_create"),
    path("di/cua-toi/", lists.outgoing_mine, name="outgoing_mine"),
    path("di/cho-duyet/", lists.outgoing_awaiting_approval, name="outgoing_awaiting_approval"),
    path("di/cho-phat-hanh/", lists.outgoing_awaiting_issue, name="outgoing_awaiting_issue"),
    path("di/<uuid:document_uuid>/", views.outgoing_detail, name="outgoing_detail"),
    path("di/<uuid:document_uuid>/sua/", views.outgoing_revise, name="outgoing_revise"),
    path("di/<uuid:document_uuid>/trinh/", views.outgoing_submit, name="outgoing_submit"),
    path("di/<uuid:document_uuid>/y-kien/", views.outgoing_decide, name="outgoing_decide"),
    path("di/<uuid:document_uuid>/ky/", views.outgoing_sign, name="outgoing_sign"),
    path("di/<uuid:document_uuid>/phat-hanh/", issue.outgoing_issue, name="outgoing_issue"),
    path(
        "di/<uuid:document_uuid>/gui-them/", issue.outgoing_distribute, name="outgoing_distribute"
    ),
    path(
        "di/<uuid:document_uuid>/noi-nhan-ngoai/",
        issue.outgoing_outside_bodies,
        name="outgoing_outside_bodies",
    ),
    path("di/<uuid:document_uuid>/thu-hoi/", issue.outgoing_recall, name="outgoing_recall"),
    path("di/<uuid:document_uuid>/huy/", issue.outgoing_cancel, name="outgoing_cancel"),
    path("quy-trinh-duyet/<uuid:unit_uuid>/", lists.approval_chain, name="approval_chain"),
]
