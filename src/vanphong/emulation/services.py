"""Every write to emulation's setup: blocs and their members, the criteria sets of a year — one
atomic, audited function per use case, plus the building blocks every emulation service uses.
Movements and pledges are in `services_movement`, score sheets in `services_scoring`.

Rules: who runs a bloc (its convenor's emulation officers and Office leaders) keeps its
members; criteria sets are edited by who runs a bloc or a provincial committee's Office
(`workflow.edits_criteria`); a set a movement scores on is frozen — a change is a new set,
copied forward (`criteria_set_copy`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from vanphong.core import audit, yearly
from vanphong.core.vietnamese import clean
from vanphong.emulation import workflow
from vanphong.emulation.models import (
    Bloc,
    BlocMember,
    CriteriaSet,
    Criterion,
    CriterionGroup,
    CriterionKind,
)
from vanphong.org.models import Person, Unit

BLOC_FIELDS = ("name", "convenor")
MEMBER_FIELDS = ("bloc", "unit", "joined_on", "left_on", "position")
SET_FIELDS = ("year", "name", "source", "frozen")
GROUP_FIELDS = ("criteria_set", "position", "code", "title")
CRITERION_FIELDS = (
    "group",
    "position",
    "code",
    "title",
    "kind",
    "max_points",
    "measure",
    "scale",
    "guidance",
)
SCALE_KINDS = ("linear", "bands")


# --- building blocks: called inside a service's transaction ----------------------------------


def require_acts_for(actor: Person, unit_id: int, message: str) -> None:
    if not workflow.acts_for(actor, unit_id):
        raise PermissionDenied(message)


def require_runs(actor: Person, bloc: Bloc) -> None:
    if not workflow.runs_bloc(actor, bloc.convenor_id):
        raise PermissionDenied(
            _("Chỉ cán bộ thi đua và lãnh đạo của %(unit)s mới điều hành khối thi đua này.")
            % {"unit": bloc.convenor.name}
        )


def require_edits_criteria(actor: Person) -> None:
    if not workflow.edits_criteria(actor):
        raise PermissionDenied(
            _("Chỉ cán bộ thi đua, lãnh đạo Văn phòng cấp tỉnh mới sửa bảng tiêu chí.")
        )


def text(value: str, field: str, message: str, *, required: bool = True) -> str:
    cleaned = clean(value or "").strip()
    if required and not cleaned:
        raise ValidationError({field: message})
    return cleaned


def points_value(value: Decimal | str | int | float, field: str = "points") -> Decimal:
    """A point figure: a number with at most two decimals."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValidationError({field: _("Điểm phải là một số.")}) from None
    if not number.is_finite():
        raise ValidationError({field: _("Điểm phải là một số.")})
    if number != number.quantize(Decimal("0.01")):
        raise ValidationError({field: _("Điểm lấy tối đa hai chữ số thập phân.")})
    return number.quantize(Decimal("0.01"))


def _local_scale_errors(scale: Any, *, max_points: Decimal | None = None) -> list[str]:
    if not isinstance(scale, dict) or scale.get("kind") not in SCALE_KINDS:
        return [_("Cách tính điểm phải là “linear” (tỷ lệ) hoặc “bands” (theo mức).")]
    if scale["kind"] == "bands":
        bands = scale.get("bands")
        if not isinstance(bands, list) or not bands:
            return [_("Cách tính theo mức cần ít nhất một mức [tỷ lệ, điểm].")]
    return []


def scale_checker() -> Callable[..., list[str]]:
    """`emulation.measuring.scale_errors` when the measuring flow is installed, else a small
    check of the scale's kind."""
    try:
        module = importlib.import_module("vanphong.emulation.measuring")
    except ImportError:
        return _local_scale_errors
    checker = getattr(module, "scale_errors", None)
    return checker if callable(checker) else _local_scale_errors


# --- blocs ----------------------------------------------------------------------------------


@transaction.atomic
def bloc_create(*, actor: Person, name: str, convenor: Unit) -> Bloc:
    require_acts_for(
        actor,
        convenor.id,
        _("Chỉ cán bộ thi đua và lãnh đạo của đơn vị tổ chức mới lập khối thi đua."),
    )
    bloc = Bloc.objects.create(
        name=text(name, "name", _("Nhập tên khối thi đua.")), convenor=convenor
    )
    audit.record(
        actor=actor,
        action="emulation.bloc.create",
        target=bloc,
        after=audit.snapshot(bloc, BLOC_FIELDS),
    )
    return bloc


def _bloc_lock(bloc: Bloc) -> Bloc:
    return Bloc.objects.select_for_update(of=("self",)).select_related("convenor").get(pk=bloc.pk)


