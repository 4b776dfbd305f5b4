"""Debian's chromium driven by Playwright; never a downloaded browser."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connections

CHROMIUM = Path(os.environ.get("VANPHONG_CHROMIUM", "/usr/bin/chromium"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _chromium(monkeypatch: pytest.MonkeyPatch, locale: str) -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("VANPHONG_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is missing; .ci/run installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is not installed")
    # Playwright's sync API keeps an event loop on this thread; the ORM calls the tests make
    # between page actions are still plain synchronous calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()
            # While Playwright's loop runs, Django's connections are kept per async context, so
            # the ORM calls made here had their own connection; close it, or PostgreSQL refuses
            # to drop the test database ("being accessed by other users").
            connections.close_all()


@pytest.fixture
def page(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    yield from _chromium(monkeypatch, "vi-VN")


@pytest.fixture
def english_page(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """A browser set to American English: its own date and time controls read mm/dd, AM/PM."""
    yield from _chromium(monkeypatch, "en-US")
