"""org 0003 and documents 0003 rewrite the unit kinds and roles stored before values were
English — in their columns and in the approval steps' JSON — and back."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps

from tests.support.factories import MembershipFactory, UnitFactory
from vanphong.documents.models import ApprovalChain
from vanphong.org.models import Membership, Unit

org_migration = import_module("vanphong.org.migrations.0002_english_values")
documents_migration = import_module("vanphong.documents.migrations.0002_english_roles")


@pytest.mark.django_db
def test_kinds_roles_and_approval_steps_stored_in_vietnamese_become_english_and_back() -> None:
    office = UnitFactory.create()
    MembershipFactory.create(unit=office)
    ApprovalChain.objects.create(
        unit=office,
        steps=[
            {"role": "lanh_dao_vp", "at": "unit"},
            {"role": "lanh_dao_cap_uy", "at": "committee"},
        ],
    )
    Unit.objects.update(kind="van_phong")
    Membership.objects.update(role="chuyen_vien")

    org_migration.forwards(apps, None)
    documents_migration.forwards(apps, None)
    assert list(Unit.objects.values_list("kind", flat=True)) == ["office"]
    assert list(Membership.objects.values_list("role", flat=True)) == ["specialist"]
    assert ApprovalChain.objects.get().steps == [
        {"role": "office_leader", "at": "unit"},
        {"role": "committee_leader", "at": "committee"},
    ]

    org_migration.backwards(apps, None)
    documents_migration.backwards(apps, None)
    assert list(Unit.objects.values_list("kind", flat=True)) == ["van_phong"]
    assert list(Membership.objects.values_list("role", flat=True)) == ["chuyen_vien"]
    assert [step["role"] for step in ApprovalChain.objects.get().steps] == [
        "lanh_dao_vp",
        "lanh_dao_cap_uy",
    ]
