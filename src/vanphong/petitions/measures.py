"""The petitions' yearly measure (core.yearly), registered from PetitionsConfig.ready().

`petitions.handled_within_clock`: the processing clocks (ClockKind.PROCESSING: classify, decide
and reply or forward, see clocks.py) of the letters in the unit's book that fell due in the
year, up to `as_of`. Done: met (`met_on`) on or before its due day, and not after `as_of`.
A clock due later than `as_of` is not counted yet, even if met. One grouped query on the
clocks' own copy of the letter's unit, whatever the number of units.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from urllib.parse import urlencode

from django.db.models import Count, F, Q
from django.urls import reverse

from vanphong.core.yearly import Measure, Ratio, register_measure
from vanphong.petitions.models import ClockKind, Deadline

HANDLED_WITHIN_CLOCK = "petitions.handled_within_clock"


def handled_within_clock(unit_ids: Iterable[int], year: int, as_of: date) -> Mapping[int, Ratio]:
    ids = list(unit_ids)
    last = min(date(year, 12, 31), as_of)
    if not ids or last < date(year, 1, 1):
        return {}
    rows = (
        Deadline.objects.filter(
            unit_id__in=ids,
            kind=ClockKind.PROCESSING,
            due_on__gte=date(year, 1, 1),
            due_on__lte=last,
        )
        .order_by()
        .values("unit_id")
        .annotate(
            counted=Count("id"),
            done=Count("id", filter=Q(met_on__lte=F("due_on")) & Q(met_on__lte=as_of)),
        )
    )
    return {row["unit_id"]: Ratio(row["done"], row["counted"]) for row in rows}


def register() -> None:
    register_measure(
        Measure(
            key=HANDLED_WITHIN_CLOCK,
            title="Đơn thư được xử lý trong thời hạn",
            counted=(
                "Đơn trong sổ đơn thư của đơn vị có hạn xử lý đơn đến hạn trong năm (đến ngày "
                "tính)."
            ),
            done="Đơn được xử lý (phân loại, trả lời hoặc chuyển) không sau hạn xử lý.",
            query=(
                "SELECT unit_id, COUNT(*) AS counted,\n"
                "       COUNT(*) FILTER (WHERE met_on <= due_on AND met_on <= :as_of) AS done\n"
                "FROM petitions_deadline\n"
                "WHERE unit_id IN (:units) AND kind = 'processing'\n"
                "  AND due_on BETWEEN :year-01-01 AND MIN(:year-12-31, :as_of)\n"
                "GROUP BY unit_id"
            ),
            compute=handled_within_clock,
            records_url=lambda unit_uuid, year: (
                f"{reverse('petitions:letters')}?{urlencode({'nam': year, 'don-vi': unit_uuid})}"
            ),
        )
    )
