"""The demo's citizen reception and letters: Tây Ninh from January 2011 to June 2012.

The petitions books of Văn phòng Tỉnh ủy and of the Offices of Huyện uỷ Hoà Thành and Huyện ủy
Trảng Bàng, as the year went (petitions_story.py holds the letters and the visits, as data):

- land and compensation complaints from Hòa Thành and Trảng Bàng, in the districts' books and
  in the province's, under the seeded fields (lĩnh vực);
- the reception sessions: the reception officers' monthly sessions in each Office, and the
  committee heads' monthly days planned in the committees' weekly schedules (a session is a
  schedule entry) — the provincial Secretary's third Thursday, none in May 2011, the month of
  the elections; on 15/09/2011 he receives a group of twelve villagers of Trường Hòa (đoàn
  đông người, with their representative), who hand in their letter and papers; the answer and
  what was agreed are in the register, and the group is told the district's result on the
  Secretary's December day;
- a denunciation of a commune Party secretary forwarded to Ủy ban Kiểm tra Tỉnh ủy with its
  forwarding note (a công văn through the documents flow, with the redacted copy), the
  Committee's reply registered and linked as its result, the denouncer told, the letter closed;
- anonymous denunciations registered and kept, not processed (Luật Khiếu nại, tố cáo 1998);
- one letter sent to three bodies: the copies the People's Committee and the National Assembly
  deputies forwarded are linked as "đơn trùng lần 2, lần 3";
- one forward whose result never came (overdue since September 2011);
- enough routine letters for the yearly report of 2011 to mean something.

Every write goes through the petitions, documents and planning services as the demo's people
(tiepdan.*, cvp.*, vt.*, bithu.*), so numbers, clocks and the audit log are real; the services'
"now" stamps are put back on the story's days at the end (present_kit.Clock.restamp), audit
events keep the real time of loading. A forwarding note is approved, signed and issued the day
of its forward by the Chief of Office; when the year of documents is loaded, its series already
runs to February 2012, so the notes take the next numbers, dated back with the reason the book
needs (as the directives' programme of action is). The people, hamlets, projects and cases are
fictional.
Loaded once: a second load finds the province's 2011 book and adds nothing. The weeks around
today are petitions_present's.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F

from vanphong.core.models import Notification
from vanphong.core.workdays import WorkCalendar
from vanphong.demo import petitions_present
from vanphong.demo.petitions_story import (
    BOOKS,
    HEAD_DAYS,
    LAST_STORY_DAY,
    LETTERS,
    REGULAR_VISITS,
    VISITS,
    LetterSpec,
    VisitSpec,
    pdf,
)
from vanphong.demo.present_kit import Clock
from vanphong.documents import services_outgoing
from vanphong.documents.models import IncomingDocument, Medium, OutgoingStatus, SigningAuthority
from vanphong.documents.services import Upload
from vanphong.documents.services_delivery import Recipient
from vanphong.documents.services_incoming import incoming_register
from vanphong.org.models import Membership, Person, Role, Unit, UnitKind
from vanphong.petitions import (
    services,
    services_duplicates,
    services_forward,
    services_handling,
    services_reception,
    services_visit_letter,
)
from vanphong.petitions.models import (
    Channel,
    Eligibility,
    Field,
    Forward,
    Handling,
    Letter,
    ReceptionSession,
    SessionKind,
    Visit,
)
from vanphong.planning import services_schedule
from vanphong.planning.models import ScheduleKind, ScheduleVersion, VersionStatus

# uuid5 namespace of the covering and reply documents registered by the story.
SUBMISSIONS = uuid.UUID("7d2e9f14-2011-4b3a-8c6d-0e1f2a3b4c5d")
STAMPED = ("documents", "petitions", "planning")
BACKDATE = "Vào sổ bản giấy phiếu chuyển đơn đã phát hành ngày {day}."


@dataclass(eq=False)
class _Office:
    """A book's Office and the people who keep it."""

    key: str
    office: Unit
    committee: Unit
    reception: Person
    chief: Person
    clerk: Person
    head: Person | None  # the committee's Secretary, when the demo has one
    head_title: str
    head_place: str


def _person(username: str) -> Person | None:
    return Person.objects.filter(username=username, is_active=True).first()


def _office_of(username: str) -> Unit | None:
    row = (
        Membership.objects.filter(person__username=username, unit__kind=UnitKind.OFFICE)
        .select_related("unit__parent")
        .first()
    )
    return row.unit if row is not None else None


