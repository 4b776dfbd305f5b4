"""Weekly schedule benchmarks: a big week against a small one, and the conflict check against
ten years of history.

    .venv/bin/python bench/planning.py                      # SQLite in a temporary directory
    VANPHONG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/vanphong_bench \\
        .venv/bin/python bench/planning.py

- Render: the schedule page, the PDF, the DOCX and a unit's iCalendar feed for a published week
  of 300 entries across 30 leaders, against a week of 30 entries — medians, and the ratio (goal:
  ≤ 2), with the number of queries of each.
- Conflict check: `conflicts.conflicts` for a new entry (three leaders and a room) with one year
  of published weeks in the database, then with ten — the ratio shows whether it scans.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import documents as docbench

SESSIONS = ("morning", "afternoon", "evening")
FIRST_MONDAY = date(2003, 1, 6)


def _median(run: Callable[[], object], rounds: int) -> float:
    for _ in range(2):
        run()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _paired(
    small: Callable[[], object], large: Callable[[], object], rounds: int
) -> tuple[float, float]:
    """Medians of both, measured in alternating rounds: drift of a shared machine then falls
    on both sides of the ratio alike."""
    for _ in range(2):
        small()
        large()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(rounds):
        for side, run in enumerate((small, large)):
            started = time.perf_counter()
            run()
            times[side].append((time.perf_counter() - started) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])


def _queries(run: Callable[[], object]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        run()
    return len(captured)


class World:
    def __init__(self) -> None:
        from vanphong.org.models import Membership, Person, Role, Unit
        from vanphong.planning.models import Room
        from vanphong.planning.selectors import office_of

        self.province = Unit.objects.get(parent=None)
        self.office = office_of(self.province)
        self.specialist = Person.objects.get(username="cv.tinhuy")
        self.reader = Person.objects.get(username="vt.hoathanh")
        self.leaders = []
        for n in range(30):
            person, _ = Person.objects.get_or_create(
                username=f"lanhdao{n:02d}", defaults={"full_name": f"Lãnh Đạo Số {n:02d}"}
            )
            Membership.objects.get_or_create(
                person=person,
                unit=self.province,
                role=Role.COMMITTEE_LEADER,
                defaults={"starts_on": date(2000, 1, 1)},
            )
            self.leaders.append(person)
        self.rooms = [
            Room.objects.get_or_create(
                committee=self.province, name=f"Phòng họp {n}", defaults={"name_folded": f"p{n}"}
            )[0]
            for n in range(10)
        ]

    def week(
        self, monday: date, entries: int, *, kind: str = "leaders", committee: Any = None
    ) -> Any:
        """A published week of `entries` entries, written directly (as a loader would)."""
        from vanphong.planning.models import (
            Entry,
            EntryLeader,
            Schedule,
            ScheduleVersion,
            VersionStatus,
        )

        year, week, _ = monday.isocalendar()
        schedule = Schedule.objects.create(
            committee=committee or self.province,
            kind=kind,
            monday=monday,
            year=year,
            week=week,
            title="LỊCH CÔNG TÁC TUẦN CỦA THƯỜNG TRỰC TỈNH ỦY TÂY NINH",
        )
        version = ScheduleVersion.objects.create(
            schedule=schedule,
            number=1,
            status=VersionStatus.PUBLISHED,
            compiled_by=self.specialist,
        )
        rows = Entry.objects.bulk_create(
            Entry(
                version=version,
                day=monday + timedelta(days=n % 6),
                session=SESSIONS[n % 3],
                starts_at=clock(7 + (n % 3) * 6, (n * 7) % 60),
                content=f"Làm việc với Huyện ủy về chương trình công tác, nội dung {n}",
                room=self.rooms[n % len(self.rooms)] if n % 2 else None,
                place="" if n % 2 else "Xã Long Thành Bắc, Hòa Thành",
                preparing_unit=self.office,
                confidentiality=1 if n % 10 == 0 else 0,
            )
            for n in range(entries)
        )
        EntryLeader.objects.bulk_create(
            EntryLeader(entry=e, person=self.leaders[(n + k) % 30], day=e.day, position=k)
            for n, e in enumerate(rows)
            for k in range(2)
        )
        return version


def history(world: World, weeks: range, per_week: int) -> None:
    for n in weeks:  # the Office's weeks: the demo's leaders' weeks of 2012 are there already
        world.week(FIRST_MONDAY + timedelta(weeks=n), per_week, kind="office")


def render(world: World, rounds: int) -> dict[str, Any]:
    from django.conf import settings
    from django.test import Client

    from vanphong.planning import feeds, services

    # Pages without collectstatic: the manifest storage would refuse every {% static %}.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }

    from vanphong.org.models import Unit

    # The small week is a district's, so each committee's feed holds one of the two weeks.
    district = Unit.objects.get(name="Huyện ủy Châu Thành")
    small = world.week(date(2013, 3, 11), 30, kind="office", committee=district)
    large = world.week(date(2013, 3, 11), 300, kind="office")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(world.reader)
    from vanphong.org.models import Person

    district_clerk = Person.objects.get(username="vt.chauthanh")
    feeds_of = {
        unit.pk: services.feed_create(actor=actor, scope="unit", unit=unit).feed
        for unit, actor in ((district, district_clerk), (world.province, world.specialist))
    }

    def page(version: Any) -> Callable[[], object]:
        return lambda: client.get(f"/ke-hoach/lich/{version.schedule.uuid}/")

    def printed(version: Any, extension: str) -> Callable[[], object]:
        return lambda: client.get(f"/ke-hoach/lich/ban/{version.uuid}/in.{extension}")

    def ical(version: Any) -> Callable[[], object]:
        feed = feeds_of[version.schedule.committee_id]
        return lambda: feeds.calendar(feed, today=version.schedule.monday)

    found: dict[str, Any] = {}
    for name, make in (
        ("page", page),
        ("pdf", lambda v: printed(v, "pdf")),
        ("docx", lambda v: printed(v, "docx")),
        ("ical", ical),
    ):
        a, b = make(small), make(large)
        small_ms, large_ms = _paired(a, b, rounds)
        found[name] = {
            "small_ms": small_ms,
            "large_ms": large_ms,
            "small_queries": _queries(a),
            "large_queries": _queries(b),
        }
    return found


def conflict_check(world: World, rounds: int) -> float:
    from vanphong.planning import conflicts
    from vanphong.planning.models import Schedule

    version = Schedule.objects.get(
        monday=date(2013, 3, 11), kind="office", committee=world.province
    ).versions.get()
    data = conflicts.EntryData(
        day=date(2013, 3, 13),
        session="morning",
        starts_at=clock(8, 0),
        content="Họp",
        leaders=world.leaders[:3],
        room=world.rooms[0],
    )
    return _median(lambda: conflicts.conflicts(version, data, reader=world.specialist), rounds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--per-week", type=int, default=60, help="entries per historic week")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--var", type=Path)
    args = parser.parse_args()
    var = args.var or Path(tempfile.mkdtemp(prefix="vanphong-bench-planning-"))
    try:
        backend = docbench._setup(var, fresh=True)
        from vanphong.planning.models import Entry, EntryLeader

        world = World()
        history(world, range(0, 52), args.per_week)
        rendered = render(world, args.rounds)
        one_year = conflict_check(world, args.rounds * 4)
        started = time.perf_counter()
        history(world, range(52, 52 * args.years), args.per_week)
        print(
            f"backend: {backend}; {Entry.objects.count():,} entries, "
            f"{EntryLeader.objects.count():,} attendances over {args.years} years "
            f"(written in {time.perf_counter() - started:.0f} s)"
        )
        ten_years = conflict_check(world, args.rounds * 4)
        print("week of 300 entries (30 leaders) against 30 entries, median ms (queries):")
        for name, row in rendered.items():
            ratio = row["large_ms"] / row["small_ms"]
            print(
                f"  {name:<5} 30: {row['small_ms']:7.1f} ({row['small_queries']})  "
                f"300: {row['large_ms']:7.1f} ({row['large_queries']})  ×{ratio:.2f} (goal ≤ 2)"
            )
        print(
            f"conflict check of one new entry: {one_year:.2f} ms with 1 year of weeks, "
            f"{ten_years:.2f} ms with {args.years} years: ×{ten_years / one_year:.2f}"
        )
    finally:
        if args.var is None:
            shutil.rmtree(var, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
