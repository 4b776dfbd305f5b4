"""All of one's drafts, a page at a time with the total: the open ones stay one short list."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.support.documents import DocWorld, draft, url
from tests.support.web import login, page_queries
from vanphong.documents import views_outgoing_lists


def test_all_my_drafts_shows_the_rest_on_page_two(
    client: Client, world: DocWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views_outgoing_lists, "BOOK_PAGE", 2)
    drafts = [draft(world, subject=f"Dự thảo số {n}") for n in range(3)]
    login(client, world.chau_thanh_specialist)
    first = client.get(url("outgoing_mine"), {"tat-ca": "1"})
    assert list(first.context["documents"]) == [drafts[2], drafts[1]]
    body = first.content.decode()
    assert "3 dự thảo · trang 1/2" in body
    assert "?tat-ca=1&amp;trang=2" in body
    second = client.get(url("outgoing_mine"), {"tat-ca": "1", "trang": "2"})
    assert list(second.context["documents"]) == [drafts[0]]
    open_only = client.get(url("outgoing_mine"))
    assert len(open_only.context["documents"]) == 3
    assert 'data-testid="pagination"' not in open_only.content.decode()


def test_all_my_drafts_costs_the_same_queries_for_many_rows(
    client: Client, world: DocWorld
) -> None:
    login(client, world.chau_thanh_specialist)
    draft(world)
    few = page_queries(client, url("outgoing_mine") + "?tat-ca=1")
    for n in range(4):
        draft(world, subject=f"Dự thảo số {n}")
    # session, user, scope (memberships, tree), the COUNT for the page numbers, the drafts
    assert page_queries(client, url("outgoing_mine") + "?tat-ca=1") == few <= 6
