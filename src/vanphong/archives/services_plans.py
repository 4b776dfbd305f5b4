"""Every write to file plans (danh mục hồ sơ) and the retention tables: one atomic, audited
function per use case.

Rules:
- A unit's plan is drafted by its compilers (`workflow.may_compile`: clerks, specialists,
  Office leaders, archivists of the unit) and approved (ban hành) by its head
  (`workflow.may_approve_plan`). One plan per unit and year; a new year's plan may start as a
  copy of an earlier one (`plan_copy_forward`: headings and entries, codes kept).
- Headings: major (no parent) or minor (under a major one), two levels only; their numbers
  (I, II… and 1, 2…) come from their positions (`plans.plan_outline`), never stored.
- An entry's code (số và ký hiệu hồ sơ) is capital letters (Đ too) and digits in groups joined
  by `.`, `-` or `/`, with at least one digit (`01.TCCB`, `1.1`, `TH-05`), unique in its plan;
  typed lower case, it is stored in capitals.
- Retention: a number of years (1–100) or permanent; with a row of the retention table (of the
  unit's level) and nothing else, the row's; a retention shorter than the row's is refused.
- The person compiling an entry's file must hold a current post in the plan's unit.
- An approved plan is frozen: headings and entries are neither added, changed, moved nor
  removed. A file the plan did not foresee is added by an amendment (`plan_amend`, by a
  compiler, with a reason), recorded in the audit and in the entry's note ("Bổ sung ngày …").
The retention tables' writes are in `services_retention`.
Audited as `file_plan.*`, `plan_heading.*`, `plan_entry.*`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.archives import workflow
from vanphong.archives.models import (
    FilePlan,
    PlanEntry,
    PlanHeading,
    PlanStatus,
    RecordFile,
    RetentionRule,
)
from vanphong.archives.plans import retention_label, unit_level
from vanphong.core import audit
from vanphong.core.vietnamese import clean, fold, format_date
from vanphong.org.models import Person, Unit
from vanphong.org.selectors import people_holding

FIRST_YEAR: Final = 1990
MAX_YEARS: Final = 100
CODE_PATTERN: Final = re.compile(r"^[A-ZĐ0-9]+(?:[./-][A-ZĐ0-9]+)*$")
ENTRY_FIELDS: Final = (
    "heading",
    "position",
    "code",
    "title",
    "keywords",
    "retention_years",
    "retention_rule",
    "responsible",
    "note",
)


def _years_ahead() -> int:
    return timezone.localdate().year + 1


def _check_year(year: int, field: str = "year") -> None:
    if not FIRST_YEAR <= year <= _years_ahead():
        raise ValidationError(
            {
                field: _("Năm phải từ %(first)s đến %(last)s.")
                % {"first": FIRST_YEAR, "last": _years_ahead()}
            }
        )


def _require_compiler(actor: Person, unit: Unit) -> None:
    workflow.require(
        workflow.may_compile(actor, unit),
        _(
            "Chỉ văn thư, chuyên viên, lãnh đạo Văn phòng, cán bộ lưu trữ của đơn vị mới lập "
            "danh mục hồ sơ của đơn vị."
        ),
    )


def _locked(plan: FilePlan) -> FilePlan:
    return FilePlan.objects.select_for_update().select_related("unit").get(pk=plan.pk)


def _draft(plan: FilePlan) -> None:
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError(
            _(
                "Danh mục hồ sơ đã ban hành, không sửa được nữa; hồ sơ phát sinh ngoài danh mục "
                "được bổ sung kèm lý do."
            )
        )


def _text(value: str, field: str, limit: int, *, required: bool, errors: dict[str, str]) -> str:
    text = clean(value or "")
    if required and not text:
        errors[field] = _("Trường này không được để trống.")
    elif len(text) > limit:
        errors[field] = _("Dài tối đa %(n)s ký tự.") % {"n": limit}
    return text


# --- plans ----------------------------------------------------------------------------------


@transaction.atomic
def plan_create(*, actor: Person, unit: Unit, year: int) -> FilePlan:
    """An empty draft plan of the unit for the year."""
    _require_compiler(actor, unit)
    _check_year(year)
    Unit.objects.select_for_update().filter(pk=unit.pk).first()  # one creator at a time
    if FilePlan.objects.filter(unit=unit, year=year).exists():
        raise ValidationError(
            {"year": _("Đơn vị đã có danh mục hồ sơ năm %(year)s.") % {"year": year}}
        )
    plan = FilePlan.objects.create(unit=unit, year=year, created_by=actor)
    audit.record(
        actor=actor,
        action="file_plan.create",
        target=plan,
        after={"unit": unit.pk, "year": year},
    )
    return plan


@transaction.atomic
def plan_copy_forward(*, actor: Person, plan: FilePlan, year: int) -> FilePlan:
    """A new draft for `year`, a copy of `plan`'s headings and entries (codes, titles,
    keywords, retention and its table row kept; the compiler kept while they still hold a
    post in the unit; notes not copied): `copied_from` names the source."""
    unit = plan.unit
    _require_compiler(actor, unit)
    _check_year(year)
    if year <= plan.year:
        raise ValidationError(
            {"year": _("Chỉ sao chép sang một năm sau năm %(year)s.") % {"year": plan.year}}
        )
    Unit.objects.select_for_update().filter(pk=unit.pk).first()
    if FilePlan.objects.filter(unit=unit, year=year).exists():
        raise ValidationError(
            {"year": _("Đơn vị đã có danh mục hồ sơ năm %(year)s.") % {"year": year}}
        )
    copy = FilePlan.objects.create(unit=unit, year=year, created_by=actor, copied_from=plan)
    headings = list(PlanHeading.objects.filter(plan=plan).order_by("parent_id", "position"))
    new_ids: dict[int, PlanHeading] = {}
    for heading in sorted(headings, key=lambda h: (h.parent_id is not None, h.position)):
        parent = new_ids[heading.parent_id] if heading.parent_id is not None else None
        new_ids[heading.pk] = PlanHeading.objects.create(
            plan=copy, parent=parent, position=heading.position, title=heading.title
        )
    members = set(people_holding(units=[unit.pk]).values_list("pk", flat=True))
    entries = [
        PlanEntry(
            plan=copy,
            heading=new_ids[entry.heading_id],
            position=entry.position,
            code=entry.code,
            title=entry.title,
            title_folded=entry.title_folded,
            keywords=entry.keywords,
            retention_years=entry.retention_years,
            retention_rule_id=entry.retention_rule_id,
            responsible_id=entry.responsible_id if entry.responsible_id in members else None,
        )
        for entry in PlanEntry.objects.filter(plan=plan).order_by("id")
    ]
    PlanEntry.objects.bulk_create(entries)
    audit.record(
        actor=actor,
        action="file_plan.copy_forward",
        target=copy,
        after={
            "unit": unit.pk,
            "year": year,
            "copied_from": plan.pk,
            "headings": len(headings),
            "entries": len(entries),
        },
    )
    return copy


@transaction.atomic
def plan_approve(*, actor: Person, plan: FilePlan) -> FilePlan:
    """The unit's head approves (ban hành) the draft: from then on it is frozen."""
    workflow.require(
        workflow.may_approve_plan(actor, plan.unit),
        _("Chỉ thủ trưởng đơn vị mới ban hành danh mục hồ sơ."),
    )
    plan = _locked(plan)
    _draft(plan)
    if not PlanEntry.objects.filter(plan=plan).exists():
        raise ValidationError(_("Danh mục chưa có hồ sơ nào, chưa ban hành được."))
    plan.status = PlanStatus.APPROVED
    plan.approved_by = actor
    plan.approved_at = timezone.now()
    plan.save(update_fields=["status", "approved_by", "approved_at"])
    audit.record(
        actor=actor,
        action="file_plan.approve",
        target=plan,
        before={"status": PlanStatus.DRAFT},
        after={"status": plan.status, "approved_by": actor.pk},
    )
    return plan


