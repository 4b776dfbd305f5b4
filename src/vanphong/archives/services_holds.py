"""Legal holds (lệnh tạm giữ): while one is in force, no file it covers may be disposed of.

A hold is placed on files of a unit (the files it made, or those its archive keeps) by the
unit's head or a leader of its Office (or of the committee above), with a kind, a reason and
what it rests on (the petition, the inspection's decision); it is released, with a reason, by
the same. Nothing is deleted: a released hold stays with who released it, when and why.

Petitions (a sibling app this one may not import) hold the files of an open petition by calling
`hold_place(kind=HoldKind.PETITION, reference=<the petition's number>, …)` — the demo does it —
and `hold_release` when the petition is settled.

A hold names what it covers, so it is itself as secret as its most secret file: it is shown (in
lists, on a file's page, in a refusal's message) only to those who see every file it covers;
others are told only that "a hold" is in force.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.archives import workflow
from vanphong.archives.models import FileStatus, HoldKind, LegalHold, RecordFile
from vanphong.archives.selectors import files_visible
from vanphong.core import audit
from vanphong.core.access import get_visible_or_404
from vanphong.core.vietnamese import clean
from vanphong.org.models import Person, Role, Unit
from vanphong.org.selectors import scope_for

HOLD_FIELDS = ("kind", "reason", "reference", "released_at", "release_reason")
HOLD_MANAGERS = (Role.OFFICE_LEADER, Role.COMMITTEE_LEADER)
HOLD_READERS = (Role.ARCHIVIST, Role.OFFICE_LEADER, Role.COMMITTEE_LEADER)


def may_manage_holds(person: Person, unit: Unit) -> bool:
    """The unit's head (`workflow.may_head_archive`) or a leader of the Office or committee
    over it."""
    return workflow.may_head_archive(person, unit) or scope_for(person).holds(
        unit.pk, *HOLD_MANAGERS
    )


def holds_in_force() -> QuerySet[LegalHold]:
    return LegalHold.objects.filter(released_at__isnull=True)


def holds_visible(person: Person) -> QuerySet[LegalHold]:
    """Holds of the units where the person keeps the archive or leads, none covering a file
    the person may not see."""
    units = scope_for(person).units_with_role(*HOLD_READERS)
    hidden = LegalHold.files.through.objects.filter(legalhold_id=OuterRef("pk")).exclude(
        recordfile_id__in=files_visible(person).values("pk")
    )
    return LegalHold.objects.filter(unit_id__in=units).filter(~Exists(hidden))


def hold_get_visible(person: Person, hold_uuid: UUID | str) -> LegalHold:
    return get_visible_or_404(
        holds_visible(person).select_related("unit", "placed_by", "released_by"), hold_uuid
    )


def holds_on_file(person: Person, file: RecordFile) -> list[LegalHold]:
    """The holds on a file the person sees, in force first (for the file's page)."""
    return list(
        holds_visible(person)
        .filter(files=file)
        .select_related("placed_by", "released_by")
        .order_by("released_at", "-placed_at")
    )


def hold_label(hold: LegalHold, visible: bool) -> str:
    """How a refusal names a hold: in full for those who may see it, else anonymously."""
    if not visible:
        return _("một lệnh tạm giữ")
    label = f"{hold.get_kind_display()}: {hold.reason}"
    return f"{label} ({hold.reference})" if hold.reference else label


def blocking_holds(files: Iterable[RecordFile]) -> dict[int, list[LegalHold]]:
    """File id -> the holds in force on it (one query)."""
    ids = [f.pk for f in files]
    found: dict[int, list[LegalHold]] = {}
    through = LegalHold.files.through.objects.filter(
        recordfile_id__in=ids, legalhold__released_at__isnull=True
    ).select_related("legalhold")
    for link in through:
        found.setdefault(link.recordfile_id, []).append(link.legalhold)
    return found


def _lock(hold: LegalHold) -> LegalHold:
    return LegalHold.objects.select_for_update().select_related("unit").get(pk=hold.pk)


@transaction.atomic
def hold_place(
    *,
    actor: Person,
    unit: Unit,
    kind: str,
    reason: str,
    reference: str,
    files: Sequence[RecordFile],
) -> LegalHold:
    """Place a hold on files the actor sees, of `unit` (made by it, or kept by its archive)."""
    workflow.require(
        may_manage_holds(actor, unit),
        _("Chỉ lãnh đạo đơn vị, lãnh đạo Văn phòng được ra lệnh tạm giữ hồ sơ."),
    )
    reason, reference = clean(reason), clean(reference)
    errors: dict[str, str] = {}
    if kind not in HoldKind.values:
        errors["kind"] = _("Loại lệnh tạm giữ không hợp lệ.")
    if not reason:
        errors["reason"] = _("Cần ghi lý do tạm giữ.")
    if not files:
        errors["files"] = _("Cần chọn ít nhất một hồ sơ.")
    if errors:
        raise ValidationError(errors)
    ids = {f.pk for f in files}
    # The files are locked so a disposal executing now sees the hold or runs before it.
    locked = list(
        files_visible(actor).filter(pk__in=ids).select_for_update(of=("self",)).order_by("pk")
    )
    if len(locked) != len(ids):
        raise ValidationError({"files": _("Không tìm thấy hồ sơ.")})
    for file in locked:
        if file.unit_id != unit.pk and file.archive_unit_id != unit.pk:
            raise ValidationError(
                {"files": _("Hồ sơ %(code)s không thuộc đơn vị này.") % {"code": file.code}}
            )
        if file.status == FileStatus.DESTROYED:
            raise ValidationError(
                {"files": _("Hồ sơ %(code)s đã bị tiêu hủy.") % {"code": file.code}}
            )
    hold = LegalHold.objects.create(
        unit=unit, kind=kind, reason=reason, reference=reference, placed_by=actor
    )
    hold.files.set(locked)
    audit.record(
        actor=actor,
        action="hold.place",
        target=hold,
        after={
            **audit.snapshot(hold, HOLD_FIELDS),
            "unit": unit.pk,
            "files": sorted(f.pk for f in locked),
        },
    )
    return hold


@transaction.atomic
def hold_release(*, actor: Person, hold: LegalHold, reason: str) -> LegalHold:
    hold = _lock(hold)
    if not may_manage_holds(actor, hold.unit):
        raise PermissionDenied(_("Chỉ lãnh đạo đơn vị, lãnh đạo Văn phòng được gỡ lệnh tạm giữ."))
    reason = clean(reason)
    if not reason:
        raise ValidationError({"reason": _("Cần ghi lý do gỡ lệnh tạm giữ.")})
    if hold.released_at is not None:
        raise ValidationError(_("Lệnh tạm giữ đã được gỡ."))
    before = audit.snapshot(hold, HOLD_FIELDS)
    hold.released_at = timezone.now()
    hold.released_by = actor
    hold.release_reason = reason
    hold.save(update_fields=["released_at", "released_by", "release_reason"])
    audit.record(
        actor=actor,
        action="hold.release",
        target=hold,
        before=before,
        after=audit.snapshot(hold, HOLD_FIELDS),
    )
    return hold
