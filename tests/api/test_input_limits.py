"""Out-of-range input is a 422 with a Vietnamese message on its field, never a 500: numbers
past their column, dates and periods outside 1900–2100, years that are not years, malformed
times, text past its limit, and a document dated before its numbering rule existed."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from tests.support.api import ISSUED_ON, Caller, signed
from tests.support.documents import DocWorld, build_world
from tests.support.factories import MembershipFactory, PersonFactory, UnitFactory
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.org.models import Clearance, NumberingStyle, Role, UnitKind

HUGE = 2**63
VIETNAMESE = set("ăâđêôơưáàảãạếềểễệốồổỗộớờởỡợúùủũụứừửữựíìỉĩịéèẻẽẹóòỏõọýỳỷỹỵ")


@pytest.fixture
def world(db: None) -> DocWorld:
    return build_world()


def _refused(response: Any, field: str) -> list[str]:
    """The messages on `field` of a 422 answer."""
    assert response.status_code == 422, (response.status_code, response.content[:300])
    messages: list[str] = response.json()["errors"][field]
    assert any(set(m.lower()) & VIETNAMESE for m in messages), messages
    return messages


def _registration(world: DocWorld, **changes: Any) -> dict[str, Any]:
    body = {
        "unit": str(world.chau_thanh_office.uuid),
        "medium": "paper",
        "sender_name": "Tỉnh ủy Tây Ninh",
        "number_symbol": "45-CV/TU",
        "document_date": "2012-03-01",
        "subject": "Về việc chuẩn bị bầu cử",
    }
    body.update(changes)
    return body


# --- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("pages", [HUGE, 2**31, 10**30])
def test_a_page_count_past_what_the_database_holds_is_refused_on_registration(
    client: Client, world: DocWorld, pages: int
) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    _refused(clerk.post("/den", _registration(world, page_count=pages)), "page_count")
    assert not IncomingDocument.objects.exists()


def test_a_page_count_past_what_the_database_holds_is_refused_on_issue(
    client: Client, world: DocWorld
) -> None:
    document = signed(world, client)
    clerk = Caller(client, world.chau_thanh_clerk)
    body = {"issued_on": ISSUED_ON, "page_count": HUGE, "recipients": [{"external_name": "UBND"}]}
    _refused(clerk.post(f"/di/{document['uuid']}/phat-hanh", body), "page_count")
    assert OutgoingDocument.objects.get().number is None


# --- dates and years ---------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["document_date", "deadline"])
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"])
def test_a_date_outside_1900_to_2100_is_refused_on_its_field(
    client: Client, world: DocWorld, field: str, day: str
) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    messages = _refused(clerk.post("/den", _registration(world, **{field: day})), field)
    assert "01/01/1900" in messages[0]


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00", "9999-12-31T23:59:59+14:00"])
def test_a_time_of_arrival_in_year_1_or_9999_is_refused(
    client: Client, world: DocWorld, moment: str
) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    _refused(clerk.post("/den", _registration(world, received_at=moment)), "received_at")


@pytest.mark.parametrize(
    ("start", "end"), [("0001-01-01", "2012-12-31"), ("2012-01-01", "9999-12-31")]
)
@pytest.mark.parametrize("path", ["/so-sach/den", "/thong-ke"])
def test_a_period_reaching_year_1_or_9999_is_refused(
    client: Client, world: DocWorld, path: str, start: str, end: str
) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    params = {"unit": str(world.chau_thanh_office.uuid), "format": "xlsx"}
    answer = clerk.get(path, start=start, end=end, **params)
    _refused(answer, "start" if start.startswith("0001") else "end")


@pytest.mark.parametrize("year", ["-1", "0", "9999", str(HUGE)])
def test_a_book_year_that_is_no_year_is_refused(client: Client, world: DocWorld, year: str) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    _refused(clerk.get("/den", unit=str(world.chau_thanh_office.uuid), year=year), "year")


@pytest.mark.parametrize(
    ("start", "end"), [("0001-01-01", "0001-01-31"), ("9999-01-01", "9999-12-31")]
)
def test_a_book_range_in_year_1_or_9999_is_refused(
    client: Client, world: DocWorld, start: str, end: str
) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    answer = clerk.get(
        "/den", unit=str(world.chau_thanh_office.uuid), received_from=start, received_to=end
    )
    _refused(answer, "received_from")


def test_issuing_a_government_document_dated_before_the_first_numbering_rule_is_refused(
    client: Client, world: DocWorld
) -> None:
    people = UnitFactory.create(
        parent=world.chau_thanh,
        kind=UnitKind.OFFICE,
        name="Văn phòng UBND huyện",
        symbol="VP",
        numbering_style=NumberingStyle.GOVERNMENT,
    )
    clerk = PersonFactory.create(username="vt.ubnd", full_name="Văn Thư Ủy Ban")
    MembershipFactory.create(person=clerk, unit=people, role=Role.CLERK, clearance=Clearance.SECRET)
    leader = PersonFactory.create(username="cvp.ubnd", full_name="Chánh Văn Phòng")
    MembershipFactory.create(
        person=leader, unit=people, role=Role.OFFICE_LEADER, clearance=Clearance.SECRET
    )
    drafter = Caller(client, clerk)
    created = drafter.post(
        "/di", {"unit": str(people.uuid), "type_symbol": "QĐ", "subject": "Quyết định thử"}
    )
    assert created.status_code == 201, created.content
    path = f"/di/{created.json()['uuid']}"
    drafter.post(f"{path}/trinh")
    approver = Caller(client, leader)
    assert approver.post(f"{path}/duyet").status_code == 200
    assert approver.post(f"{path}/ky", {"position": "Chánh Văn phòng"}).status_code == 200
    body = {"issued_on": "2005-05-04", "recipients": [{"external_name": "UBND tỉnh"}]}
    _refused(drafter.post(f"{path}/phat-hanh", body), "issued_on")
    assert OutgoingDocument.objects.get().number is None
    assert date(2005, 5, 4) < date(2011, 3, 5), "the first government rule"
