"""Compiling files (lập hồ sơ): opening a file (from the unit's file plan or not), filing
documents in it, numbering its sheets, closing it (kết thúc hồ sơ), and reopening it.

A document is filed by reference, never copied (Decree 30): the same document may sit in
several files, but only once in each. What is filed is described through `core.fileables`, as
the actor sees it: a document the actor may not see is "not found", exactly as an unknown one.
A file's confidentiality is raised to its most secret document's, so whoever sees the file
sees every line of its index.

Retention is a number of years, or `None` for permanent (Vĩnh viễn), for a file as for each of
its documents. A document is filed with the file's retention unless a longer one is given (or
the kind suggests one); on closing, the file takes the retention of its most valuable document
when that is longer than its own. Files kept 5 years or more have their sheets numbered
(đánh số tờ) continuously from 1 before they may be closed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.archives import holdings, workflow
from vanphong.archives.models import (
    FileItem,
    FileStatus,
    ItemKind,
    PlanEntry,
    RecordFile,
)
from vanphong.archives.selectors_files import files_holding
from vanphong.core import audit, fileables
from vanphong.core.vietnamese import clean, fold
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.org.models import Person, Role, Unit
from vanphong.org.selectors import leader_role, scope_for

# Files kept at least this long (or permanently) have their sheets numbered (Decree 30).
NUMBERED_FROM_YEARS = 5
# Positions are moved out of the way before a reorder (the (file, position) constraint is
# checked row by row on PostgreSQL).
_PARKED = 1_000_000


def _years_key(years: int | None) -> float:
    return float("inf") if years is None else float(years)


def most_valuable(values: Iterable[int | None]) -> int | None:
    """The longest of retentions (None = permanent beats any number of years)."""
    return max(values, key=_years_key)


def retention_label(years: int | None) -> str:
    return _("Vĩnh viễn") if years is None else _("%(n)s năm") % {"n": years}


def needs_page_numbers(file: RecordFile) -> bool:
    years = file.retention_years
    return years is None or years >= NUMBERED_FROM_YEARS


def may_reopen(person: Person, file: RecordFile) -> bool:
    """The unit's leader (an Office's Lãnh đạo Văn phòng) reopens a closed file."""
    return scope_for(person).holds(file.unit_id, Role.OFFICE_LEADER, leader_role(file.unit))


def _snapshot(file: RecordFile) -> dict[str, object]:
    return {
        "code": file.code,
        "title": file.title,
        "status": file.status,
        "retention_years": file.retention_years,
        "confidentiality": file.confidentiality,
        "item_count": file.item_count,
        "page_count": file.page_count,
    }


def _locked(file: RecordFile) -> RecordFile:
    return RecordFile.objects.select_for_update().select_related("unit").get(pk=file.pk)


def _require_compiler(actor: Person, unit: Unit) -> None:
    workflow.require(
        workflow.may_compile(actor, unit),
        _("Chỉ văn thư, chuyên viên, lãnh đạo Văn phòng của đơn vị mới được lập hồ sơ."),
    )


def _require_open(file: RecordFile) -> None:
    if file.status != FileStatus.OPEN:
        raise ValidationError(
            _("Hồ sơ %(code)s không còn đang lập: không thể thay đổi văn bản trong hồ sơ.")
            % {"code": file.code}
        )


def _retention(
    retention_years: int | None, permanent: bool, *, field: str = "retention_years"
) -> int | None:
    if permanent:
        return None
    if retention_years is None or retention_years < 1:
        raise ValidationError({field: _("Chọn thời hạn bảo quản: vĩnh viễn hoặc số năm.")})
    return retention_years


def _check_responsible(responsible: Person, unit: Unit) -> None:
    if not workflow.may_compile(responsible, unit):
        raise ValidationError(
            {"responsible": _("Người lập hồ sơ phải là cán bộ của đơn vị lập hồ sơ.")}
        )


def _check_code_free(unit: Unit, year: int, code: str, *, other_than: int | None = None) -> None:
    taken = RecordFile.objects.filter(unit=unit, year=year, code=code)
    if other_than is not None:
        taken = taken.exclude(pk=other_than)
    if taken.exists():
        raise ValidationError(
            {
                "code": _("Đơn vị đã có hồ sơ số %(code)s trong năm %(year)s.")
                % {
                    "code": code,
                    "year": year,
                }
            }
        )


@transaction.atomic
def file_open(
    *,
    actor: Person,
    unit: Unit,
    year: int,
    responsible: Person,
    opened_on: date,
    title: str = "",
    code: str = "",
    retention_years: int | None = None,
    permanent: bool = False,
    plan_entry: PlanEntry | None = None,
    note: str = "",
) -> RecordFile:
    """Open a file. From a plan entry, its code, title and retention are the entry's."""
    _require_compiler(actor, unit)
    if plan_entry is not None:
        plan = plan_entry.plan
        if plan.unit_id != unit.pk or plan.year != year:
            raise ValidationError(
                {"plan_entry": _("Hồ sơ trong danh mục không thuộc đơn vị và năm này.")}
            )
        code, title, years = plan_entry.code, plan_entry.title, plan_entry.retention_years
    else:
        code, title = clean(code).strip(), clean(title).strip()
        years = _retention(retention_years, permanent)
    if not code:
        raise ValidationError({"code": _("Nhập số và ký hiệu hồ sơ.")})
    if not title:
        raise ValidationError({"title": _("Nhập tiêu đề hồ sơ.")})
    if opened_on.year != year:
        raise ValidationError({"opened_on": _("Ngày mở hồ sơ phải thuộc năm của hồ sơ.")})
    _check_responsible(responsible, unit)
    _check_code_free(unit, year, code)
    file = RecordFile.objects.create(
        unit=unit,
        year=year,
        plan_entry=plan_entry,
        code=code,
        title=title,
        title_folded=fold(title),
        retention_years=years,
        responsible=responsible,
        opened_on=opened_on,
        note=clean(note),
    )
    audit.record(actor=actor, action="record_file.open", target=file, after=_snapshot(file))
    holdings.touch(file)
    return file


