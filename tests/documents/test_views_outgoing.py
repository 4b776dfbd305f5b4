"""The outgoing-document pages: drafting, the document page, the lists and the outgoing book.

The whole life of a document through the pages is here too; approval and the exchange between
units have files of their own (test_views_approval, test_views_exchange).
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from tests.support.documents import (
    ISSUED_ON,
    DocWorld,
    approved,
    cleared_clerk,
    draft,
    issued,
    register_delivery,
    secret_signed,
    signed,
    two_step_chain,
    url,
)
from tests.support.web import login, messages_of, page_queries
from vanphong.core.models import AuditEvent
from vanphong.documents import services_delivery, services_incoming, services_outgoing
from vanphong.documents.models import (
    ApprovalDecision,
    ApprovalStep,
    Delivery,
    DeliveryEvent,
    DeliveryStatus,
    DraftVersion,
    OutgoingDocument,
    OutgoingStatus,
    Urgency,
)
from vanphong.documents.selectors import reception_queue
from vanphong.documents.services_delivery import Recipient
from vanphong.org.models import Clearance, Role, Unit

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
SUBJECT = "Báo cáo kết quả bầu cử đại biểu HĐND huyện nhiệm kỳ 2011–2016"


# --- helpers shared by the outgoing page tests ----------------------------------------------


def create_post(world: DocWorld, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "unit": str(world.chau_thanh_office.uuid),
        "type_symbol": "CV",
        "subject": SUBJECT,
        "confidentiality": str(Clearance.UNCLASSIFIED),
        "urgency": str(Urgency.NORMAL),
        "body": "Kính gửi Ban Thường vụ Huyện ủy…",
    }
    data.update(overrides)
    return data


# --- the whole life of a document -------------------------------------------------------------


def test_a_document_goes_from_draft_to_the_recipients_book_through_the_pages(
    client: Client, world: DocWorld
) -> None:
    leader_client = login(Client(), world.chau_thanh_office_leader)
    response = leader_client.post(
        url("approval_chain", world.chau_thanh_office.uuid),
        {"role_0": Role.OFFICE_LEADER, "at_0": "unit", "role_1": Role.COMMITTEE_LEADER,
         "at_1": "committee", "at_2": "unit", "at_3": "unit", "at_4": "unit"},
    )  # fmt: skip
    assert response.status_code == 302

    specialist = login(Client(), world.chau_thanh_specialist)
    response = specialist.post(url("outgoing_create"), create_post(world))
    document = OutgoingDocument.objects.get()
    assert response["Location"] == url("outgoing_detail", document.uuid)
    assert (document.drafter, document.status) == (world.chau_thanh_specialist, "draft")
    response = specialist.post(url("outgoing_submit", document.uuid), follow=True)
    assert "Đã trình duyệt dự thảo." in messages_of(response)

    response = leader_client.post(
        url("outgoing_decide", document.uuid), {"decision": "duyet", "comment": "Đồng ý."}
    )
    assert response.status_code == 302
    committee_leader = login(Client(), world.chau_thanh_leader)
    response = committee_leader.post(
        url("outgoing_decide", document.uuid), {"decision": "duyet", "comment": "Ký được."}
    )
    document.refresh_from_db()
    assert document.status == OutgoingStatus.APPROVED

    response = committee_leader.post(
        url("outgoing_sign", document.uuid), {"position": "Bí thư", "authority": "T/M"}
    )
    assert response.status_code == 302
    clerk = login(client, world.chau_thanh_clerk)
    response = clerk.post(
        url("outgoing_issue", document.uuid),
        {
            "issued_on": "2012-03-01",
            "page_count": "2",
            "copies": "5",
            "file_copy_holder": "Lưu VP, Ban Tổ chức",
            "recipients": [str(world.hoa_thanh_office.uuid)],
            "external-ten": ["UBND huyện Châu Thành", ""],
            "external-ghi-chu": ["bản giấy", ""],
            "attachments": [io.BytesIO(PDF)],
        },
        follow=True,
    )
    document.refresh_from_db()
    assert document.status == OutgoingStatus.ISSUED
    assert document.number_symbol == "01-CV/VPHU"
    assert "Đã phát hành văn bản số 01-CV/VPHU." in messages_of(response)
    assert document.deliveries.get(recipient_unit=None).delivery_note == "bản giấy"
    assert document.signing_authority == "T/M"
    assert document.attachments.filter(version__isnull=True).count() == 1

    queue = list(reception_queue(world.hoa_thanh_clerk))
    assert [d.document for d in queue] == [document]
    register_delivery(world, document)
    body = clerk.get(url("outgoing_detail", document.uuid)).content.decode()
    assert "Đã vào sổ" in body
    assert "UBND huyện Châu Thành" in body
    assert "T/M · Bí thư · Hồ Bí Thư" in body


# --- drafting ---------------------------------------------------------------------------------


def test_the_draft_form_offers_the_units_the_person_belongs_to_and_their_types(
    client: Client, world: DocWorld
) -> None:
    login(client, world.chau_thanh_specialist)
    response = client.get(url("outgoing_create"))
    form = response.context["form"]
    assert list(form.fields["unit"].queryset) == [world.chau_thanh_office]
    symbols = [value for value, _label in form.fields["type_symbol"].choices]
    assert {"CV", "NQ", "BC", "TTr"} <= set(symbols)
    assert [v for v, _l in form.fields["confidentiality"].choices] == [0]


def test_a_draft_is_created_with_its_attachments_and_version_one(
    client: Client, world: DocWorld
) -> None:
    login(client, world.chau_thanh_specialist)
    upload = io.BytesIO(PDF)
    upload.name = "du-thao.pdf"
    response = client.post(url("outgoing_create"), create_post(world, attachments=[upload]))
    document = OutgoingDocument.objects.get()
    assert response.status_code == 302
    version = document.versions.get()
    assert version.version == 1
    assert version.body == "Kính gửi Ban Thường vụ Huyện ủy…"
    assert [a.filename for a in version.attachments.all()] == ["du-thao.pdf"]
    body = client.get(url("outgoing_detail", document.uuid)).content.decode()
    assert "du-thao.pdf" in body
    attachment = version.attachments.get()
    download = client.get(url("attachment", attachment.uuid))
    assert b"".join(download.streaming_content) == PDF  # type: ignore[attr-defined]


def test_a_rejected_draft_keeps_what_was_typed_and_shows_the_services_reason(
    client: Client, world: DocWorld
) -> None:
    login(client, world.chau_thanh_specialist)
    response = client.post(
        url("outgoing_create"),
        create_post(world, subject="   ", body="Nội dung đã gõ", confidentiality="1"),
    )
    assert response.status_code == 200
    assert not OutgoingDocument.objects.exists()
    form = response.context["form"]
    assert "confidentiality" in form.errors
    assert "Nội dung đã gõ" in response.content.decode()


def test_the_service_refuses_a_clearance_the_drafter_lacks_in_that_unit(
    client: Client, world: DocWorld
) -> None:
    """The form offers the highest clearance held anywhere; the service checks the unit."""
    from tests.support.factories import MembershipFactory

    MembershipFactory.create(
        person=world.chau_thanh_specialist,
        unit=world.hoa_thanh_office,
        role=Role.CLERK,
        clearance=Clearance.SECRET,
    )
    login(client, world.chau_thanh_specialist)
    response = client.post(url("outgoing_create"), create_post(world, confidentiality="1"))
    assert response.status_code == 200
    assert response.context["form"].errors["confidentiality"] == [
        "Bạn không được tiếp cận văn bản ở độ mật này."
    ]


def test_a_reply_starts_from_an_incoming_document_the_person_can_see(
    client: Client, world: DocWorld
) -> None:
    incoming = services_incoming.incoming_register(
        actor=world.chau_thanh_clerk,
        unit=world.chau_thanh_office,
        medium="paper",
        sender_name="Văn phòng Tỉnh ủy",
        number_symbol="Số 12-CV/VPTU",
        document_date=date(2012, 2, 1),
        subject="Đề nghị báo cáo tình hình",
        received_at=timezone.now() - timedelta(days=1),
    )
    login(client, world.chau_thanh_specialist)
    address = f"{url('outgoing_create')}?tra-loi={incoming.uuid}"
    form_page = client.get(address)
    assert "Đề nghị báo cáo tình hình" in form_page.content.decode()
    assert form_page.context["form"].initial["subject"] == "V/v trả lời văn bản số 12-CV/VPTU"
    client.post(address, create_post(world))
    document = OutgoingDocument.objects.get()
    assert document.reply_to == incoming
    body = client.get(url("outgoing_detail", document.uuid)).content.decode()
    assert "12-CV/VPTU" in body

    login(client, world.hoa_thanh_clerk)
    assert client.get(address).status_code == 404


def test_the_drafter_revises_a_returned_draft_as_a_new_version(
    client: Client, world: DocWorld
) -> None:
    document = draft(world)
    services_outgoing.outgoing_submit(actor=world.chau_thanh_specialist, document=document)
    services_outgoing.outgoing_return(
        actor=world.chau_thanh_office_leader, document=document, comment="Bổ sung số liệu xã"
    )
    login(client, world.chau_thanh_specialist)
    page = client.get(url("outgoing_detail", document.uuid)).content.decode()
    assert "Bổ sung số liệu xã" in page
    assert 'data-action="revise"' in page
    assert client.get(url("outgoing_revise", document.uuid)).context["form"].initial == {
        "subject": SUBJECT,
        "body": "Dự thảo lần 1",
    }
    response = client.post(
        url("outgoing_revise", document.uuid),
        {"subject": SUBJECT, "body": "Dự thảo lần 2", "note": "Đã bổ sung số liệu"},
    )
    assert response.status_code == 302
    assert list(document.versions.values_list("version", "body", "note")) == [
        (1, "Dự thảo lần 1", ""),
        (2, "Dự thảo lần 2", "Đã bổ sung số liệu"),
    ]
    body = client.get(url("outgoing_detail", document.uuid)).content.decode()
    assert "Phiên bản 2" in body
    assert "Đã bổ sung số liệu" in body


def test_an_issued_document_cannot_be_revised(client: Client, world: DocWorld) -> None:
    document = issued(world)
    login(client, world.chau_thanh_specialist)
    page = client.get(url("outgoing_detail", document.uuid)).content.decode()
    assert 'data-action="revise"' not in page
    response = client.get(url("outgoing_revise", document.uuid), follow=True)
    assert "Bạn không thực hiện được thao tác này khi văn bản ở trạng thái “Đã phát hành”." in (
        messages_of(response)
    )
    response = client.post(url("outgoing_revise", document.uuid), {"subject": SUBJECT, "body": "x"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Dự thảo đang trình duyệt hoặc đã ban hành; không sửa được."
    ]
    assert document.versions.count() == 1


def test_the_drafter_cancels_a_draft_with_a_reason_and_it_is_kept(
    client: Client, world: DocWorld
) -> None:
    document = draft(world)
    login(client, world.chau_thanh_specialist)
    response = client.post(url("outgoing_cancel", document.uuid), {"reason": ""})
    assert response.status_code == 200
    response = client.post(url("outgoing_cancel", document.uuid), {"reason": "Không cần nữa"})
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.status, document.status_reason) == ("cancelled", "Không cần nữa")
    page = client.get(url("outgoing_detail", document.uuid)).content.decode()
    assert "Không cần nữa" in page
    assert 'data-testid="actions"' not in page


def test_someone_else_cannot_cancel_the_draft(client: Client, world: DocWorld) -> None:
    document = draft(world)
    login(client, world.chau_thanh_clerk)
    response = client.post(
        url("outgoing_cancel", document.uuid), {"reason": "Thử hủy"}, follow=True
    )
    assert "Chỉ người soạn thảo hoặc lãnh đạo mới hủy được dự thảo." in messages_of(response)
    document.refresh_from_db()
    assert document.status == OutgoingStatus.DRAFT


# --- the document page: who sees it, what it shows --------------------------------------------


def test_a_document_of_another_district_is_a_404_on_every_page(
    client: Client, world: DocWorld
) -> None:
    document = issued(world)
    login(client, world.hoa_thanh_clerk)
    for name in (
        "outgoing_detail",
        "outgoing_revise",
        "outgoing_decide",
        "outgoing_sign",
        "outgoing_issue",
        "outgoing_distribute",
        "outgoing_recall",
        "outgoing_cancel",
    ):
        assert client.get(url(name, document.uuid)).status_code == 404, name
    assert client.post(url("outgoing_submit", document.uuid)).status_code == 404
    assert client.post(url("outgoing_recall", document.uuid), {"reason": "x"}).status_code == 404
    document.refresh_from_db()
    assert document.status == OutgoingStatus.ISSUED


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("chau_thanh_clerk", 200),  # the drafter
        ("chau_thanh_office_leader", 200),  # leader of the unit, cleared for Mật
        ("chau_thanh_specialist", 404),  # same unit, no clearance
        ("hoa_thanh_clerk", 404),  # another district
        ("province_clerk", 404),  # a clerk of another unit
    ],
)
def test_a_secret_draft_is_a_404_for_those_who_may_not_read_it(
    client: Client, world: DocWorld, persona: str, status: int
) -> None:
    document = draft(world, actor=world.chau_thanh_clerk, confidentiality=Clearance.SECRET)
    login(client, getattr(world, persona))
    assert client.get(url("outgoing_detail", document.uuid)).status_code == status


def test_reading_a_secret_document_leaves_an_audit_event(client: Client, world: DocWorld) -> None:
    document = draft(world, actor=world.chau_thanh_clerk, confidentiality=Clearance.SECRET)
    open_document = draft(world)
    login(client, world.chau_thanh_office_leader)
    client.get(url("outgoing_detail", document.uuid))
    client.get(url("outgoing_detail", open_document.uuid))
    reads = AuditEvent.objects.filter(action="document.read")
    assert [(e.actor_id, e.object_id) for e in reads] == [
        (world.chau_thanh_office_leader.pk, str(document.uuid))
    ]
    body = client.get(url("outgoing_detail", document.uuid)).content.decode()
    assert "Đọc văn bản mật" in body


def test_a_form_page_of_a_secret_draft_is_a_read_too(client: Client, world: DocWorld) -> None:
    document = draft(world, actor=world.chau_thanh_clerk, confidentiality=Clearance.SECRET)
    login(client, world.chau_thanh_clerk)
    assert client.get(url("outgoing_revise", document.uuid)).status_code == 200
    reads = AuditEvent.objects.filter(action="document.read", object_id=str(document.uuid))
    assert reads.count() == 1


def test_an_unknown_or_malformed_document_is_a_404(client: Client, world: DocWorld) -> None:
    login(client, world.chau_thanh_clerk)
    assert client.get("/van-ban/di/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert client.get("/van-ban/di/khong-phai-uuid/").status_code == 404


def test_an_urgent_document_stands_out(client: Client, world: DocWorld) -> None:
    document = draft(world, urgency=Urgency.VERY_URGENT)
    login(client, world.chau_thanh_specialist)
    body = client.get(url("outgoing_detail", document.uuid)).content.decode()
    assert "vp-urgent" in body
    assert "THƯỢNG KHẨN" in body
    mine = client.get(url("outgoing_mine")).content.decode()
    assert 'class="vp-urgent"' in mine


def test_the_page_shows_versions_decisions_chain_signer_number_and_history(
    client: Client, world: DocWorld
) -> None:
    two_step_chain(world)
    document = draft(world)
    services_outgoing.outgoing_submit(actor=world.chau_thanh_specialist, document=document)
    services_outgoing.outgoing_approve(
        actor=world.chau_thanh_office_leader, document=document, comment="Trình đồng chí Bí thư"
    )
    login(client, world.chau_thanh_specialist)
    response = client.get(url("outgoing_detail", document.uuid))
    chain = response.context["chain"]
    assert [(s["role"], s["unit"], s["state"]) for s in chain] == [
        ("Lãnh đạo Văn phòng", world.chau_thanh_office, "done"),
        ("Lãnh đạo cấp ủy", world.chau_thanh, "current"),
    ]
    body = response.content.decode()
    assert "Trình đồng chí Bí thư" in body
    assert "Lý Chánh Huyện" in body
    assert [e.label for e in response.context["history"]] == [
        "Tạo dự thảo", "Trình duyệt", "Duyệt",
    ]  # fmt: skip


# --- who gets which button --------------------------------------------------------------------


def _buttons(client: Client, document: OutgoingDocument) -> set[str]:
    response = client.get(url("outgoing_detail", document.uuid))
    actions = response.context["actions"]
    return {name for name, allowed in vars(actions).items() if allowed}


def test_each_person_gets_exactly_the_actions_workflow_allows(
    world: DocWorld,
) -> None:
    clients = {
        name: login(Client(), getattr(world, name))
        for name in ("chau_thanh_specialist", "chau_thanh_office_leader", "chau_thanh_clerk",
                     "chau_thanh_leader")
    }  # fmt: skip
    document = draft(world)
    assert _buttons(clients["chau_thanh_specialist"], document) == {"revise", "submit", "cancel"}
    assert _buttons(clients["chau_thanh_office_leader"], document) == {"cancel"}
    assert _buttons(clients["chau_thanh_clerk"], document) == set()
    services_outgoing.outgoing_submit(actor=world.chau_thanh_specialist, document=document)
    assert _buttons(clients["chau_thanh_specialist"], document) == set()
    assert _buttons(clients["chau_thanh_office_leader"], document) == {"decide"}
    services_outgoing.outgoing_approve(actor=world.chau_thanh_office_leader, document=document)
    assert _buttons(clients["chau_thanh_clerk"], document) == set(), "a clerk signs for nobody"
    assert _buttons(clients["chau_thanh_leader"], document) == {"sign", "send_back"}
    assert _buttons(clients["chau_thanh_office_leader"], document) == {"sign", "send_back"}
    services_outgoing.outgoing_sign(
        actor=world.chau_thanh_leader, document=document,
        position="Bí thư", authority="T/M",
    )  # fmt: skip
    assert _buttons(clients["chau_thanh_clerk"], document) == {"issue"}
    services_outgoing.outgoing_issue(
        actor=world.chau_thanh_clerk, document=document,
        recipients=[Recipient(unit=world.hoa_thanh_office)], issued_on=ISSUED_ON,
    )  # fmt: skip
    assert _buttons(clients["chau_thanh_clerk"], document) == {"distribute", "recall"}
    assert _buttons(clients["chau_thanh_specialist"], document) == set()


# --- lists ------------------------------------------------------------------------------------


def test_my_drafts_lists_open_drafts_and_all_on_request(client: Client, world: DocWorld) -> None:
    open_one = draft(world, subject="Dự thảo đang soạn")
    done = issued(world, subject="Văn bản đã phát hành")
    draft(world, actor=world.chau_thanh_clerk, subject="Dự thảo của người khác")
    login(client, world.chau_thanh_specialist)
    response = client.get(url("outgoing_mine"))
    assert list(response.context["documents"]) == [open_one]
    response = client.get(url("outgoing_mine"), {"tat-ca": "1"})
    assert list(response.context["documents"]) == [done, open_one]


def test_awaiting_issue_lists_signed_documents_of_the_clerks_units(
    client: Client, world: DocWorld
) -> None:
    waiting = signed(world, subject="Chờ cấp số")
    approved(world, subject="Chưa ký")
    login(client, world.chau_thanh_clerk)
    response = client.get(url("outgoing_awaiting_issue"))
    assert list(response.context["documents"]) == [waiting]
    login(client, world.hoa_thanh_clerk)
    assert list(client.get(url("outgoing_awaiting_issue")).context["documents"]) == []


def test_awaiting_issue_leaves_out_what_the_clerk_is_not_cleared_for(
    client: Client, world: DocWorld
) -> None:
    hidden = secret_signed(world, Clearance.TOP_SECRET, subject="Phương án tuyệt đối giữ kín")
    secret = secret_signed(world, Clearance.SECRET, subject="Phương án mật")
    login(client, world.chau_thanh_clerk)  # cleared for Mật
    response = client.get(url("outgoing_awaiting_issue"))
    assert list(response.context["documents"]) == [secret]
    assert "giữ kín" not in response.content.decode()
    login(client, cleared_clerk(world.chau_thanh_office, Clearance.TOP_SECRET))
    listed = client.get(url("outgoing_awaiting_issue")).context["documents"]
    assert set(listed) == {hidden, secret}


def _bulk_documents(world: DocWorld, count: int, **fields: Any) -> list[OutgoingDocument]:
    """Rows written straight to the database (no services) for list-size tests."""
    documents = []
    for n in range(count):
        document = OutgoingDocument.objects.create(
            unit=world.chau_thanh_office,
            type_symbol="CV",
            type_name="Công văn",
            subject=f"Công văn số {n}",
            subject_folded=f"cong van so {n}",
            drafter=world.chau_thanh_specialist,
            **fields,
        )
        documents.append(document)
    return documents


def test_my_drafts_costs_the_same_queries_for_many_rows(
    client: Client, world: DocWorld, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    login(client, world.chau_thanh_specialist)
    _bulk_documents(world, 2)
    few = page_queries(client, url("outgoing_mine"))
    _bulk_documents(world, 60, urgency=Urgency.URGENT)
    assert page_queries(client, url("outgoing_mine")) == few
    # session, user, scope (memberships, tree), the drafts
    with django_assert_max_num_queries(5):
        client.get(url("outgoing_mine"))


def test_awaiting_issue_costs_the_same_queries_for_many_rows(
    client: Client, world: DocWorld, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    login(client, world.chau_thanh_clerk)
    fields = {"status": OutgoingStatus.SIGNED, "signer": world.chau_thanh_leader}
    _bulk_documents(world, 2, **fields)
    few = page_queries(client, url("outgoing_awaiting_issue"))
    _bulk_documents(world, 60, **fields)
    assert page_queries(client, url("outgoing_awaiting_issue")) == few
    with django_assert_max_num_queries(5):
        client.get(url("outgoing_awaiting_issue"))


# --- the outgoing book ------------------------------------------------------------------------


def _book_rows(
    world: DocWorld, count: int, *, start: int = 1, year: int = 2012
) -> list[OutgoingDocument]:
    """Issued documents with two recipients each, straight to the database."""
    documents = []
    for n in range(start, start + count):
        document = OutgoingDocument.objects.create(
            unit=world.chau_thanh_office,
            type_symbol="CV",
            type_name="Công văn",
            subject=f"Về việc số {n}",
            subject_folded=f"ve viec so {n}",
            drafter=world.chau_thanh_specialist,
            status=OutgoingStatus.ISSUED,
            signer=world.chau_thanh_leader,
            signer_position="Bí thư",
            signing_authority="T/M",
            series=f"test:{year}",
            number=n,
            number_symbol=f"{n:02d}-CV/VPHU",
            symbol_key=f"P:{n}:CV:VPHU",
            issued_on=date(year, 1, 1) + timedelta(days=n % 300),
            copies=n,
            file_copy_holder="Lưu VP",
        )
        now = timezone.now()
        Delivery.objects.create(
            document=document, recipient_unit=world.hoa_thanh_office,
            receiving_unit=world.hoa_thanh_office, status=DeliveryStatus.ARRIVED, status_at=now,
        )  # fmt: skip
        Delivery.objects.create(
            document=document, external_name="UBND huyện", status="00", status_at=now
        )
        documents.append(document)
    return documents


def test_the_book_has_the_register_columns_newest_first(client: Client, world: DocWorld) -> None:
    document = issued(world)
    older = _book_rows(world, 1, year=2011)[0]
    login(client, world.chau_thanh_clerk)
    response = client.get(url("outgoing_book"))
    assert response.context["unit"] == world.chau_thanh_office
    assert response.context["rows"] == [document, older]
    body = response.content.decode()
    for column in ("Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu", "Người ký", "Nơi nhận",
                   "Đơn vị, người nhận bản lưu", "Số lượng bản"):  # fmt: skip
        assert f">{column}</th>" in body, column
    assert "01-CV/VPHU" in body
    assert "01/03/2012" in body
    assert "Chánh Văn phòng Lý Chánh Huyện" in body
    assert "Văn phòng Huyện uỷ Hoà Thành; UBND huyện" in body
    assert "Lưu Văn phòng" in body


def test_the_book_leaves_out_drafts_and_keeps_withdrawn_documents(
    client: Client, world: DocWorld
) -> None:
    draft(world, subject="Chưa phát hành")
    document = issued(world)
    services_delivery.outgoing_recall(
        actor=world.chau_thanh_clerk, document=document, reason="Sai sót"
    )
    login(client, world.chau_thanh_clerk)
    response = client.get(url("outgoing_book"))
    assert response.context["rows"] == [document]
    assert "Đã thu hồi" in response.content.decode()


def test_the_book_filters_by_year_and_text(client: Client, world: DocWorld) -> None:
    rows = _book_rows(world, 3, year=2012) + _book_rows(world, 2, start=10, year=2011)
    login(client, world.chau_thanh_clerk)
    response = client.get(url("outgoing_book"), {"nam": "2011"})
    assert {d.pk for d in response.context["rows"]} == {rows[3].pk, rows[4].pk}
    response = client.get(url("outgoing_book"), {"q": "VE VIỆC SỐ 2"})
    assert [d.pk for d in response.context["rows"]] == [rows[1].pk]


def test_the_book_pages_without_gaps_or_repeats(client: Client, world: DocWorld) -> None:
    rows = _book_rows(world, 120)
    login(client, world.chau_thanh_clerk)
    seen: list[int] = []
    address = url("outgoing_book")
    number = 1
    while True:
        response = client.get(address, {"trang": str(number)})
        seen += [d.pk for d in response.context["rows"]]
        assert f"120 văn bản · trang {number}/3" in response.content.decode()
        if response.context["pages"].next is None:
            break
        number += 1
        assert f"trang={number}" in response.content.decode()
    assert number == 3
    expected = sorted(rows, key=lambda d: (d.issued_on, d.pk), reverse=True)
    assert seen == [d.pk for d in expected]


def test_the_book_of_another_district_is_not_shown(client: Client, world: DocWorld) -> None:
    issued(world)
    login(client, world.hoa_thanh_clerk)
    response = client.get(url("outgoing_book"), {"don-vi": str(world.chau_thanh_office.uuid)})
    assert response.context["unit"] == world.hoa_thanh_office
    assert response.context["rows"] == []
    assert "01-CV/VPHU" not in response.content.decode()


def test_the_book_costs_the_same_queries_for_a_long_book(
    client: Client, world: DocWorld, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    _book_rows(world, 3)
    login(client, world.chau_thanh_clerk)
    few = page_queries(client, url("outgoing_book"))
    _book_rows(world, 80, start=10)
    assert page_queries(client, url("outgoing_book")) == few
    # session, user, scope (memberships, tree), units, own units, count (for the total and
    # the page numbers), page, deliveries, the unit tree (the units' order and labels)
    with django_assert_max_num_queries(9):
        client.get(url("outgoing_book"))
    with django_assert_max_num_queries(9):  # a deeper page costs the same
        client.get(url("outgoing_book"), {"trang": "2"})


def test_the_document_page_costs_the_same_queries_however_long_its_history(
    client: Client, world: DocWorld, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    two_step_chain(world)
    document = issued(world)
    login(client, world.chau_thanh_clerk)
    few = page_queries(client, url("outgoing_detail", document.uuid))
    version = document.versions.get()
    for n in range(2, 30):
        DraftVersion.objects.create(
            document=document, version=n, body="…", created_by=world.chau_thanh_specialist
        )
        ApprovalStep.objects.create(
            document=document, step=0, decision=ApprovalDecision.APPROVED,
            decided_by=world.chau_thanh_office_leader, version=version,
        )  # fmt: skip
        unit = Unit.objects.create(
            parent=world.province, kind="office", name=f"Đơn vị {n}", symbol="X",
            name_folded=f"don vi {n}",
        )  # fmt: skip
        delivery = Delivery.objects.create(
            document=document,
            recipient_unit=unit,
            receiving_unit=unit,
            status="01",
            status_at=timezone.now(),
        )
        DeliveryEvent.objects.create(delivery=delivery, status="01", by=world.chau_thanh_clerk)
    assert page_queries(client, url("outgoing_detail", document.uuid)) == few
    # session, user, scope (2), document, the committee (units), versions, their attachments,
    # deliveries, their events, history, decisions, issued files, plus the savepoint pair of
    # the read record, the unit tree for the units' labels (org.units), and the files holding
    # the document (archives' "Hồ sơ" links)
    with django_assert_max_num_queries(17):
        client.get(url("outgoing_detail", document.uuid))
