"""Independent recounts of the yearly measures (core.yearly): each goes over the rows of one
unit, one at a time, with the plain rules, so a grouped query that drifts from them is caught.
Shared by tests/<app>/test_measures.py and tests/demo/test_emulation.py (a test module never
imports another)."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date

from django.utils import timezone

from vanphong.archives.models import FileStatus, RecordFile
from vanphong.core.workdays import WorkCalendar
from vanphong.core.yearly import Ratio
from vanphong.directives.models import Task, TaskState
from vanphong.documents.models import (
    Assignment,
    AssignmentRole,
    AssignmentStatus,
    OutgoingDocument,
    OutgoingStatus,
)
from vanphong.org.models import Unit
from vanphong.org.selectors import committee_of
from vanphong.petitions.models import ClockKind, Deadline
from vanphong.planning.models import (
    ItemState,
    ProgrammeItem,
    ProgrammeStatus,
    Schedule,
    ScheduleVersion,
)


def recount_incoming(unit_id: int, year: int, as_of: date) -> Ratio:
    """The figure by hand: every lead assignment of the unit's book, one at a time."""
    calendar = WorkCalendar.load(date(year, 1, 1), date(year + 1, 12, 31))
    done = counted = 0
    for a in Assignment.objects.filter(document__unit_id=unit_id, role=AssignmentRole.LEAD):
        given = timezone.localtime(a.assigned_at).date()
        if given.year != year or given > as_of:
            continue
        if a.status in (AssignmentStatus.HANDED_OVER, AssignmentStatus.CANCELLED):
            continue
        finished = timezone.localtime(a.completed_at).date() if a.completed_at else None
        if a.status == AssignmentStatus.DONE and finished is not None and finished <= as_of:
            counted += 1
            if a.deadline is None or calendar.days_late(a.deadline, finished) == 0:
                done += 1
        elif a.deadline is not None and calendar.days_late(a.deadline, as_of) >= 1:
            counted += 1
    return Ratio(done, counted)


def recount_outgoing(unit_id: int, year: int, as_of: date) -> Ratio:
    done = counted = 0
    for document in OutgoingDocument.objects.filter(unit_id=unit_id):
        if document.issued_on is None or document.issued_on.year != year:
            continue
        if document.issued_on > as_of:
            continue
        counted += 1
        done += document.status != OutgoingStatus.WITHDRAWN
    return Ratio(done, counted)


def recount_programme(unit: Unit, year: int, as_of: date) -> Ratio:
    committee = committee_of(unit)
    done = counted = 0
    for item in ProgrammeItem.objects.filter(
        programme__committee=committee,
        programme__year=year,
        programme__status=ProgrammeStatus.APPROVED,
    ):
        if item.state == ItemState.DROPPED:
            continue
        is_done = item.state == ItemState.DONE and (item.done_on is None or item.done_on <= as_of)
        last_month = item.month or int(item.quarter or 0) * 3
        ends = date(year, last_month, calendar.monthrange(year, last_month)[1])
        if is_done or ends <= as_of:
            counted += 1
            done += is_done
    return Ratio(done, counted)


def recount_schedules(unit: Unit, year: int, as_of: date) -> Ratio:
    done = counted = 0
    for schedule in Schedule.objects.filter(committee=committee_of(unit)):
        if schedule.monday.year != year or schedule.monday > as_of:
            continue
        counted += 1
        published = [
            timezone.localtime(v.published_at)
            for v in ScheduleVersion.objects.filter(schedule=schedule)
            if v.published_at is not None
        ]
        done += any(moment.date() < schedule.monday for moment in published)
    return Ratio(done, counted)


def recount_tasks(unit_id: int, year: int, as_of: date) -> Ratio:
    calendar = WorkCalendar.load(date(year, 1, 1), date(year + 1, 12, 31))
    done = counted = 0
    for task in Task.objects.filter(lead_unit_id=unit_id):
        if task.deadline is None or task.deadline.year != year:
            continue
        if task.state == TaskState.CANNOT_DO:
            continue
        if task.state == TaskState.DONE and task.done_on and task.done_on <= as_of:
            counted += 1
            done += calendar.days_late(task.deadline, task.done_on) == 0
        elif calendar.days_late(task.deadline, as_of) >= 1:
            counted += 1
    return Ratio(done, counted)


def recount_letters(unit_id: int, year: int, as_of: date) -> Ratio:
    done = counted = 0
    for clock in Deadline.objects.filter(letter__unit_id=unit_id):
        if clock.kind != ClockKind.PROCESSING:
            continue
        if clock.due_on.year != year or clock.due_on > as_of:
            continue
        counted += 1
        done += clock.met_on is not None and clock.met_on <= min(clock.due_on, as_of)
    return Ratio(done, counted)


def recount_files(unit_id: int, year: int, as_of: date) -> Ratio:
    """Files kept 5 years or more whose transfer deadline (a year after the work ended, or the
    day they were kept back to) fell in the year up to `as_of`; done: received by then."""
    counted = done = 0
    for file in RecordFile.objects.filter(unit_id=unit_id).exclude(status=FileStatus.OPEN):
        if file.work_ended_on is None or (file.retention_years or 5) < 5:
            continue
        ended = file.work_ended_on
        due = date(ended.year + 1, ended.month, min(ended.day, 28 if ended.month == 2 else 31))
        if file.kept_back_until and file.kept_back_until > due:
            due = file.kept_back_until
        if not date(year, 1, 1) <= due <= min(date(year, 12, 31), as_of):
            continue
        counted += 1
        received = file.transfer.received_on if file.transfer else None
        done += received is not None and received <= min(due, as_of)
    return Ratio(done, counted)


def _by_id(recount: Callable[[int, int, date], Ratio]) -> Callable[[Unit, int, date], Ratio]:
    return lambda unit, year, as_of: recount(unit.pk, year, as_of)


# Each registered measure's recount, by its key, for a unit.
RECOUNTS: dict[str, Callable[[Unit, int, date], Ratio]] = {
    "documents.incoming_on_time": _by_id(recount_incoming),
    "documents.outgoing_not_recalled": _by_id(recount_outgoing),
    "planning.programme_done": recount_programme,
    "planning.schedules_on_time": recount_schedules,
    "directives.tasks_on_time": _by_id(recount_tasks),
    "petitions.handled_within_clock": _by_id(recount_letters),
    "archives.files_on_time": _by_id(recount_files),
}