def _offices() -> dict[str, _Office]:
    found: dict[str, _Office] = {}
    for book in BOOKS:
        office = _office_of(f"tiepdan.{book.key}")
        reception, chief = _person(f"tiepdan.{book.key}"), _person(f"cvp.{book.key}")
        clerk = _person(f"vt.{book.key}")
        if office is None or office.parent is None:
            continue
        if reception is None or chief is None or clerk is None:
            continue
        found[book.key] = _Office(
            key=book.key,
            office=office,
            committee=office.parent,
            reception=reception,
            chief=chief,
            clerk=clerk,
            head=_person(f"bithu.{book.key}"),
            head_title=book.head_title,
            head_place=book.head_place,
        )
    return found


def _committee(key: str) -> Unit | None:
    """A district committee by the scenario's key (its clerk is vt.<key>)."""
    office = _office_of(f"vt.{key}")
    return office.parent if office is not None else None


class _Story:
    def __init__(self, clock: Clock, offices: dict[str, _Office]) -> None:
        self.clock = clock
        self.offices = offices
        self.letters: dict[str, Letter] = {}
        self.fields = {f.name: f for f in Field.objects.all()}
        self.places: dict[str, Unit | None] = {}
        self.boards = {
            u.symbol: u for u in Unit.objects.filter(kind=UnitKind.BOARD, parent=self._province())
        }

    @staticmethod
    def _province() -> Unit | None:
        return Unit.objects.filter(parent=None, kind=UnitKind.PROVINCIAL_COMMITTEE).first()

    def place(self, key: str) -> Unit | None:
        if key and key not in self.places:
            self.places[key] = _committee(key)
        return self.places.get(key)

    def at(
        self, day: date, offset: int, hour: int, minute: int, action: Callable[..., None]
    ) -> None:
        self.clock.at(day, offset, hour, minute, action)

    # --- documents of the registry ------------------------------------------------------

    def incoming(
        self,
        office: _Office,
        moment: datetime,
        key: str,
        *,
        sender: str,
        number: str,
        subject: str,
        dated: date | None = None,
    ) -> IncomingDocument:
        return incoming_register(
            actor=office.clerk,
            unit=office.office,
            medium=Medium.PAPER,
            sender_name=sender,
            number_symbol=f"Số {number}",
            document_date=dated or moment.date() - timedelta(days=3),
            subject=subject,
            received_at=moment,
            page_count=2,
            submission_id=uuid.uuid5(SUBMISSIONS, key),
        )

    def issue_note(self, office: _Office, forward: Forward, day: date) -> None:
        """The forwarding note through the documents flow: submitted by its drafter, approved
        along the Office's chain, signed and issued by the Chief of Office the same day (dated
        back, with the reason, when the book already holds later numbers)."""
        note = forward.note
        if note is None:
            return
        note = services_outgoing.outgoing_submit(actor=note.drafter, document=note)
        while note.status == OutgoingStatus.IN_REVIEW:
            step = note.chain[note.current_step]
            approver = office.chief if step.get("role") == Role.OFFICE_LEADER else office.head
            if approver is None:
                return  # a chain the demo's people cannot walk: the draft waits
            note = services_outgoing.outgoing_approve(actor=approver, document=note)
        note = services_outgoing.outgoing_sign(
            actor=office.chief,
            document=note,
            position="Chánh Văn phòng",
            authority=SigningAuthority.BY_ORDER,
        )
        services_outgoing.outgoing_issue(
            actor=office.chief,
            document=note,
            recipients=[Recipient(external_name=forward.to_body)],
            issued_on=day,
            page_count=1,
            copies=2,
            file_copy_holder="Lưu hồ sơ đơn thư",
            backdate_reason=BACKDATE.format(day=day.strftime("%d/%m/%Y")),
        )

    # --- letters --------------------------------------------------------------------------

    def letter(self, spec: LetterSpec) -> None:
        if spec.book not in self.offices:
            return
        if spec.visit:
            return  # registered from its visit (see `visit`)
        self.at(spec.received, 0, 8, spec.minute, partial(self.register, spec))

    def register(self, spec: LetterSpec, moment: datetime, visit: Visit | None = None) -> None:
        office = self.offices[spec.book]
        covering = None
        if spec.sender:
            covering = self.incoming(
                office,
                moment - timedelta(minutes=20),
                f"{spec.key}/covering",
                sender=spec.sender,
                number=spec.sender_number,
                subject="V/v chuyển đơn của công dân",
            )
        values: dict[str, Any] = {
            "received_on": moment.date(),
            "channel": Channel.FORWARDED if spec.sender else spec.channel,
            "summary": spec.summary,
            "complaint": "k" in spec.kinds,
            "denunciation": "t" in spec.kinds,
            "proposal": "n" in spec.kinds,
            "report": "p" in spec.kinds,
            "anonymous": not spec.petitioners,
            "citizens": spec.petitioners,
            "field": self.fields.get(spec.field),
            "place": spec.place,
            "place_unit": self.place(spec.place_key),
            "subject_kind": spec.subject_kind,
            "subject": spec.subject,
            "covering": covering,
            "group_size": spec.group,
            "files": [Upload(f"don-{spec.key}.pdf", io.BytesIO(pdf(spec.summary)))]
            if spec.scan
            else [],
        }
        if visit is not None:
            letter = services_visit_letter.letter_register_from_visit(
                actor=office.reception, visit=visit, **values
            )
        else:
            letter = services.letter_register(actor=office.reception, unit=office.office, **values)
        letter = services_handling.letter_take(actor=office.reception, letter=letter)
        if spec.duplicate_of in self.letters:
            services_duplicates.letter_duplicate_link(
                actor=office.reception, letter=letter, original=self.letters[spec.duplicate_of]
            )
        self.letters[spec.key] = letter
        born = moment.date()
        self.at(born, spec.classify_after, 9, spec.minute, partial(self.classify, spec))
        if spec.handling:
            self.at(born, spec.handle_after, 10, spec.minute, partial(self.handle, spec))

    def classify(self, spec: LetterSpec, moment: datetime) -> None:
        office = self.offices[spec.book]
        services_handling.letter_classify(
            actor=office.reception,
            letter=self.letters[spec.key],
            eligibility=Eligibility.INELIGIBLE if spec.ineligible else Eligibility.ELIGIBLE,
            ineligible_reason=spec.ineligible,
            complexity=spec.complexity,
            classified_on=moment.date(),
        )

    def handle(self, spec: LetterSpec, moment: datetime) -> None:
        office = self.offices[spec.book]
        letter = self.letters[spec.key]
        day = moment.date()
        if spec.handling == Handling.FORWARD:
            forwards = []
            for body, unit_key in spec.to:
                forward = services_forward.letter_forward(
                    actor=office.reception,
                    letter=letter,
                    to_body=body,
                    to_unit=self.boards.get(unit_key) if unit_key else None,
                    forwarded_on=day,
                )
                self.issue_note(office, forward, day)
                forwards.append(forward)
            if spec.result:
                for forward in forwards:
                    self.at(
                        day, spec.result_after, 14, spec.minute, partial(self.reply, spec, forward)
                    )
            return
        services_handling.letter_handle(
            actor=office.reception,
            letter=letter,
            handling=spec.handling,
            note=spec.note,
            assigned_unit=self.boards.get(spec.assigned) if spec.assigned else None,
            accepted_on=day if spec.handling == Handling.ACCEPT else None,
            handled_on=day,
        )
        if spec.result and spec.handling in (Handling.ASSIGN, Handling.ACCEPT):
            self.at(day, spec.result_after, 14, spec.minute, partial(self.result, spec))
        elif spec.told and spec.handling == Handling.GUIDE:
            self.at(day, spec.told_after, 15, spec.minute, partial(self.tell, spec))

    def reply(self, spec: LetterSpec, forward: Forward, moment: datetime) -> None:
        office = self.offices[spec.book]
        reply = None
        if spec.reply_number:
            reply = self.incoming(
                office,
                moment - timedelta(minutes=30),
                f"{spec.key}/reply/{forward.pk}",
                sender=forward.to_body,
                number=spec.reply_number,
                subject="Báo cáo kết quả giải quyết đơn do Văn phòng chuyển đến",
            )
        services_forward.forward_result_record(
            actor=office.reception,
            forward=forward,
            result=spec.result,
            result_on=moment.date(),
            reply=reply,
        )
        self.tell_later(spec, moment.date())

    def tell_later(self, spec: LetterSpec, day: date) -> None:
        """Tell the petitioner once the letter's (last) result is in."""
        letter = Letter.objects.get(pk=self.letters[spec.key].pk)
        if not spec.told or letter.result_on is None or letter.anonymous:
            return
        if spec.told_on is not None:
            self.at(spec.told_on, 0, 10, 30, partial(self.tell, spec))
        else:
            self.at(day, spec.told_after, 15, spec.minute, partial(self.tell, spec))

    def result(self, spec: LetterSpec, moment: datetime) -> None:
        office = self.offices[spec.book]
        services_handling.letter_result_record(
            actor=office.reception,
            letter=self.letters[spec.key],
            result=spec.result,
            result_on=moment.date(),
        )
        self.tell_later(spec, moment.date())

    def tell(self, spec: LetterSpec, moment: datetime) -> None:
        office = self.offices[spec.book]
        services_handling.letter_told(
            actor=office.reception,
            letter=self.letters[spec.key],
            told_on=moment.date(),
            told_how=spec.told,
        )

    # --- reception -------------------------------------------------------------------------

    def head_day(self, office: _Office, day: date, visits: list[VisitSpec]) -> None:
        """The head's day, planned in the week's schedule five working days ahead (the week
        approved and published by the Chief of Office), held with its visits."""
        head = office.head
        if head is None:
            return
        day = self.clock.day(day, 0)  # a day off moves the day to the next working day
        planned: list[ReceptionSession] = []

        def plan(_moment: datetime) -> None:
            session = services_reception.reception_session_plan(
                actor=office.chief,
                unit=office.office,
                kind=SessionKind.HEAD,
                day=day,
                session="morning",
                place=office.head_place,
                host=head,
                host_title=office.head_title,
                overrides={f"holiday:{day.isoformat()}": "Lịch tiếp công dân định kỳ"},
            )
            planned.append(session)
            version = _week_version(office.committee, day)
            if version is not None and version.status == VersionStatus.DRAFT:
                version = services_schedule.schedule_approve(actor=office.chief, version=version)
                services_schedule.schedule_publish(actor=office.chief, version=version)

        def hold(moment: datetime) -> None:
            if not planned:
                return
            if not visits:
                services_reception.reception_session_hold(
                    actor=office.reception, session=planned[0]
                )
            for n, spec in enumerate(visits):
                self.visit(office, planned[0], spec, moment + timedelta(minutes=40 * n))

        self.at(day, -5, 16, 0, plan)
        self.at(day, 0, 7, 45, hold)

    def regular_day(self, office: _Office, day: date, visits: list[VisitSpec]) -> None:
        def hold(moment: datetime) -> None:
            session = services_reception.reception_session_record(
                actor=office.reception,
                unit=office.office,
                kind=SessionKind.REGULAR,
                day=moment.date(),
                place="Phòng tiếp công dân",
            )
            for n, spec in enumerate(visits):
                self.visit(office, session, spec, moment + timedelta(minutes=30 * n))

        self.at(day, 0, 7, 40, hold)

    def visit(
        self, office: _Office, session: ReceptionSession, spec: VisitSpec, moment: datetime
    ) -> None:
        visit = services_reception.visit_record(
            actor=office.reception,
            session=session,
            group_size=spec.group,
            citizens=spec.citizens,
            complaint="k" in spec.kinds,
            denunciation="t" in spec.kinds,
            proposal="n" in spec.kinds,
            report="p" in spec.kinds,
            field=self.fields.get(spec.field),
            place=spec.place,
            place_unit=self.place(spec.place_key),
            raised=spec.raised,
            answer=spec.answer,
            agreed=spec.agreed,
            files=[_named(pdf(title), f"{title}.pdf") for title in spec.papers],
        )
        letter = next((s for s in LETTERS if s.visit == spec.key), None)
        if letter is not None:
            self.register(letter, moment, visit=visit)


