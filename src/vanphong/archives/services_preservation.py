"""Preservation: the fixity check over every stored file, and OCR copies of scans.

Fixity. One run at a time walks `StoredFile` by id from its cursor, a batch at a time: the
batch's files are hashed outside any transaction, then one short transaction records the
findings and moves the cursor and the counters — but only if the cursor is still where the batch
started (another walker of the same run may have got there first: its result stands, this one
is dropped), so a run killed at any point resumes at its cursor and counts each file once.
A batch with findings alerts the archivists of the root-level Offices (the province's) and
writes `archives.fixity_failed`.

OCR. `ocr_enqueue` records an OcrCopy (QUEUED) and, while fewer than
VANPHONG_OCR_QUEUE_LIMIT wait, enqueues its job when the transaction commits; beyond that the
copy waits for `ocr_drain`. Registering a document never waits for OCR and never fails for it.
The original is never altered: the PDF/A copy is a new stored file.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.archives import fixity, ocr
from vanphong.archives.models import (
    FixityFinding,
    FixityProblem,
    FixityRun,
    FixityRunStatus,
    OcrCopy,
    OcrStatus,
)
from vanphong.core import audit, notifications
from vanphong.core.files import path_of, store
from vanphong.core.models import NoticeKind, StoredFile
from vanphong.documents.models import Attachment
from vanphong.org.models import Person, Role, Unit, UnitKind
from vanphong.org.selectors import people_holding

BATCH = 500

# --- fixity ---------------------------------------------------------------------------------


def fixity_alerted() -> list[int]:
    """Who is told of a failed check: the archivists of the Offices at the top of the tree
    (the province committee's Office; an Office that is itself a root)."""
    offices = Unit.objects.filter(kind=UnitKind.OFFICE, is_active=True).filter(
        Q(parent__isnull=True) | Q(parent__parent__isnull=True)
    )
    return list(people_holding(units=offices, roles=[Role.ARCHIVIST]).values_list("pk", flat=True))


# Two starts at once must not both find no running run: PostgreSQL serialises them on this
# transaction-scoped advisory lock; SQLite's writes are serialised by its database lock.
_START_LOCK = 0x76616E17


def _one_start_at_a_time() -> None:
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_START_LOCK])


@transaction.atomic
def fixity_run_start(*, actor: Person | None) -> FixityRun:
    """Start a pass over every stored file, or return the pass already running (one at a
    time). The caller walks it: `jobs_preservation.fixity_run_later` or the command."""
    _one_start_at_a_time()
    running = FixityRun.objects.select_for_update().filter(status=FixityRunStatus.RUNNING).first()
    if running is not None:
        return running
    run = FixityRun.objects.create(total=StoredFile.objects.count())
    audit.record(
        actor=actor,
        action="archives.fixity_started",
        target=run,
        after={"total": run.total},
        label=_("Kiểm tra toàn vẹn tệp lưu trữ"),
    )
    return run


@dataclass(frozen=True)
class Step:
    checked: int
    findings: int
    done: bool


def _hash_batch(rows: list[tuple[int, str]]) -> list[fixity.Checked]:
    root = str(settings.MEDIA_ROOT)
    buffer = bytearray(fixity.BUFFER)
    check, path_for = fixity.check, fixity.path_for
    return [check(pk, path_for(root, sha), buffer) for pk, sha in rows]


def fixity_run_step(*, run: FixityRun, batch: int = BATCH) -> Step:
    """Check the next batch of the run; returns what it did (done when nothing is left)."""
    start_cursor = run.cursor
    rows = list(
        StoredFile.objects.filter(pk__gt=start_cursor)
        .order_by("pk")
        .values_list("pk", "sha256")[:batch]
    )
    began = time.perf_counter()
    results = _hash_batch(rows)
    seconds = time.perf_counter() - began
    expected = dict(rows)
    with transaction.atomic():
        locked = FixityRun.objects.select_for_update().get(pk=run.pk)
        if locked.status != FixityRunStatus.RUNNING or locked.cursor != start_cursor:
            # Another walker checked this batch first (or the run ended): its result stands.
            _refresh(run, locked)
            return Step(0, 0, locked.status != FixityRunStatus.RUNNING)
        findings = [
            FixityFinding(
                run=locked,
                stored_file_id=result.stored_id,
                problem=FixityProblem.MISSING if result.missing else FixityProblem.CHANGED,
                found_sha256="" if result.missing else result.sha256,
                found_size=None if result.missing else result.size,
            )
            for result in results
            if result.missing or result.sha256 != expected[result.stored_id]
        ]
        FixityFinding.objects.bulk_create(findings)
        if rows:
            locked.cursor = rows[-1][0]
        locked.checked += len(rows)
        locked.bytes_read += sum(r.size for r in results)
        locked.failures += len(findings)
        locked.seconds += seconds
        done = len(rows) < batch
        if done:
            locked.status = FixityRunStatus.DONE
            locked.finished_at = timezone.now()
        locked.save()
        if findings:
            _alert(locked, findings, expected)
        if done:
            audit.record(
                actor=None,
                action="archives.fixity_done",
                target=locked,
                after={
                    "checked": locked.checked,
                    "bytes": locked.bytes_read,
                    "failures": locked.failures,
                },
                label=_("Kiểm tra toàn vẹn tệp lưu trữ"),
            )
    _refresh(run, locked)
    return Step(len(rows), len(findings), done)


def _refresh(run: FixityRun, locked: FixityRun) -> None:
    for name in ("status", "cursor", "checked", "bytes_read", "failures", "seconds", "total"):
        setattr(run, name, getattr(locked, name))
    run.finished_at = locked.finished_at


