"""Test settings by environment (the one settings module reads them) and shared fixtures."""

from __future__ import annotations

import pytest
from django.conf import LazySettings
from django.conf import settings as django_settings
from django.utils import translation

from tests.support.personas import Personas, build_personas


@pytest.fixture(autouse=True)
def _fast_and_plain(settings: LazySettings) -> None:
    # Argon2 is what production uses (tested in test_settings); here it would only slow logins.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    # A request in English leaves English active in the thread; the next test would speak it.
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture
def people(db: None) -> Personas:
    return build_personas()
