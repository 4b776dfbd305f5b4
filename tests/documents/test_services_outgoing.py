from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.conf import LazySettings
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.documents import DocWorld, draft_report, sent_secret
from tests.support.factories import UnitFactory
from vanphong.core.models import AuditEvent, NumberAllocation
from vanphong.documents import services_delivery, services_incoming, services_outgoing
from vanphong.documents.models import (
    DeliveryStatus,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    OutgoingStatus,
)
from vanphong.documents.selectors import reception_queue
from vanphong.documents.services_delivery import Recipient
from vanphong.org.models import Clearance, Role, UnitKind

ISSUED_ON = date(2012, 3, 1)


def approved_and_signed(world: DocWorld, **overrides: object) -> OutgoingDocument:
    document = draft_report(world, **overrides)
    services_outgoing.outgoing_submit(actor=document.drafter, document=document)
    services_outgoing.outgoing_approve(actor=world.chau_thanh_office_leader, document=document)
    services_outgoing.outgoing_sign(
        actor=world.chau_thanh_office_leader,
        document=document,
        position="Chánh Văn phòng",
    )
    document.refresh_from_db()
    return document


def issue(world: DocWorld, document: OutgoingDocument, **overrides: object) -> OutgoingDocument:
    fields: dict[str, object] = {
        "actor": world.chau_thanh_clerk,
        "document": document,
        "recipients": [
            Recipient(unit=world.province_office),
            Recipient(external_name="UBND huyện"),
        ],
        "issued_on": ISSUED_ON,
    }
    fields.update(overrides)
    return services_outgoing.outgoing_issue(**fields)  # type: ignore[arg-type]


def test_party_numbers_run_per_type_within_the_committee_term(world: DocWorld) -> None:
    first = issue(world, approved_and_signed(world))
    second = issue(world, approved_and_signed(world))
    plan = issue(world, approved_and_signed(world, type_symbol="KH"))
    secret = issue(
        world,
        approved_and_signed(world, confidentiality=Clearance.SECRET, actor=world.chau_thanh_clerk),
    )
    assert (first.number_symbol, second.number_symbol) == ("01-BC/VPHU", "02-BC/VPHU")
    assert plan.number_symbol == "01-KH/VPHU"
    assert secret.number_symbol == "03-BC/VPHU", "Party secret documents share the series"
    assert first.status == OutgoingStatus.ISSUED


def test_a_new_term_starts_the_numbers_again(world: DocWorld) -> None:
    from tests.support.factories import TermFactory

    TermFactory.create(
        committee=world.chau_thanh, name="2015–2020", starts_on=date(2015, 7, 20), ends_on=None
    )
    issue(world, approved_and_signed(world))
    later = issue(world, approved_and_signed(world), issued_on=date(2016, 1, 5))
    assert later.number_symbol == "01-BC/VPHU"


def test_issuing_outside_any_term_is_refused_and_uses_no_number(world: DocWorld) -> None:
    document = approved_and_signed(world)
    with pytest.raises(ValidationError) as caught:
        issue(world, document, issued_on=date(2009, 1, 5))
    assert "issued_on" in caught.value.message_dict
    assert not NumberAllocation.objects.exists()


def test_government_style_numbers_run_per_year_with_secret_apart(world: DocWorld) -> None:
    unit = UnitFactory.create(
        parent=world.chau_thanh, kind=UnitKind.BOARD, name="Ban thử", symbol="UBND",
        numbering_style="government",
    )  # fmt: skip
    from tests.support.factories import MembershipFactory

    for person, role, level in [
        (world.chau_thanh_specialist, Role.SPECIALIST, Clearance.SECRET),
        (world.chau_thanh_office_leader, Role.OFFICE_LEADER, Clearance.SECRET),
        (world.chau_thanh_clerk, Role.CLERK, Clearance.SECRET),
    ]:
        MembershipFactory.create(person=person, unit=unit, role=role, clearance=level)

    def one(**extra: object) -> OutgoingDocument:
        document = approved_and_signed(world, unit=unit, type_symbol="QĐ", **extra)
        return issue(world, document, recipients=[Recipient(external_name="Sở Nội vụ")], **{
            k: v for k, v in extra.items() if k == "issued_on"})  # fmt: skip

    assert one().number_symbol == "01/QĐ-UBND"
    assert one().number_symbol == "02/QĐ-UBND"
    assert one(confidentiality=Clearance.SECRET).number_symbol == "01/QĐ-UBND"


