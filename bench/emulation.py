"""The measured criteria of a movement for every unit of a province (200 units: 100 district
committees and their Offices) against a bloc of 10 of them, on the same data, medians and ratio.

    .venv/bin/python bench/emulation.py                         # SQLite in a temporary directory
    VANPHONG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/vanphong_bench \\
        .venv/bin/python bench/emulation.py                     # PostgreSQL (schema recreated)
    .venv/bin/python bench/emulation.py --scale 2 --rounds 5    # a quicker look

The data (bench/emulation_world.py) covers 2010–2012 for the 200 units; the movement is of
2011. Measured, as the convenor's "Tính lại số liệu" does it:

- `services_measure.measurements_compute` for a movement of a bloc of 10 members, then of all
  200: every registered measure computed once for the bloc's units (grouped queries), each
  figure turned into points, the `Measurement` rows upserted in bulk, one audit event;
- for reference, the measures alone (every `core.yearly` measure's compute, no writes).

The goal: 200 units within 2× of the time for 10. Every unit here has a year of records, so
the province reads and writes 20× the rows of the bloc: the number of queries stays the same
(tests pin it; this is never a test) and the cost per unit falls, but the rows cost their
time — the report prints both the ratio and the milliseconds per unit.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import emulation_world as world

import documents as docbench

YEAR = 2011
AS_OF = date(YEAR, 12, 31)


def _movement(convenor: Any, units: list[Any], author: Any, name: str) -> Any:
    from vanphong.core import yearly
    from vanphong.emulation.models import (
        Bloc,
        BlocMember,
        CriteriaSet,
        Criterion,
        CriterionGroup,
        Movement,
    )

    bloc = Bloc.objects.create(name=name, convenor=convenor)
    BlocMember.objects.bulk_create(
        BlocMember(bloc=bloc, unit=unit, joined_on=date(2010, 1, 1), position=n)
        for n, unit in enumerate(units)
    )
    criteria_set = CriteriaSet.objects.create(year=YEAR, name=f"Tiêu chí {name}")
    group = CriterionGroup.objects.create(criteria_set=criteria_set, code="I", title="Số liệu")
    keys = [m.key for m in yearly.measures()] + ["archives.transferred_on_time"]
    for n, key in enumerate(keys, start=1):
        Criterion.objects.create(
            group=group,
            position=n,
            code=f"1.{n}",
            title=key,
            kind="measured",
            max_points=Decimal(10),
            measure=key,
            scale={"kind": "bands", "bands": [[0.95, 10], [0.8, 7], [0, 3]]}
            if n % 2
            else {"kind": "linear"},
        )
    return Movement.objects.create(
        bloc=bloc,
        year=YEAR,
        title=f"Phong trào thi đua {name}",
        launched_on=date(YEAR, 1, 10),
        pledge_deadline=date(YEAR, 2, 28),
        criteria_set=criteria_set,
        created_by=author,
    )


def _measures_alone(unit_ids: list[int]) -> Callable[[], object]:
    from vanphong.core import yearly

    def run() -> object:
        return [m.compute(unit_ids, YEAR, AS_OF) for m in yearly.measures()]

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=100, help="committees, each with an Office")
    parser.add_argument("--small", type=int, default=10, help="units of the small bloc")
    parser.add_argument("--scale", type=int, default=10, help="records per unit and year / 10")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--var", type=Path)
    args = parser.parse_args()
    var = args.var or Path(tempfile.mkdtemp(prefix="vanphong-bench-emulation-"))
    try:
        backend = docbench._setup(var, fresh=True)
        from django.db import connection

        from vanphong.emulation.models import Measurement
        from vanphong.emulation.services_measure import measurements_compute
        from vanphong.org.models import Person

        convenor, units = world.province(args.pairs)
        started = time.perf_counter()
        world.fill(units, scale=args.scale)
        written = time.perf_counter() - started
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        actor = Person.objects.get(username="cvp.tinhuy")
        small = _movement(convenor, units[: args.small], actor, "khối nhỏ")
        large = _movement(convenor, units, actor, "cả tỉnh")

        def compute(movement: Any) -> Callable[[], object]:
            return lambda: measurements_compute(movement=movement, actor=actor, as_of=AS_OF)

        ids = [u.pk for u in units]
        ms = {
            "measurements_compute": (
                docbench._median_ms(compute(small), args.rounds),
                docbench._median_ms(compute(large), args.rounds),
            ),
            "measures alone (no writes)": (
                docbench._median_ms(_measures_alone(ids[: args.small]), args.rounds),
                docbench._median_ms(_measures_alone(ids), args.rounds),
            ),
        }
        rows = Measurement.objects.filter(movement=large).count()
        print(
            f"backend: {backend}; {len(units)} units, scale {args.scale} "
            f"(data written in {written:.0f} s); {rows} measurements for the province"
        )
        print(f"medians of {args.rounds} runs in ms; ratio goal ≤ 2; per unit: ms / units")
        print(f"  {'':<30} {args.small:>7} {len(units):>7}   ratio   per unit")
        for name, (few, many) in ms.items():
            print(
                f"  {name:<30} {few:7.1f} {many:7.1f}   ×{many / few:<5.2f} "
                f"{few / args.small:5.2f} → {many / len(units):5.2f}"
            )
    finally:
        if args.var is None:
            shutil.rmtree(var, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
