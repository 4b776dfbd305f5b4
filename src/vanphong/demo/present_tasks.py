"""The present's directives and weekly schedules.

Every third working day the province receives a directive-type document from the Centre,
follows it and gives four tasks: two to its Office (one reported done three days later and
confirmed three days after that, one left past its short deadline), one to a district committee
(due in six working days, reported on) and one to a board (due in ten). The leaders' schedule of
the current week is published, with entries every day (weekends included), and next week's
waits for the Chief of Office's approval (from Friday on, next week's is published too and the
one after waits).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from vanphong.demo.present_documents import fill, last_arrival, register_outside
from vanphong.demo.present_kit import Cast, Clock
from vanphong.directives import services, services_decisions, services_reports
from vanphong.directives.models import Task
from vanphong.org.models import Person, Unit
from vanphong.planning import services_schedule
from vanphong.planning.conflicts import EntryData
from vanphong.planning.models import Room, Schedule, ScheduleKind, ScheduleVersion, VersionStatus

DIRECTIVES: tuple[tuple[str, str, str, str, str], ...] = (
    ("Ban Bí thư Trung ương Đảng", "party", "CT", "TW",
     "Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với {topic}"),
    ("Bộ Chính trị", "party", "KL", "TW", "Kết luận về tiếp tục thực hiện {topic}"),
    ("Ban Bí thư Trung ương Đảng", "party", "TB", "TW", "Thông báo kết luận về {topic}"),
)  # fmt: skip


def directive(clock: Clock, cast: Cast, day: date, n: int) -> None:
    """A directive that came in on `day`, followed by the province and broken into tasks."""
    districts = [d for d in cast.districts if d.key in ("chauthanh", "hoathanh")] or cast.districts
    district = districts[(n // 3) % len(districts)]
    board, board_worker = cast.boards[n % len(cast.boards)] if cast.boards else (None, None)
    tasks: dict[str, Task] = {}

    def follow(moment: datetime) -> None:
        if clock.defer(moment, last_arrival(cast.office, moment), follow):
            return
        incoming = register_outside(
            clock, cast, day, "directive", DIRECTIVES[n % len(DIRECTIVES)], moment, n
        )
        followed = services.directive_track(
            actor=cast.specialist, unit=cast.province, incoming=incoming
        )
        given: list[tuple[str, Unit, str, str, int]] = [
            ("draft", cast.office, "Tham mưu Ban Thường vụ Tỉnh ủy ban hành kế hoạch thực hiện",
             "Kế hoạch của Ban Thường vụ Tỉnh ủy", 2),
            ("outline", cast.office, "Xây dựng đề cương báo cáo sơ kết việc thực hiện",
             "Đề cương báo cáo", 4),
            ("district", district.committee, "Tổ chức quán triệt, triển khai thực hiện tại địa "
             "phương; báo cáo kết quả về Thường trực Tỉnh ủy", "Báo cáo kết quả", 6),
        ]  # fmt: skip
        if board is not None:
            given.append(
                ("board", board, "Hướng dẫn, kiểm tra, giám sát việc thực hiện",
                 "Báo cáo kết quả kiểm tra", 10)
            )  # fmt: skip
        for name, unit, content, product, due in given:
            tasks[name] = services.task_assign(
                actor=cast.specialist,
                directive=followed,
                lead_unit=unit,
                content=content,
                product=product,
                deadline=clock.day(day, due),
                leader=cast.secretary,
            )
        reports = [
            (1, "draft", cast.specialist, "Đã dự thảo kế hoạch, đang xin ý kiến các ban đảng."),
            (2, "district", district.specialist, "Đã tổ chức hội nghị quán triệt cấp huyện."),
        ]
        if board_worker is not None:
            reports.append((5, "board", board_worker, "Đã ban hành hướng dẫn; đang kiểm tra."))
        for offset, name, worker, text in reports:
            clock.at(day, offset, 16, 0, partial(progress, name, worker, text))
        clock.at(day, 3, 15, 0, done)
        clock.at(day, 6, 10, 0, accept)

    def progress(name: str, worker: Person, text: str, _moment: datetime) -> None:
        if name in tasks:
            services_reports.task_report(actor=worker, task=tasks[name], text=text)

    def done(moment: datetime) -> None:
        services_reports.task_complete(
            actor=cast.specialist,
            task=tasks["outline"],
            text="Đã hoàn thành đề cương, trình Thường trực Tỉnh ủy.",
            done_on=moment.date(),
        )

    def accept(_moment: datetime) -> None:
        services_decisions.completion_accept(actor=cast.secretary, task=tasks["outline"])

    clock.at(day, 0, 8, 10, follow)


# (weekday, session, hour, minute, content, leaders: s = Secretary, d = Deputy, room or place)
WEEK: tuple[tuple[int, str, int, int, str, str, str], ...] = (
    (0, "morning", 7, 30, "Giao ban Thường trực Tỉnh ủy đầu tuần", "sd", "Phòng họp Ban Thường vụ"),
    (0, "afternoon", 14, 0, "Làm việc với Ban Tổ chức Tỉnh ủy về công tác cán bộ", "s",
     "Phòng họp Ban Thường vụ"),
    (1, "morning", 8, 0, "Họp Ban Thường vụ Tỉnh ủy", "sd", "Phòng họp Ban Thường vụ"),
    (1, "afternoon", 14, 0, "Làm việc với {committee}", "d", "@{committee}"),
    (2, "morning", 8, 0, "Tiếp công dân định kỳ", "s", "@Trụ sở Tiếp công dân tỉnh"),
    (2, "afternoon", 14, 0, "Dự Hội nghị trực tuyến toàn quốc về {topic}", "d",
     "Hội trường Tỉnh ủy"),
    (3, "morning", 8, 0, "Kiểm tra tình hình thực hiện {topic} tại {committee}", "d",
     "@{committee}"),
    (3, "afternoon", 14, 0, "Làm việc với Văn phòng Tỉnh ủy về chương trình công tác tháng", "s",
     "Phòng họp Văn phòng Tỉnh ủy"),
    (4, "morning", 8, 0, "Họp Thường trực Tỉnh ủy", "sd", "Phòng họp Ban Thường vụ"),
    (4, "afternoon", 14, 0, "Tiếp và làm việc với Đoàn công tác của Trung ương", "s",
     "Hội trường Tỉnh ủy"),
    (5, "morning", 7, 30, "Dự Lễ ra quân hưởng ứng {topic}", "d", "@{committee}"),
    (6, "morning", 8, 0, "Thăm, tặng quà gia đình chính sách tại {committee}", "s", "@{committee}"),
)  # fmt: skip


def weeks(clock: Clock, cast: Cast) -> None:
    """This week's schedule published (and next week's from Friday on); the following one a
    draft awaiting approval. Each week is looked at by its state: a week already there is
    only taken forward (approved, published), never filled twice."""
    today = clock.today
    monday = today - timedelta(days=today.weekday())
    published = [monday] + ([monday + timedelta(days=7)] if today.weekday() >= 4 else [])
    for week_monday in published:
        _week(clock, cast, week_monday, publish=True)
    _week(clock, cast, published[-1] + timedelta(days=7), publish=False)


def _week(clock: Clock, cast: Cast, monday: date, *, publish: bool) -> None:
    schedule = Schedule.objects.filter(
        committee=cast.province, kind=ScheduleKind.LEADERS, monday=monday
    ).first()
    version = schedule.versions.order_by("-number").first() if schedule else None
    try:
        # A week a person changed since (or one the calendar refuses) is left as it is.
        with transaction.atomic():
            if version is None:
                version = services_schedule.schedule_open(
                    actor=cast.specialist,
                    committee=cast.province,
                    kind=ScheduleKind.LEADERS,
                    day=monday,
                )
                _entries(clock, cast, version, monday)
            if publish and version.status == VersionStatus.DRAFT:
                version = services_schedule.schedule_approve(actor=cast.chief, version=version)
            if publish and version.status == VersionStatus.APPROVED:
                services_schedule.schedule_publish(actor=cast.chief, version=version)
    except (ValidationError, PermissionDenied):
        return


def _entries(clock: Clock, cast: Cast, version: ScheduleVersion, monday: date) -> None:
    rooms = {room.name: room for room in Room.objects.filter(committee=cast.province)}
    n = clock.calendar.working_days_between(date(2024, 1, 1), monday)
    committee = cast.districts[n % len(cast.districts)].committee.name
    for weekday, session, hour, minute, content, who, where in WEEK:
        day = monday + timedelta(days=weekday)
        text = fill(content, day, n + weekday, committee)
        place = where.format(committee=committee)
        leaders = [p for c, p in (("s", cast.secretary), ("d", cast.deputy)) if c in who]
        data: dict[str, Any] = {"room": rooms.get(place)}
        if place.startswith("@") or data["room"] is None:
            data = {"place": place.removeprefix("@")}
        services_schedule.entry_add(
            actor=cast.specialist,
            version=version,
            data=EntryData(
                day=day,
                session=session,
                starts_at=time(hour, minute),
                content=text,
                leaders=leaders,
                preparing_unit=cast.office if "Phòng họp" in place else None,
                confidentiality=1 if "cán bộ" in text else 0,
                **data,
            ),
            # A public holiday in the week keeps its entries: the demo's leaders work then.
            overrides={f"holiday:{day.isoformat()}": "Lịch mẫu"},
        )