@transaction.atomic
def file_update(
    *,
    actor: Person,
    file: RecordFile,
    title: str,
    code: str,
    retention_years: int | None,
    permanent: bool,
    responsible: Person,
    note: str = "",
) -> RecordFile:
    file = _locked(file)
    _require_compiler(actor, file.unit)
    _require_open(file)
    before = _snapshot(file)
    code, title = clean(code).strip(), clean(title).strip()
    if not code:
        raise ValidationError({"code": _("Nhập số và ký hiệu hồ sơ.")})
    if not title:
        raise ValidationError({"title": _("Nhập tiêu đề hồ sơ.")})
    _check_code_free(file.unit, file.year, code, other_than=file.pk)
    _check_responsible(responsible, file.unit)
    file.code, file.title, file.title_folded = code, title, fold(title)
    file.retention_years = _retention(retention_years, permanent)
    file.responsible = responsible
    file.note = clean(note)
    file.save()
    holdings.touch(file)
    audit.record(
        actor=actor, action="record_file.update", target=file, before=before, after=_snapshot(file)
    )
    return file


@dataclass(frozen=True)
class Filed:
    """What `item_add` did: the new line, and the other files holding the same document."""

    item: FileItem
    elsewhere: list[RecordFile]


def _not_found() -> ValidationError:
    return ValidationError({"source_uuid": _("Không tìm thấy văn bản này.")})