# --- headings -------------------------------------------------------------------------------


def _siblings(plan: FilePlan, parent_id: int | None) -> Any:
    return PlanHeading.objects.filter(plan=plan, parent_id=parent_id)


def _renumber(rows: list[Any], model: Any) -> None:
    """Give `rows` the positions 1, 2, … in their order: first out of the way (the unique
    constraint is checked row by row), then in place."""
    ids = [row.pk for row in rows]
    model.objects.filter(pk__in=ids).update(position=F("position") + 10000)
    for position, row in enumerate(rows, start=1):
        row.position = position
        model.objects.filter(pk=row.pk).update(position=position)


@transaction.atomic
def heading_add(
    *, actor: Person, plan: FilePlan, title: str, parent: PlanHeading | None = None
) -> PlanHeading:
    """A heading at the end of the plan (major) or of its major heading (minor)."""
    _require_compiler(actor, plan.unit)
    plan = _locked(plan)
    _draft(plan)
    errors: dict[str, str] = {}
    title = _text(title, "title", 300, required=True, errors=errors)
    if parent is not None and (parent.plan_id != plan.pk or parent.parent_id is not None):
        errors["parent"] = _("Đề mục nhỏ chỉ đặt dưới một đề mục lớn của danh mục này.")
    if errors:
        raise ValidationError(errors)
    parent_id = parent.pk if parent is not None else None
    last = _siblings(plan, parent_id).aggregate(last=Max("position"))["last"] or 0
    heading = PlanHeading.objects.create(
        plan=plan, parent_id=parent_id, position=last + 1, title=title
    )
    audit.record(
        actor=actor,
        action="plan_heading.add",
        target=heading,
        after={"plan": plan.pk, "parent": parent_id, "title": title, "position": last + 1},
    )
    return heading


