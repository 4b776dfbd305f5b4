"""Issuing, numbering and the exchange between units, as the sender's pages show them:
numbers by Party and government rules, the recipient's reception queue, each recipient's
status (edXML codes) on the sender's page, later distribution, and recall."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.support.documents import (
    ISSUED_ON,
    DocWorld,
    approved,
    draft,
    issued,
    register_delivery,
    signed,
    url,
)
from tests.support.factories import MembershipFactory, UnitFactory
from tests.support.web import login, messages_of
from vanphong.core.models import NumberAllocation
from vanphong.documents import (
    services_delivery,
    services_handling,
    services_incoming,
    services_outgoing,
)
from vanphong.documents.models import (
    Delivery,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    OutgoingStatus,
)
from vanphong.documents.selectors import reception_queue
from vanphong.documents.services_incoming import Handler
from vanphong.org.models import Clearance, Role, Unit, UnitKind


def issue_post(world: DocWorld, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "issued_on": ISSUED_ON.isoformat(),
        "page_count": "2",
        "copies": "4",
        "file_copy_holder": "Lưu VP",
        "recipients": [str(world.hoa_thanh_office.uuid)],
    }
    data.update(overrides)
    return data


def issue_through_page(client: Client, document: OutgoingDocument, data: dict[str, Any]) -> Any:
    response = client.post(url("outgoing_issue", document.uuid), data)
    document.refresh_from_db()
    return response


# --- numbering --------------------------------------------------------------------------------


def test_party_numbers_run_01_02_in_the_type_series_and_secret_shares_it(
    client: Client, world: DocWorld
) -> None:
    login(client, world.chau_thanh_clerk)
    first, second = signed(world), signed(world)
    plan = signed(world, type_symbol="KH")
    secret = signed(world, actor=world.chau_thanh_clerk, confidentiality=Clearance.SECRET)
    for document in (first, second, plan, secret):
        response = issue_through_page(client, document, issue_post(world))
        assert response.status_code == 302, response.content.decode()[:2000]
    assert [d.number_symbol for d in (first, second, plan, secret)] == [
        "01-CV/VPHU", "02-CV/VPHU", "01-KH/VPHU", "03-CV/VPHU",
    ]  # fmt: skip
    assert first.issued_on == ISSUED_ON
    assert (first.page_count, first.copies, first.file_copy_holder) == (2, 4, "Lưu VP")


def test_the_issue_form_shows_the_rules_refusal_when_no_term_covers_the_date(
    client: Client, world: DocWorld
) -> None:
    document = signed(world)
    login(client, world.chau_thanh_clerk)
    page = client.get(url("outgoing_issue", document.uuid))
    assert page.context["form"].initial["issued_on"] == timezone.localdate()
    response = issue_through_page(
        client,
        document,
        issue_post(
            world,
            issued_on="2009-05-04",
            **{"external-ten": ["Sở Nội vụ"], "external-ghi-chu": ["thư"]},
        ),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["issued_on"] == [
        "Chưa khai báo nhiệm kỳ của cấp ủy vào ngày ban hành này."
    ]
    kept = response.content.decode()
    assert 'value="Sở Nội vụ"' in kept, "what was typed is kept"
    assert 'value="thư"' in kept
    assert document.status == OutgoingStatus.SIGNED
    assert not NumberAllocation.objects.exists()


@pytest.fixture
def government_unit(world: DocWorld) -> Unit:
    unit: Unit = UnitFactory.create(
        parent=world.chau_thanh, kind=UnitKind.BOARD, name="Ủy ban thử", symbol="UBND",
        numbering_style="government",
    )  # fmt: skip
    for person, role in [
        (world.chau_thanh_specialist, Role.SPECIALIST),
        (world.chau_thanh_office_leader, Role.OFFICE_LEADER),
        (world.chau_thanh_clerk, Role.CLERK),
    ]:
        MembershipFactory.create(person=person, unit=unit, role=role, clearance=Clearance.SECRET)
    return unit


def test_a_government_style_unit_numbers_per_year_with_a_separate_secret_series(
    client: Client, world: DocWorld, government_unit: Unit
) -> None:
    login(client, world.chau_thanh_clerk)

    def one(issued_on: str, **extra: Any) -> str:
        document = signed(world, unit=government_unit, type_symbol="QĐ", **extra)
        issue_through_page(client, document, issue_post(world, issued_on=issued_on))
        return document.number_symbol

    assert one("2012-03-01") == "01/QĐ-UBND"
    assert one("2012-05-01") == "02/QĐ-UBND"
    assert one("2012-06-01", confidentiality=Clearance.SECRET) == "01/QĐ-UBND"
    assert one("2013-01-05") == "01/QĐ-UBND", "a new year starts the series again"
    assert one("2012-12-30") == "03/QĐ-UBND"


def test_the_draft_form_offers_the_government_types_to_a_government_unit(
    client: Client, world: DocWorld, government_unit: Unit
) -> None:
    login(client, world.chau_thanh_specialist)
    form = client.get(url("outgoing_create")).context["form"]
    groups = dict(form.fields["type_symbol"].choices[1:])
    assert set(groups) == {"Văn bản Đảng (Số 45-NQ/TU)", "Văn bản hành chính (Số: 123/QĐ-UBND)"}
    government = dict(groups["Văn bản hành chính (Số: 123/QĐ-UBND)"])
    assert "GM" in government  # giấy mời: a government type only


# --- refusals ---------------------------------------------------------------------------------


def test_an_unsigned_draft_cannot_be_issued(client: Client, world: DocWorld) -> None:
    document = approved(world)
    login(client, world.chau_thanh_clerk)
    page = client.get(url("outgoing_detail", document.uuid)).content.decode()
    assert 'data-action="issue"' not in page
    response = client.get(url("outgoing_issue", document.uuid), follow=True)
    assert "Bạn không thực hiện được thao tác này khi văn bản ở trạng thái “Đã duyệt”." in (
        messages_of(response)
    )
    response = issue_through_page(client, document, issue_post(world))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Không thể chuyển văn bản đang ở trạng thái “Đã duyệt” sang “Đã phát hành”."
    ]
    assert document.number is None
    assert not NumberAllocation.objects.exists()


def test_only_the_units_clerk_or_chief_of_office_issues(client: Client, world: DocWorld) -> None:
    document = signed(world)
    login(client, world.chau_thanh_specialist)
    response = client.post(url("outgoing_issue", document.uuid), issue_post(world), follow=True)
    assert "Chỉ văn thư của đơn vị hoặc Chánh Văn phòng mới làm được việc này." in (
        messages_of(response)
    )
    document.refresh_from_db()
    assert document.status == OutgoingStatus.SIGNED


def test_issuing_needs_a_recipient(client: Client, world: DocWorld) -> None:
    document = signed(world)
    login(client, world.chau_thanh_clerk)
    response = issue_through_page(client, document, issue_post(world, recipients=[]))
    assert response.context["form"].errors["recipients"] == ["Cần ít nhất một nơi nhận."]


def test_recipients_are_every_other_active_unit_grouped_by_committee(
    client: Client, world: DocWorld
) -> None:
    UnitFactory.create(parent=world.province, name="Đơn vị đã giải thể", is_active=False)
    document = signed(world)
    login(client, world.chau_thanh_clerk)
    form = client.get(url("outgoing_issue", document.uuid)).context["form"]
    groups = {label: [name for _v, name in options] for label, options in form.fields[
        "recipients"].choices}  # fmt: skip
    assert list(groups) == ["Tỉnh ủy Tây Ninh", "Huyện ủy Châu Thành", "Huyện uỷ Hoà Thành"]
    assert groups["Tỉnh ủy Tây Ninh"] == ["Tỉnh ủy Tây Ninh", "Văn phòng Tỉnh ủy Tây Ninh"]
    assert groups["Huyện ủy Châu Thành"] == ["Huyện ủy Châu Thành"], "its Office is the sender"
    assert groups["Huyện uỷ Hoà Thành"] == ["Huyện uỷ Hoà Thành", "Văn phòng Huyện uỷ Hoà Thành"]
    body = client.get(url("outgoing_issue", document.uuid)).content.decode()
    assert '<legend class="vp-picker-group-name">Huyện uỷ Hoà Thành</legend>' in body
    assert 'type="checkbox" name="recipients"' in body
    assert "Đơn vị đã giải thể" not in body


# --- the exchange, seen from the sender -------------------------------------------------------


def _status_on_senders_page(client: Client, document: OutgoingDocument) -> dict[str, str]:
    response = client.get(url("outgoing_detail", document.uuid))
    return {
        str(d.recipient_unit or d.external_name): str(d.label)
        for d in response.context["deliveries"]
    }


def test_the_sender_follows_each_recipients_handling(client: Client, world: DocWorld) -> None:
    document = issued(world)
    login(client, world.chau_thanh_clerk)
    assert _status_on_senders_page(client, document) == {
        "Văn phòng Huyện uỷ Hoà Thành": "Đã đến",
        "UBND huyện": "Đã gửi",
    }
    copy = register_delivery(world, document)
    statuses = _status_on_senders_page(client, document)
    assert statuses["Văn phòng Huyện uỷ Hoà Thành"] == "Đã vào sổ"
    hoa_thanh_leader = MembershipFactory.create(
        unit=world.hoa_thanh_office, role=Role.OFFICE_LEADER
    ).person
    handler = MembershipFactory.create(unit=world.hoa_thanh_office, role=Role.SPECIALIST).person
    services_incoming.direction_give(
        actor=hoa_thanh_leader, document=copy, text="Nghiên cứu, tham mưu.",
        lead=Handler(person=handler),
    )  # fmt: skip
    assert _status_on_senders_page(client, document)["Văn phòng Huyện uỷ Hoà Thành"] == (
        "Đã phân công"
    )
    assignment = copy.assignments.get()
    services_handling.assignment_progress(
        actor=handler, assignment=assignment, text="Đang tổng hợp"
    )
    assert _status_on_senders_page(client, document)["Văn phòng Huyện uỷ Hoà Thành"] == (
        "Đang xử lý"
    )
    services_handling.assignment_complete(
        actor=handler, assignment=assignment, result="Đã tham mưu"
    )
    assert _status_on_senders_page(client, document)["Văn phòng Huyện uỷ Hoà Thành"] == (
        "Hoàn thành"
    )
    body = client.get(url("outgoing_detail", document.uuid)).content.decode()
    for code in ("01", "03", "04", "05", "06"):
        assert f"<code>{code}</code>" in body, code


def test_a_refusal_shows_on_the_senders_page_with_its_reason(
    client: Client, world: DocWorld
) -> None:
    document = issued(world)
    delivery = reception_queue(world.hoa_thanh_clerk).get(document=document)
    services_delivery.delivery_refuse(
        actor=world.hoa_thanh_clerk, delivery=delivery, reason="Gửi nhầm"
    )
    login(client, world.chau_thanh_clerk)
    assert _status_on_senders_page(client, document)["Văn phòng Huyện uỷ Hoà Thành"] == "Từ chối"
    assert "Gửi nhầm" in client.get(url("outgoing_detail", document.uuid)).content.decode()


def test_the_clerk_distributes_to_more_recipients_later(client: Client, world: DocWorld) -> None:
    document = issued(world)
    login(client, world.chau_thanh_clerk)
    form = client.get(url("outgoing_distribute", document.uuid)).context["form"]
    offered = {name for _g, options in form.fields["recipients"].choices for _v, name in options}
    assert "Văn phòng Huyện uỷ Hoà Thành" not in offered, "already sent there"
    response = client.post(url("outgoing_distribute", document.uuid), {"external-ten": [""]})
    assert response.context["form"].errors["recipients"] == [
        "Cần chọn hoặc nhập ít nhất một nơi nhận."
    ]
    response = client.post(
        url("outgoing_distribute", document.uuid),
        {
            "recipients": [str(world.province_office.uuid)],
            "external-ten": ["Báo Tây Ninh"],
            "external-ghi-chu": ["để đưa tin"],
        },
        follow=True,
    )
    assert "Đã gửi thêm 2 nơi nhận." in messages_of(response)
    assert [d.document for d in reception_queue(world.province_clerk)] == [document]
    note = Delivery.objects.get(document=document, external_name="Báo Tây Ninh").delivery_note
    assert note == "để đưa tin"


def test_recall_freezes_the_recipients_copy_and_deletes_nothing(
    client: Client, world: DocWorld
) -> None:
    document = issued(world)
    copy = register_delivery(world, document)
    counts = (OutgoingDocument.objects.count(), Delivery.objects.count())
    login(client, world.chau_thanh_clerk)
    response = client.post(url("outgoing_recall", document.uuid), {"reason": ""})
    assert response.context["form"].errors["reason"] == ["Trường này là bắt buộc."]
    response = client.post(
        url("outgoing_recall", document.uuid), {"reason": "Sai số liệu phụ lục"}, follow=True
    )
    assert "Đã thu hồi văn bản; bản của các nơi nhận bị khóa." in messages_of(response)
    document.refresh_from_db()
    copy.refresh_from_db()
    assert (document.status, document.number_symbol) == (OutgoingStatus.WITHDRAWN, "01-CV/VPHU")
    assert (copy.status, copy.status_reason) == (IncomingStatus.RECALLED, "Sai số liệu phụ lục")
    assert (OutgoingDocument.objects.count(), Delivery.objects.count()) == counts
    assert IncomingDocument.objects.filter(pk=copy.pk).exists()
    assert _status_on_senders_page(client, document)["Văn phòng Huyện uỷ Hoà Thành"] == "Thu hồi"
    assert 'data-action="recall"' not in response.content.decode()


def test_only_the_clerk_recalls(client: Client, world: DocWorld) -> None:
    document = issued(world)
    login(client, world.chau_thanh_office_leader)
    response = client.post(url("outgoing_recall", document.uuid), {"reason": "Thử"}, follow=True)
    assert "Chỉ văn thư của đơn vị mới làm được việc này." in messages_of(response)
    document.refresh_from_db()
    assert document.status == OutgoingStatus.ISSUED


def test_a_cancelled_draft_never_reaches_anyone(client: Client, world: DocWorld) -> None:
    document = draft(world)
    services_outgoing.outgoing_cancel(
        actor=world.chau_thanh_specialist, document=document, reason="Bỏ"
    )
    login(client, world.chau_thanh_clerk)
    response = issue_through_page(client, document, issue_post(world))
    assert response.status_code == 200
    assert list(reception_queue(world.hoa_thanh_clerk)) == []
