"""The search page, its suggestions and the API."""

from __future__ import annotations

from django.test import Client

from tests.support.api import Caller
from tests.support.documents import DocWorld, register
from vanphong.org.models import Clearance
from vanphong.search import engine


def _library(world: DocWorld) -> None:
    register(world, number_symbol="45-NQ/TU", subject="Về lãnh đạo cuộc bầu cử ở Hoà Thành")
    register(world, number_symbol="47-KL/TU", subject="Kết luận về bầu cử bổ sung",
             confidentiality=Clearance.SECRET)  # fmt: skip
    engine.drain()


def test_the_results_page_lists_highlighted_hits_with_facets(
    client: Client, world: DocWorld
) -> None:
    _library(world)
    client.force_login(world.chau_thanh_clerk)
    response = client.get("/tim-kiem/", {"q": "bau cu"})
    body = response.content.decode()
    assert response.status_code == 200
    assert response.context["found"].total == 2
    assert "<b>bầu</b> <b>cử</b>" in body
    assert 'data-facet="kind"' in body
    assert "45-NQ/TU" in body


def test_the_page_shows_a_specialist_neither_the_secret_hit_nor_its_count(
    client: Client, world: DocWorld
) -> None:
    _library(world)
    client.force_login(world.chau_thanh_specialist)
    response = client.get("/tim-kiem/", {"q": "bau cu"})
    body = response.content.decode()
    assert response.context["found"].total == 1
    assert "bổ sung" not in body
    assert "47-KL/TU" not in body


def test_a_facet_link_filters_and_a_bad_filter_value_is_ignored(
    client: Client, world: DocWorld
) -> None:
    _library(world)
    client.force_login(world.chau_thanh_clerk)
    filtered = client.get("/tim-kiem/", {"q": "bau cu", "loai-vb": "NQ"})
    assert filtered.context["found"].total == 1
    odd = client.get(
        "/tim-kiem/", {"q": "bau cu", "nam": "x", "do-mat": "99999999999", "trang": "-1"}
    )
    assert odd.status_code == 200


def test_the_page_needs_a_login(client: Client, world: DocWorld) -> None:
    response = client.get("/tim-kiem/", {"q": "bau cu"})
    assert response.status_code == 302


def test_suggestions_use_the_last_word_as_a_prefix(client: Client, world: DocWorld) -> None:
    _library(world)
    client.force_login(world.chau_thanh_clerk)
    response = client.get("/tim-kiem/goi-y/", {"q": "lanh da"})
    assert response.status_code == 200
    assert "45-NQ/TU" in response.content.decode()
    assert client.get("/tim-kiem/goi-y/", {"q": "l"}).content.decode().strip() == ""


def test_the_api_answers_with_hits_total_and_facets(client: Client, world: DocWorld) -> None:
    _library(world)
    specialist = Caller(client, world.chau_thanh_specialist)
    response = client.get(
        "/api/v1/search", {"q": "bầu cử", "facets": "true"}, headers=specialist.headers
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["total"] == 1
    assert [hit["title"][:11] for hit in body["hits"]] == ["Số 45-NQ/TU"]
    assert sum(f["count"] for f in body["facets"]["kind"]) == 1
    plain = client.get("/api/v1/search", {"q": "bầu cử"}, headers=specialist.headers).json()
    assert (plain["total"], plain["facets"]) == (1, {})


def test_the_api_answers_an_empty_query_with_a_message(client: Client, world: DocWorld) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    body = client.get("/api/v1/search", {"q": '  "'}, headers=clerk.headers).json()
    assert body["total"] == 0
    assert body["message"]


def test_the_results_page_costs_the_same_queries_for_two_hits_or_twenty(
    client: Client, world: DocWorld
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.chau_thanh_clerk)
    register(world, subject="Về bầu cử lần 1")
    register(world, number_symbol="46-CT/TU", subject="Về bầu cử lần 2")
    engine.drain()
    with CaptureQueriesContext(connection) as few:
        assert client.get("/tim-kiem/", {"q": "bau cu"}).context["found"].total == 2
    for n in range(20):
        register(world, number_symbol=f"{50 + n}-CT/TU", subject=f"Về bầu cử lần {n + 3}")
    engine.drain()
    with CaptureQueriesContext(connection) as many:
        assert client.get("/tim-kiem/", {"q": "bau cu"}).context["found"].total == 22
    assert len(many) == len(few) <= 8
