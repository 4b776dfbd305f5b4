"""Routing through the JSON API: the unit that receives a delivery for a committee, the
refusal of a send nobody would receive (422), and back-dating with the Chief's reason."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.support.api import ISSUED_ON, Caller, signed
from tests.support.documents import DocWorld
from tests.support.factories import MembershipFactory, UnitFactory
from vanphong.core.models import AuditEvent
from vanphong.documents.models import Delivery, OutgoingDocument
from vanphong.org.models import Role, UnitKind


def issue(caller: Caller, document: dict[str, Any], **body: Any) -> Any:
    data = {"issued_on": ISSUED_ON, **body}
    return caller.post(f"/di/{document['uuid']}/phat-hanh", data)


def test_a_delivery_to_a_committee_says_which_unit_received_it(
    client: Client, world: DocWorld
) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    response = issue(clerk, signed(world, client), recipients=[{"unit": str(world.hoa_thanh.uuid)}])
    assert response.status_code == 200, response.json()
    [delivery] = response.json()["deliveries"]
    assert (delivery["recipient_unit"]["name"], delivery["receiving_unit"]["name"]) == (
        "Huyện uỷ Hoà Thành",
        "Văn phòng Huyện uỷ Hoà Thành",
    )

    office_clerk = Caller(client, world.hoa_thanh_clerk)
    [waiting] = office_clerk.get("/cho-vao-so").json()
    assert waiting["uuid"] == delivery["uuid"]
    assert waiting["receiving_unit"]["name"] == "Văn phòng Huyện uỷ Hoà Thành"
    registered = office_clerk.post(f"/cho-vao-so/{waiting['uuid']}/vao-so", {})
    assert registered.status_code == 201, registered.json()
    assert registered.json()["unit"]["name"] == "Văn phòng Huyện uỷ Hoà Thành"
    assert Caller(client, world.province_clerk).get("/cho-vao-so").json() == []


def test_a_send_nobody_would_receive_is_a_422_and_nothing_is_issued(
    client: Client, world: DocWorld
) -> None:
    committee = UnitFactory.create(
        parent=world.province, kind=UnitKind.DISTRICT_COMMITTEE, name="Huyện ủy Tân Biên"
    )
    office = UnitFactory.create(parent=committee, name="Văn phòng Huyện ủy Tân Biên")
    MembershipFactory.create(unit=office, role=Role.SPECIALIST)
    clerk = Caller(client, world.chau_thanh_clerk)
    document = signed(world, client)
    response = issue(
        clerk,
        document,
        recipients=[{"unit": str(committee.uuid)}, {"unit": str(world.hoa_thanh.uuid)}],
    )
    assert response.status_code == 422
    assert "Văn phòng Huyện ủy Tân Biên không có văn thư đang làm việc" in str(response.json())
    assert OutgoingDocument.objects.get(uuid=document["uuid"]).number is None
    assert not Delivery.objects.exists()


def test_back_dating_needs_the_chief_of_office_and_a_reason(
    client: Client, world: DocWorld
) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    to = [{"unit": str(world.hoa_thanh_office.uuid)}]
    assert issue(clerk, signed(world, client), recipients=to).status_code == 200
    late = signed(world, client)
    refused = issue(clerk, late, recipients=to, issued_on="2012-02-20", backdate_reason="Chậm")
    assert refused.status_code == 422
    assert "issued_on" in str(refused.json())

    chief = Caller(client, world.chau_thanh_office_leader)
    asked = issue(chief, late, recipients=to, issued_on="2012-02-20")
    assert asked.status_code == 422
    assert "backdate_reason" in str(asked.json())
    done = issue(chief, late, recipients=to, issued_on="2012-02-20", backdate_reason="Chậm")
    assert done.status_code == 200, done.json()
    assert (done.json()["number"], done.json()["issued_on"]) == (2, "2012-02-20")
    event = AuditEvent.objects.get(action="outgoing.backdate")
    assert event.after is not None
    assert event.after["reason"] == "Chậm"
