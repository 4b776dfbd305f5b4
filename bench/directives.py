"""Directive tracking at volume: the unit dashboard with 1,000 tasks and with 100,000 (10 years,
200 units), and the daily reminder over 100,000 open tasks.

    .venv/bin/python bench/directives.py                    # SQLite in a temporary directory
    VANPHONG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/vanphong_bench \\
        .venv/bin/python bench/directives.py
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import documents as docbench

STATES = ("not_started", "in_progress", "submitted", "done", "done", "done", "cannot_do")


def _median_ms(run: Any, rounds: int) -> float:
    run()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def world(units_wanted: int) -> tuple[Any, list[Any], Any]:
    from vanphong.directives.models import Directive
    from vanphong.org.models import Person, Unit, UnitKind

    province = Unit.objects.get(parent=None)
    have = list(Unit.objects.exclude(pk=province.pk).order_by("pk"))
    extra = [
        Unit(
            parent=province,
            kind=UnitKind.BOARD,
            name=f"Đơn vị thử {n:03d}",
            name_folded=f"don vi thu {n:03d}",
            symbol=f"DV{n}",
        )
        for n in range(max(0, units_wanted - len(have)))
    ]
    Unit.objects.bulk_create(extra)
    units = list(Unit.objects.exclude(pk=province.pk).order_by("pk"))[:units_wanted]
    author = Person.objects.get(username="cvp.tinhuy")
    directives = Directive.objects.bulk_create(
        Directive(
            unit=province,
            type_symbol="CT",
            number_symbol=f"{n + 1:02d}-CT/TU",
            title=f"Chỉ thị số {n + 1} về công tác trọng tâm",
            document_date=date(2003, 1, 1) + timedelta(days=n * 2),
            created_by=author,
        )
        for n in range(1_800)
    )
    return province, units, (directives, author)


def tasks(province: Any, units: list[Any], extra: Any, count: int, seed: int) -> None:
    from vanphong.core.workdays import WorkCalendar
    from vanphong.directives.lateness import late_from
    from vanphong.directives.models import Task

    directives, author = extra
    rng = random.Random(seed)
    calendar = WorkCalendar.load(date(2003, 1, 1), date(2015, 12, 31))
    batch = []
    for n in range(count):
        directive = directives[rng.randrange(len(directives))]
        deadline = directive.document_date + timedelta(days=rng.randint(10, 400))
        state = rng.choice(STATES)
        done_on = deadline + timedelta(days=rng.randint(-20, 15)) if state == "done" else None
        batch.append(
            Task(
                directive=directive,
                assigning_unit=province,
                lead_unit=units[n % len(units)],
                content=f"Nhiệm vụ số {n}",
                deadline=deadline,
                late_from=late_from(deadline, calendar),
                state=state,
                done_on=done_on,
                created_by=author,
            )
        )
        if len(batch) == 5_000:
            Task.objects.bulk_create(batch)
            batch = []
    Task.objects.bulk_create(batch)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--var", type=Path)
    args = parser.parse_args()
    var = args.var or Path(tempfile.mkdtemp(prefix="vanphong-bench-directives-"))
    try:
        backend = docbench._setup(var, fresh=True)
        from django.core import mail

        from vanphong.directives import reminders, selectors, stats
        from vanphong.directives.models import Task

        province, units, extra = world(args.units)
        measured = units[0]
        today = date(2013, 6, 3)

        def board() -> object:  # what the unit's page computes: a year, and all years' totals
            return stats.unit_board(measured, year=today.year, today=today)

        def every_directive() -> object:  # for reference: all ten years' directives at once
            return stats.dashboard(selectors.tasks_led_by(measured), by="directive_id", today=today)

        tasks(province, units, extra, 1_000, seed=1)
        small, small_all = _median_ms(board, args.rounds), _median_ms(every_directive, args.rounds)
        started = time.perf_counter()
        tasks(province, units, extra, args.tasks - 1_000, seed=2)
        written = time.perf_counter() - started
        large, large_all = _median_ms(board, args.rounds), _median_ms(every_directive, args.rounds)
        print(
            f"backend: {backend}; {Task.objects.count():,} tasks over {args.units} units "
            f"(written in {written:.0f} s)"
        )
        print(
            f"unit dashboard, year {today.year} and all years' totals (one unit's "
            f"{selectors.tasks_led_by(measured).count():,} tasks): "
            f"{small:.1f} ms with 1,000 tasks in all, {large:.1f} ms with {args.tasks:,}: "
            f"×{large / small:.2f} (goal ≤ 2)"
        )
        print(
            f"  for reference, every directive of all years on one page: {small_all:.1f} ms → "
            f"{large_all:.1f} ms: ×{large_all / small_all:.2f}"
        )
        # The reminder over 100,000 open tasks: every task reopened and due on the day.
        Task.objects.update(state="in_progress", deadline=today, done_on=None)
        open_tasks = Task.objects.count()
        mail.outbox = []
        from django.conf import settings

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        tracemalloc.start()
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        sent = reminders.send(today=today, within=3)
        seconds = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(
            f"reminder: {sent.tasks:,} of {open_tasks:,} open tasks told in {seconds:.1f} s "
            f"({sent.notices:,} notices, {sent.emails:,} emails); Python heap peak "
            f"{peak / 1e6:.1f} MB; process peak RSS {rss_after / 1024:.0f} MB "
            f"(before: {rss_before / 1024:.0f} MB)"
        )
    finally:
        if args.var is None:
            shutil.rmtree(var, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
