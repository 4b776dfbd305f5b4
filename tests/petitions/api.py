"""A caller of the petitions API (`/api/v1/don-thu`) with a bearer token of their own."""

from __future__ import annotations

from typing import Any

from django.test import Client

from vanphong.api.services import token_create
from vanphong.org.models import Person

API = "/api/v1/don-thu"


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

    def patch(self, path: str, data: dict[str, Any]) -> Any:
        return self.client.patch(
            API + path, data, content_type="application/json", headers=self.headers
        )