@transaction.atomic
def item_add(
    *,
    actor: Person,
    file: RecordFile,
    kind: str,
    source_uuid: UUID | str,
    note: str = "",
    retention_years: int | None = None,
    permanent: bool = False,
) -> Filed:
    """File a document the actor sees in an open file of their unit, at the end of its index.

    The document keeps the file's retention unless a longer one is given (`permanent`, or
    `retention_years`) or its kind suggests one."""
    file = _locked(file)
    _require_compiler(actor, file.unit)
    _require_open(file)
    if kind not in ItemKind.values or fileables.fileable(kind) is None:
        raise ValidationError({"kind": _("Loại tài liệu này không thể đưa vào hồ sơ.")})
    key = fileables.as_uuid(source_uuid)
    info = fileables.describe(actor, kind, key) if key is not None else None
    if info is None:
        raise _not_found()
    if FileItem.objects.filter(file=file, kind=kind, source_uuid=info.uuid).exists():
        raise ValidationError(
            {
                "source_uuid": _("Văn bản này đã có trong hồ sơ %(code)s “%(title)s”.")
                % {"code": file.code, "title": file.title}
            }
        )
    if permanent or info.permanent:
        years: int | None = None
    else:
        years = most_valuable(
            [file.retention_years, *[y for y in (retention_years, info.retention_years) if y]]
        )
    position = (FileItem.objects.filter(file=file).aggregate(m=Max("position"))["m"] or 0) + 1
    item = FileItem.objects.create(
        file=file,
        kind=kind,
        source_uuid=info.uuid,
        incoming=(
            IncomingDocument.objects.filter(uuid=info.uuid).first() if kind == "incoming" else None
        ),
        outgoing=(
            OutgoingDocument.objects.filter(uuid=info.uuid).first() if kind == "outgoing" else None
        ),
        position=position,
        number_symbol=info.number_symbol[:50],
        document_date=info.document_date,
        author=info.author[:200],
        title=info.title[:500],
        page_count=info.page_count,
        confidentiality=info.confidentiality,
        retention_years=years,
        note=clean(note)[:500],
        added_by=actor,
    )
    before = _snapshot(file)
    file.item_count = FileItem.objects.filter(file=file).count()
    if info.confidentiality > file.confidentiality:
        file.confidentiality = info.confidentiality
    file.save(update_fields=["item_count", "confidentiality"])
    holdings.touch(file)
    audit.record(
        actor=actor,
        action="record_file.item_add",
        target=file,
        before=before,
        after={**_snapshot(file), "kind": kind, "source": str(info.uuid), "position": position},
    )
    elsewhere = list(files_holding(actor, kind, info.uuid).exclude(pk=file.pk))
    return Filed(item=item, elsewhere=elsewhere)


def _renumber(ordered: list[FileItem]) -> None:
    """Positions 1..n in the order given: first moved out of the way, one row at a time."""
    for index, line in enumerate(ordered, start=1):
        FileItem.objects.filter(pk=line.pk).update(position=_PARKED + index)
    for index, line in enumerate(ordered, start=1):
        FileItem.objects.filter(pk=line.pk).update(position=index)
        line.position = index


def _items_locked(file: RecordFile) -> list[FileItem]:
    return list(FileItem.objects.select_for_update().filter(file=file).order_by("position", "id"))


def _items_changed(file: RecordFile) -> None:
    """Items counted again, and the confidentiality: never lowered below the file's level as
    opened, raised to its most secret item's. Saved, and the holdings recounted on commit."""
    items = FileItem.objects.filter(file=file)
    file.item_count = items.count()
    top = items.aggregate(m=Max("confidentiality"))["m"] or 0
    file.confidentiality = max(file.confidentiality, top)
    file.save(update_fields=["item_count", "confidentiality"])
    holdings.touch(file)


@transaction.atomic
def item_remove(*, actor: Person, file: RecordFile, item: FileItem) -> RecordFile:
    file = _locked(file)
    _require_compiler(actor, file.unit)
    _require_open(file)
    items = _items_locked(file)
    if item.pk not in {i.pk for i in items}:
        raise ValidationError({"item": _("Văn bản không thuộc hồ sơ này.")})
    before = _snapshot(file)
    removed = next(i for i in items if i.pk == item.pk)
    FileItem.objects.filter(pk=removed.pk).delete()
    _renumber([i for i in items if i.pk != item.pk])
    _items_changed(file)
    audit.record(
        actor=actor,
        action="record_file.item_remove",
        target=file,
        before={**before, "source": str(removed.source_uuid), "position": removed.position},
        after=_snapshot(file),
    )
    return file


