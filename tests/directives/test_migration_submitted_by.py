"""The data migration that fills Task.submitted_by for tasks reported done before the column
existed: the last `task.submit` audit event of each task says who and when."""

from __future__ import annotations

import importlib
from datetime import date

from django.apps import apps

from tests.support.directives import district_task
from tests.support.documents import DocWorld
from vanphong.core.models import AuditEvent
from vanphong.directives import services_decisions, services_reports
from vanphong.directives.models import Task

MIGRATION = importlib.import_module(
    "vanphong.directives.migrations.0009_backfill_task_submitted_by"
)


def test_the_last_submitter_of_each_task_is_filled_in_from_the_audit(world: DocWorld) -> None:
    resubmitted, never = district_task(world), district_task(world)
    services_reports.task_complete(
        actor=world.chau_thanh_clerk, task=resubmitted, text="Xong", done_on=date(2011, 4, 14)
    )
    services_decisions.completion_return(
        actor=world.province_leader, task=resubmitted, reason="Thiếu"
    )
    services_reports.task_complete(
        actor=world.chau_thanh_leader, task=resubmitted, text="Đủ", done_on=date(2011, 4, 14)
    )
    Task.objects.update(submitted_by=None, submitted_at=None)  # as before the column
    MIGRATION.backfill(apps, None)
    last = AuditEvent.objects.filter(action="task.submit").latest("id")
    filled = Task.objects.get(pk=resubmitted.pk)
    assert filled.submitted_by == world.chau_thanh_leader
    assert filled.submitted_at == last.occurred_at
    assert Task.objects.get(pk=never.pk).submitted_by is None
