"""The full demo (its year of documents included) is loaded once for this package, inside a
transaction rolled back at the end; each test runs in its own transaction inside it.

Loading it takes minutes on PostgreSQL: the package's modules share one load, and their tests
are one xdist group (`pytestmark`, run with `--dist loadgroup`), so one worker loads it once.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import transaction
from django.test import override_settings
from pytest_django import DjangoDbBlocker

from vanphong.demo import scenario

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="package")
def full_year(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():
        # Module fixtures run before the autouse ones: the fast hasher is set here (Argon2 for
        # the demo's people would take ten seconds).
        with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
            scenario.load()
        yield
        transaction.set_rollback(True)
