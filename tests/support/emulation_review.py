"""The annual review's world: the petitions world (documents world, reception officers) and rows
written straight into each app's tables — a year's books, programme, schedules, directives
and letters are what the review counts, and building them through the services would test
those services again. Each builder returns the row so a test can recompute a figure from
what it wrote."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import count
from typing import Any
from uuid import uuid4
from zoneinfo import ZoneInfo

from tests.support.petitions import PetitionWorld, build_petition_world
from vanphong.core.vietnamese import fold
from vanphong.directives.lateness import late_from
from vanphong.directives.models import Directive, Task
from vanphong.documents.models import Assignment, IncomingDocument, OutgoingDocument
from vanphong.emulation.models import (
    Award,
    Bloc,
    BlocMember,
    CriteriaSet,
    Movement,
)
from vanphong.org.models import Person, Unit
from vanphong.planning.models import (
    Entry,
    ProgrammeItem,
    Schedule,
    ScheduleVersion,
    WorkProgramme,
)

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
_numbers = count(1)


@dataclass
class ReviewWorld:
    w: PetitionWorld
    chief: Person  # cvp.tinh: Office leader of the provincial Office (acts for its review)
    district_chief: Person  # cvp.chauthanh: Office leader of Châu Thành's Office

    def __getattr__(self, name: str) -> Any:  # the petitions, documents and personas' fields
        return getattr(self.w, name)


def build_review_world() -> ReviewWorld:
    w = build_petition_world()
    return ReviewWorld(
        w=w, chief=w.province_office_leader, district_chief=w.chau_thanh_office_leader
    )


def local(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    """A moment in Tây Ninh."""
    return datetime(year, month, day, hour, minute, tzinfo=TZ)


def incoming_row(
    world: ReviewWorld,
    unit: Unit,
    received_at: datetime,
    *,
    medium: str = "paper",
    status: str = "registered",
) -> IncomingDocument:
    year = received_at.astimezone(TZ).year  # the book's year: the local year of receipt
    number = next(_numbers)
    return IncomingDocument.objects.create(
        unit=unit,
        year=year,
        number=number,
        received_at=received_at,
        medium=medium,
        sender_name="Tỉnh ủy Tây Ninh",
        sender_folded=fold("Tỉnh ủy Tây Ninh"),
        number_symbol=f"Số {number}-CV/TU",
        symbol_key=f"{number}-cv/tu",
        document_date=received_at.astimezone(TZ).date(),
        subject="Về công tác văn phòng",
        subject_folded=fold("Về công tác văn phòng"),
        status=status,
        registered_by=world.province_clerk,
    )


def outgoing_row(
    world: ReviewWorld,
    unit: Unit,
    issued_on: date | None,
    *,
    status: str = "issued",
    type_symbol: str = "BC",
    subject: str = "Báo cáo công tác",
) -> OutgoingDocument:
    number = next(_numbers) if issued_on is not None else None
    return OutgoingDocument.objects.create(
        unit=unit,
        type_symbol=type_symbol,
        type_name="Báo cáo",
        subject=subject,
        subject_folded=fold(subject),
        drafter=world.province_specialist,
        status=status,
        series=f"review:{unit.pk}:{type_symbol}" if number else "",
        number=number,
        number_symbol=f"Số {number}-{type_symbol}/{unit.symbol}" if number else "",
        issued_on=issued_on,
    )


def assignment_row(
    world: ReviewWorld,
    document: IncomingDocument,
    *,
    deadline: date | None,
    completed_at: datetime | None = None,
    status: str | None = None,
    role: str = "lead",
) -> Assignment:
    made = Assignment.objects.create(
        document=document,
        assignee=world.province_specialist,
        role=role,
        deadline=deadline,
        status=status or ("done" if completed_at else "open"),
        assigned_by=world.province_clerk,
        completed_at=completed_at,
    )
    Assignment.objects.filter(pk=made.pk).update(assigned_at=document.received_at)
    return made


def programme_row(
    world: ReviewWorld,
    committee: Unit,
    year: int,
    states: list[tuple[str, date | None]],
    *,
    body: str = "standing_committee",
) -> WorkProgramme:
    programme = WorkProgramme.objects.create(
        committee=committee,
        body=body,
        year=year,
        title=f"Chương trình công tác năm {year}",
        created_by=world.province_specialist,
        status="approved",
    )
    for position, (state, done_on) in enumerate(states):
        ProgrammeItem.objects.create(
            programme=programme,
            position=position,
            topic="Xây dựng Đảng",
            content=f"Nội dung {position}",
            body=body,
            lead_unit=committee,
            month=(position % 12) + 1,
            state=state,
            done_on=done_on,
        )
    return programme


def week_row(
    world: ReviewWorld,
    committee: Unit,
    monday: date,
    *,
    published: list[datetime],
    entries: list[date] = (),  # type: ignore[assignment]
) -> Schedule:
    """A leaders' week with one version per publication moment (the last one live), and the
    live version's entries on `entries`."""
    iso = monday.isocalendar()
    schedule = Schedule.objects.create(
        committee=committee,
        kind="leaders",
        monday=monday,
        year=iso.year,
        week=iso.week,
        title="LỊCH CÔNG TÁC TUẦN",
    )
    live = None
    for number, moment in enumerate(published, start=1):
        live = ScheduleVersion.objects.create(
            schedule=schedule,
            number=number,
            status="published" if number == len(published) else "superseded",
            compiled_by=world.province_specialist,
            published_at=moment,
            published_by=world.chief,
        )
    for day in entries:
        assert live is not None
        Entry.objects.create(
            version=live, lineage=uuid4(), day=day, session="morning", content="Họp Thường trực"
        )
    return schedule


