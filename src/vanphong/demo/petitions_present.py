"""The petitions' living present: letters dated around today, so the reception officers' inbox
and the daily reminder have work on the day the demo is opened.

In the books of Văn phòng Tỉnh ủy and of the Office of Huyện uỷ Hoà Thành: letters that came in
yesterday and today, waiting to be classified; letters classified whose processing period ends
in two working days, or ended two days ago; a complaint forwarded so that its result is owed in
a few days, and one whose result is past due. The committee heads' monthly days of the months
up to this one are in the reception books (Hòa Thành's Secretary missed one: the Office
leader's page flags it).

Idempotent: a letter is born once (found by its book and summary among the letters of the last
half year); a head's day once (by its day). Loading again later adds only what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from vanphong.core.workdays import WorkCalendar
from vanphong.demo.petitions_story import COMMUNES, COMPENSATION, LAND, POLICY, place_of
from vanphong.demo.present_kit import Clock
from vanphong.org.models import Membership, Person, Role, Unit
from vanphong.petitions import (
    clocks,
    services,
    services_forward,
    services_handling,
    services_reception,
)
from vanphong.petitions.models import (
    Channel,
    Eligibility,
    Field,
    Letter,
    ReceptionSession,
    SessionKind,
)
from vanphong.petitions.services import CitizenData

if TYPE_CHECKING:
    from vanphong.demo.petitions import _Office, _Story

STAMPED = ("documents", "petitions", "planning")
KEPT = timedelta(days=183)  # a present letter found within this is not born again


@dataclass(frozen=True)
class _Present:
    book: str
    stage: str  # new · classified · forwarded
    offset: int  # new, classified: working days before today it came in
    kinds: str
    field: str
    summary: str
    place_key: str
    commune: str
    petitioner: CitizenData | None
    due_in: int = 0  # forwarded: the result is owed this many days from today


PRESENT: tuple[_Present, ...] = (
    _Present("tinhuy", "new", 0, "k", LAND,
             "Khiếu nại việc UBND xã cấp giấy chứng nhận quyền sử dụng đất trùng thửa đất của "
             "gia đình", "trangbang", "Gia Lộc",
             CitizenData("Võ Thị Lài", "072187004512", address="ấp Gia Huỳnh, xã Gia Lộc")),
    _Present("tinhuy", "new", 1, "t", "Tham nhũng, tiêu cực",
             "Thư không ký tên tố cáo cán bộ thu tiền khi xét duyệt hồ sơ hộ cận nghèo",
             "hoathanh", "Trường Đông", None),
    _Present("tinhuy", "classified", 8, "n", POLICY,
             "Kiến nghị xem xét chế độ trợ cấp hằng tháng cho thân nhân liệt sĩ",
             "hoathanh", "Long Thành Bắc",
             CitizenData("Phan Văn Mười", "072054001187", address="ấp Long Hải, xã Long Thành "
                         "Bắc")),
    _Present("tinhuy", "classified", 12, "p", "Hành chính",
             "Phản ánh việc chậm giải quyết hồ sơ cấp đổi giấy chứng nhận quyền sử dụng đất",
             "trangbang", "An Hòa",
             CitizenData("Đặng Thị Thắm", "072190003365", address="ấp Bến Kéo, xã An Hòa")),
    _Present("tinhuy", "forwarded", 0, "k", COMPENSATION,
             "Khiếu nại mức hỗ trợ tái định cư khi thu hồi đất làm đường cao tốc",
             "trangbang", "An Tịnh",
             CitizenData("Lê Hữu Phước", "072078002245", address="ấp An Bình, xã An Tịnh"),
             due_in=3),
    _Present("tinhuy", "forwarded", 0, "k", LAND,
             "Khiếu nại quyết định thu hồi đất để mở rộng chợ xã",
             "hoathanh", "Hiệp Tân",
             CitizenData("Ngô Văn Tám", "072066005521", address="ấp Phước Hội, xã Hiệp Tân"),
             due_in=-5),
    _Present("hoathanh", "new", 0, "k", LAND,
             "Khiếu nại việc hòa giải tranh chấp lối đi chung không khách quan",
             "hoathanh", "Trường Tây",
             CitizenData("Bùi Thị Yến", "072185006634", address="ấp Trường Phú, xã Trường "
                         "Tây")),
    _Present("hoathanh", "classified", 9, "n", "Văn hóa, xã hội",
             "Kiến nghị xử lý cơ sở chăn nuôi heo gây ô nhiễm khu dân cư",
             "hoathanh", "Long Thành Bắc",
             CitizenData("Trần Minh Hùng", "072072009912", address="ấp Long Hải, xã Long "
                         "Thành Bắc")),
)  # fmt: skip
FORWARD_TO = "Ủy ban nhân dân {district}"


def _forward_day(calendar: WorkCalendar, today: date, due_in: int) -> date:
    """The working day a complaint forwarded then owes its result nearest `due_in` days from
    today, on the same side of today."""
    probe = Letter(complaint=True)
    target = today + timedelta(days=due_in)
    best: tuple[int, date] | None = None
    for back in range(1, 160):
        day = calendar.add_working_days(today, -back)
        due = clocks.forward_due(probe, day, calendar=calendar)
        if (due > today) != (due_in > 0):
            continue
        distance = abs((due - target).days)
        if best is None or distance < best[0]:
            best = (distance, day)
    return best[1] if best is not None else calendar.add_working_days(today, -60)


def _letter(story: _Story, spec: _Present, today: date) -> None:
    office = story.offices.get(spec.book)
    if office is None:
        return
    found = Letter.objects.filter(
        unit=office.office, summary=spec.summary, received_on__gte=today - KEPT
    ).exists()
    if found:
        return
    clock, calendar = story.clock, story.clock.calendar
    if spec.stage == "forwarded":
        forwarded = _forward_day(calendar, today, spec.due_in)
        received = calendar.add_working_days(forwarded, -3)
    else:
        received = calendar.add_working_days(today, -spec.offset)
    held: list[Letter] = []
    field = Field.objects.filter(name=spec.field).first()

    def register(moment: datetime) -> None:
        letter = services.letter_register(
            actor=office.reception,
            unit=office.office,
            received_on=moment.date(),
            channel=Channel.POST if spec.petitioner is None else Channel.IN_PERSON,
            summary=spec.summary,
            complaint="k" in spec.kinds,
            denunciation="t" in spec.kinds,
            proposal="n" in spec.kinds,
            report="p" in spec.kinds,
            anonymous=spec.petitioner is None,
            citizens=(spec.petitioner,) if spec.petitioner else (),
            field=field,
            place=place_of(spec.place_key, spec.commune),
            place_unit=story.place(spec.place_key),
        )
        if spec.stage != "new":
            letter = services_handling.letter_take(actor=office.reception, letter=letter)
        held.append(letter)

    def classify(moment: datetime) -> None:
        services_handling.letter_classify(
            actor=office.reception,
            letter=held[0],
            eligibility=Eligibility.ELIGIBLE,
            classified_on=moment.date(),
        )

    def forward(moment: datetime) -> None:
        body = FORWARD_TO.format(district=COMMUNES[spec.place_key][0])
        sent = services_forward.letter_forward(
            actor=office.reception, letter=held[0], to_body=body, forwarded_on=moment.date()
        )
        story.issue_note(office, sent, moment.date())

    clock.at(received, 0, 8, 20, register)
    if spec.stage != "new":
        clock.at(received, 1, 9, 30, classify)
    if spec.stage == "forwarded":
        clock.at(forwarded, 0, 10, 0, forward)


# --- the heads' days -------------------------------------------------------------------------

HEADS = ("tinhuy", "hoathanh", "chauthanh", "duongminhchau")


def _head_days(story: _Story, today: date) -> None:
    """The third Wednesday of each month from last December to this month, as held; Hòa Thành's
    Secretary missed the month before last (a training course away from the province), which
    the Office leader's page flags. A later load adds the months after the last day recorded."""
    first = date(today.year - 1, 12, 1)
    months = []
    month = first
    while month <= today:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    missed = (today.replace(day=1) - timedelta(days=1)).replace(day=1) - timedelta(days=1)
    missed = missed.replace(day=1)
    for key in HEADS:
        reception = Person.objects.filter(username=f"tiepdan.{key}", is_active=True).first()
        head = Person.objects.filter(username=f"bithu.{key}", is_active=True).first()
        member = (
            Membership.objects.filter(person=reception, role=Role.RECEPTION)
            .select_related("unit")
            .first()
            if reception is not None
            else None
        )
        if reception is None or head is None or member is None:
            continue
        # A later load adds the months since the last day recorded, never an earlier month.
        last = (
            ReceptionSession.objects.filter(unit=member.unit, kind=SessionKind.HEAD)
            .order_by("-day")
            .values_list("day", flat=True)
            .first()
        )
        for month in months:
            if last is not None and month <= last.replace(day=1):
                continue
            if key == "hoathanh" and month == missed:
                continue
            wednesday = month + timedelta(days=(2 - month.weekday()) % 7 + 14)
            day = story.clock.calendar.add_working_days(wednesday, 0)
            if day > today:
                continue
            if ReceptionSession.objects.filter(
                unit=member.unit, kind=SessionKind.HEAD, day=day
            ).exists():
                continue
            story.clock.at(
                day,
                0,
                7,
                30,
                partial(_head_day, reception, member.unit, head, key),
            )


