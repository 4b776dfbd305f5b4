"""A person's first pages load without a single failed request: an
outside tester's browser tour counts every 4xx and 5xx."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.browser import login
from tests.support.documents import DocWorld, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_home_and_document_pages_make_no_failed_request(page: Any, live_server: Any) -> None:
    world: DocWorld = build_world()
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))
    base = live_server.url
    login(page, base, world.province_clerk)
    for path in ("/", "/van-ban/den/", "/van-ban/di/", "/ke-hoach/lich/"):
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
    assert failed == []