@transaction.atomic
def bloc_member_add(
    *, actor: Person, bloc: Bloc, unit: Unit, joined_on: date, position: int | None = None
) -> BlocMember:
    bloc = _bloc_lock(bloc)
    require_runs(actor, bloc)
    if unit.id == bloc.convenor_id:
        raise ValidationError({"unit": _("Đơn vị tổ chức không là thành viên của khối.")})
    current = BlocMember.objects.filter(bloc=bloc, unit=unit).filter(
        Q(left_on__isnull=True) | Q(left_on__gt=joined_on)
    )
    if current.exists():
        raise ValidationError(
            {"unit": _("%(unit)s đang là thành viên của khối.") % {"unit": unit.name}}
        )
    if position is None:
        position = (BlocMember.objects.filter(bloc=bloc).aggregate(p=Max("position"))["p"] or 0) + 1
    member = BlocMember.objects.create(bloc=bloc, unit=unit, joined_on=joined_on, position=position)
    audit.record(
        actor=actor,
        action="emulation.member.add",
        target=bloc,
        after=audit.snapshot(member, MEMBER_FIELDS),
        label=f"{bloc.name}: {unit.name}",
    )
    return member


@transaction.atomic
def bloc_member_end(*, actor: Person, member: BlocMember, left_on: date) -> BlocMember:
    bloc = _bloc_lock(member.bloc)
    require_runs(actor, bloc)
    member = BlocMember.objects.select_for_update().select_related("unit").get(pk=member.pk)
    if member.left_on is not None:
        raise ValidationError({"left_on": _("Đơn vị đã rời khối.")})
    if left_on <= member.joined_on:
        raise ValidationError(
            {
                "left_on": _("Ngày rời khối phải sau ngày tham gia (%(day)s).")
                % {"day": member.joined_on.strftime("%d/%m/%Y")}
            }
        )
    before = audit.snapshot(member, MEMBER_FIELDS)
    member.left_on = left_on
    member.save(update_fields=["left_on"])
    audit.record(
        actor=actor,
        action="emulation.member.end",
        target=bloc,
        before=before,
        after=audit.snapshot(member, MEMBER_FIELDS),
        label=f"{bloc.name}: {member.unit.name}",
    )
    return member


# --- criteria sets --------------------------------------------------------------------------


def _year(year: int) -> int:
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Năm không hợp lệ.")})
    return year


@transaction.atomic
def criteria_set_create(*, actor: Person, year: int, name: str, source: str = "") -> CriteriaSet:
    require_edits_criteria(actor)
    criteria_set = CriteriaSet.objects.create(
        year=_year(year),
        name=text(name, "name", _("Nhập tên bảng tiêu chí.")),
        source=text(source, "source", "", required=False),
    )
    audit.record(
        actor=actor,
        action="emulation.criteria.create",
        target=criteria_set,
        after=audit.snapshot(criteria_set, SET_FIELDS),
    )
    return criteria_set


@transaction.atomic
def criteria_set_copy(
    *, actor: Person, criteria_set: CriteriaSet, year: int, name: str = ""
) -> CriteriaSet:
    """A new, unfrozen set for `year` with the groups and criteria of `criteria_set`."""
    require_edits_criteria(actor)
    year = _year(year)
    copy = CriteriaSet.objects.create(
        year=year,
        name=clean(name or "").strip()
        or criteria_set.name.replace(str(criteria_set.year), str(year)),
        source=criteria_set.source,
    )
    groups = list(criteria_set.groups.prefetch_related("criteria"))
    for group in groups:
        new_group = CriterionGroup.objects.create(
            criteria_set=copy, position=group.position, code=group.code, title=group.title
        )
        Criterion.objects.bulk_create(
            Criterion(
                group=new_group,
                position=c.position,
                code=c.code,
                title=c.title,
                kind=c.kind,
                max_points=c.max_points,
                measure=c.measure,
                scale=c.scale,
                guidance=c.guidance,
            )
            for c in group.criteria.all()
        )
    audit.record(
        actor=actor,
        action="emulation.criteria.copy",
        target=copy,
        after={**audit.snapshot(copy, SET_FIELDS), "copied_from": str(criteria_set.uuid)},
    )
    return copy


def _set_lock_editable(criteria_set_id: int) -> CriteriaSet:
    criteria_set = CriteriaSet.objects.select_for_update().get(pk=criteria_set_id)
    # A set a movement scores on is frozen at the launch; its scores keep it so even if the
    # flag was never set (a set written as rows, an import).
    if criteria_set.frozen or criteria_set.movements.exists():
        raise ValidationError(
            _(
                "Bảng tiêu chí “%(name)s” đã dùng để chấm điểm nên không sửa được; hãy sao chép "
                "sang bảng mới."
            )
            % {"name": criteria_set.name}
        )
    return criteria_set


