"""Routing inside the installation: what is sent to a committee reaches the unit doing its
clerical work (its Office), and a send that nobody would receive is refused before it goes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from tests.support.documents import (
    DocWorld,
    cleared_clerk,
    issued,
    secret_signed,
    signed,
)
from tests.support.factories import MembershipFactory, UnitFactory
from vanphong.core.models import AuditEvent, NoticeKind, Notification, NumberAllocation
from vanphong.documents import services_delivery, services_incoming, services_outgoing
from vanphong.documents.models import Delivery, DeliveryStatus, IncomingDocument
from vanphong.documents.selectors import delivery_get_for_recipient, reception_queue
from vanphong.documents.services_delivery import Recipient
from vanphong.org.models import Clearance, Role, Unit, UnitKind


def to_committee(world: DocWorld) -> Delivery:
    document = issued(world, recipients=[Recipient(unit=world.hoa_thanh)])
    return document.deliveries.get()


def committee_without_clerk(world: DocWorld) -> tuple[Unit, Unit]:
    committee = UnitFactory.create(
        parent=world.province, kind=UnitKind.DISTRICT_COMMITTEE, name="Huyện ủy Tân Biên"
    )
    office = UnitFactory.create(parent=committee, name="Văn phòng Huyện ủy Tân Biên")
    MembershipFactory.create(unit=office, role=Role.SPECIALIST)
    return committee, office


def test_a_document_sent_to_a_committee_lands_in_its_offices_reception_queue(
    world: DocWorld,
) -> None:
    delivery = to_committee(world)
    assert (delivery.recipient_unit, delivery.receiving_unit) == (
        world.hoa_thanh,
        world.hoa_thanh_office,
    )
    assert list(reception_queue(world.hoa_thanh_clerk)) == [delivery]
    assert not reception_queue(world.province_clerk).exists()


def test_the_offices_clerk_is_told_it_arrived_and_nobody_is_told_for_the_committee(
    world: DocWorld,
) -> None:
    delivery = to_committee(world)
    told = Notification.objects.filter(kind=NoticeKind.RECEIVED)
    assert set(told.values_list("person_id", flat=True)) == {world.hoa_thanh_clerk.pk}
    assert told.get().url == reverse("documents:queue")
    assert delivery.receiving_unit == world.hoa_thanh_office


def test_the_office_clerk_registers_it_in_the_offices_book_noting_the_addressee(
    world: DocWorld,
) -> None:
    delivery = to_committee(world)
    copy = services_incoming.delivery_register(actor=world.hoa_thanh_clerk, delivery=delivery)
    assert copy.unit == world.hoa_thanh_office
    assert copy.recipients_note == "Huyện uỷ Hoà Thành"
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.REGISTERED


def test_the_office_clerk_may_refuse_it(world: DocWorld) -> None:
    delivery = to_committee(world)
    services_delivery.delivery_refuse(
        actor=world.hoa_thanh_clerk, delivery=delivery, reason="Gửi nhầm"
    )
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.REFUSED


def test_nobody_else_sees_registers_or_refuses_it(world: DocWorld) -> None:
    delivery = to_committee(world)
    with pytest.raises(PermissionDenied):
        services_incoming.delivery_register(actor=world.province_clerk, delivery=delivery)
    with pytest.raises(PermissionDenied):
        services_delivery.delivery_refuse(
            actor=world.province_clerk, delivery=delivery, reason="Không phải của tôi"
        )
    with pytest.raises(Http404):
        delivery_get_for_recipient(world.province_clerk, delivery.uuid)


def test_a_secret_delivery_above_the_office_clerks_clearance_stays_unseen(
    world: DocWorld,
) -> None:
    document = services_outgoing.outgoing_issue(
        actor=cleared_clerk(world.chau_thanh_office, Clearance.TOP_SECRET),
        document=secret_signed(world, Clearance.TOP_SECRET),
        recipients=[Recipient(unit=world.hoa_thanh)],
        issued_on=date(2012, 3, 1),
    )
    assert document.deliveries.get().receiving_unit == world.hoa_thanh_office
    assert not reception_queue(world.hoa_thanh_clerk).exists()  # cleared for Mật only
    cleared = cleared_clerk(world.hoa_thanh_office, Clearance.TOP_SECRET)
    assert [d.document for d in reception_queue(cleared)] == [document]


def test_a_unit_set_to_be_served_by_another_sends_there(world: DocWorld) -> None:
    board = UnitFactory.create(
        parent=world.hoa_thanh, kind=UnitKind.BOARD, name="Ban Tuyên giáo Huyện ủy Hòa Thành"
    )
    Unit.objects.filter(pk=board.pk).update(clerical_unit=world.hoa_thanh_office)
    board.refresh_from_db()
    document = issued(world, recipients=[Recipient(unit=board)])
    assert document.deliveries.get().receiving_unit == world.hoa_thanh_office
    assert [d.recipient_unit for d in reception_queue(world.hoa_thanh_clerk)] == [board]


def test_a_send_to_a_committee_whose_office_has_no_clerk_is_refused_naming_both(
    world: DocWorld,
) -> None:
    committee, _office = committee_without_clerk(world)
    document = signed(world)
    with pytest.raises(ValidationError) as refused:
        services_outgoing.outgoing_issue(
            actor=world.chau_thanh_clerk,
            document=document,
            recipients=[Recipient(unit=world.hoa_thanh_office), Recipient(unit=committee)],
            issued_on=date(2012, 3, 1),
        )
    assert refused.value.message_dict == {
        "recipients": [
            "Huyện ủy Tân Biên: chưa có văn thư tiếp nhận "
            "(Văn phòng Huyện ủy Tân Biên không có văn thư đang làm việc)."
        ]
    }
    document.refresh_from_db()
    assert (document.status, document.number) == ("signed", None)
    assert not Delivery.objects.exists()
    assert not NumberAllocation.objects.exists()


def test_a_clerk_whose_post_has_ended_receives_nothing(world: DocWorld) -> None:
    committee, office = committee_without_clerk(world)
    MembershipFactory.create(
        unit=office, role=Role.CLERK, ends_on=timezone.localdate() - timedelta(days=1)
    )
    sent = issued(world)
    with pytest.raises(ValidationError, match="chưa có văn thư tiếp nhận"):
        services_delivery.outgoing_distribute(
            actor=world.chau_thanh_clerk, document=sent, recipients=[Recipient(unit=committee)]
        )
    assert not sent.deliveries.filter(recipient_unit=committee).exists()


def test_a_committee_is_not_sent_what_its_own_office_issued(world: DocWorld) -> None:
    document = signed(world)
    with pytest.raises(ValidationError, match="do chính đơn vị bạn tiếp nhận"):
        services_outgoing.outgoing_issue(
            actor=world.chau_thanh_clerk,
            document=document,
            recipients=[Recipient(unit=world.chau_thanh)],
            issued_on=date(2012, 3, 1),
        )


def test_the_send_is_audited_with_the_unit_that_received_it(world: DocWorld) -> None:
    delivery = to_committee(world)
    event = AuditEvent.objects.get(action="outgoing.distribute")
    assert event.after is not None
    assert event.after["received_by"] == {"Huyện uỷ Hoà Thành": "Văn phòng Huyện uỷ Hoà Thành"}
    assert IncomingDocument.objects.count() == 0
    assert delivery.status == DeliveryStatus.ARRIVED
