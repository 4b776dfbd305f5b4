"""Disposal (tiêu hủy tài liệu hết giá trị): every write.

An archivist of the archive unit proposes a list of files it keeps whose retention has run out
(`retention.files_past_retention`): never a permanent file, never a file under a legal hold in
force, never one destroyed or on another open disposal. The council (hội đồng xác định giá trị
tài liệu) appraises the list and may keep files back, each with a reason; the head of the
archive unit approves with the decision's number; the archivist executes: the holds are checked
again (a hold placed after approval keeps its file out, and that is recorded on the line and in
the audit event), each destroyed file becomes a stub — status DESTROYED, `destroyed_at`, the
disposal — with its metadata, history and index kept, and the destruction record (biên bản hủy
tài liệu) is generated as PDF and stored. Nothing is ever deleted: the rows of files, items and
disposals stay, and the database refuses to delete a file a disposal names (PROTECT).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from vanphong.archives import holdings, workflow
from vanphong.archives.disposal_print import destruction_record_pdf
from vanphong.archives.models import (
    Disposal,
    DisposalItem,
    DisposalStatus,
    FileStatus,
    RecordFile,
)
from vanphong.archives.registers import OPEN_STATUSES
from vanphong.archives.retention import CUSTODY_STATUSES, is_past_retention
from vanphong.archives.selectors import files_visible
from vanphong.archives.services_holds import blocking_holds, hold_label, holds_visible
from vanphong.core import audit, files
from vanphong.core.vietnamese import clean
from vanphong.org.models import Person, Unit

DISPOSAL_FIELDS = ("title", "status", "council_opinion", "decision", "method")
HELD_AT_EXECUTION = gettext_noop("Đang bị tạm giữ khi thực hiện tiêu hủy")


def may_propose(person: Person, archive_unit: Unit) -> bool:
    return workflow.is_archivist(person, archive_unit)


def may_run(person: Person, disposal: Disposal) -> bool:
    """Record the council's appraisal, execute, cancel: the archivists or the head."""
    unit = disposal.archive_unit
    return workflow.is_archivist(person, unit) or workflow.may_head_archive(person, unit)


def may_approve(person: Person, disposal: Disposal) -> bool:
    return workflow.may_head_archive(person, disposal.archive_unit)


def _lock(disposal: Disposal) -> Disposal:
    return (
        Disposal.objects.select_for_update(of=("self",))
        .select_related("archive_unit")
        .get(pk=disposal.pk)
    )


def _require_status(disposal: Disposal, *statuses: str) -> None:
    if disposal.status not in statuses:
        raise ValidationError(
            _("Đợt tiêu hủy đang ở bước “%(s)s”, không thực hiện được thao tác này.")
            % {"s": disposal.get_status_display()}
        )


def _file_refusals(
    actor: Person, archive_unit: Unit, chosen: Sequence[RecordFile], today: date
) -> list[str]:
    refusals: list[str] = []
    ids = {f.pk for f in chosen}
    for file in chosen:
        if file.archive_unit_id != archive_unit.pk or file.status not in (
            *CUSTODY_STATUSES,
            FileStatus.DESTROYED,
        ):
            refusals.append(_("Hồ sơ %(code)s không do lưu trữ này quản lý.") % {"code": file.code})
        elif file.status == FileStatus.DESTROYED:
            refusals.append(_("Hồ sơ %(code)s đã bị tiêu hủy.") % {"code": file.code})
        elif file.is_permanent:
            refusals.append(
                _("Hồ sơ %(code)s: hồ sơ bảo quản vĩnh viễn không được tiêu hủy.")
                % {"code": file.code}
            )
        elif not is_past_retention(file, today):
            refusals.append(_("Hồ sơ %(code)s chưa hết thời hạn bảo quản.") % {"code": file.code})
    held = blocking_holds(chosen)
    if held:
        seen = set(
            holds_visible(actor)
            .filter(pk__in=[h.pk for hs in held.values() for h in hs])
            .values_list("pk", flat=True)
        )
        for file in chosen:
            for hold in held.get(file.pk, []):
                refusals.append(
                    _("Hồ sơ %(code)s đang bị tạm giữ: %(hold)s.")
                    % {"code": file.code, "hold": hold_label(hold, hold.pk in seen)}
                )
    busy = (
        DisposalItem.objects.filter(file_id__in=ids, keep=False, disposal__status__in=OPEN_STATUSES)
        .values_list("file__code", flat=True)
        .order_by("file__code")
    )
    for code in busy:
        refusals.append(
            _("Hồ sơ %(code)s đã có trong một đợt tiêu hủy khác đang làm.") % {"code": code}
        )
    return refusals


