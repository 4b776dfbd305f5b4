"""The emulation benchmark's province: `pairs` district committees, each with its Office (two
units a pair), and a year of what every measure reads, written straight into the tables (no
services, no audit), seeded.

Per unit and year (2011, and 2010 and 2012 around it, which the measures must skip): incoming
documents with their lead assignment (given through the year, deadlines 5–15 days on, most
done, some late, some still open), outgoing documents issued (a few withdrawn), tasks led with
deadlines in the year, letters with their processing clocks (bench/petitions_world.py); per
committee: three approved work programmes of twenty items each and the weekly schedules of
both kinds (the first version published a few days before, some on the Monday).
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import petitions_world

import documents as docbench

YEARS = (2010, 2011, 2012)


def province(pairs: int) -> tuple[Any, list[Any]]:
    """The province's Office (the convenor) and the `pairs` × 2 new units, committee then
    Office, in order."""
    from vanphong.org.models import Unit, UnitKind

    root = Unit.objects.get(parent=None)
    office = Unit.objects.filter(parent=root, kind=UnitKind.OFFICE).order_by("pk").first()
    committees = Unit.objects.bulk_create(
        Unit(
            parent=root,
            kind=UnitKind.DISTRICT_COMMITTEE,
            name=f"Huyện ủy thử {n:03d}",
            name_folded=f"huyen uy thu {n:03d}",
            symbol="HU",
        )
        for n in range(pairs)
    )
    offices = Unit.objects.bulk_create(
        Unit(
            parent=committee,
            kind=UnitKind.OFFICE,
            name=f"Văn phòng Huyện ủy thử {n:03d}",
            name_folded=f"van phong huyen uy thu {n:03d}",
            symbol="VPHU",
        )
        for n, committee in enumerate(committees)
    )
    units = [unit for pair in zip(committees, offices, strict=True) for unit in pair]
    return office, units


def _moment(day: date, hour: int = 2) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


def incoming(units: list[Any], per_year: int, author: int, rng: random.Random) -> None:
    from django.db import transaction

    from vanphong.core.vietnamese import fold
    from vanphong.documents.models import Assignment, IncomingDocument

    documents, parts = docbench._Table(IncomingDocument), docbench._Table(Assignment)
    subject = "V/v triển khai công tác cải cách hành chính"
    for unit in units:
        for year in YEARS:
            for number in range(1, per_year + 1):
                received = date(year, 1, 1) + timedelta(days=rng.randrange(365))
                document = documents.add(
                    unit_id=unit.pk,
                    year=year,
                    number=number,
                    received_at=_moment(received),
                    medium="paper",
                    sender_name="Tỉnh ủy Tây Ninh",
                    sender_folded="tinh uy tay ninh",
                    number_symbol=f"Số {number}-CV/TU",
                    symbol_key=f"{number}-CV/TU",
                    document_date=received,
                    subject=subject,
                    subject_folded=fold(subject),
                    status="assigned",
                    registered_by_id=author,
                    registered_at=_moment(received, 3),
                )
                deadline = received + timedelta(days=rng.choice([5, 10, 15]))
                done = rng.random() < 0.85
                parts.add(
                    document_id=document,
                    assignee_id=author,
                    role="lead",
                    deadline=deadline,
                    status="done" if done else "open",
                    assigned_by_id=author,
                    assigned_at=_moment(received, 4),
                    completed_at=_moment(deadline + timedelta(days=rng.randint(-4, 3)))
                    if done
                    else None,
                )
        with transaction.atomic():
            documents.flush()
            parts.flush()


def outgoing(units: list[Any], per_year: int, author: int, rng: random.Random) -> None:
    from vanphong.core.vietnamese import fold
    from vanphong.documents.models import OutgoingDocument

    subject = "Báo cáo tình hình thực hiện nhiệm vụ tháng"
    OutgoingDocument.objects.bulk_create(
        (
            OutgoingDocument(
                unit_id=unit.pk,
                type_symbol="BC",
                type_name="Báo cáo",
                subject=subject,
                subject_folded=fold(subject),
                drafter_id=author,
                status="withdrawn" if rng.random() < 0.03 else "issued",
                series=f"bench:{unit.pk}:{year}",
                number=number,
                number_symbol=f"Số {number}-BC/HU",
                symbol_key=f"{number}-BC/HU",
                issued_on=date(year, 1, 1) + timedelta(days=rng.randrange(365)),
            )
            for unit in units
            for year in YEARS
            for number in range(1, per_year + 1)
        ),
        batch_size=2_000,
    )


def tasks(units: list[Any], per_year: int, author: Any, rng: random.Random) -> None:
    from vanphong.core.workdays import WorkCalendar
    from vanphong.directives.lateness import late_from
    from vanphong.directives.models import Directive, Task

    root = units[0].parent
    directive = Directive.objects.create(
        unit=root,
        type_symbol="CT",
        number_symbol="01-CT/TU",
        title="Chỉ thị về công tác trọng tâm",
        document_date=date(2010, 1, 5),
        created_by=author,
    )
    calendar = WorkCalendar.load(date(2010, 1, 1), date(2013, 12, 31))
    rows = []
    for unit in units:
        for year in YEARS:
            for n in range(per_year):
                deadline = date(year, 1, 1) + timedelta(days=rng.randrange(365))
                state = rng.choice(("done", "done", "done", "in_progress", "cannot_do"))
                rows.append(
                    Task(
                        directive=directive,
                        assigning_unit=root,
                        lead_unit=unit,
                        content=f"Nhiệm vụ số {n}",
                        deadline=deadline,
                        late_from=late_from(deadline, calendar),
                        state=state,
                        done_on=deadline + timedelta(days=rng.randint(-10, 5))
                        if state == "done"
                        else None,
                        created_by=author,
                    )
                )
    Task.objects.bulk_create(rows, batch_size=2_000)


def plans(committees: list[Any], author: Any, rng: random.Random) -> None:
    from vanphong.planning.models import (
        ProgrammeItem,
        Schedule,
        ScheduleVersion,
        WorkProgramme,
    )

    programmes = WorkProgramme.objects.bulk_create(
        WorkProgramme(
            committee=committee,
            body=body,
            year=year,
            title=f"Chương trình công tác năm {year}",
            status="approved",
            created_by=author,
        )
        for committee in committees
        for year in YEARS
        for body in ("conference", "standing_committee", "standing_board")
    )
    ProgrammeItem.objects.bulk_create(
        (
            ProgrammeItem(
                programme=programme,
                position=n,
                topic="Xây dựng Đảng",
                content=f"Nội dung {n}",
                body=programme.body,
                lead_unit_id=programme.committee_id,
                month=n % 12 + 1,
                state=rng.choice(("done", "done", "done", "planned", "dropped")),
            )
            for programme in programmes
            for n in range(20)
        ),
        batch_size=2_000,
    )
    schedules = Schedule.objects.bulk_create(
        (
            Schedule(
                committee=committee,
                kind=kind,
                monday=monday,
                year=monday.isocalendar()[0],
                week=monday.isocalendar()[1],
                title="Lịch công tác tuần",
            )
            for committee in committees
            for kind in ("leaders", "office")
            for monday in (date(2010, 1, 4) + timedelta(weeks=w) for w in range(156))
        ),
        batch_size=2_000,
    )
    ScheduleVersion.objects.bulk_create(
        (
            ScheduleVersion(
                schedule=schedule,
                number=1,
                status="published",
                compiled_by=author,
                published_by=author,
                published_at=_moment(schedule.monday - timedelta(days=rng.choice([0, 2, 3, 4]))),
            )
            for schedule in schedules
        ),
        batch_size=2_000,
    )


def fill(units: list[Any], *, scale: int, seed: int = 1) -> None:
    """A year of everything for every unit of `units` (committees at even places)."""
    from vanphong.org.models import Person

    rng = random.Random(seed)
    author = Person.objects.filter(is_active=True).order_by("pk").first()
    assert author is not None
    incoming(units, 10 * scale, author.pk, rng)
    outgoing(units, 5 * scale, author.pk, rng)
    tasks(units, 3 * scale, author, rng)
    plans(units[0::2], author, rng)
    books = petitions_world.Books(people=len(units) * 10 * scale)
    books.write(units, YEARS, len(units) * len(YEARS) * 4 * scale, seed=seed)