def _week_version(committee: Unit, day: date) -> ScheduleVersion | None:
    return (
        ScheduleVersion.objects.filter(
            schedule__committee=committee,
            schedule__kind=ScheduleKind.LEADERS,
            schedule__monday=day - timedelta(days=day.weekday()),
        )
        .order_by("-number")
        .first()
    )


def _named(content: bytes, name: str) -> io.BytesIO:
    """A paper handed in, as visit_record takes it: a stream with its name."""
    stream = io.BytesIO(content)
    stream.name = name
    return stream


def load_story() -> int:
    """The 2011–2012 books, once; returns how many letters were registered."""
    offices = _offices()
    province = offices.get("tinhuy")
    if province is None or Letter.objects.filter(unit=province.office, year=2011).exists():
        return 0
    calendar = WorkCalendar.load(date(2010, 12, 1), date(2012, 12, 31))
    with transaction.atomic():
        clock = Clock(LAST_STORY_DAY, calendar, STAMPED)
        story = _Story(clock, offices)
        for spec in LETTERS:
            story.letter(spec)
        visits = {spec.key: spec for spec in VISITS}
        for key, day, visit_keys in HEAD_DAYS:
            if key in offices:
                story.head_day(offices[key], day, [visits[k] for k in visit_keys])
        for key, day, visit_keys in REGULAR_VISITS:
            if key in offices:
                story.regular_day(offices[key], day, [visits[k] for k in visit_keys])
        clock.run()
        clock.restamp()
        # The story's notices were told in 2011–2012: read then, not news to the demo's users.
        Notification.objects.filter(pk__gt=clock.baseline[Notification], read_at=None).update(
            read_at=F("created_at")
        )
    return len(story.letters)


def load(*, today: date | None = None) -> int:
    """Load the petitions' story and the weeks around today (skipped, like the year of
    documents, when settings.VANPHONG_DEMO_SCALE is 0); returns the story's letters."""
    if float(getattr(settings, "VANPHONG_DEMO_SCALE", 1.0)) <= 0:
        return 0
    count = load_story()
    petitions_present.load(_offices(), today=today)
    return count