@transaction.atomic
def disposal_propose(
    *, actor: Person, archive_unit: Unit, title: str, files: Sequence[RecordFile]
) -> Disposal:
    """Propose destroying `files` of the archive, each past its retention, none held."""
    workflow.require(
        may_propose(actor, archive_unit),
        _("Chỉ cán bộ lưu trữ của đơn vị lưu trữ được đề nghị tiêu hủy."),
    )
    title = clean(title)
    if not title:
        raise ValidationError({"title": _("Cần ghi tên đợt tiêu hủy.")})
    ids = {f.pk for f in files}
    if not ids:
        raise ValidationError({"files": _("Cần chọn ít nhất một hồ sơ.")})
    chosen = list(
        files_visible(actor).filter(pk__in=ids).select_for_update(of=("self",)).order_by("code")
    )
    if len(chosen) != len(ids):
        raise ValidationError({"files": _("Không tìm thấy hồ sơ.")})
    refusals = _file_refusals(actor, archive_unit, chosen, timezone.localdate())
    if refusals:
        raise ValidationError({"files": refusals})
    disposal = Disposal.objects.create(archive_unit=archive_unit, title=title, proposed_by=actor)
    DisposalItem.objects.bulk_create([DisposalItem(disposal=disposal, file=f) for f in chosen])
    audit.record(
        actor=actor,
        action="disposal.propose",
        target=disposal,
        after={
            **audit.snapshot(disposal, DISPOSAL_FIELDS),
            "archive_unit": archive_unit.pk,
            "files": sorted(ids),
        },
    )
    return disposal


@transaction.atomic
def disposal_appraise(
    *,
    actor: Person,
    disposal: Disposal,
    council: Sequence[Person],
    opinion: str,
    keep: Mapping[RecordFile, str] | None = None,
) -> Disposal:
    """Record the council's appraisal: its members, its opinion, the files it keeps back."""
    disposal = _lock(disposal)
    workflow.require(
        may_run(actor, disposal), _("Chỉ cán bộ lưu trữ hoặc lãnh đạo đơn vị ghi thẩm định.")
    )
    _require_status(disposal, DisposalStatus.PROPOSED)
    opinion = clean(opinion)
    errors: dict[str, object] = {}
    if not council:
        errors["council"] = _("Cần ghi thành phần hội đồng xác định giá trị tài liệu.")
    if not opinion:
        errors["opinion"] = _("Cần ghi ý kiến của hội đồng.")
    items = {item.file_id: item for item in disposal.items.select_related("file")}
    kept: dict[int, str] = {}
    for file, reason in (keep or {}).items():
        if file.pk not in items:
            errors["keep"] = _("Hồ sơ %(code)s không có trong danh sách.") % {"code": file.code}
        elif not clean(reason):
            errors["keep"] = _("Cần ghi lý do giữ lại hồ sơ %(code)s.") % {"code": file.code}
        else:
            kept[file.pk] = clean(reason)
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(disposal, DISPOSAL_FIELDS)
    disposal.council.set(council)
    disposal.council_opinion = opinion
    disposal.appraised_at = timezone.now()
    disposal.status = DisposalStatus.APPRAISED
    disposal.save(update_fields=["council_opinion", "appraised_at", "status"])
    changed = []
    for file_id, item in items.items():
        item.keep = file_id in kept
        item.reason = kept.get(file_id, "")
        changed.append(item)
    DisposalItem.objects.bulk_update(changed, ["keep", "reason"])
    audit.record(
        actor=actor,
        action="disposal.appraise",
        target=disposal,
        before=before,
        after={
            **audit.snapshot(disposal, DISPOSAL_FIELDS),
            "council": sorted(p.pk for p in council),
            "kept": {str(k): v for k, v in sorted(kept.items())},
        },
    )
    return disposal


@transaction.atomic
def disposal_approve(*, actor: Person, disposal: Disposal, decision: str) -> Disposal:
    """The head of the archive unit approves the appraised list under `decision`."""
    disposal = _lock(disposal)
    workflow.require(
        may_approve(actor, disposal),
        _("Chỉ thủ trưởng đơn vị lưu trữ được phê duyệt tiêu hủy."),
    )
    _require_status(disposal, DisposalStatus.APPRAISED)
    decision = clean(decision)
    if not decision:
        raise ValidationError({"decision": _("Cần ghi số, ngày quyết định tiêu hủy.")})
    if not disposal.items.filter(keep=False).exists():
        raise ValidationError(_("Hội đồng đã giữ lại mọi hồ sơ: không còn hồ sơ để tiêu hủy."))
    before = audit.snapshot(disposal, DISPOSAL_FIELDS)
    disposal.decision = decision
    disposal.approved_by = actor
    disposal.approved_at = timezone.now()
    disposal.status = DisposalStatus.APPROVED
    disposal.save(update_fields=["decision", "approved_by", "approved_at", "status"])
    audit.record(
        actor=actor,
        action="disposal.approve",
        target=disposal,
        before=before,
        after=audit.snapshot(disposal, DISPOSAL_FIELDS),
    )
    return disposal


