"""`/api/v1/luu-tru/danh-muc-ho-so…` and `/bang-thoi-han`: the plans one sees, a plan's
numbered outline, creating, copying forward, adding headings and entries, approving,
amending, suggestions, the retention tables; 404 for a plan one does not see, 403 for an
action one may not take, 422 on the field refused."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.support.archives_plans import YEAR, PlanWorld, build_plan_world
from vanphong.api.services import token_create
from vanphong.archives import services_plans
from vanphong.archives.models import FilePlan, PlanStatus, RetentionRule
from vanphong.org.models import Person

pytestmark = pytest.mark.django_db

API = "/api/v1/luu-tru"


class Call:
    def __init__(self, client: Client, person: Person) -> None:
        token = token_create(actor=None, person=person, name="thử").token
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(API + path, params, headers=self.headers)

    def post(self, path: str, body: dict[str, Any] | None = None) -> Any:
        return self.client.post(
            API + path, body or {}, content_type="application/json", headers=self.headers
        )


@pytest.fixture
def pw() -> PlanWorld:
    return build_plan_world()


def test_the_list_holds_the_plans_one_sees(client: Client, pw: PlanWorld) -> None:
    other = services_plans.plan_create(
        actor=pw.hoa_thanh_clerk, unit=pw.hoa_thanh_office, year=YEAR
    )
    found = Call(client, pw.chau_thanh_specialist).get("/danh-muc-ho-so").json()
    assert [(p["uuid"], p["entry_count"], p["status"]) for p in found] == [
        (str(pw.plan.uuid), 3, "draft")
    ]
    assert (
        Call(client, pw.chau_thanh_specialist).get(f"/danh-muc-ho-so/{other.uuid}").status_code
        == 404
    )
    assert len(Call(client, pw.province_leader).get("/danh-muc-ho-so", year=YEAR).json()) == 2


def test_a_plan_gives_its_numbered_outline_and_summary(client: Client, pw: PlanWorld) -> None:
    body = Call(client, pw.chau_thanh_clerk).get(f"/danh-muc-ho-so/{pw.plan.uuid}").json()
    assert [(h["number"], h["title"]) for h in body["headings"]] == [
        ("I", "Công tác tổng hợp"),
        ("II", "Công tác hành chính"),
    ]
    minor = body["headings"][0]["children"][0]
    assert (minor["number"], minor["entries"][0]["code"], minor["entries"][0]["retention"]) == (
        "1",
        "02.TH",
        "5 năm",
    )
    assert body["headings"][0]["entries"][0]["responsible"]["username"] == "vt.chauthanh"
    assert body["summary"] == {
        "total": 3,
        "permanent": 1,
        "limited": 2,
        "text": "Bản danh mục hồ sơ này có: 3 hồ sơ, bao gồm: 1 hồ sơ bảo quản vĩnh viễn; "
        "2 hồ sơ bảo quản có thời hạn.",
    }


def test_create_then_add_a_heading_and_an_entry(client: Client, pw: PlanWorld) -> None:
    clerk = Call(client, pw.chau_thanh_clerk)
    made = clerk.post("/danh-muc-ho-so", {"unit": str(pw.chau_thanh_office.uuid), "year": 2011})
    assert made.status_code == 201
    uuid = made.json()["uuid"]
    again = clerk.post("/danh-muc-ho-so", {"unit": str(pw.chau_thanh_office.uuid), "year": 2011})
    assert again.status_code == 422
    assert "year" in again.json()["errors"]
    body = clerk.post(f"/danh-muc-ho-so/{uuid}/de-muc", {"title": "Tổng hợp"}).json()
    heading = body["headings"][0]["uuid"]
    rule = RetentionRule.objects.get(level="district", title__startswith="Lịch công tác")
    entry = clerk.post(
        f"/danh-muc-ho-so/{uuid}/ho-so",
        {
            "heading": heading,
            "code": "01.th",
            "title": "Lịch công tác tuần",
            "rule": str(rule.uuid),
            "responsible": str(pw.chau_thanh_clerk.uuid),
            "keywords": "lịch tuần",
        },
    )
    assert entry.status_code == 201, entry.json()
    assert (entry.json()["code"], entry.json()["retention_years"]) == ("01.TH", 5)


def test_unknown_references_and_refused_values_are_422_on_their_fields(
    client: Client, pw: PlanWorld
) -> None:
    clerk = Call(client, pw.chau_thanh_clerk)
    response = clerk.post(
        f"/danh-muc-ho-so/{pw.plan.uuid}/ho-so",
        {
            "heading": str(pw.plan.uuid),
            "code": "x",
            "title": "T",
            "rule": str(pw.plan.uuid),
            "permanent": True,
        },
    )
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"heading", "rule"}
    response = clerk.post(
        f"/danh-muc-ho-so/{pw.plan.uuid}/ho-so",
        {"heading": str(pw.admin.uuid), "code": "bad code", "title": "T", "permanent": True},
    )
    assert response.status_code == 422
    assert "code" in response.json()["errors"]


def test_only_the_head_approves_then_the_plan_takes_amendments_only(
    client: Client, pw: PlanWorld
) -> None:
    path = f"/danh-muc-ho-so/{pw.plan.uuid}"
    assert Call(client, pw.chau_thanh_clerk).post(f"{path}/ban-hanh").status_code == 403
    approved = Call(client, pw.chau_thanh_office_leader).post(f"{path}/ban-hanh")
    assert approved.status_code == 200
    assert approved.json()["status"] == "approved"
    assert approved.json()["approved_by"]["username"] == "cvp.chauthanh"
    clerk = Call(client, pw.chau_thanh_clerk)
    entry = {"heading": str(pw.admin.uuid), "code": "09.HC", "title": "Bầu cử", "permanent": True}
    assert clerk.post(f"{path}/ho-so", entry).status_code == 422
    amended = clerk.post(f"{path}/bo-sung", {**entry, "reason": "Phát sinh"})
    assert amended.status_code == 201
    assert amended.json()["note"].startswith("Bổ sung ngày")


def test_copy_forward_answers_the_new_draft(client: Client, pw: PlanWorld) -> None:
    response = Call(client, pw.chau_thanh_clerk).post(
        f"/danh-muc-ho-so/{pw.plan.uuid}/sao-chep", {"year": 2013}
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["year"], body["copied_from"], body["entry_count"]) == (2013, str(pw.plan.uuid), 3)
    assert FilePlan.objects.get(uuid=body["uuid"]).status == PlanStatus.DRAFT
    refused = Call(client, pw.hoa_thanh_clerk).post(
        f"/danh-muc-ho-so/{pw.plan.uuid}/sao-chep", {"year": 2014}
    )
    assert refused.status_code == 404


def test_suggestions_for_a_subject(client: Client, pw: PlanWorld) -> None:
    found = (
        Call(client, pw.chau_thanh_clerk)
        .get(
            "/danh-muc-ho-so/goi-y",
            unit=str(pw.chau_thanh_office.uuid),
            year=YEAR,
            text="Báo cáo tháng 3 của Huyện ủy",
        )
        .json()
    )
    assert found[0]["code"] == "02.TH"
    hidden = Call(client, pw.hoa_thanh_clerk).get(
        "/danh-muc-ho-so/goi-y", unit=str(pw.chau_thanh_office.uuid), year=YEAR, text="báo cáo"
    )
    assert hidden.status_code == 404


def test_the_retention_tables_by_level_and_words(client: Client, pw: PlanWorld) -> None:
    call = Call(client, pw.chau_thanh_clerk)
    assert (
        len(call.get("/bang-thoi-han", level="district").json())
        == RetentionRule.objects.filter(level="district").count()
    )
    found = call.get("/bang-thoi-han", text="bien ban hoi nghi").json()
    assert {r["level"] for r in found} == {"provincial", "district"}
    assert all(r["retention"] == "Vĩnh viễn" and r["verified"] is False for r in found)
