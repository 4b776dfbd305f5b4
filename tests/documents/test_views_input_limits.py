"""The pages refuse out-of-range input as the API does: a form error on the field, or a
filter reported and not applied — never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.support.documents import DocWorld, register_post, url
from tests.support.web import login
from vanphong.documents.models import IncomingDocument


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("page_count", str(2**63)),
        ("page_count", str(2**31)),
        ("document_date", "0001-01-01"),
        ("deadline", "9999-12-31"),
        ("received_at", "0001-01-01T00:00"),
    ],
)
def test_the_registration_form_refuses_out_of_range_values_on_their_field(
    client: Client, world: DocWorld, field: str, value: str
) -> None:
    login(client, world.chau_thanh_clerk)
    data: dict[str, Any] = {**register_post(world), field: value}
    response = client.post(url("incoming_register"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not IncomingDocument.objects.exists()


def test_the_registration_form_cleans_control_characters_before_saving(
    client: Client, world: DocWorld
) -> None:
    login(client, world.chau_thanh_clerk)
    data = {**register_post(world), "subject": "Về việc\x00 bầu cử\x1b", "note": "a\x08b"}
    assert client.post(url("incoming_register"), data).status_code == 302
    document = IncomingDocument.objects.get()
    assert (document.subject, document.note) == ("Về việc bầu cử", "ab")


@pytest.mark.parametrize(
    "query",
    [
        {"tu": "0001-01-01"},
        {"den": "9999-12-31"},
        {"tu": "0001-01-01", "den": "9999-12-31"},
        {"nam": "9999"},
        {"nam": "-1"},
        {"nam": str(2**63)},
    ],
)
def test_the_incoming_book_reports_an_out_of_range_filter(
    client: Client, world: DocWorld, query: dict[str, str]
) -> None:
    login(client, world.chau_thanh_clerk)
    assert client.get(url("incoming_book"), query).status_code == 200


@pytest.mark.parametrize("query", [{"nam": "9999"}, {"nam": str(2**63)}, {"nam": "-1"}])
def test_the_outgoing_book_reports_an_out_of_range_year(
    client: Client, world: DocWorld, query: dict[str, str]
) -> None:
    login(client, world.chau_thanh_clerk)
    assert client.get(url("outgoing_book"), query).status_code == 200


@pytest.mark.parametrize(
    "query",
    [{"tu": "0001-01-01", "den": "2012-12-31"}, {"den": "9999-12-31"}, {"tu": "0001-01-01"}],
)
@pytest.mark.parametrize("page", ["register", "handling_stats"])
def test_the_register_and_statistics_pages_refuse_a_period_out_of_range(
    client: Client, world: DocWorld, page: str, query: dict[str, str]
) -> None:
    login(client, world.chau_thanh_clerk)
    for extra in ({}, {"dinh-dang": "xlsx"}, {"dinh-dang": "pdf"}):
        response = client.get(url(page), {**query, **extra})
        assert response.status_code in (200, 400), response.status_code