@transaction.atomic
def heading_update(*, actor: Person, heading: PlanHeading, title: str) -> PlanHeading:
    plan = heading.plan
    _require_compiler(actor, plan.unit)
    _draft(_locked(plan))
    errors: dict[str, str] = {}
    title = _text(title, "title", 300, required=True, errors=errors)
    if errors:
        raise ValidationError(errors)
    heading = PlanHeading.objects.get(pk=heading.pk)
    before = {"title": heading.title}
    heading.title = title
    heading.save(update_fields=["title"])
    audit.record(
        actor=actor,
        action="plan_heading.update",
        target=heading,
        before=before,
        after={"title": title},
    )
    return heading


@transaction.atomic
def heading_move(*, actor: Person, heading: PlanHeading, position: int) -> PlanHeading:
    """Move a heading to `position` (1 = first) among its siblings; the others close up."""
    plan = heading.plan
    _require_compiler(actor, plan.unit)
    _draft(_locked(plan))
    siblings = list(_siblings(plan, heading.parent_id).order_by("position", "id"))
    if not 1 <= position <= len(siblings):
        raise ValidationError({"position": _("Vị trí phải từ 1 đến %(n)s.") % {"n": len(siblings)}})
    current: PlanHeading = next(h for h in siblings if h.pk == heading.pk)
    before = current.position
    siblings.remove(current)
    siblings.insert(position - 1, current)
    _renumber(siblings, PlanHeading)
    audit.record(
        actor=actor,
        action="plan_heading.move",
        target=current,
        before={"position": before},
        after={"position": position},
    )
    return current


@transaction.atomic
def heading_remove(*, actor: Person, heading: PlanHeading) -> None:
    """Remove an empty heading (no entry, no minor heading); its siblings close up."""
    plan = heading.plan
    _require_compiler(actor, plan.unit)
    _draft(_locked(plan))
    if PlanEntry.objects.filter(heading=heading).exists() or heading.children.exists():
        raise ValidationError(_("Đề mục còn hồ sơ hoặc đề mục nhỏ: chuyển hoặc xóa chúng trước."))
    audit.record(
        actor=actor,
        action="plan_heading.remove",
        target=heading,
        before={"plan": plan.pk, "parent": heading.parent_id, "title": heading.title},
    )
    parent_id = heading.parent_id
    heading.delete()
    _renumber(list(_siblings(plan, parent_id).order_by("position", "id")), PlanHeading)


# --- entries --------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryInput:
    """What a page or the API says of an entry. Retention: `permanent`, or `retention_years`,
    or neither with a `rule` of the retention table (its retention then)."""

    heading: PlanHeading
    code: str
    title: str
    retention_years: int | None = None
    permanent: bool = False
    rule: RetentionRule | None = None
    responsible: Person | None = None
    keywords: str = ""
    note: str = ""


