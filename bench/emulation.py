"""The measured criteria of a movement for every unit of a province (200 units: 100 district
committees and their Offices) against a bloc of 10 of them, medians and ratios.

    .venv/bin/python bench/emulation.py                         # SQLite in a temporary directory
    VANPHONG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/vanphong_bench \\
        .venv/bin/python bench/emulation.py                     # PostgreSQL (schema recreated)
    .venv/bin/python bench/emulation.py --scale 2 --rounds 5    # a quicker look

The data (bench/emulation_world.py) covers 2010–2012 for every unit; the movement is of 2011.
Two databases, one after the other (same URL; the first in a child process):

- "10 alone": a database holding only the bloc's 10 units and their records;
- the province's: all 200 units with their records, where the batch is timed for 10 of its
  units ("10 of 200") and for all 200 — the comparison the goal is about.

Measured, as the convenor's "Tính lại số liệu" does it: `services_measure.measurements_compute`
(every registered measure computed once for the bloc's units in grouped queries, each figure
turned into points, the `Measurement` rows upserted in bulk, one audit event); the measures
alone (no writes); and each measure on its own in the province's database.

The goal: 200 units within 2× of the time for 10. Every unit has its year of records, so the
province's batch reads 20× the rows of the bloc's: the number of queries stays the same
(tests pin it; this is never a test), the cost per unit falls, but the rows cost their time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
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


def _one_measure(key: str, unit_ids: list[int]) -> Callable[[], object]:
    from vanphong.core import yearly

    measure = yearly.measure(key)
    assert measure is not None
    return lambda: measure.compute(unit_ids, YEAR, AS_OF)


def _world(
    args: argparse.Namespace, var: Path, pairs: int
) -> tuple[str, Any, list[Any], Any, float]:
    backend = docbench._setup(var, fresh=True)
    from django.db import connection

    from vanphong.org.models import Person

    convenor, units = world.province(pairs)
    started = time.perf_counter()
    world.fill(units, scale=args.scale)
    written = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    actor = Person.objects.get(username="cvp.tinhuy")
    return backend, convenor, units, actor, written


def _compute(movement: Any, actor: Any) -> Callable[[], object]:
    from vanphong.emulation.services_measure import measurements_compute

    return lambda: measurements_compute(movement=movement, actor=actor, as_of=AS_OF)


def _alone(args: argparse.Namespace, var: Path) -> None:
    """The bloc alone: a database holding only its units' records (printed as JSON)."""
    _, convenor, units, actor, _ = _world(args, var, args.small // 2)
    bloc = _movement(convenor, units, actor, "khối riêng")
    ids = [u.pk for u in units]
    print(
        json.dumps(
            {
                "measurements_compute": docbench._median_ms(_compute(bloc, actor), args.rounds),
                "measures alone (no writes)": docbench._median_ms(
                    _measures_alone(ids), args.rounds
                ),
            }
        )
    )


def _alone_in_a_child(args: argparse.Namespace) -> dict[str, float]:
    command = [
        sys.executable,
        __file__,
        "--alone",
        f"--small={args.small}",
        f"--scale={args.scale}",
        f"--rounds={args.rounds}",
    ]
    done = subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603 (this file)
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=100, help="committees, each with an Office")
    parser.add_argument("--small", type=int, default=10, help="units of the small bloc (even)")
    parser.add_argument("--scale", type=int, default=10, help="records per unit and year / 10")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--var", type=Path)
    parser.add_argument("--alone", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    var = args.var or Path(tempfile.mkdtemp(prefix="vanphong-bench-emulation-"))
    try:
        if args.alone:
            _alone(args, var)
            return 0
        # First the bloc in a database of its own (a child process: a fresh Django), then the
        # province's database.
        alone = _alone_in_a_child(args)
        backend, convenor, units, actor, written = _world(args, var, args.pairs)
        from vanphong.core import yearly
        from vanphong.emulation.models import Measurement

        small = _movement(convenor, units[: args.small], actor, "khối nhỏ")
        large = _movement(convenor, units, actor, "cả tỉnh")
        ids = [u.pk for u in units]
        ms = {
            "measurements_compute": (
                alone["measurements_compute"],
                docbench._median_ms(_compute(small, actor), args.rounds),
                docbench._median_ms(_compute(large, actor), args.rounds),
            ),
            "measures alone (no writes)": (
                alone["measures alone (no writes)"],
                docbench._median_ms(_measures_alone(ids[: args.small]), args.rounds),
                docbench._median_ms(_measures_alone(ids), args.rounds),
            ),
        }
        each = {
            m.key: (
                docbench._median_ms(_one_measure(m.key, ids[: args.small]), args.rounds),
                docbench._median_ms(_one_measure(m.key, ids), args.rounds),
            )
            for m in yearly.measures()
        }
        rows = Measurement.objects.filter(movement=large).count()
        print(
            f"backend: {backend}; {len(units)} units, scale {args.scale} "
            f"(data written in {written:.0f} s); {rows} measurements for the province"
        )
        print(
            f"medians of {args.rounds} runs in ms; goal: {len(units)} units ≤ 2 × {args.small}; "
            f"'{args.small} alone': a database with only their records; "
            f"'{args.small} of {len(units)}': the same units in the province's database"
        )
        n, m = args.small, len(units)
        print(
            f"  {'':<30} {f'{n} alone':>9} {f'{n} of {m}':>9} {m:>9}   "
            f"{m}/{n}-of-{m}  {m}/{n}-alone"
        )
        for name, (apart, few, many) in ms.items():
            print(
                f"  {name:<30} {apart:9.1f} {few:9.1f} {many:9.1f}   "
                f"×{many / few:<9.2f} ×{many / apart:.2f}"
            )
        print(f"  per measure ({n} of {m} → {m}):")
        for key, (few, many) in each.items():
            print(f"    {key:<38} {few:7.1f} {many:7.1f}   ×{many / few:.2f}")
    finally:
        if args.var is None:
            shutil.rmtree(var, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