def _alert(run: FixityRun, findings: list[FixityFinding], sha_of: dict[int, str]) -> None:
    audit.record(
        actor=None,
        action="archives.fixity_failed",
        target=run,
        after={
            "findings": [{"sha256": f.stored_file.sha256, "problem": f.problem} for f in findings],
        },
        label=_("Kiểm tra toàn vẹn tệp lưu trữ"),
    )
    notifications.send(
        person_ids=fixity_alerted(),
        text=_(
            "Kiểm tra toàn vẹn: %(count)d tệp lưu trữ bị thay đổi hoặc mất. Xem báo cáo và "
            "khôi phục từ bản sao lưu."
        )
        % {"count": len(findings)},
        url=reverse("archives:preservation_run", args=[run.uuid]),
        key=f"archives.fixity:{run.uuid}:{findings[-1].stored_file_id}",
        kind=NoticeKind.OTHER,
    )


def fixity_run_walk(
    *,
    run: FixityRun,
    budget_seconds: float | None = None,
    batch: int = BATCH,
    progress: Callable[[FixityRun], object] | None = None,
) -> bool:
    """Walk the run batch by batch, to its end or until `budget_seconds` have passed;
    returns whether it is done."""
    began = time.monotonic()
    while True:
        step = fixity_run_step(run=run, batch=batch)
        if progress is not None:
            progress(run)
        if step.done:
            return True
        if budget_seconds is not None and time.monotonic() - began >= budget_seconds:
            return False


def progress_percent(run: FixityRun) -> int:
    if run.status == FixityRunStatus.DONE:
        return 100
    if run.total == 0:
        return 0
    return min(99, run.checked * 100 // run.total)


# --- OCR ------------------------------------------------------------------------------------


def ocr_queue_limit() -> int:
    return int(getattr(settings, "VANPHONG_OCR_QUEUE_LIMIT", 200))


@transaction.atomic
def ocr_enqueue(*, stored_file: StoredFile) -> OcrCopy:
    """Queue the OCR of a scan (PDF or image); an existing copy is returned as it is, except
    one left UNAVAILABLE (no OCR on the machine then), which is queued again."""
    from vanphong.archives.jobs_preservation import ocr_run

    if stored_file.content_type not in ocr.OCR_TYPES:
        raise ValueError(f"OCR is for scans, not {stored_file.content_type}")
    copy, created = OcrCopy.objects.get_or_create(original=stored_file)
    if not created and copy.status != OcrStatus.UNAVAILABLE:
        return copy
    if not created:  # OCR was not installed then: try again now
        OcrCopy.objects.filter(pk=copy.pk).update(
            status=OcrStatus.QUEUED, message="", queued_at=timezone.now()
        )
        copy.refresh_from_db()
    waiting = OcrCopy.objects.filter(status=OcrStatus.QUEUED).count()
    if waiting <= ocr_queue_limit():
        transaction.on_commit(partial(ocr_run.enqueue, original_id=stored_file.pk))
    return copy


def ocr_perform(*, original_id: int) -> OcrCopy | None:
    """Recognise one queued scan: the slow part runs outside any transaction; its result is
    written only if the copy is still queued (a second run of the same copy changes nothing)."""
    copy = OcrCopy.objects.select_related("original").filter(original_id=original_id).first()
    if copy is None or copy.status != OcrStatus.QUEUED:
        return copy
    result = ocr.recognise(path_of(copy.original), copy.original.content_type)
    with transaction.atomic():
        copy = OcrCopy.objects.select_for_update().select_related("original").get(pk=copy.pk)
        if copy.status != OcrStatus.QUEUED:
            return copy
        copy.status, copy.text, copy.message = result.status, result.text, result.message
        if result.pdfa is not None:
            try:
                copy.pdfa = store(io.BytesIO(result.pdfa)).stored
            except ValidationError as error:
                copy.status = OcrStatus.FAILED
                copy.message = _("Không lưu được bản PDF/A: %s") % " ".join(error.messages)
        copy.message = copy.message[:500]
        copy.finished_at = timezone.now()
        copy.save()
        audit.record(
            actor=None,
            action="archives.ocr_finished",
            target=copy,
            after={
                "original": copy.original.sha256,
                "status": copy.status,
                "pdfa": copy.pdfa.sha256 if copy.pdfa else None,
                "chars": len(copy.text),
            },
            label=_("Nhận dạng ký tự %(sha)s") % {"sha": copy.original.sha256[:12]},
        )
        if copy.status == OcrStatus.DONE and copy.text.strip():
            _text_to_attachments(copy)
    return copy


def _text_to_attachments(copy: OcrCopy) -> None:
    from vanphong.documents.services import attachment_text_set

    for attachment in Attachment.objects.filter(file=copy.original, text=""):
        attachment_text_set(attachment=attachment, text=copy.text)


def ocr_backlog(*, older_than: timedelta = timedelta(minutes=10)) -> list[int]:
    """The copies waiting longer than `older_than` (left without a job by the queue's limit,
    or whose job was lost), oldest first, at most the queue's limit."""
    cutoff = timezone.now() - older_than
    return list(
        OcrCopy.objects.filter(status=OcrStatus.QUEUED, queued_at__lt=cutoff)
        .order_by("queued_at", "pk")
        .values_list("original_id", flat=True)[: ocr_queue_limit()]
    )


def attachment_extracted(*, attachment: Attachment, text: str) -> None:
    """documents' hook: an attachment whose extraction found no text and that is a scan is
    queued for OCR (its text comes back through `documents.services.attachment_text_set`)."""
    if text.strip() or attachment.file.content_type not in ocr.OCR_TYPES:
        return
    ocr_enqueue(stored_file=attachment.file)
