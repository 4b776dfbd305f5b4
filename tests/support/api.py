"""Callers of the JSON API with a bearer token of their own, one per router, and the API
journeys other tests start from."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.support.documents import DocWorld
from vanphong.api.services import token_create
from vanphong.org.models import Person

API = "/api/v1/van-ban"


class Caller:
    """One person calling the API with their own bearer token."""

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


ISSUED_ON = "2012-03-01"  # inside Châu Thành's 2010–2015 committee term


def create_draft(world: DocWorld, drafter: Caller, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "unit": str(world.chau_thanh_office.uuid),
        "type_symbol": "BC",
        "subject": "Báo cáo kết quả bầu cử đại biểu HĐND huyện nhiệm kỳ 2011–2016",
        "body": "Dự thảo lần 1",
    }
    data.update(overrides)
    response = drafter.post("/di", data)
    assert response.status_code == 201, response.json()
    return dict(response.json())


def signed(world: DocWorld, client: Client) -> dict[str, Any]:
    """A draft of Châu Thành's Office, approved and signed by its Office leader."""
    document = create_draft(world, Caller(client, world.chau_thanh_specialist))
    path = f"/di/{document['uuid']}"
    Caller(client, world.chau_thanh_specialist).post(f"{path}/trinh")
    office_leader = Caller(client, world.chau_thanh_office_leader)
    office_leader.post(f"{path}/duyet")
    response = office_leader.post(f"{path}/ky", {"position": "Chánh Văn phòng"})
    assert response.status_code == 200, response.json()
    return dict(response.json())


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


def api(client: Client, person: Person) -> Any:
    token = token_create(actor=None, person=person, name="thử").token
    headers = {"Authorization": f"Bearer {token}"}

    class Caller:
        def get(self, path: str, **params: Any) -> Any:
            return client.get(f"/api/v1/ke-hoach{path}", params, headers=headers)

        def post(self, path: str, body: dict[str, Any] | None = None) -> Any:
            return client.post(
                f"/api/v1/ke-hoach{path}",
                body or {},
                content_type="application/json",
                headers=headers,
            )

        def put(self, path: str, body: dict[str, Any]) -> Any:
            return client.put(
                f"/api/v1/ke-hoach{path}", body, content_type="application/json", headers=headers
            )

    return Caller()