def normal_code(code: str) -> str:
    """The code as stored: no spaces, capitals (`01.tccb` → `01.TCCB`)."""
    return "".join(clean(code or "").split()).upper()


def code_error(code: str) -> str | None:
    if not code:
        return _("Nhập số và ký hiệu hồ sơ.")
    if len(code) > 30 or not CODE_PATTERN.match(code) or not any(c.isdigit() for c in code):
        return _(
            "Số và ký hiệu hồ sơ gồm chữ in hoa và chữ số, các nhóm nối bằng dấu chấm, gạch "
            "ngang hoặc gạch chéo, có ít nhất một chữ số, tối đa 30 ký tự (ví dụ 01.TCCB, 1.1, "
            "TH-05)."
        )
    return None


def _retention(data: EntryInput, unit: Unit, errors: dict[str, str]) -> int | None:
    rule = data.rule
    if rule is not None and rule.level != unit_level(unit):
        errors["rule"] = _("Dòng này thuộc bảng thời hạn của cấp khác với đơn vị.")
        rule = None
    if data.permanent and data.retention_years is not None:
        errors["retention_years"] = _("Chọn vĩnh viễn hoặc một số năm, không chọn cả hai.")
        return None
    if data.permanent:
        return None
    if data.retention_years is None:
        if rule is not None:
            return rule.retention_years
        if "rule" not in errors:
            errors["retention_years"] = _(
                "Chọn thời hạn bảo quản: vĩnh viễn, một số năm, hoặc một dòng của bảng thời hạn."
            )
        return None
    years = data.retention_years
    if not 1 <= years <= MAX_YEARS:
        errors["retention_years"] = _("Thời hạn bảo quản từ 1 đến %(n)s năm.") % {"n": MAX_YEARS}
    elif rule is not None and (rule.retention_years is None or years < rule.retention_years):
        errors["retention_years"] = _(
            "Không được ngắn hơn thời hạn của bảng thời hạn bảo quản (%(rule)s)."
        ) % {"rule": retention_label(rule.retention_years)}
    return years


def _entry_values(
    plan: FilePlan, data: EntryInput, *, exclude: int | None = None
) -> dict[str, Any]:
    errors: dict[str, str] = {}
    if data.heading.plan_id != plan.pk:
        errors["heading"] = _("Chọn một đề mục của danh mục này.")
    code = normal_code(data.code)
    problem = code_error(code)
    if problem is not None:
        errors["code"] = problem
    else:
        taken = PlanEntry.objects.filter(plan=plan, code=code)
        if exclude is not None:
            taken = taken.exclude(pk=exclude)
        if taken.exists():
            errors["code"] = _("Danh mục đã có hồ sơ số %(code)s.") % {"code": code}
    title = _text(data.title, "title", 500, required=True, errors=errors)
    keywords = _text(data.keywords, "keywords", 500, required=False, errors=errors)
    note = _text(data.note, "note", 500, required=False, errors=errors)
    years = _retention(data, plan.unit, errors)
    if data.responsible is not None:
        members = people_holding(units=[plan.unit_id])
        if not members.filter(pk=data.responsible.pk).exists():
            errors["responsible"] = _("Người lập hồ sơ phải đang công tác tại đơn vị.")
    if errors:
        raise ValidationError(errors)
    return {
        "heading": data.heading,
        "code": code,
        "title": title,
        "title_folded": fold(title),
        "keywords": keywords,
        "note": note,
        "retention_years": years,
        "retention_rule": data.rule,
        "responsible": data.responsible,
    }


def _append(plan: FilePlan, values: dict[str, Any]) -> PlanEntry:
    heading = values["heading"]
    last = PlanEntry.objects.filter(heading=heading).aggregate(last=Max("position"))["last"]
    return PlanEntry.objects.create(plan=plan, position=(last or 0) + 1, **values)


@transaction.atomic
def entry_add(*, actor: Person, plan: FilePlan, data: EntryInput) -> PlanEntry:
    """An entry at the end of its heading."""
    _require_compiler(actor, plan.unit)
    plan = _locked(plan)
    _draft(plan)
    entry = _append(plan, _entry_values(plan, data))
    audit.record(
        actor=actor,
        action="plan_entry.add",
        target=entry,
        after=audit.snapshot(entry, ENTRY_FIELDS),
    )
    return entry