def test_the_drafter_cannot_approve_their_own_draft(world: DocWorld) -> None:
    document = draft_report(world, actor=world.chau_thanh_office_leader)
    services_outgoing.outgoing_submit(actor=world.chau_thanh_office_leader, document=document)
    with pytest.raises(PermissionDenied, match="tự duyệt"):
        services_outgoing.outgoing_approve(actor=world.chau_thanh_office_leader, document=document)


def test_a_two_step_chain_needs_both_approvals(world: DocWorld) -> None:
    services_outgoing.approval_chain_set(
        actor=world.chau_thanh_office_leader,
        unit=world.chau_thanh_office,
        steps=[
            {"role": Role.OFFICE_LEADER, "at": "unit"},
            {"role": Role.COMMITTEE_LEADER, "at": "committee"},
        ],
        allow_self_approval=False,
    )
    document = draft_report(world)
    services_outgoing.outgoing_submit(actor=world.chau_thanh_specialist, document=document)
    with pytest.raises(PermissionDenied):
        services_outgoing.outgoing_approve(actor=world.chau_thanh_leader, document=document)
    services_outgoing.outgoing_approve(actor=world.chau_thanh_office_leader, document=document)
    document.refresh_from_db()
    assert (document.status, document.current_step) == (OutgoingStatus.IN_REVIEW, 1)
    services_outgoing.outgoing_approve(actor=world.chau_thanh_leader, document=document)
    document.refresh_from_db()
    assert document.status == OutgoingStatus.APPROVED


def test_a_returned_draft_is_revised_and_resubmitted(world: DocWorld) -> None:
    document = draft_report(world)
    services_outgoing.outgoing_submit(actor=world.chau_thanh_specialist, document=document)
    services_outgoing.outgoing_return(
        actor=world.chau_thanh_office_leader, document=document, comment="Bổ sung số liệu"
    )
    version = services_outgoing.draft_revise(
        actor=world.chau_thanh_specialist,
        document=document,
        body="Dự thảo lần 2",
        note="Đã bổ sung",
    )
    assert version.version == 2
    services_outgoing.outgoing_submit(actor=world.chau_thanh_specialist, document=document)
    services_outgoing.outgoing_approve(actor=world.chau_thanh_office_leader, document=document)
    document.refresh_from_db()
    assert document.status == OutgoingStatus.APPROVED
    assert [d.decision for d in document.decisions.all()] == ["returned", "approved"]


@pytest.mark.parametrize("step", ["unsigned", "issued"])
def test_illegal_moves_are_refused_with_the_state_named(world: DocWorld, step: str) -> None:
    document = draft_report(world)
    if step == "unsigned":
        services_outgoing.outgoing_submit(actor=world.chau_thanh_specialist, document=document)
        with pytest.raises(ValidationError, match="Đang trình duyệt"):
            issue(world, document)
    else:
        document = issue(world, approved_and_signed(world))
        with pytest.raises(ValidationError):
            services_outgoing.draft_revise(
                actor=world.chau_thanh_specialist, document=document, body="x"
            )


def test_distribution_puts_the_document_in_the_recipients_queue_not_its_book(
    world: DocWorld,
) -> None:
    document = issue(world, approved_and_signed(world))
    queue = list(reception_queue(world.province_clerk))
    assert [d.document for d in queue] == [document]
    assert not world.province_office.incoming.exists()
    delivery = queue[0]
    copy = services_incoming.delivery_register(actor=world.province_clerk, delivery=delivery)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.REGISTERED
    assert copy.sender_unit == world.chau_thanh_office
    assert list(reception_queue(world.province_clerk)) == []


