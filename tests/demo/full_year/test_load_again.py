"""Loading the full demo a second time adds nothing, in any app, and the audit chain it wrote
verifies."""

from __future__ import annotations

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import override_settings

from tests.demo.full_year.conftest import FAST_HASHERS
from vanphong.demo import documents, scenario

# One worker loads the package's demo once (conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_full_year")]

APPS = [
    "org",
    "core",
    "api",
    "documents",
    "planning",
    "directives",
    "petitions",
    "emulation",
    "archives",
    "search",
]


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for name in APPS
        for model in apps.get_app_config(name).get_models()
    }


def test_loading_the_full_demo_again_adds_nothing_and_the_audit_chain_verifies(
    full_year: None,
) -> None:
    before = _counts()
    assert before["documents.IncomingDocument"] > 500
    assert before["core.AuditEvent"] > 1000
    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        scenario.load()
    assert documents.load() == 0
    assert _counts() == before
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    assert "intact" in out.getvalue()
