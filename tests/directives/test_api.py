"""The directives API: the assignment-to-completion walk and its refusals."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.directives.test_services import province_directive
from tests.documents.conftest import DocWorld
from vanphong.api.services import token_create
from vanphong.org.models import Person


def caller(client: Client, person: Person) -> Any:
    headers = {"Authorization": f"Bearer {token_create(actor=None, person=person, name='t').token}"}

    class Call:
        def get(self, path: str) -> Any:
            return client.get(f"/api/v1/nhiem-vu{path}", headers=headers)

        def post(self, path: str, body: dict[str, Any] | None = None) -> Any:
            return client.post(
                f"/api/v1/nhiem-vu{path}",
                body or {},
                content_type="application/json",
                headers=headers,
            )

    return Call()


def test_a_task_goes_from_assignment_through_an_extension_to_completion(
    client: Client, world: DocWorld
) -> None:
    directive = province_directive(world)
    province = caller(client, world.province_office_leader)
    district = caller(client, world.chau_thanh_clerk)
    made = province.post(
        f"/van-ban/{directive.uuid}/nhiem-vu",
        {
            "lead_unit": str(world.chau_thanh.uuid),
            "content": "Niêm yết danh sách cử tri",
            "deadline": "2011-04-15",
        },
    )
    assert made.status_code == 201, made.content
    task = made.json()["uuid"]
    assert district.get(f"/{task}").json()["state"] == "not_started"
    asked = district.post(f"/{task}/gia-han", {"new_deadline": "2011-04-30", "reason": "Chờ xã"})
    assert asked.status_code == 201, asked.content
    assert (
        district.post(f"/gia-han/{asked.json()['uuid']}/quyet-dinh", {"approve": True}).status_code
        == 403
    )
    decided = province.post(f"/gia-han/{asked.json()['uuid']}/quyet-dinh", {"approve": True})
    assert decided.json()["status"] == "approved"
    assert district.get(f"/{task}").json()["deadline"] == "2011-04-30"
    done = district.post(f"/{task}/hoan-thanh", {"text": "Đã niêm yết", "done_on": "2011-04-28"})
    assert done.json()["state"] == "submitted"
    accepted = province.post(f"/{task}/xac-nhan")
    assert (accepted.json()["state"], accepted.json()["status"]) == ("done", "on_time")
    report = district.post(f"/{task}/bao-cao", {"text": "Thêm"})
    assert report.status_code == 422
    counts = province.get(f"/don-vi/{world.chau_thanh.uuid}/thong-ke").json()
    assert counts["on_time"] == 1


def test_a_task_of_another_district_is_not_found(client: Client, world: DocWorld) -> None:
    directive = province_directive(world)
    made = caller(client, world.province_office_leader).post(
        f"/van-ban/{directive.uuid}/nhiem-vu",
        {"lead_unit": str(world.chau_thanh.uuid), "content": "Việc của Châu Thành"},
    )
    other = caller(client, world.hoa_thanh_clerk)
    assert other.get(f"/{made.json()['uuid']}").status_code == 404
    assert other.post(f"/{made.json()['uuid']}/bao-cao", {"text": "x"}).status_code == 404