def _head_day(reception: Person, unit: Unit, head: Person, key: str, moment: datetime) -> None:
    services_reception.reception_session_record(
        actor=reception,
        unit=unit,
        kind=SessionKind.HEAD,
        day=moment.date(),
        place="Trụ sở Tiếp công dân tỉnh" if key == "tinhuy" else "Phòng tiếp công dân",
        host=head,
        host_title="Bí thư Tỉnh ủy" if key == "tinhuy" else "Bí thư Huyện ủy",
    )


def load(offices: dict[str, _Office], *, today: date | None = None) -> int:
    """Add the present up to `today` (the local date when not given); returns the letters
    added."""
    from vanphong.demo.petitions import _Story

    today = today or timezone.localdate()
    calendar = WorkCalendar.load(today - timedelta(days=400), today + timedelta(days=120))
    before = Letter.objects.count()
    try:
        with transaction.atomic():
            clock = Clock(today, calendar, STAMPED)
            story = _Story(clock, offices)
            for spec in PRESENT:
                _letter(story, spec, today)
            _head_days(story, today)
            clock.run()
            clock.restamp()
            clock.read_before(calendar.add_working_days(today, -1))
    except (ValidationError, PermissionDenied):
        # People changed since the demo was loaded: the present stays as it was.
        return 0
    return Letter.objects.count() - before