def _moment(day: date) -> datetime:
    if day == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


@transaction.atomic
def disposal_execute(
    *, actor: Person, disposal: Disposal, method: str, executed_on: date
) -> Disposal:
    """Destroy the approved files: each one still under no hold becomes a stub; one held now
    is left out, its line kept with the reason. The destruction record is generated."""
    disposal = _lock(disposal)
    workflow.require(
        may_run(actor, disposal), _("Chỉ cán bộ lưu trữ hoặc lãnh đạo đơn vị thực hiện hủy.")
    )
    _require_status(disposal, DisposalStatus.APPROVED)
    method = clean(method)
    errors: dict[str, str] = {}
    if not method:
        errors["method"] = _("Cần ghi phương pháp hủy (nghiền, đốt, …).")
    approved_on = timezone.localdate(disposal.approved_at) if disposal.approved_at else None
    if executed_on > timezone.localdate():
        errors["executed_on"] = _("Ngày hủy không được sau hôm nay.")
    elif approved_on is not None and executed_on < approved_on:
        errors["executed_on"] = _("Ngày hủy không được trước ngày phê duyệt.")
    if errors:
        raise ValidationError(errors)
    items = {item.file_id: item for item in disposal.items.filter(keep=False)}
    # The files are locked: a hold being placed now waits, or committed and is seen here.
    chosen = list(
        RecordFile.objects.select_for_update()
        .filter(pk__in=items.keys(), status__in=CUSTODY_STATUSES)
        .order_by("code", "pk")
    )
    held = blocking_holds(chosen)
    destroyed = [f for f in chosen if f.pk not in held]
    left_out = [f for f in chosen if f.pk in held]
    for file in left_out:
        items[file.pk].keep = True
        items[file.pk].reason = _(HELD_AT_EXECUTION)
    DisposalItem.objects.bulk_update([items[f.pk] for f in left_out], ["keep", "reason"])
    moment = _moment(executed_on)
    RecordFile.objects.filter(pk__in=[f.pk for f in destroyed]).update(
        status=FileStatus.DESTROYED, destroyed_at=moment, disposal=disposal
    )
    for file in destroyed:
        holdings.touch(file)
    before = audit.snapshot(disposal, DISPOSAL_FIELDS)
    disposal.method = method
    disposal.executed_by = actor
    disposal.executed_at = moment
    disposal.status = DisposalStatus.EXECUTED
    council = list(disposal.council.order_by("full_name", "id"))
    content = destruction_record_pdf(
        disposal,
        destroyed=destroyed,
        left_out=left_out,
        council=council,
        executed_on=executed_on,
        executed_by=actor,
    )
    disposal.record = files.store(io.BytesIO(content)).stored
    disposal.save(update_fields=["method", "executed_by", "executed_at", "status", "record"])
    for file in destroyed:
        audit.record(
            actor=actor,
            action="file.destroy",
            target=file,
            before={"status": file.status},
            after={"status": FileStatus.DESTROYED, "disposal": disposal.pk},
        )
    audit.record(
        actor=actor,
        action="disposal.execute",
        target=disposal,
        before=before,
        after={
            **audit.snapshot(disposal, DISPOSAL_FIELDS),
            "executed_on": executed_on,
            "destroyed": sorted(f.pk for f in destroyed),
            "left_out": {str(f.pk): sorted(h.pk for h in held[f.pk]) for f in left_out},
            "record": disposal.record.pk,
        },
    )
    return disposal


@transaction.atomic
def disposal_cancel(*, actor: Person, disposal: Disposal, reason: str) -> Disposal:
    """Abandon an open disposal; its files are free for another list. The row stays."""
    disposal = _lock(disposal)
    workflow.require(
        may_run(actor, disposal), _("Chỉ cán bộ lưu trữ hoặc lãnh đạo đơn vị hủy bỏ đợt này.")
    )
    _require_status(disposal, *OPEN_STATUSES)
    reason = clean(reason)
    if not reason:
        raise ValidationError({"reason": _("Cần ghi lý do hủy bỏ đợt tiêu hủy.")})
    before = audit.snapshot(disposal, DISPOSAL_FIELDS)
    disposal.status = DisposalStatus.CANCELLED
    disposal.save(update_fields=["status"])
    audit.record(
        actor=actor,
        action="disposal.cancel",
        target=disposal,
        before=before,
        after={**audit.snapshot(disposal, DISPOSAL_FIELDS), "reason": reason},
    )
    return disposal
