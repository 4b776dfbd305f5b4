"""The yearly report on letters at volume: the province's 2011 report (rolled up with its
districts, as its Secretary draws it) with 10,000 letters in the books and with 1,000,000
(national scale: ~400,000 a year, over 700 other Offices and three years).

The province's own year stays the same size (4,000 letters, as a province receives); what
grows is everything else: other provinces' books and other years, the province's included.

    .venv/bin/python bench/petitions_reports.py                    # SQLite in a temporary directory
    VANPHONG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/vanphong_bench \\
        .venv/bin/python bench/petitions_reports.py
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import documents as docbench

KINDS = ("complaint", "denunciation", "proposal", "report")
HANDLINGS = ("", "forward", "guide", "keep", "assign", "accept")


def _median_ms(run: Any, rounds: int) -> float:
    run()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _others(count: int) -> list[Any]:
    from vanphong.org.models import Unit, UnitKind

    root = Unit.objects.create(
        kind=UnitKind.PROVINCIAL_COMMITTEE,
        name="Tỉnh ủy khác",
        name_folded="tinh uy khac",
        symbol="TU",
    )
    offices = [
        Unit(
            parent=root,
            kind=UnitKind.OFFICE,
            name=f"Văn phòng thử {n:03d}",
            name_folded=f"van phong thu {n:03d}",
            symbol="VP",
        )
        for n in range(count)
    ]
    return list(Unit.objects.bulk_create(offices))


def letters(units: list[Any], years: tuple[int, ...], count: int, seed: int, start: int) -> None:
    from vanphong.org.models import Person
    from vanphong.petitions.models import Field, Forward, Letter

    rng = random.Random(seed)
    author = Person.objects.filter(is_active=True).order_by("pk").first()
    fields: list[int | None] = [*Field.objects.values_list("pk", flat=True)] or [None]
    batch: list[Any] = []

    def flush() -> None:
        made = Letter.objects.bulk_create(batch)
        Forward.objects.bulk_create(
            Forward(
                letter=letter,
                to_body="Ủy ban Kiểm tra",
                forwarded_on=on,
                result_due_on=on + timedelta(days=60),
                result_on=on + timedelta(days=40) if letter.pk % 2 else None,
                created_by=author,
            )
            for letter in made
            if letter.handling == "forward" and (on := letter.handled_on) is not None
        )
        batch.clear()

    for n in range(count):
        year = years[n % len(years)]
        received = date(year, 1, 1) + timedelta(days=rng.randrange(365))
        handling = rng.choice(HANDLINGS)
        kinds = {kind: rng.random() < 0.35 for kind in KINDS}
        if not any(kinds.values()):
            kinds["complaint"] = True
        batch.append(
            Letter(
                unit=units[n % len(units)],
                year=year,
                number=start + n,
                received_on=received,
                channel="post",
                summary="Đơn thử",
                field_id=rng.choice(fields),
                handling=handling,
                handled_on=received + timedelta(days=8) if handling else None,
                eligibility="eligible" if handling else "",
                classified_on=received + timedelta(days=5) if handling else None,
                created_by=author,
                **kinds,
            )
        )
        if len(batch) == 5_000:
            flush()
    if batch:
        flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--var", type=Path)
    args = parser.parse_args()
    var = args.var or Path(tempfile.mkdtemp(prefix="vanphong-bench-petitions-"))
    try:
        backend = docbench._setup(var, fresh=True)
        from vanphong.org.models import Person, Unit, UnitKind
        from vanphong.petitions.models import Letter
        from vanphong.petitions.reports import Period, PeriodKind, report_build

        province = Unit.objects.get(parent=None, kind=UnitKind.PROVINCIAL_COMMITTEE)
        offices = list(Unit.objects.filter(kind=UnitKind.OFFICE).order_by("pk"))
        secretary = Person.objects.get(username="bithu.tinhuy")
        others = _others(700)
        year = Period(PeriodKind.YEAR, 2011)
        office = next(u for u in offices if u.parent_id == province.pk)

        def report() -> object:
            fresh = Person.objects.get(pk=secretary.pk)  # a new request's scope
            return report_build(person=fresh, unit=office, period=year)

        letters(offices, (2011,), 4_000, seed=1, start=1)
        letters(others, (2010, 2011, 2012), 6_000, seed=2, start=10_001)
        small = _median_ms(report, args.rounds)
        started = time.perf_counter()
        letters(offices, (2010, 2012), 20_000, seed=3, start=100_001)
        letters(others, (2010, 2011, 2012), args.letters - 30_000, seed=4, start=200_001)
        written = time.perf_counter() - started
        large = _median_ms(report, args.rounds)
        print(
            f"backend: {backend}; {Letter.objects.count():,} letters (written in {written:.0f} s)"
        )
        print(
            f"yearly report 2011 of the province with its districts (4,000 letters): "
            f"{small:.1f} ms with 10,000 letters in all, {large:.1f} ms with "
            f"{args.letters:,}: ×{large / small:.2f} (goal ≤ 2)"
        )
    finally:
        if args.var is None:
            shutil.rmtree(var, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