def directive_row(world: ReviewWorld, unit: Unit, created_at: datetime) -> Directive:
    directive = Directive.objects.create(
        unit=unit,
        type_symbol="CT",
        number_symbol=f"{next(_numbers)}-CT/TU",
        title="Về tăng cường công tác văn phòng",
        document_date=created_at.astimezone(TZ).date(),
        created_by=world.province_specialist,
    )
    Directive.objects.filter(pk=directive.pk).update(created_at=created_at)
    return directive


def task_row(
    world: ReviewWorld,
    directive: Directive,
    *,
    assigning: Unit,
    created_at: datetime,
    deadline: date | None,
    state: str = "in_progress",
    done_on: date | None = None,
    closed_at: datetime | None = None,
) -> Task:
    task = Task.objects.create(
        directive=directive,
        assigning_unit=assigning,
        lead_unit=world.chau_thanh_office,
        content="Báo cáo kết quả thực hiện",
        deadline=deadline,
        state=state,
        done_on=done_on,
        created_by=world.province_specialist,
        closed_at=closed_at,
    )
    Task.objects.filter(pk=task.pk).update(created_at=created_at, late_from=late_from(deadline))
    return Task.objects.get(pk=task.pk)


def movement_row(world: ReviewWorld, year: int, units: list[Unit]) -> Movement:
    bloc = Bloc.objects.create(name="Khối các Văn phòng cấp ủy", convenor=world.province_office)
    for position, unit in enumerate(units):
        BlocMember.objects.create(
            bloc=bloc, unit=unit, joined_on=date(year, 1, 1), position=position
        )
    criteria = CriteriaSet.objects.create(year=year, name=f"Tiêu chí thi đua năm {year}")
    return Movement.objects.create(
        bloc=bloc,
        year=year,
        title=f"Phong trào thi đua năm {year} của khối các Văn phòng",
        launched_on=date(year, 1, 15),
        pledge_deadline=date(year, 2, 28),
        criteria_set=criteria,
        created_by=world.chief,
    )


def award_row(world: ReviewWorld, unit: Unit, year: int, title: str = "Cờ thi đua") -> Award:
    return Award.objects.create(
        year=year,
        title_code="flag",
        title_name=title,
        unit=unit,
        register_unit=unit,
        awarding_body="Ủy ban nhân dân tỉnh",
        decision_number=f"{next(_numbers)}/QĐ-UBND",
        decided_on=date(year + 1, 1, 20),
    )


def day_end(day: date) -> datetime:
    return datetime.combine(day, time(23, 30), tzinfo=TZ)
