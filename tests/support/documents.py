"""The document world (the personas plus the leaders and terms documents need) and documents
built through the services, for tests to start from."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

from django.urls import reverse

from tests.support.factories import MembershipFactory, TermFactory
from tests.support.files import PDF
from tests.support.personas import Personas, build_personas, cast
from vanphong.documents import services_handling, services_incoming, services_outgoing
from vanphong.documents.models import (
    Assignment,
    Delivery,
    Direction,
    IncomingDocument,
    OutgoingDocument,
    OutgoingStatus,
    Urgency,
)
from vanphong.documents.selectors import reception_queue
from vanphong.documents.services import Upload
from vanphong.documents.services_delivery import Recipient
from vanphong.documents.services_incoming import Handler
from vanphong.org.models import Clearance, CommitteeTerm, Person, Role, Unit

RECEIVED_2011 = datetime(2011, 3, 7, 2, 30, tzinfo=UTC)  # 09:30 in Tây Ninh
RECEIVED_2012 = datetime(2012, 3, 5, 2, 0, tzinfo=UTC)  # 09:00 in Tây Ninh
DRAFT_SUBJECT = "Báo cáo kết quả bầu cử đại biểu HĐND huyện nhiệm kỳ 2011–2016"


@dataclass
class DocWorld:
    p: Personas
    chau_thanh_term: CommitteeTerm
    province_office_leader: Person
    province_specialist: Person
    chau_thanh_office_leader: Person
    chau_thanh_leader: Person

    def __getattr__(self, name: str) -> Any:  # the personas' fields, typed loosely
        return getattr(self.p, name)


def build_world() -> DocWorld:
    p = build_personas()
    return DocWorld(
        p=p,
        chau_thanh_term=TermFactory.create(
            committee=p.chau_thanh, starts_on=date(2010, 7, 20), ends_on=date(2015, 7, 19)
        ),
        province_office_leader=cast(p, "cvp.tinh"),
        province_specialist=cast(p, "cv.tinh"),
        chau_thanh_office_leader=cast(p, "cvp.chauthanh"),
        chau_thanh_leader=cast(p, "bt.chauthanh"),
    )


def url(name: str, *args: object) -> str:
    return reverse(f"documents:{name}", args=args)


def register(world: DocWorld, **overrides: object) -> IncomingDocument:
    fields: dict[str, object] = {
        "actor": world.chau_thanh_clerk,
        "unit": world.chau_thanh_office,
        "medium": "paper",
        "sender_name": "Tỉnh ủy Tây Ninh",
        "number_symbol": "Số 45-CT/TU",
        "document_date": date(2012, 3, 1),
        "subject": "Về lãnh đạo cuộc bầu cử đại biểu Quốc hội khoá XIII",
        "received_at": RECEIVED_2012,
    }
    fields.update(overrides)
    return services_incoming.incoming_register(**fields)  # type: ignore[arg-type]


def register_2011(world: DocWorld, **overrides: object) -> IncomingDocument:
    fields: dict[str, object] = {
        "actor": world.chau_thanh_clerk,
        "unit": world.chau_thanh_office,
        "medium": "paper",
        "sender_name": "Tỉnh ủy Tây Ninh",
        "number_symbol": "Số 45-CT/TU",
        "document_date": date(2011, 3, 1),
        "subject": "Về lãnh đạo cuộc bầu cử đại biểu Quốc hội khoá XIII",
        "received_at": RECEIVED_2011,
    }
    fields.update(overrides)
    return services_incoming.incoming_register(**fields)  # type: ignore[arg-type]


def register_post(world: DocWorld, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "unit": str(world.chau_thanh_office.uuid),
        "medium": "paper",
        "received_at": "",
        "sender_name": "Tỉnh ủy Tây Ninh",
        "number_symbol": "Số 12-CV/TU",
        "document_date": "2012-02-10",
        "subject": "V/v chuẩn bị hội nghị sơ kết công tác quý I",
        "page_count": "3",
        "confidentiality": str(Clearance.UNCLASSIFIED),
        "urgency": str(Urgency.NORMAL),
        "recipients_note": "Chánh Văn phòng",
        "deadline": "",
        "note": "",
        "duplicate_reason": "",
        "submission_id": str(uuid4()),
    }
    data.update(overrides)
    return data


def direct(
    world: DocWorld,
    document: IncomingDocument,
    *,
    lead: Person | None = None,
    lead_unit: Unit | None = None,
    supporting: tuple[Person, ...] = (),
    deadline: date | None = None,
    given_at: datetime | None = None,
) -> Direction:
    """A direction by the Châu Thành office leader, backdated to `given_at` when given."""
    direction = services_incoming.direction_give(
        actor=world.chau_thanh_office_leader,
        document=document,
        text="Đề nghị đồng chí chủ trì tham mưu văn bản trả lời.",
        lead=Handler(person=lead, unit=lead_unit),
        supporting=[Handler(person=p) for p in supporting],
        deadline=deadline,
    )
    if given_at is not None:
        Direction.objects.filter(pk=direction.pk).update(given_at=given_at)
        Assignment.objects.filter(direction=direction).update(assigned_at=given_at)
    return direction


def complete(
    assignment: Assignment, *, on: datetime, reply: OutgoingDocument | None = None
) -> None:
    """The assignee finishes (through the service), then the completion is dated `on`."""
    services_handling.assignment_complete(
        actor=assignment.assignee,  # type: ignore[arg-type]
        assignment=assignment,
        result="Đã tham mưu văn bản trả lời.",
        reply=reply,
    )
    Assignment.objects.filter(pk=assignment.pk).update(completed_at=on)


def issued_report(
    world: DocWorld,
    *,
    subject: str = "Báo cáo kết quả bầu cử đại biểu HĐND huyện",
    type_symbol: str = "BC",
    issued_on: date = date(2012, 3, 1),
    recipients: list[Recipient] | None = None,
    reply_to: IncomingDocument | None = None,
    copies: int = 3,
) -> OutgoingDocument:
    document = services_outgoing.outgoing_create(
        actor=world.chau_thanh_specialist,
        unit=world.chau_thanh_office,
        type_symbol=type_symbol,
        subject=subject,
        body="Dự thảo lần 1",
        reply_to=reply_to,
    )
    services_outgoing.outgoing_submit(actor=world.chau_thanh_specialist, document=document)
    services_outgoing.outgoing_approve(actor=world.chau_thanh_office_leader, document=document)
    services_outgoing.outgoing_sign(
        actor=world.chau_thanh_office_leader,
        document=document,
        position="Chánh Văn phòng",
    )
    return services_outgoing.outgoing_issue(
        actor=world.chau_thanh_clerk,
        document=document,
        recipients=recipients
        or [Recipient(unit=world.province_office), Recipient(external_name="UBND huyện")],
        issued_on=issued_on,
        copies=copies,
        file_copy_holder="Lưu VT, hồ sơ bầu cử",
    )


def draft_report(world: DocWorld, **overrides: object) -> OutgoingDocument:
    fields: dict[str, object] = {
        "actor": world.chau_thanh_specialist,
        "unit": world.chau_thanh_office,
        "type_symbol": "BC",
        "subject": "Báo cáo kết quả bầu cử đại biểu HĐND huyện nhiệm kỳ 2011–2016",
        "body": "Dự thảo lần 1",
    }
    fields.update(overrides)
    return services_outgoing.outgoing_create(**fields)  # type: ignore[arg-type]


def secret_signed(
    world: DocWorld, level: int, *, subject: str = "Phương án bảo vệ bí mật nhà nước năm 2012"
) -> OutgoingDocument:
    """A draft of Châu Thành's Office at `level`, approved and signed by people of the Office
    cleared for it (the clerks of the personas are cleared for Mật only)."""
    drafter, leader = (
        MembershipFactory.create(unit=world.chau_thanh_office, role=role, clearance=level).person
        for role in (Role.SPECIALIST, Role.OFFICE_LEADER)
    )
    document = services_outgoing.outgoing_create(
        actor=drafter,
        unit=world.chau_thanh_office,
        type_symbol="PA",
        subject=subject,
        confidentiality=level,
    )
    services_outgoing.outgoing_submit(actor=drafter, document=document)
    services_outgoing.outgoing_approve(actor=leader, document=document)
    return services_outgoing.outgoing_sign(
        actor=leader, document=document, position="Chánh Văn phòng"
    )


def cleared_clerk(unit: Unit, level: int) -> Person:
    person: Person = MembershipFactory.create(unit=unit, role=Role.CLERK, clearance=level).person
    return person


def sent_secret(world: DocWorld, level: int, **fields: Any) -> Delivery:
    """`secret_signed`, issued by a cleared clerk to Hòa Thành's Office with a file."""
    document = services_outgoing.outgoing_issue(
        actor=cleared_clerk(world.chau_thanh_office, level),
        document=secret_signed(world, level, **fields),
        recipients=[Recipient(unit=world.hoa_thanh_office)],
        issued_on=date(2012, 3, 1),
        page_count=4,
        attachments=[Upload("Phương án.pdf", io.BytesIO(PDF))],
    )
    return Delivery.objects.get(document=document, recipient_unit=world.hoa_thanh_office)