@transaction.atomic
def item_move(*, actor: Person, file: RecordFile, item: FileItem, position: int) -> RecordFile:
    """Move a line of the index to `position` (1 = first); the others keep their order."""
    file = _locked(file)
    _require_compiler(actor, file.unit)
    _require_open(file)
    items = _items_locked(file)
    moving = next((i for i in items if i.pk == item.pk), None)
    if moving is None:
        raise ValidationError({"item": _("Văn bản không thuộc hồ sơ này.")})
    if not 1 <= position <= len(items):
        raise ValidationError({"position": _("Vị trí phải từ 1 đến %(n)s.") % {"n": len(items)}})
    old = moving.position
    order = [i for i in items if i.pk != moving.pk]
    order.insert(position - 1, moving)
    _renumber(order)
    audit.record(
        actor=actor,
        action="record_file.item_move",
        target=file,
        before={"source": str(moving.source_uuid), "position": old},
        after={"source": str(moving.source_uuid), "position": position},
    )
    return file


def page_problems(items: Iterable[FileItem]) -> list[str]:
    """The lines whose sheets are not numbered continuously from 1, without gap or overlap."""
    problems: list[str] = []
    expected = 1
    for item in items:
        line = _("Dòng %(n)s (%(what)s)") % {
            "n": item.position,
            "what": item.number_symbol or item.title[:60],
        }
        if item.page_from is None or item.page_to is None:
            problems.append(_("%(line)s: chưa đánh số tờ.") % {"line": line})
            continue
        if item.page_to < item.page_from:
            problems.append(
                _("%(line)s: tờ cuối %(to)s nhỏ hơn tờ đầu %(start)s.")
                % {"line": line, "to": item.page_to, "start": item.page_from}
            )
        elif item.page_from > expected:
            problems.append(
                _("%(line)s: thiếu tờ %(a)s–%(b)s trước tờ %(start)s.")
                % {"line": line, "a": expected, "b": item.page_from - 1, "start": item.page_from}
            )
        elif item.page_from < expected:
            problems.append(
                _("%(line)s: tờ %(start)s trùng với dòng trước (phải bắt đầu từ tờ %(e)s).")
                % {"line": line, "start": item.page_from, "e": expected}
            )
        expected = max(expected, item.page_to + 1)
    return problems


@transaction.atomic
def items_number_pages(
    *,
    actor: Person,
    file: RecordFile,
    manual: Mapping[UUID, tuple[int, int]] | None = None,
) -> RecordFile:
    """Number the file's sheets: from each document's page count, continuously from 1 in the
    order of the index; or, with `manual` (item uuid -> (first, last sheet)), as the user set
    them (checked when the file is closed)."""
    file = _locked(file)
    _require_compiler(actor, file.unit)
    _require_open(file)
    items = _items_locked(file)
    if not items:
        raise ValidationError(_("Hồ sơ chưa có văn bản nào để đánh số tờ."))
    if manual is None:
        missing = [i for i in items if not i.page_count]
        if missing:
            raise ValidationError(
                {
                    "page_count": [
                        _("Dòng %(n)s (%(what)s): chưa có số trang để đánh số tờ tự động.")
                        % {"n": i.position, "what": i.number_symbol or i.title[:60]}
                        for i in missing
                    ]
                }
            )
        start = 1
        for item in items:
            item.page_from, item.page_to = start, start + (item.page_count or 0) - 1
            start = item.page_to + 1
    else:
        by_uuid = {item.uuid: item for item in items}
        for key, (first, last) in manual.items():
            found = by_uuid.get(key)
            if found is None:
                raise ValidationError({"item": _("Văn bản không thuộc hồ sơ này.")})
            if first < 1 or last < first:
                raise ValidationError(
                    {"page_from": _("Dòng %(n)s: số tờ không hợp lệ.") % {"n": found.position}}
                )
            found.page_from, found.page_to = first, last
            if not found.page_count:
                found.page_count = last - first + 1
    FileItem.objects.bulk_update(items, ["page_from", "page_to", "page_count"])
    audit.record(
        actor=actor,
        action="record_file.number_pages",
        target=file,
        after={
            "manual": manual is not None,
            "pages": {str(i.uuid): [i.page_from, i.page_to] for i in items},
        },
    )
    return file