@transaction.atomic
def entry_update(*, actor: Person, entry: PlanEntry, data: EntryInput) -> PlanEntry:
    """Replace what the entry says; moved to another heading, it goes to that one's end."""
    plan = entry.plan
    _require_compiler(actor, plan.unit)
    plan = _locked(plan)
    _draft(plan)
    values = _entry_values(plan, data, exclude=entry.pk)
    entry = PlanEntry.objects.get(pk=entry.pk)
    before = audit.snapshot(entry, ENTRY_FIELDS)
    old_heading = entry.heading_id
    if values["heading"].pk != old_heading:
        last = PlanEntry.objects.filter(heading=values["heading"]).aggregate(m=Max("position"))
        entry.position = (last["m"] or 0) + 1
    for name, value in values.items():
        setattr(entry, name, value)
    entry.save()
    if entry.heading_id != old_heading:
        rest = list(PlanEntry.objects.filter(heading_id=old_heading).order_by("position", "id"))
        _renumber(rest, PlanEntry)
    audit.record(
        actor=actor,
        action="plan_entry.update",
        target=entry,
        before=before,
        after=audit.snapshot(entry, ENTRY_FIELDS),
    )
    return entry


@transaction.atomic
def entry_move(*, actor: Person, entry: PlanEntry, position: int) -> PlanEntry:
    """Move an entry to `position` (1 = first) under its heading; the others close up."""
    plan = entry.plan
    _require_compiler(actor, plan.unit)
    _draft(_locked(plan))
    rows = list(PlanEntry.objects.filter(heading_id=entry.heading_id).order_by("position", "id"))
    if not 1 <= position <= len(rows):
        raise ValidationError({"position": _("Vị trí phải từ 1 đến %(n)s.") % {"n": len(rows)}})
    current: PlanEntry = next(e for e in rows if e.pk == entry.pk)
    before = current.position
    rows.remove(current)
    rows.insert(position - 1, current)
    _renumber(rows, PlanEntry)
    audit.record(
        actor=actor,
        action="plan_entry.move",
        target=current,
        before={"position": before},
        after={"position": position},
    )
    return current


@transaction.atomic
def entry_remove(*, actor: Person, entry: PlanEntry) -> None:
    """Remove an entry no file was opened under."""
    plan = entry.plan
    _require_compiler(actor, plan.unit)
    _draft(_locked(plan))
    if RecordFile.objects.filter(plan_entry=entry).exists():
        raise ValidationError(_("Đã có hồ sơ lập theo mục này, không xóa được."))
    audit.record(
        actor=actor,
        action="plan_entry.remove",
        target=entry,
        before=audit.snapshot(entry, ENTRY_FIELDS),
    )
    heading_id = entry.heading_id
    entry.delete()
    _renumber(list(PlanEntry.objects.filter(heading_id=heading_id).order_by("position")), PlanEntry)


@transaction.atomic
def plan_amend(*, actor: Person, plan: FilePlan, data: EntryInput, reason: str) -> PlanEntry:
    """Add to an approved plan a file it did not foresee, with the reason: the entry's note
    starts "Bổ sung ngày dd/mm/yyyy: <reason>", the audit event keeps the reason."""
    _require_compiler(actor, plan.unit)
    plan = _locked(plan)
    if plan.status != PlanStatus.APPROVED:
        raise ValidationError(_("Danh mục chưa ban hành: thêm hồ sơ trực tiếp, không cần bổ sung."))
    errors: dict[str, str] = {}
    reason = _text(reason, "reason", 300, required=True, errors=errors)
    try:
        values = _entry_values(plan, data)
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
        values = {}
    if errors:
        raise ValidationError(errors)
    mark = _("Bổ sung ngày %(day)s: %(reason)s") % {
        "day": format_date(timezone.localdate()),
        "reason": reason,
    }
    note = f"{mark}. {values['note']}" if values["note"] else mark
    values["note"] = note[:500]
    entry = _append(plan, values)
    audit.record(
        actor=actor,
        action="file_plan.amend",
        target=entry,
        after={**audit.snapshot(entry, ENTRY_FIELDS), "plan": plan.pk, "reason": reason},
    )
    return entry
