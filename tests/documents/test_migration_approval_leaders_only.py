"""The data migration that brings chains saved before the leaders-only rule under it."""

from __future__ import annotations

import importlib

from django.apps import apps

from tests.documents.conftest import DocWorld
from tests.documents.test_views_approval import submitted
from vanphong.documents.models import ApprovalChain, OutgoingDocument
from vanphong.org.models import Role

MIGRATION = importlib.import_module("vanphong.documents.migrations.0002_approval_by_leaders_only")
# The roles were stored in Vietnamese when 0002 ran; 0003 renames them.
ENGLISH_ROLES = importlib.import_module("vanphong.documents.migrations.0003_english_roles")


def test_old_chains_keep_only_leader_steps_and_lose_self_approval(world: DocWorld) -> None:
    specialists = ApprovalChain.objects.create(
        unit=world.chau_thanh_office,
        steps=[
            {"role": "chuyen_vien", "at": "unit"},
            {"role": "lanh_dao_cap_uy", "at": "committee"},
        ],
        allow_self_approval=True,
    )
    only_clerks = ApprovalChain.objects.create(
        unit=world.hoa_thanh_office, steps=[{"role": "van_thu", "at": "unit"}]
    )
    in_review = submitted(world)
    OutgoingDocument.objects.filter(pk=in_review.pk).update(
        chain=[
            {"role": "chuyen_vien", "at": "unit", "allow_self": True},
            {"role": "lanh_dao_cap_uy", "at": "committee", "allow_self": True},
        ],
        current_step=1,
    )
    MIGRATION.leaders_only(apps, None)
    ENGLISH_ROLES.forwards(apps, None)
    specialists.refresh_from_db()
    assert specialists.steps == [{"role": Role.COMMITTEE_LEADER, "at": "committee"}]
    assert specialists.allow_self_approval is False
    only_clerks.refresh_from_db()
    assert only_clerks.steps == [], "the default chain (the Office's leader) applies"
    in_review.refresh_from_db()
    assert in_review.chain == [
        {"role": Role.OFFICE_LEADER, "at": "unit", "allow_self": False},
        {"role": Role.COMMITTEE_LEADER, "at": "committee", "allow_self": False},
    ]
    assert in_review.current_step == 1