@transaction.atomic
def file_close(*, actor: Person, file: RecordFile, work_ended_on: date) -> RecordFile:
    """Close (kết thúc) a file: its dates, counts and retention computed from its documents;
    a file kept 5 years or more only with its sheets numbered without gap or overlap."""
    file = _locked(file)
    _require_compiler(actor, file.unit)
    if file.status != FileStatus.OPEN:
        raise ValidationError(_("Hồ sơ %(code)s không còn đang lập.") % {"code": file.code})
    items = list(FileItem.objects.filter(file=file).order_by("position"))
    if not items:
        raise ValidationError(
            _("Hồ sơ %(code)s chưa có văn bản nào: không thể kết thúc hồ sơ rỗng.")
            % {"code": file.code}
        )
    if work_ended_on < file.opened_on:
        raise ValidationError(
            {"work_ended_on": _("Ngày kết thúc công việc không thể trước ngày mở hồ sơ.")}
        )
    if work_ended_on > timezone.localdate():
        raise ValidationError({"work_ended_on": _("Ngày kết thúc công việc chưa đến.")})
    before = _snapshot(file)
    file.retention_years = most_valuable(
        [file.retention_years, *[item.retention_years for item in items]]
    )
    if needs_page_numbers(file):
        problems = page_problems(items)
        if problems:
            raise ValidationError(
                {
                    "page_from": [
                        _(
                            "Hồ sơ bảo quản %(retention)s phải được đánh số tờ liên tục từ tờ 1 "
                            "trước khi kết thúc."
                        )
                        % {"retention": retention_label(file.retention_years)},
                        *problems,
                    ]
                }
            )
    dates = [item.document_date for item in items if item.document_date is not None]
    file.first_date = min(dates) if dates else None
    file.last_date = max(dates) if dates else None
    file.item_count = len(items)
    file.page_count = sum(
        item.page_count
        or (item.page_to - item.page_from + 1 if item.page_from and item.page_to else 0)
        for item in items
    )
    file.confidentiality = max(file.confidentiality, *[item.confidentiality for item in items])
    file.status = FileStatus.CLOSED
    file.work_ended_on = work_ended_on
    file.closed_at = timezone.now()
    file.closed_by = actor
    file.save()
    holdings.touch(file)
    audit.record(
        actor=actor,
        action="record_file.close",
        target=file,
        before=before,
        after={**_snapshot(file), "work_ended_on": work_ended_on},
    )
    return file


@transaction.atomic
def file_reopen(*, actor: Person, file: RecordFile, reason: str) -> RecordFile:
    """Reopen a closed file not yet transferred: the unit's leader, with a reason."""
    file = _locked(file)
    if not may_reopen(actor, file):
        raise PermissionDenied(_("Chỉ lãnh đạo đơn vị mới được mở lại hồ sơ đã kết thúc."))
    if file.status != FileStatus.CLOSED or file.transfer_id is not None:
        raise ValidationError(_("Chỉ mở lại được hồ sơ đã kết thúc và chưa đưa vào đợt nộp lưu."))
    reason = clean(reason).strip()
    if not reason:
        raise ValidationError({"reason": _("Nhập lý do mở lại hồ sơ.")})
    before = _snapshot(file)
    file.status = FileStatus.OPEN
    file.closed_at = None
    file.closed_by = None
    file.work_ended_on = None
    file.save()
    holdings.touch(file)
    audit.record(
        actor=actor,
        action="record_file.reopen",
        target=file,
        before=before,
        after={**_snapshot(file), "reason": reason},
    )
    return file
