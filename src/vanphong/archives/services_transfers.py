"""Every write of the transfer to the agency archive (nộp lưu): keeping a file back, making,
submitting and receiving a transfer (with the hand-over record), and moving a file between
boxes and shelves. One atomic, audited function per use case.

Rules (archives.deadlines): only files kept five years or more (or permanently) are
transferred; a file kept back stays at most two years past its due day, by a decision of its
unit's head. A transfer is made by the compilers of the unit from its closed files, and
received by an archivist of the archive unit cleared for the most secret file of it. A message
that refuses a file names it only to whom may see it.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.archives import deadlines, holdings, transfer_print, workflow
from vanphong.archives.models import (
    FileStatus,
    RecordFile,
    Transfer,
    TransferStatus,
)
from vanphong.archives.selectors import archive_unit_for, files_visible
from vanphong.core import audit, files, notifications
from vanphong.core.models import NoticeKind
from vanphong.core.vietnamese import clean
from vanphong.org.models import Clearance, Person, Role, Unit
from vanphong.org.selectors import people_holding

TRANSFER_FIELDS = ("status", "year", "submitted_at", "received_on", "note")
PLACE_LENGTH = 30


def named(actor: Person, file: RecordFile) -> str:
    """The file as a message names it: its code and title to whom may see it, else nothing
    that tells what it is."""
    if files_visible(actor).filter(pk=file.pk).exists():
        return f"“{file.code} {file.title[:120]}”"
    return _("Một hồ sơ được chọn")


def _lock(file: RecordFile) -> RecordFile:
    return (
        RecordFile.objects.select_for_update(of=("self",))
        .select_related("unit", "archive_unit")
        .get(pk=file.pk)
    )


def _lock_transfer(transfer: Transfer) -> Transfer:
    return (
        Transfer.objects.select_for_update(of=("self",))
        .select_related("unit", "archive_unit", "created_by")
        .get(pk=transfer.pk)
    )


def _highest(files: Sequence[RecordFile]) -> int:
    return max((file.confidentiality for file in files), default=Clearance.UNCLASSIFIED)


# --- keeping a file back ---------------------------------------------------------------------


@transaction.atomic
def file_keep_back(
    *, actor: Person, file: RecordFile, until: date | None, reason: str = ""
) -> RecordFile:
    """The unit's head keeps a file back past its due day, at most two years (None: no longer
    kept back)."""
    file = _lock(file)
    workflow.require(
        workflow.may_approve_plan(actor, file.unit)
        and files_visible(actor).filter(pk=file.pk).exists(),
        _("Chỉ lãnh đạo của đơn vị lập hồ sơ mới quyết định giữ lại hồ sơ."),
    )
    if file.status != FileStatus.CLOSED or file.transfer_id is not None:
        raise ValidationError(_("Chỉ giữ lại hồ sơ đã kết thúc, chưa đưa vào đợt nộp lưu."))
    due = deadlines.transfer_due_on(file)
    if due is None:
        raise ValidationError(
            _(
                "Hồ sơ này không thuộc diện nộp lưu (bảo quản dưới %(n)d năm hoặc chưa có ngày "
                "kết thúc công việc)."
            )
            % {"n": deadlines.TRANSFER_MIN_YEARS}
        )
    reason = clean(reason)
    before = audit.snapshot(file, ("kept_back_until", "kept_back_reason"))
    if until is None:
        file.kept_back_until, file.kept_back_reason = None, ""
    else:
        limit = deadlines.keep_back_limit(file)
        assert limit is not None  # noqa: S101 (due is not None)
        if until <= due:
            raise ValidationError(
                {
                    "until": _("Ngày giữ lại phải sau hạn nộp lưu (%(day)s).")
                    % {"day": f"{due:%d/%m/%Y}"}
                }
            )
        if until > limit:
            raise ValidationError(
                {
                    "until": _(
                        "Chỉ được giữ lại tối đa %(n)d năm sau hạn nộp lưu, tức đến %(day)s."
                    )
                    % {"n": deadlines.KEEP_BACK_MAX_YEARS, "day": f"{limit:%d/%m/%Y}"}
                }
            )
        if not reason:
            raise ValidationError({"reason": _("Ghi lý do giữ lại hồ sơ.")})
        file.kept_back_until, file.kept_back_reason = until, reason[:500]
    file.save(update_fields=["kept_back_until", "kept_back_reason"])
    audit.record(
        actor=actor,
        action="archives.file_keep_back",
        target=file,
        before=before,
        after=audit.snapshot(file, ("kept_back_until", "kept_back_reason")),
    )
    return file


# --- making, submitting, receiving a transfer ---------------------------------------------


def _check_joinable(actor: Person, unit: Unit, file: RecordFile) -> None:
    if not files_visible(actor).filter(pk=file.pk).exists():
        # Nobody transfers what they may not see; the message names nothing.
        raise ValidationError(
            {"files": _("Một hồ sơ được chọn không tồn tại hoặc anh/chị không được tiếp cận.")}
        )
    if file.unit_id != unit.pk:
        raise ValidationError(
            {
                "files": _("%(file)s không phải của %(unit)s.")
                % {"file": named(actor, file), "unit": unit.name}
            }
        )
    if file.status == FileStatus.OPEN:
        raise ValidationError(
            {
                "files": _("%(file)s chưa kết thúc; chỉ nộp lưu hồ sơ đã kết thúc.")
                % {"file": named(actor, file)}
            }
        )
    if file.status != FileStatus.CLOSED:
        raise ValidationError(
            {"files": _("%(file)s đã nộp lưu hoặc đã tiêu hủy.") % {"file": named(actor, file)}}
        )
    if file.transfer_id is not None:
        raise ValidationError(
            {"files": _("%(file)s đã có trong một đợt nộp lưu.") % {"file": named(actor, file)}}
        )
    if not deadlines.is_transferable(file):
        raise ValidationError(
            {
                "files": _(
                    "%(file)s bảo quản dưới %(n)d năm: không nộp lưu, đơn vị giữ đến khi tiêu hủy."
                )
                % {"file": named(actor, file), "n": deadlines.TRANSFER_MIN_YEARS}
            }
        )


@transaction.atomic
def transfer_create(
    *, actor: Person, unit: Unit, year: int, files: Sequence[RecordFile], note: str = ""
) -> Transfer:
    """A draft transfer of the unit's closed files to its agency archive."""
    workflow.require(
        workflow.may_compile(actor, unit),
        _("Chỉ cán bộ lập hồ sơ của đơn vị mới lập đợt nộp lưu."),
    )
    if not files:
        raise ValidationError({"files": _("Chọn ít nhất một hồ sơ để nộp lưu.")})
    locked = [_lock(file) for file in sorted({f.pk: f for f in files}.values(), key=lambda f: f.pk)]
    for file in locked:
        _check_joinable(actor, unit, file)
    transfer = Transfer.objects.create(
        unit=unit,
        archive_unit=archive_unit_for(unit),
        year=year,
        created_by=actor,
        note=clean(note)[:2000],
    )
    RecordFile.objects.filter(pk__in=[f.pk for f in locked]).update(transfer=transfer)
    audit.record(
        actor=actor,
        action="archives.transfer_create",
        target=transfer,
        after={
            **audit.snapshot(transfer, TRANSFER_FIELDS),
            "files": sorted(str(f.uuid) for f in locked),
        },
    )
    return transfer