ISSUED_ON = date(2012, 3, 1)


def draft(world: DocWorld, **overrides: Any) -> OutgoingDocument:
    fields: dict[str, Any] = {
        "actor": world.chau_thanh_specialist,
        "unit": world.chau_thanh_office,
        "type_symbol": "CV",
        "subject": DRAFT_SUBJECT,
        "body": "Dự thảo lần 1",
    }
    fields.update(overrides)
    return services_outgoing.outgoing_create(**fields)


def two_step_chain(world: DocWorld, unit: Unit | None = None) -> None:
    services_outgoing.approval_chain_set(
        actor=world.chau_thanh_office_leader,
        unit=unit or world.chau_thanh_office,
        steps=[
            {"role": Role.OFFICE_LEADER, "at": "unit"},
            {"role": Role.COMMITTEE_LEADER, "at": "committee"},
        ],
        allow_self_approval=False,
    )


def approved(world: DocWorld, **overrides: Any) -> OutgoingDocument:
    """A draft submitted and approved: by the office leader, then (with a two-step chain) by
    the committee's leader."""
    document = draft(world, **overrides)
    services_outgoing.outgoing_submit(actor=document.drafter, document=document)
    for leader in (world.chau_thanh_office_leader, world.chau_thanh_leader):
        document.refresh_from_db()
        if document.status == OutgoingStatus.IN_REVIEW:
            services_outgoing.outgoing_approve(actor=leader, document=document)
    document.refresh_from_db()
    return document


