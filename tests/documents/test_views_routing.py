"""Routing on the pages: a document sent to a committee reaches its Office's clerk, who
registers it; the sender sees which unit received it; a send nobody would receive and a
back-dated issue are refused on the form, the user's input kept."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from django.test import Client

from tests.support.documents import ISSUED_ON, DocWorld, issued, signed, url
from tests.support.factories import MembershipFactory, UnitFactory
from tests.support.web import login
from vanphong.documents.models import Delivery, DeliveryStatus, IncomingDocument, OutgoingStatus
from vanphong.documents.services_delivery import Recipient
from vanphong.org.models import Role, Unit, UnitKind


def issue_post(world: DocWorld, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "issued_on": ISSUED_ON.isoformat(),
        "page_count": "2",
        "copies": "4",
        "file_copy_holder": "Lưu VP",
        "recipients": [str(world.hoa_thanh.uuid)],
        "external": "",
        "backdate_reason": "",
    }
    data.update(overrides)
    return data


def clerkless_committee(world: DocWorld) -> Unit:
    committee = UnitFactory.create(
        parent=world.province, kind=UnitKind.DISTRICT_COMMITTEE, name="Huyện ủy Tân Biên"
    )
    office = UnitFactory.create(parent=committee, name="Văn phòng Huyện ủy Tân Biên")
    MembershipFactory.create(unit=office, role=Role.SPECIALIST)
    return committee


def test_a_document_sent_to_a_committee_is_received_and_registered_by_its_office(
    client: Client, world: DocWorld
) -> None:
    login(client, world.chau_thanh_clerk)
    document = signed(world)
    response = client.post(url("outgoing_issue", document.uuid), issue_post(world))
    assert response.status_code == 302, response.content.decode()[:3000]
    delivery = Delivery.objects.get(document=document)
    assert delivery.recipient_unit == world.hoa_thanh

    login(client, world.hoa_thanh_clerk)
    queue = client.get(url("queue"))
    assert [d.pk for d in queue.context["deliveries"]] == [delivery.pk]
    assert "Huyện uỷ Hoà Thành" in queue.content.decode()
    data = {"received_at": "", "submission_id": str(uuid4()), "delivery": str(delivery.uuid)}
    assert client.post(url("incoming_register"), data).status_code == 302
    copy = IncomingDocument.objects.get(delivery=delivery)
    assert copy.unit == world.hoa_thanh_office

    login(client, world.chau_thanh_clerk)
    page = client.get(url("outgoing_detail", document.uuid)).content.decode()
    assert "Đã vào sổ</span> <span data-testid=\"received-by\">— Văn phòng Huyện uỷ Hoà Thành " \
        "nhận</span>" in page  # fmt: skip


def test_the_sender_sees_arrived_and_which_unit_received_it(
    client: Client, world: DocWorld
) -> None:
    document = issued(world, recipients=[Recipient(unit=world.hoa_thanh)])
    login(client, world.chau_thanh_clerk)
    page = client.get(url("outgoing_detail", document.uuid))
    [delivery] = page.context["deliveries"]
    assert delivery.status == DeliveryStatus.ARRIVED
    assert delivery.received_by == world.hoa_thanh_office
    assert "Đã đến</span> <span data-testid=\"received-by\">— Văn phòng Huyện uỷ Hoà Thành nhận" \
        in page.content.decode()  # fmt: skip


def test_a_unit_receiving_for_itself_shows_no_receiver(client: Client, world: DocWorld) -> None:
    document = issued(world, recipients=[Recipient(unit=world.hoa_thanh_office)])
    login(client, world.chau_thanh_clerk)
    page = client.get(url("outgoing_detail", document.uuid))
    assert page.context["deliveries"][0].received_by is None
    assert 'data-testid="received-by"' not in page.content.decode()


def test_a_send_nobody_would_receive_is_refused_on_the_recipients_field_input_kept(
    client: Client, world: DocWorld
) -> None:
    committee = clerkless_committee(world)
    document = issued(world)
    login(client, world.chau_thanh_clerk)
    chosen = [str(committee.uuid), str(world.province_office.uuid)]
    response = client.post(
        url("outgoing_distribute", document.uuid), {"recipients": chosen, "external": "Sở Nội vụ"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["recipients"] == [
        "Huyện ủy Tân Biên: chưa có văn thư tiếp nhận "
        "(Văn phòng Huyện ủy Tân Biên không có văn thư đang làm việc)."
    ]
    assert sorted(form["recipients"].value()) == sorted(chosen)
    assert form["external"].value() == "Sở Nội vụ"
    assert not document.deliveries.filter(recipient_unit__in=[committee, world.province_office])
    assert not document.deliveries.filter(external_name="Sở Nội vụ").exists()


def test_a_clerk_back_dating_is_refused_on_the_date_without_a_reason_field(
    client: Client, world: DocWorld
) -> None:
    login(client, world.chau_thanh_clerk)
    first = signed(world)
    assert client.post(url("outgoing_issue", first.uuid), issue_post(world)).status_code == 302
    late = signed(world)
    response = client.post(
        url("outgoing_issue", late.uuid), issue_post(world, issued_on="2012-02-28")
    )
    form = response.context["form"]
    assert "Chỉ Chánh Văn phòng mới cấp số lùi ngày" in form.errors["issued_on"][0]
    assert 'type="hidden" name="backdate_reason"' in response.content.decode()
    late.refresh_from_db()
    assert late.status == OutgoingStatus.SIGNED


def test_the_chief_of_office_is_asked_a_reason_then_back_dates(
    client: Client, world: DocWorld
) -> None:
    login(client, world.chau_thanh_clerk)
    first = signed(world)
    assert client.post(url("outgoing_issue", first.uuid), issue_post(world)).status_code == 302
    late = signed(world)
    login(client, world.chau_thanh_office_leader)
    page = client.get(url("outgoing_detail", late.uuid)).content.decode()
    assert url("outgoing_issue", late.uuid) in page
    data = issue_post(world, issued_on="2012-02-28")
    response = client.post(url("outgoing_issue", late.uuid), data)
    body = response.content.decode()
    assert "cần nêu lý do cấp số lùi ngày" in response.context["form"].errors["backdate_reason"][0]
    assert '<textarea name="backdate_reason"' in body
    assert 'value="2012-02-28"' in body or "28/02/2012" in body
    data["backdate_reason"] = "Bản giấy ký ngày 28/02, vào sổ chậm"
    assert client.post(url("outgoing_issue", late.uuid), data).status_code == 302
    late.refresh_from_db()
    assert (late.number, late.issued_on.isoformat()) == (2, "2012-02-28")  # type: ignore[union-attr]
    history = client.get(url("outgoing_detail", late.uuid)).content.decode()
    assert "Cấp số lùi ngày (có lý do)" in history
