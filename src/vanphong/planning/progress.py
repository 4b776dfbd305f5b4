"""How far a work programme has come: the completion rate per quarter.

An item counts in the quarter it is planned for now (a moved item in its new quarter); the rate
is the items done over all items of the quarter — postponed, moved-but-not-done and dropped
ones count as not done, since the annual review asks what the programme promised and kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Q, When

from vanphong.planning.models import ItemState, ProgrammeItem, WorkProgramme


@dataclass(frozen=True)
class Rate:
    quarter: int  # 0: the whole year
    done: int
    total: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.done / self.total, 1) if self.total else None


def quarter_rates(items: Sequence[ProgrammeItem]) -> list[Rate]:
    rates = []
    for quarter in range(1, 5):
        chosen = [i for i in items if i.period_quarter == quarter]
        rates.append(Rate(quarter, sum(i.state == ItemState.DONE for i in chosen), len(chosen)))
    rates.append(Rate(0, sum(r.done for r in rates), sum(r.total for r in rates)))
    return rates


_QUARTER = Case(
    When(month__isnull=False, month__lte=3, then=1),
    When(month__isnull=False, month__lte=6, then=2),
    When(month__isnull=False, month__lte=9, then=3),
    When(month__isnull=False, then=4),
    default="quarter",
    output_field=IntegerField(),
)


def rates_for(programmes: Sequence[WorkProgramme]) -> dict[int, list[Rate]]:
    """Per programme id, the rates per quarter and for the year: one grouped query."""
    rows = (
        ProgrammeItem.objects.filter(programme__in=programmes)
        .annotate(period=_QUARTER)
        .values("programme_id", "period")
        .annotate(total=Count("id"), done=Count("id", filter=Q(state=ItemState.DONE)))
    )
    found: dict[int, dict[int, Rate]] = {}
    for row in rows:
        found.setdefault(row["programme_id"], {})[row["period"]] = Rate(
            row["period"], row["done"], row["total"]
        )
    result: dict[int, list[Rate]] = {}
    for programme in programmes:
        by_quarter = found.get(programme.pk, {})
        rates = [by_quarter.get(q, Rate(q, 0, 0)) for q in range(1, 5)]
        rates.append(Rate(0, sum(r.done for r in rates), sum(r.total for r in rates)))
        result[programme.pk] = rates
    return result
