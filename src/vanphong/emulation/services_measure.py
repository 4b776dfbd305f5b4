"""Computing the measured criteria of a movement: every measured criterion of its criteria set
for every member of its bloc in the year, one batch (one `core.yearly` compute) per measure,
written as `Measurement` rows in bulk and audited once.

A criterion naming a measure no app registers gets no row: its page says "chưa có số liệu" (no
data), and the audit event lists it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit, yearly
from vanphong.emulation import measuring, workflow
from vanphong.emulation.models import (
    BlocMember,
    Criterion,
    CriterionKind,
    Measurement,
    Movement,
    MovementStatus,
)
from vanphong.org.models import Person


def default_as_of(year: int, today: date | None = None) -> date:
    """Today, or the year's last day once the year is over."""
    return min(today or timezone.localdate(), date(year, 12, 31))


def member_ids(movement: Movement) -> list[int]:
    """The bloc's members in force at some time in the movement's year (joined by 31/12, not
    left before 01/01), each once, in the bloc's order."""
    rows = (
        BlocMember.objects.filter(
            bloc_id=movement.bloc_id, joined_on__lte=date(movement.year, 12, 31)
        )
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=date(movement.year, 1, 1)))
        .order_by("position", "id")
        .values_list("unit_id", flat=True)
    )
    return list(dict.fromkeys(rows))


def measured_criteria(movement: Movement) -> list[Criterion]:
    return list(
        Criterion.objects.filter(
            group__criteria_set_id=movement.criteria_set_id, kind=CriterionKind.MEASURED
        ).select_related("group")
    )


def scale_of(criterion: Criterion) -> dict[str, Any]:
    """The criterion's scale; none written is linear (points = max × share)."""
    return criterion.scale or {"kind": "linear"}


def may_compute(actor: Person | None, movement: Movement) -> bool:
    return movement.status != MovementStatus.CLOSED and workflow.acts_for(
        actor, movement.bloc.convenor_id
    )


@transaction.atomic
def measurements_compute(*, movement: Movement, actor: Person, as_of: date | None = None) -> int:
    """(Re)compute the movement's measurements; how many rows were written."""
    if not workflow.acts_for(actor, movement.bloc.convenor_id):
        raise PermissionDenied(_("Chỉ đơn vị tổ chức thi đua mới tính số liệu."))
    movement = Movement.objects.select_for_update().select_related("bloc").get(pk=movement.pk)
    if movement.status == MovementStatus.CLOSED:
        raise ValidationError({NON_FIELD_ERRORS: _("Phong trào thi đua đã kết thúc.")})
    as_of = as_of or default_as_of(movement.year)
    if as_of < date(movement.year, 1, 1):
        raise ValidationError({"as_of": _("Ngày tính phải trong hoặc sau năm thi đua.")})
    units = member_ids(movement)
    criteria = measured_criteria(movement)
    by_measure: dict[str, list[Criterion]] = {}
    for criterion in criteria:
        errors = measuring.scale_errors(scale_of(criterion), max_points=criterion.max_points)
        if errors:
            raise ValidationError(
                {"scale": [f"{criterion.code} {criterion.title}: {error}" for error in errors]}
            )
        by_measure.setdefault(criterion.measure, []).append(criterion)
    now = timezone.now()
    rows: list[Measurement] = []
    missing: list[str] = []
    for key, its_criteria in sorted(by_measure.items()):
        found = yearly.measure(key)
        if found is None:
            missing.append(key)
            continue
        ratios = found.compute(units, movement.year, as_of) if units else {}
        for criterion in its_criteria:
            for unit_id in units:
                ratio = ratios.get(unit_id, yearly.Ratio(0, 0))
                rows.append(
                    Measurement(
                        movement=movement,
                        unit_id=unit_id,
                        criterion=criterion,
                        done=ratio.done,
                        counted=ratio.counted,
                        points=measuring.points(
                            ratio, max_points=criterion.max_points, scale=scale_of(criterion)
                        ),
                        as_of=as_of,
                        computed_at=now,
                    )
                )
    written = {(row.unit_id, row.criterion_id) for row in rows}
    stale = [
        pk
        for pk, unit_id, criterion_id in Measurement.objects.filter(movement=movement).values_list(
            "pk", "unit_id", "criterion_id"
        )
        if (unit_id, criterion_id) not in written
    ]
    if stale:
        Measurement.objects.filter(pk__in=stale).delete()
    Measurement.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["movement", "unit", "criterion"],
        update_fields=["done", "counted", "points", "as_of", "computed_at"],
    )
    after: dict[str, Any] = {
        "as_of": as_of.isoformat(),
        "units": len(units),
        "criteria": len(criteria),
        "rows": len(rows),
        "removed": len(stale),
        "no_data": missing,
    }
    audit.record(actor=actor, action="emulation.measurements_compute", target=movement, after=after)
    return len(rows)
