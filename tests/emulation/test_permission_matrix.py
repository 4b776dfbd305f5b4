"""Emulation × personas: who sees the movement, runs it, opens and reads sheets, recomputes the
measurements, reads the register of awards and downloads an annual review — through the pages
and the API. "ok" is answered, "404" is not found (the person may not see it: nothing confirms
it exists), "refused" is a 403 (the person sees it but may not do that).

The world is tests/support/emulation.py's: the province's Office convenes the bloc of the Offices
of Châu Thành (the bloc leader), Hòa Thành, Trảng Bàng and Gò Dầu.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tests.support.emulation import (
    YEAR,
    EmulationCaller,
    EmulationWorld,
    build_emulation_world,
    full,
    sheet_rows,
    start_scoring,
)
from tests.support.factories import UnitFactory
from tests.support.personas import Personas, person
from vanphong.emulation.models import Award, Round, SheetStatus
from vanphong.org.models import Clearance, Person, Role, UnitKind

PERSONAS = [
    "convenor_officer",  # the province's Office, which convenes the bloc
    "member_officer",  # Châu Thành's Office's emulation officer
    "member_leader",  # Châu Thành's Office's leader
    "member_specialist",  # a specialist of Châu Thành's Office: reads, never acts
    "other_officer",  # Hòa Thành's Office's emulation officer
    "outside_officer",  # the emulation officer of an Office outside the bloc
    "committee_leader",  # a leader of the provincial committee: reads every unit below
    "admin",  # the province's administrator: administration opens nothing
]


def _who(w: EmulationWorld, name: str) -> Person:
    p = w.people
    if name == "outside_officer":
        district = UnitFactory.create(
            parent=p.province, kind=UnitKind.DISTRICT_COMMITTEE, name="Huyện ủy Dương Minh Châu"
        )
        office = UnitFactory.create(
            parent=district, kind=UnitKind.OFFICE, name="Văn phòng Huyện ủy Dương Minh Châu"
        )
        return person("tdua.dmc", "Phan Thi Đua", office, Role.EMULATION, Clearance.SECRET)
    found: dict[str, Callable[[], Person]] = {
        "convenor_officer": lambda: w.convenor_officer,
        "member_officer": lambda: w.officer(w.members[0]),
        "member_leader": lambda: w.leaders[w.members[0].id],
        "member_specialist": lambda: p.chau_thanh_specialist,
        "other_officer": lambda: w.officer(w.members[1]),
        "committee_leader": lambda: p.province_leader,
        "admin": lambda: p.province_admin,
    }
    return found[name]()


def _outcome(status: int) -> str:
    if status == 404:
        return "404"
    if status == 403:
        return "refused"
    assert status < 500, status
    return "ok" if status < 400 else f"invalid {status}"


@pytest.fixture
def w(people: Personas) -> EmulationWorld:
    return build_emulation_world(people)


def _call(w: EmulationWorld, name: str) -> tuple[Client, EmulationCaller]:
    client = Client()
    who = _who(w, name)
    client.force_login(who)
    return client, EmulationCaller(Client(), who)


SEE_MOVEMENT = {
    "convenor_officer": "ok",
    "member_officer": "ok",
    "member_leader": "ok",
    "member_specialist": "ok",
    "other_officer": "ok",
    "outside_officer": "404",
    "committee_leader": "ok",
    "admin": "404",
}


@pytest.mark.parametrize("name", PERSONAS)
def test_who_sees_the_movement_on_its_page_and_through_the_api(
    w: EmulationWorld, name: str
) -> None:
    client, api = _call(w, name)
    page = client.get(f"/thi-dua/phong-trao/{w.movement.uuid}/")
    assert _outcome(page.status_code) == SEE_MOVEMENT[name]
    assert _outcome(api.get(f"/phong-trao/{w.movement.uuid}").status_code) == SEE_MOVEMENT[name]
    ranking = api.get(f"/phong-trao/{w.movement.uuid}/xep-hang")
    assert _outcome(ranking.status_code) == SEE_MOVEMENT[name]


@pytest.mark.parametrize("name", PERSONAS)
def test_the_list_of_movements_names_the_movement_only_to_who_sees_it(
    w: EmulationWorld, name: str
) -> None:
    client, api = _call(w, name)
    listed = [m["uuid"] for m in api.get("/phong-trao").json()]
    assert (str(w.movement.uuid) in listed) == (SEE_MOVEMENT[name] == "ok")
    page = client.get("/thi-dua/")
    assert (w.movement.title in page.content.decode()) == (SEE_MOVEMENT[name] == "ok")


ADVANCE = {**SEE_MOVEMENT, "convenor_officer": "ok"}
ADVANCE.update(
    dict.fromkeys(
        (
            "member_officer",
            "member_leader",
            "member_specialist",
            "other_officer",
            "committee_leader",
        ),
        "refused",
    )
)


@pytest.mark.parametrize("name", PERSONAS)
def test_only_the_convenor_advances_the_movement(w: EmulationWorld, name: str) -> None:
    _client, api = _call(w, name)
    answer = api.post(f"/phong-trao/{w.movement.uuid}/chuyen-buoc", {"to": "scoring"})
    assert _outcome(answer.status_code) == ADVANCE[name]


@pytest.mark.parametrize("name", PERSONAS)
def test_only_the_convenor_recomputes_the_measurements(w: EmulationWorld, name: str) -> None:
    _client, api = _call(w, name)
    answer = api.post(f"/phong-trao/{w.movement.uuid}/so-lieu/tinh-lai", {})
    assert _outcome(answer.status_code) == ADVANCE[name]


SELF_SHEET = {
    **ADVANCE,
    "convenor_officer": "refused",
    "member_officer": "ok",
    "member_leader": "ok",
}


@pytest.mark.parametrize("name", PERSONAS)
def test_only_the_members_own_people_open_its_self_sheet(w: EmulationWorld, name: str) -> None:
    start_scoring(w)
    _client, api = _call(w, name)
    body: dict[str, Any] = {"unit": str(w.members[0].uuid), "round": Round.SELF}
    answer = api.post(f"/phong-trao/{w.movement.uuid}/phieu", body)
    assert _outcome(answer.status_code) == SELF_SHEET[name], answer.content


# A draft is seen by its reviewer and the convenor (and who reads them from above); once
# submitted, also by who reads the unit scored.
DRAFT_OF_ANOTHER = {
    **dict.fromkeys(PERSONAS, "404"),
    "convenor_officer": "ok",
    "other_officer": "ok",
    "committee_leader": "ok",
}


@pytest.mark.parametrize("submitted", [False, True])
@pytest.mark.parametrize("name", PERSONAS)
def test_a_members_self_sheet_is_seen_by_its_unit_and_the_convenor_only(
    w: EmulationWorld, name: str, submitted: bool
) -> None:
    sheet = sheet_rows(w, w.members[1], Round.SELF, full("15", "8"), submitted=submitted)
    client, api = _call(w, name)
    expected = DRAFT_OF_ANOTHER[name]
    assert _outcome(client.get(f"/thi-dua/phieu-cham/{sheet.uuid}/").status_code) == expected
    assert _outcome(api.get(f"/phieu/{sheet.uuid}").status_code) == expected
    submit = client.post(f"/thi-dua/phieu-cham/{sheet.uuid}/gui/")
    if expected == "404":
        assert submit.status_code == 404
    sheet.refresh_from_db()
    # Only the member's own people submit its self sheet (the page says why to the others).
    if name != "other_officer":
        assert sheet.status == (SheetStatus.SUBMITTED if submitted else SheetStatus.DRAFT)


REGISTER = {
    **dict.fromkeys(PERSONAS, 0),
    "other_officer": 1,
    "committee_leader": 1,
}


@pytest.mark.parametrize("name", PERSONAS)
def test_a_line_of_the_register_is_read_by_who_reads_its_unit(w: EmulationWorld, name: str) -> None:
    Award.objects.create(
        year=YEAR - 1,
        title_code="excellent_collective",
        title_name="Tập thể lao động xuất sắc",
        unit=w.members[1],
        register_unit=w.members[1],
        awarding_body="Ban Thường vụ Huyện ủy Hòa Thành",
        decision_number="12-QĐ/HU",
        decided_on=w.movement.launched_on,
    )
    client, api = _call(w, name)
    answer = api.get("/khen-thuong")
    assert answer.status_code == 200
    assert answer.json()["total"] == REGISTER[name]
    page = client.get("/thi-dua/khen-thuong/").content.decode()
    assert ("12-QĐ/HU" in page) == bool(REGISTER[name])


REVIEW = {
    **dict.fromkeys(PERSONAS, "404"),
    "other_officer": "ok",
    "committee_leader": "ok",
}


@pytest.mark.parametrize("name", PERSONAS)
def test_a_members_annual_review_and_its_docx_are_read_by_who_reads_the_member(
    w: EmulationWorld, name: str
) -> None:
    client, api = _call(w, name)
    base = f"/thi-dua/tong-ket/{w.members[1].uuid}/{YEAR}/"
    assert _outcome(client.get(base).status_code) == REVIEW[name]
    assert _outcome(client.get(base + "tai-ve.docx").status_code) == REVIEW[name]
    assert _outcome(api.get(f"/tong-ket/{w.members[1].uuid}/{YEAR}").status_code) == REVIEW[name]
    edit = client.post(base + "noi-dung/", {"finance": "Thu chi đúng quy định"})
    edited = {"other_officer": "ok", "committee_leader": "refused"}  # reads, does not write
    assert _outcome(edit.status_code) == edited.get(name, "404")
