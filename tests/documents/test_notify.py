"""Notices for every flow of a document: to whom the step concerns, never to the actor, never
to anyone who may not open the document; by email to those who chose that kind."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.conf import LazySettings
from django.core import mail
from django.urls import reverse

from tests.support.documents import (
    DocWorld,
    cleared_clerk,
    register_2011,
    secret_signed,
    sent_secret,
    two_step_chain,
)
from vanphong.core import notifications
from vanphong.core.models import Notification
from vanphong.documents import services_delivery, services_handling, services_incoming
from vanphong.documents import services_outgoing as out
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.documents.services_delivery import Recipient
from vanphong.documents.services_incoming import Handler
from vanphong.org.models import Clearance, Person


@pytest.fixture(autouse=True)
def _media(settings: LazySettings, tmp_path: object) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def told(person: Person, kind: str = "") -> list[str]:
    notices = Notification.objects.filter(person=person)
    if kind:
        notices = notices.filter(kind=kind)
    return list(notices.order_by("id").values_list("text", flat=True))


def presented(world: DocWorld) -> IncomingDocument:
    document = register_2011(world)
    services_incoming.incoming_present(
        actor=world.chau_thanh_clerk, document=document, leader=world.chau_thanh_office_leader
    )
    return document


def test_a_presented_document_is_told_to_the_leader_not_to_the_clerk(world: DocWorld) -> None:
    presented(world)
    assert told(world.chau_thanh_office_leader, "presented") == [
        "Văn bản trình đồng chí: 45-CT/TU — Về lãnh đạo cuộc bầu cử đại biểu Quốc hội khoá XIII"
    ]
    assert told(world.chau_thanh_clerk) == []


def test_a_direction_tells_the_clerk_and_each_person_of_their_part(world: DocWorld) -> None:
    document = presented(world)
    services_incoming.direction_give(
        actor=world.chau_thanh_office_leader,
        document=document,
        text="Đề nghị tham mưu",
        lead=Handler(person=world.chau_thanh_specialist),
        deadline=date(2011, 3, 20),
    )
    assert len(told(world.chau_thanh_clerk, "directed")) == 1
    assert told(world.chau_thanh_specialist, "assigned")[0].startswith(
        "Đồng chí được giao chủ trì xử lý: 45-CT/TU"
    )
    assert told(world.chau_thanh_office_leader, "directed") == []
    assignment = document.assignments.get(assignee=world.chau_thanh_specialist)
    services_handling.assignment_hand_over(
        actor=world.chau_thanh_specialist, assignment=assignment, to=world.chau_thanh_clerk
    )
    assert len(told(world.chau_thanh_clerk, "assigned")) == 1


def test_a_document_given_back_is_told_to_the_clerk_with_the_reason(world: DocWorld) -> None:
    document = presented(world)
    services_incoming.incoming_return(
        actor=world.chau_thanh_office_leader, document=document, reason="Sai người nhận"
    )
    assert told(world.chau_thanh_clerk, "returned")[0].startswith(
        "Lãnh đạo trả lại văn bản (Sai người nhận)"
    )


def draft(world: DocWorld) -> OutgoingDocument:
    document = out.outgoing_create(
        actor=world.chau_thanh_specialist,
        unit=world.chau_thanh_office,
        type_symbol="BC",
        subject="Báo cáo công tác tháng 3",
    )
    return out.outgoing_submit(actor=world.chau_thanh_specialist, document=document)


def test_a_draft_travels_with_its_notices_from_submission_to_recall(world: DocWorld) -> None:
    document = draft(world)
    assert told(world.chau_thanh_office_leader, "presented") == [
        "Dự thảo trình đồng chí duyệt: Báo cáo công tác tháng 3"
    ]
    out.outgoing_return(
        actor=world.chau_thanh_office_leader, document=document, comment="Bổ sung số liệu"
    )
    assert told(world.chau_thanh_specialist, "returned") == [
        "Dự thảo bị trả lại (Bổ sung số liệu): Báo cáo công tác tháng 3"
    ]
    out.outgoing_submit(actor=world.chau_thanh_specialist, document=document)
    out.outgoing_approve(actor=world.chau_thanh_office_leader, document=document)
    assert told(world.chau_thanh_specialist, "approved") == [
        "Dự thảo đã được duyệt: Báo cáo công tác tháng 3"
    ]
    out.outgoing_sign(
        actor=world.chau_thanh_office_leader, document=document, position="Chánh Văn phòng"
    )
    document = out.outgoing_issue(
        actor=world.chau_thanh_clerk,
        document=document,
        recipients=[Recipient(unit=world.province_office), Recipient(external_name="UBND")],
        issued_on=date(2012, 3, 1),
    )
    (issued,) = told(world.chau_thanh_specialist, "issued")
    assert issued == f"Văn bản đã phát hành: {document.number_symbol} — Báo cáo công tác tháng 3"
    assert len(told(world.chau_thanh_office_leader, "issued")) == 1  # the signer
    assert told(world.chau_thanh_clerk, "issued") == []  # who issued it
    assert len(told(world.province_clerk, "received")) == 1
    assert told(world.hoa_thanh_clerk) == []
    services_delivery.outgoing_recall(
        actor=world.chau_thanh_clerk, document=document, reason="Ban hành nhầm"
    )
    assert told(world.province_clerk, "recalled")[0].startswith(
        "Văn bản đã bị thu hồi (Ban hành nhầm)"
    )


def test_a_two_step_chain_presents_the_draft_to_the_next_step_and_the_drafter_hears_at_the_end(
    world: DocWorld,
) -> None:
    two_step_chain(world)
    document = draft(world)
    out.outgoing_approve(actor=world.chau_thanh_office_leader, document=document)
    assert told(world.chau_thanh_specialist, "approved") == []
    assert told(world.chau_thanh_leader, "presented") == [
        "Dự thảo trình đồng chí duyệt: Báo cáo công tác tháng 3"
    ]
    out.outgoing_approve(actor=world.chau_thanh_leader, document=document)
    assert len(told(world.chau_thanh_specialist, "approved")) == 1


def test_a_secret_documents_notices_reach_only_the_cleared(world: DocWorld) -> None:
    cleared = cleared_clerk(world.hoa_thanh_office, Clearance.TOP_SECRET)
    sent_secret(world, Clearance.TOP_SECRET, subject="Phương án bí mật số một")
    assert len(told(cleared, "received")) == 1
    assert told(world.hoa_thanh_clerk) == []  # a clerk there, cleared for Mật only
    secret_signed(world, Clearance.TOP_SECRET, subject="Phương án bí mật số hai")
    for person in (world.chau_thanh_clerk, world.chau_thanh_specialist, world.hoa_thanh_clerk):
        assert not any("bí mật" in text for text in told(person)), person


def test_a_notice_comes_by_email_only_to_who_chose_its_kind(
    world: DocWorld, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    leader = world.chau_thanh_office_leader
    leader.email = "cvp@example.invalid"
    leader.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        presented(world)
    assert mail.outbox == []  # presented: off by default
    notifications.notice_preferences_set(actor=leader, email={"presented": True})
    with django_capture_on_commit_callbacks(execute=True):
        document = register_2011(world, number_symbol="Số 46-CT/TU")
        services_incoming.incoming_present(
            actor=world.chau_thanh_clerk, document=document, leader=leader
        )
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["cvp@example.invalid"], "[vanphong] Văn bản trình tôi")
    ]
    assert mail.outbox[0].body.startswith("Văn bản trình đồng chí: 46-CT/TU")


def test_a_notice_email_links_the_page_under_the_sites_address(
    world: DocWorld,
    django_capture_on_commit_callbacks: Callable[..., Any],
    settings: LazySettings,
) -> None:
    settings.VANPHONG_SITE_URL = "https://vanphong.tayninh.vn"
    leader = world.chau_thanh_office_leader
    leader.email = "cvp@example.invalid"
    leader.save(update_fields=["email"])
    notifications.notice_preferences_set(actor=leader, email={"presented": True})
    with django_capture_on_commit_callbacks(execute=True):
        document = presented(world)
    assert mail.outbox[0].body.endswith(
        f"https://vanphong.tayninh.vn{reverse('documents:incoming_detail', args=[document.uuid])}"
    )
