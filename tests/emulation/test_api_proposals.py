"""The proposals API: the titles in force, the qualification table, a proposal from creation
to decision, the refusals as 422 with the field's message, and the register."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.support.emulation_proposals import ProposalWorld, award_row, decision, pw
from vanphong.api.services import token_create
from vanphong.org.models import Person

__all__ = ["pw"]

API = "/api/v1/thi-dua"


class Caller:
    def __init__(self, client: Client, person: Person) -> None:
        self.client = client
        token = token_create(actor=None, person=person, name="thử").token
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(API + path, params, headers=self.headers)

    def post(self, path: str, data: dict[str, Any] | None = None) -> Any:
        return self.client.post(
            API + path, data or {}, content_type="application/json", headers=self.headers
        )


def test_the_titles_in_force_change_with_the_2022_law(client: Client, pw: ProposalWorld) -> None:
    call = Caller(client, pw.convenor_officer)
    before = {t["code"]: t for t in call.get("/danh-hieu", on="2023-12-31").json()}
    after = {t["code"]: t for t in call.get("/danh-hieu", on="2024-01-01").json()}
    assert before["grassroots_fighter"]["vote"]["share"] == [2, 3]
    assert after["grassroots_fighter"]["vote"]["share"] == [7, 10]
    assert call.get("/danh-hieu", on="2003-12-31").status_code == 422


def test_the_qualification_gives_the_flag_to_the_first_unit(
    client: Client, pw: ProposalWorld
) -> None:
    response = Caller(client, pw.convenor_officer).get(
        f"/phong-trao/{pw.movement.uuid}/xet-danh-hieu"
    )
    assert response.status_code == 200
    first = response.json()[0]
    assert first["unit"]["uuid"] == str(pw.chau_thanh.uuid)
    assert first["rank"] == 1
    flag = next(t for t in first["titles"] if t["code"] == "provincial_flag")
    assert flag["qualifies"] is True


def test_a_flag_proposal_goes_from_creation_to_the_register(
    client: Client, pw: ProposalWorld
) -> None:
    call = Caller(client, pw.convenor_officer)
    created = call.post(
        "/de-nghi", {"title_code": "provincial_flag", "movement": str(pw.movement.uuid)}
    )
    assert created.status_code == 201, created.json()
    path = f"/de-nghi/{created.json()['uuid']}"
    line = call.post(f"{path}/danh-sach", {"unit": str(pw.chau_thanh.uuid)})
    assert line.status_code == 201, line.json()
    second = call.post(
        f"{path}/danh-sach", {"unit": str(pw.members[1].uuid), "override_reason": "sát nút"}
    )
    assert second.status_code == 422
    assert "Vượt chỉ tiêu" in second.json()["errors"]["unit"][0]
    low = call.post(
        f"{path}/bo-phieu", {"voters": 9, "voted_on": "2013-01-20", "votes": {line.json()["id"]: 5}}
    )
    assert low.status_code == 422
    voted = call.post(
        f"{path}/bo-phieu", {"voters": 9, "voted_on": "2013-01-20", "votes": {line.json()["id"]: 8}}
    )
    assert voted.json()["status"] == "voted"
    drafted = call.post(f"{path}/ho-so").json()
    assert drafted["cover_note"]["status"] == "draft"
    assert call.post(f"{path}/trinh").json()["status"] == "submitted"
    found = decision(pw, pw.convenor, pw.people.province_clerk)
    decided = call.post(f"{path}/quyet-dinh", {"decision": str(found.uuid)})
    assert decided.status_code == 200, decided.json()
    assert decided.json()["nominees"][0]["awarded"] is True
    register = call.get("/khen-thuong", year=2012).json()
    assert [a["unit"]["uuid"] for a in register["items"]] == [str(pw.chau_thanh.uuid)]


def test_a_failed_condition_answers_422_on_the_reason(client: Client, pw: ProposalWorld) -> None:
    call = Caller(client, pw.convenor_officer)
    created = call.post(
        "/de-nghi", {"title_code": "chairman_merit", "movement": str(pw.movement.uuid)}
    )
    response = call.post(
        f"/de-nghi/{created.json()['uuid']}/danh-sach", {"unit": str(pw.members[3].uuid)}
    )
    assert response.status_code == 422
    assert "chưa đạt điều kiện" in response.json()["errors"]["override_reason"][0]


def test_someone_outside_gets_404_for_a_proposal(client: Client, pw: ProposalWorld) -> None:
    created = Caller(client, pw.convenor_officer).post(
        "/de-nghi", {"title_code": "provincial_flag", "movement": str(pw.movement.uuid)}
    )
    outsider = Caller(client, pw.people.unassigned)
    assert outsider.get(f"/de-nghi/{created.json()['uuid']}").status_code == 404


def test_the_register_shows_a_person_their_own_titles(client: Client, pw: ProposalWorld) -> None:
    for member in pw.staff[:3]:
        award_row(
            year=2011,
            title_code="advanced_worker",
            title_name="Lao động tiên tiến",
            register_unit=pw.chau_thanh,
            person=member,
        )
    mine = Caller(client, pw.staff[0]).get("/khen-thuong", mine="true").json()
    assert [a["person"]["uuid"] for a in mine["items"]] == [str(pw.staff[0].uuid)]


def test_a_manual_line_of_another_units_register_is_403(client: Client, pw: ProposalWorld) -> None:
    response = Caller(client, pw.officer(pw.chau_thanh)).post(
        "/khen-thuong",
        {
            "register_unit": str(pw.members[1].uuid),
            "year": 2010,
            "title_name": "Giấy khen",
            "awarding_body": "Huyện ủy",
            "decision_number": "Số 1",
            "decided_on": "2011-01-10",
            "unit": str(pw.members[1].uuid),
        },
    )
    assert response.status_code == 403