@transaction.atomic
def transfer_file_remove(*, actor: Person, transfer: Transfer, file: RecordFile) -> Transfer:
    """Take a file out of a transfer not yet submitted."""
    transfer = _lock_transfer(transfer)
    workflow.require(workflow.may_compile(actor, transfer.unit))
    if transfer.status != TransferStatus.DRAFT:
        raise ValidationError(_("Đợt nộp lưu đã gửi; không sửa danh sách được nữa."))
    file = _lock(file)
    if file.transfer_id != transfer.pk:
        raise ValidationError({"files": _("Hồ sơ không có trong đợt nộp lưu này.")})
    file.transfer = None
    file.save(update_fields=["transfer"])
    audit.record(
        actor=actor,
        action="archives.transfer_file_remove",
        target=transfer,
        after={"file": str(file.uuid)},
    )
    return transfer


def _archivists(archive_unit: Unit, level: int) -> list[int]:
    people = people_holding(units=[archive_unit.pk], roles=[Role.ARCHIVIST])
    return [p.pk for p in people if workflow.is_archivist(p, archive_unit, level)]


@transaction.atomic
def transfer_submit(*, actor: Person, transfer: Transfer) -> Transfer:
    """The unit sends the transfer to its archive; its archivists are told."""
    transfer = _lock_transfer(transfer)
    workflow.require(
        workflow.may_compile(actor, transfer.unit),
        _("Chỉ cán bộ lập hồ sơ của đơn vị mới gửi đợt nộp lưu."),
    )
    if transfer.status != TransferStatus.DRAFT:
        raise ValidationError(_("Đợt nộp lưu đã được gửi."))
    in_it = list(transfer.files.all())
    if not in_it:
        raise ValidationError({"files": _("Đợt nộp lưu chưa có hồ sơ nào.")})
    before = audit.snapshot(transfer, TRANSFER_FIELDS)
    transfer.status = TransferStatus.SUBMITTED
    transfer.submitted_at = timezone.now()
    transfer.save(update_fields=["status", "submitted_at"])
    notifications.send(
        person_ids=_archivists(transfer.archive_unit, _highest(in_it)),
        text=_("%(unit)s gửi nộp lưu %(n)d hồ sơ năm %(year)d.")
        % {"unit": transfer.unit.name, "n": len(in_it), "year": transfer.year},
        url=reverse("archives:transfer_detail", args=[transfer.uuid]),
        key=f"archives-transfer-submitted:{transfer.uuid}",
        kind=NoticeKind.RECEIVED,
    )
    audit.record(
        actor=actor,
        action="archives.transfer_submit",
        target=transfer,
        before=before,
        after=audit.snapshot(transfer, TRANSFER_FIELDS),
    )
    return transfer