def test_recall_freezes_the_recipients_copy_and_deletes_nothing(world: DocWorld) -> None:
    document = issue(world, approved_and_signed(world))
    delivery = document.deliveries.get(recipient_unit=world.province_office)
    copy = services_incoming.delivery_register(actor=world.province_clerk, delivery=delivery)
    services_delivery.outgoing_recall(
        actor=world.chau_thanh_clerk, document=document, reason="Sai số liệu"
    )
    copy.refresh_from_db()
    document.refresh_from_db()
    delivery.refresh_from_db()
    assert copy.status == IncomingStatus.RECALLED
    assert document.status == OutgoingStatus.WITHDRAWN
    assert delivery.status == DeliveryStatus.RECALLED
    history = list(delivery.events.order_by("pk").values_list("status", "by", "description"))
    assert history[-2:] == [
        (DeliveryStatus.RECALL_REQUESTED, world.chau_thanh_clerk.pk, "Sai số liệu"),
        (DeliveryStatus.RECALLED, None, ""),
    ]
    assert document.number == 1
    with pytest.raises(ValidationError):
        services_incoming.incoming_file(actor=world.province_clerk, document=copy)


def test_a_recipient_refuses_a_misaddressed_document(world: DocWorld) -> None:
    document = issue(world, approved_and_signed(world))
    delivery = document.deliveries.get(recipient_unit=world.province_office)
    services_delivery.delivery_refuse(
        actor=world.province_clerk, delivery=delivery, reason="Gửi nhầm"
    )
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.REFUSED
    with pytest.raises(PermissionDenied):
        services_delivery.delivery_refuse(
            actor=world.hoa_thanh_clerk, delivery=delivery, reason="x"
        )


# --- registering and refusing a delivery ------------------------------------------------------


@pytest.fixture
def media(settings: LazySettings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.mark.usefixtures("media")
def test_a_delivery_is_registered_with_the_sent_documents_secrecy_and_facts(
    world: DocWorld,
) -> None:
    delivery = sent_secret(world, Clearance.SECRET)
    sent = delivery.document
    copy = services_incoming.delivery_register(
        actor=world.hoa_thanh_clerk, delivery=delivery, page_count=99, recipients_note=""
    )
    assert (copy.confidentiality, copy.urgency, copy.medium) == (
        Clearance.SECRET,
        sent.urgency,
        "internal",
    )
    assert (copy.number_symbol, copy.document_date, copy.subject, copy.type_symbol) == (
        sent.number_symbol,
        ISSUED_ON,
        sent.subject,
        "PA",
    )
    assert (copy.sender_name, copy.sender_unit) == (sent.unit.name, world.chau_thanh_office)
    assert copy.page_count == 4, "the sender's page count, not the clerk's"
    assert [a.filename for a in copy.attachments.all()] == ["Phương án.pdf"]


@pytest.mark.usefixtures("media")
@pytest.mark.parametrize("action", ["register", "refuse"])
def test_a_clerk_not_cleared_for_a_delivery_neither_registers_nor_refuses_it(
    world: DocWorld, action: str
) -> None:
    delivery = sent_secret(world, Clearance.TOP_SECRET)
    events = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied) as refused:
        if action == "register":
            services_incoming.delivery_register(actor=world.hoa_thanh_clerk, delivery=delivery)
        else:
            services_delivery.delivery_refuse(
                actor=world.hoa_thanh_clerk, delivery=delivery, reason="x"
            )
    assert "bảo vệ bí mật" not in str(refused.value), "the refusal names nothing"
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.ARRIVED
    assert not IncomingDocument.objects.exists()
    assert AuditEvent.objects.count() == events


@pytest.mark.usefixtures("media")
def test_a_clerk_of_another_unit_cannot_register_a_delivery(world: DocWorld) -> None:
    delivery = sent_secret(world, Clearance.UNCLASSIFIED)
    with pytest.raises(PermissionDenied):
        services_incoming.delivery_register(actor=world.province_clerk, delivery=delivery)
    assert not IncomingDocument.objects.exists()
