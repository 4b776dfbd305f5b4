"""Page helpers: log in, read the messages shown, count a page's queries."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from vanphong.org.models import Person


def login(client: Client, person: Person) -> Client:
    client.force_login(person)
    return client


def messages_of(response: Any) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def page_queries(client: Client, address: str, **headers: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, headers=headers)
    assert response.status_code == 200
    return len(queries.captured_queries)