def signed(world: DocWorld, **overrides: Any) -> OutgoingDocument:
    document = approved(world, **overrides)
    services_outgoing.outgoing_sign(
        actor=world.chau_thanh_office_leader,
        document=document,
        position="Chánh Văn phòng",
    )
    document.refresh_from_db()
    return document


def issued(
    world: DocWorld, recipients: list[Recipient] | None = None, **overrides: Any
) -> OutgoingDocument:
    document = signed(world, **overrides)
    return services_outgoing.outgoing_issue(
        actor=world.chau_thanh_clerk,
        document=document,
        recipients=recipients
        or [Recipient(unit=world.hoa_thanh_office), Recipient(external_name="UBND huyện")],
        issued_on=ISSUED_ON,
        copies=3,
        file_copy_holder="Lưu Văn phòng",
    )


def register_delivery(world: DocWorld, document: OutgoingDocument) -> IncomingDocument:
    """The recipient clerk (Hòa Thành) registers what arrived in the reception queue."""
    delivery = reception_queue(world.hoa_thanh_clerk).get(document=document)
    return services_incoming.delivery_register(actor=world.hoa_thanh_clerk, delivery=delivery)


def submitted(world: DocWorld, **overrides: Any) -> OutgoingDocument:
    document = draft(world, **overrides)
    services_outgoing.outgoing_submit(actor=document.drafter, document=document)
    document.refresh_from_db()
    return document
