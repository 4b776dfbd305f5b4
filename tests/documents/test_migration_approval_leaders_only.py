"""The data migration that brings chains saved before the leaders-only rule under it."""

from __future__ import annotations

import importlib

from django.apps import apps

from tests.support.documents import DocWorld, submitted
from vanphong.documents.models import ApprovalChain, OutgoingDocument
from vanphong.org.models import Role

MIGRATION = importlib.import_module("vanphong.documents.migrations.0002_approval_by_leaders_only")


def test_old_chains_keep_only_leader_steps_and_lose_self_approval(world: DocWorld) -> None:
    specialists = ApprovalChain.objects.create(
        unit=world.chau_thanh_office,
        steps=[
            {"role": Role.SPECIALIST, "at": "unit"},
            {"role": Role.COMMITTEE_LEADER, "at": "committee"},
        ],
        allow_self_approval=True,
    )
    only_clerks = ApprovalChain.objects.create(
        unit=world.hoa_thanh_office, steps=[{"role": Role.CLERK, "at": "unit"}]
    )
    in_review = submitted(world)
    OutgoingDocument.objects.filter(pk=in_review.pk).update(
        chain=[
            {"role": Role.SPECIALIST, "at": "unit", "allow_self": True},
            {"role": Role.COMMITTEE_LEADER, "at": "committee", "allow_self": True},
        ],
        current_step=1,
    )
    MIGRATION.leaders_only(apps, None)
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
