"""Background work of preservation (django-tasks), thin tasks calling the services: the fixity
run walked a time budget at a time (re-enqueued until done), one scan's OCR, and the drain of
the OCR backlog left without a job by the queue's limit."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django_tasks import task

from vanphong.archives import services_preservation as services
from vanphong.archives.models import FixityRun, FixityRunStatus


def _budget() -> float:
    return float(getattr(settings, "VANPHONG_FIXITY_BUDGET_SECONDS", 120))


@task()
def fixity_run_continue(run_uuid: str) -> int:
    """Walk the run for a time budget, then enqueue the rest; how many files it has checked."""
    run = FixityRun.objects.filter(uuid=run_uuid, status=FixityRunStatus.RUNNING).first()
    if run is None:
        return 0
    batch = int(getattr(settings, "VANPHONG_FIXITY_BATCH", services.BATCH))
    if not services.fixity_run_walk(run=run, budget_seconds=_budget(), batch=batch):
        fixity_run_continue.enqueue(run_uuid=run_uuid)
    return run.checked


def fixity_run_later(run: FixityRun) -> None:
    """Enqueue the walk of `run` once the current transaction has committed."""
    run_uuid = str(run.uuid)
    transaction.on_commit(lambda: fixity_run_continue.enqueue(run_uuid=run_uuid))


@task()
def ocr_run(original_id: int) -> str:
    copy = services.ocr_perform(original_id=original_id)
    return copy.status if copy is not None else ""


@task()
def ocr_drain() -> int:
    """The periodic catch-up (cron: `vanphong archives_ocr_drain`, or enqueue this task): the
    copies waiting without a job, recognised one after the other."""
    originals = services.ocr_backlog()
    for original_id in originals:
        services.ocr_perform(original_id=original_id)
    return len(originals)
