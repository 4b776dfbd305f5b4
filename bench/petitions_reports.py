"""The yearly report on letters at volume: the province's 2011 report (rolled up with its
districts, as its Secretary draws it) with 10,000 letters in the books and with 1,000,000
(national scale: ~400,000 a year, over 700 other Offices and three years).

The province's own year stays the same size (4,000 letters, as a province receives); what
grows is everything else: other provinces' books and other years, the province's included.
bench/petitions.py measures the same world with the list and the duplicate proposal.

    .venv/bin/python bench/petitions_reports.py                    # SQLite in a temporary directory
    VANPHONG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/vanphong_bench \\
        .venv/bin/python bench/petitions_reports.py
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import petitions_world as world

import documents as docbench


def report_run() -> Callable[[], object]:
    """The Secretary drawing the province's 2011 report, as a new request would."""
    from vanphong.org.models import Person, Unit, UnitKind
    from vanphong.petitions.reports import Period, PeriodKind, report_build

    # The demo's province: the first at the top (bench/petitions_world.others adds another).
    province = (
        Unit.objects.filter(parent=None, kind=UnitKind.PROVINCIAL_COMMITTEE).order_by("pk").first()
    )
    office = Unit.objects.filter(kind=UnitKind.OFFICE, parent=province).order_by("pk").first()
    assert province is not None
    assert office is not None
    secretary = Person.objects.get(username="bithu.tinhuy")
    year = Period(PeriodKind.YEAR, 2011)

    def report() -> object:
        fresh = Person.objects.get(pk=secretary.pk)  # a new request's scope
        return report_build(person=fresh, unit=office, period=year)

    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--var", type=Path)
    args = parser.parse_args()
    var = args.var or Path(tempfile.mkdtemp(prefix="vanphong-bench-petitions-"))
    try:
        backend = docbench._setup(var, fresh=True)
        from vanphong.org.models import Unit, UnitKind
        from vanphong.petitions.models import Letter

        offices = list(Unit.objects.filter(kind=UnitKind.OFFICE).order_by("pk"))
        others = world.others(700)
        books = world.Books(people=args.letters // 3)
        report = report_run()
        books.write(offices, (2011,), 4_000, seed=1)
        books.write(others, (2010, 2011, 2012), 6_000, seed=2)
        small = docbench._median_ms(report, args.rounds)
        started = time.perf_counter()
        books.write(offices, (2010, 2012), 20_000, seed=3)
        books.write(others, (2010, 2011, 2012), args.letters - 30_000, seed=4)
        written = time.perf_counter() - started
        large = docbench._median_ms(report, args.rounds)
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