@transaction.atomic
def criterion_group_add(
    *, actor: Person, criteria_set: CriteriaSet, code: str, title: str, position: int | None = None
) -> CriterionGroup:
    require_edits_criteria(actor)
    criteria_set = _set_lock_editable(criteria_set.pk)
    code = text(code, "code", _("Nhập số thứ tự của nhóm, ví dụ I, II."))
    if criteria_set.groups.filter(code=code).exists():
        raise ValidationError({"code": _("Bảng tiêu chí đã có nhóm %(code)s.") % {"code": code}})
    if position is None:
        position = (criteria_set.groups.aggregate(p=Max("position"))["p"] or 0) + 1
    group = CriterionGroup.objects.create(
        criteria_set=criteria_set,
        code=code,
        title=text(title, "title", _("Nhập tên nhóm tiêu chí.")),
        position=position,
    )
    audit.record(
        actor=actor,
        action="emulation.criteria.group_add",
        target=criteria_set,
        after=audit.snapshot(group, GROUP_FIELDS),
    )
    return group


def criterion_errors(
    *, kind: str, max_points: Decimal, measure: str, scale: dict[str, Any]
) -> dict[str, str]:
    """What is wrong with a criterion's kind, maximum, measure and scale, by field."""
    errors: dict[str, str] = {}
    if kind not in CriterionKind.values:
        errors["kind"] = _("Chọn loại tiêu chí.")
    if max_points <= 0:
        errors["max_points"] = _("Điểm tối đa phải lớn hơn 0.")
    if kind == CriterionKind.MEASURED:
        if not measure:
            errors["measure"] = _("Tiêu chí đo từ số liệu cần chọn cách đo.")
        problems = scale_checker()(scale, max_points=max_points if max_points > 0 else None)
        if problems:
            errors["scale"] = " ".join(str(p) for p in problems)
    return errors


def measure_missing(criterion: Criterion) -> bool:
    """A measured criterion whose measure no installed app registers (no figures yet)."""
    return criterion.kind == CriterionKind.MEASURED and yearly.measure(criterion.measure) is None


def _criterion_clean(
    *,
    code: str,
    title: str,
    kind: str,
    max_points: Decimal | str,
    measure: str,
    scale: dict[str, Any] | None,
    guidance: str,
) -> dict[str, Any]:
    maximum = points_value(max_points, "max_points")
    measure = (measure or "").strip() if kind == CriterionKind.MEASURED else ""
    scale = (scale or {}) if kind == CriterionKind.MEASURED else {}
    errors = criterion_errors(kind=kind, max_points=maximum, measure=measure, scale=scale)
    if errors:
        raise ValidationError(errors)
    return {
        "code": text(code, "code", _("Nhập số thứ tự của tiêu chí, ví dụ 1.1.")),
        "title": text(title, "title", _("Nhập nội dung tiêu chí.")),
        "kind": kind,
        "max_points": maximum,
        "measure": measure,
        "scale": scale,
        "guidance": clean(guidance or "").strip(),
    }


@transaction.atomic
def criterion_add(
    *,
    actor: Person,
    group: CriterionGroup,
    code: str,
    title: str,
    kind: str,
    max_points: Decimal | str,
    measure: str = "",
    scale: dict[str, Any] | None = None,
    guidance: str = "",
    position: int | None = None,
) -> Criterion:
    require_edits_criteria(actor)
    criteria_set = _set_lock_editable(group.criteria_set_id)
    values = _criterion_clean(
        code=code,
        title=title,
        kind=kind,
        max_points=max_points,
        measure=measure,
        scale=scale,
        guidance=guidance,
    )
    if position is None:
        position = (group.criteria.aggregate(p=Max("position"))["p"] or 0) + 1
    criterion = Criterion.objects.create(group=group, position=position, **values)
    audit.record(
        actor=actor,
        action="emulation.criteria.criterion_add",
        target=criteria_set,
        after=audit.snapshot(criterion, CRITERION_FIELDS),
    )
    return criterion


@transaction.atomic
def criterion_update(
    *,
    actor: Person,
    criterion: Criterion,
    code: str,
    title: str,
    kind: str,
    max_points: Decimal | str,
    measure: str = "",
    scale: dict[str, Any] | None = None,
    guidance: str = "",
) -> Criterion:
    require_edits_criteria(actor)
    criteria_set = _set_lock_editable(criterion.group.criteria_set_id)
    criterion = Criterion.objects.select_for_update().get(pk=criterion.pk)
    values = _criterion_clean(
        code=code,
        title=title,
        kind=kind,
        max_points=max_points,
        measure=measure,
        scale=scale,
        guidance=guidance,
    )
    before = audit.snapshot(criterion, CRITERION_FIELDS)
    for name, value in values.items():
        setattr(criterion, name, value)
    criterion.save()
    audit.record(
        actor=actor,
        action="emulation.criteria.criterion_update",
        target=criteria_set,
        before=before,
        after=audit.snapshot(criterion, CRITERION_FIELDS),
    )
    return criterion


@transaction.atomic
def criterion_remove(*, actor: Person, criterion: Criterion) -> None:
    require_edits_criteria(actor)
    criteria_set = _set_lock_editable(criterion.group.criteria_set_id)
    before = audit.snapshot(criterion, CRITERION_FIELDS)
    Criterion.objects.filter(pk=criterion.pk).delete()
    audit.record(
        actor=actor,
        action="emulation.criteria.criterion_remove",
        target=criteria_set,
        before=before,
    )