def _place(text: str, field: str, file: RecordFile, actor: Person) -> str:
    value = clean(text or "").strip()
    if len(value) > PLACE_LENGTH:
        raise ValidationError(
            {
                field: _("%(file)s: tối đa %(n)d ký tự.")
                % {"file": named(actor, file), "n": PLACE_LENGTH}
            }
        )
    return value


@transaction.atomic
def transfer_receive(
    *,
    actor: Person,
    transfer: Transfer,
    received_on: date,
    placements: Mapping[RecordFile, tuple[str, str]],
) -> Transfer:
    """The archive receives the transfer: every file TRANSFERRED into it, each in its box on
    its shelf (`placements`: file -> (box, shelf), a box for every file); the hand-over record
    (with the list annexed) is stored with the transfer."""
    transfer = _lock_transfer(transfer)
    in_it = list(
        RecordFile.objects.select_for_update(of=("self",))
        .filter(transfer=transfer)
        .order_by("year", "code", "pk")
    )
    workflow.require(
        workflow.is_archivist(actor, transfer.archive_unit, _highest(in_it)),
        _(
            "Chỉ cán bộ lưu trữ của %(unit)s, được tiếp cận đến độ mật cao nhất của các hồ sơ, "
            "mới nhận đợt nộp lưu này."
        )
        % {"unit": transfer.archive_unit.name},
    )
    if transfer.status != TransferStatus.SUBMITTED:
        raise ValidationError(_("Chỉ nhận đợt nộp lưu đã được gửi và chưa giao nhận."))
    today = timezone.localdate()
    if received_on > today:
        raise ValidationError({"received_on": _("Ngày giao nhận không được sau hôm nay.")})
    submitted = timezone.localdate(transfer.submitted_at) if transfer.submitted_at else None
    if submitted is not None and received_on < submitted:
        raise ValidationError(
            {
                "received_on": _("Ngày giao nhận không được trước ngày gửi nộp (%(day)s).")
                % {"day": f"{submitted:%d/%m/%Y}"}
            }
        )
    by_pk = {file.pk: value for file, value in placements.items()}
    strangers = set(by_pk) - {file.pk for file in in_it}
    if strangers:
        raise ValidationError({"placements": _("Có hồ sơ không thuộc đợt nộp lưu này.")})
    for file in in_it:
        box, shelf = by_pk.get(file.pk, ("", ""))
        file.box = _place(box, "box", file, actor)
        file.shelf = _place(shelf, "shelf", file, actor)
        if not file.box:
            raise ValidationError(
                {"box": _("%(file)s: ghi số hộp.") % {"file": named(actor, file)}}
            )
        file.status = FileStatus.TRANSFERRED
        file.archive_unit = transfer.archive_unit
    RecordFile.objects.bulk_update(in_it, ["box", "shelf", "status", "archive_unit"])
    for file in in_it:
        holdings.touch(file)
    before = audit.snapshot(transfer, TRANSFER_FIELDS)
    record = transfer_print.record_pdf(
        transfer, in_it, received_on=received_on, receiver=actor.full_name
    )
    stored = files.store(io.BytesIO(record)).stored
    transfer.status = TransferStatus.RECEIVED
    transfer.received_by = actor
    transfer.received_on = received_on
    transfer.record = stored
    transfer.save(update_fields=["status", "received_by", "received_on", "record"])
    notifications.send(
        person_ids=[transfer.created_by_id],
        text=_("%(archive)s đã nhận đợt nộp lưu năm %(year)d (%(n)d hồ sơ).")
        % {"archive": transfer.archive_unit.name, "year": transfer.year, "n": len(in_it)},
        url=reverse("archives:transfer_detail", args=[transfer.uuid]),
        key=f"archives-transfer-received:{transfer.uuid}",
        kind=NoticeKind.OTHER,
    )
    audit.record(
        actor=actor,
        action="archives.transfer_receive",
        target=transfer,
        before=before,
        after={
            **audit.snapshot(transfer, TRANSFER_FIELDS),
            "record_sha256": stored.sha256,
            "placements": {str(f.uuid): [f.box, f.shelf] for f in in_it},
        },
    )
    return transfer


@transaction.atomic
def file_place(*, actor: Person, file: RecordFile, box: str, shelf: str) -> RecordFile:
    """Move an archived file to another box or shelf."""
    file = _lock(file)
    if file.status != FileStatus.TRANSFERRED or file.archive_unit is None:
        raise ValidationError(_("Chỉ sắp xếp hồ sơ đã nộp lưu."))
    workflow.require(
        workflow.is_archivist(actor, file.archive_unit, file.confidentiality),
        _("Chỉ cán bộ lưu trữ được tiếp cận hồ sơ này mới sắp xếp được."),
    )
    before = audit.snapshot(file, ("box", "shelf"))
    file.box = _place(box, "box", file, actor)
    file.shelf = _place(shelf, "shelf", file, actor)
    if not file.box:
        raise ValidationError({"box": _("Ghi số hộp.")})
    file.save(update_fields=["box", "shelf"])
    audit.record(
        actor=actor,
        action="archives.file_place",
        target=file,
        before=before,
        after=audit.snapshot(file, ("box", "shelf")),
    )
    return file
