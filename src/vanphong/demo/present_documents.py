"""The present's documents: what is born on each working day, and how far it has gone by today.

Every working day brings Văn phòng Tỉnh ủy an outside document that the clerk registers and
presents to the Secretary or the Chief of Office, who directs it to a specialist two days later
with a deadline (some finished, some overdue, some still open), and, every other day, one filed
for information; the Office drafts a letter to the districts that is approved and signed two
days later and issued two days after that to Văn phòng Huyện ủy Châu Thành and another district
Office, whose clerks register it two days later (one in five is recalled first; one in seven
is returned to its drafter or left a draft); every other day a district Office sends the
province its report, which arrives in Văn phòng Tỉnh ủy's reception queue and is registered two
days later. Since each step waits a fixed number of working days, the days of the last two weeks
hold each flow at every step: whatever day the demo is loaded, every queue has work.
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import partial
from typing import Any

from django.db.models import Max

from vanphong.demo.documents import ACTIONS, FILE_NOTES, NOTES, RESULTS, TOPICS
from vanphong.demo.present_kit import ZONE, Cast, Clock, District, key
from vanphong.documents import services_delivery, services_handling, services_incoming, workflow
from vanphong.documents import services_outgoing as outgoing
from vanphong.documents.models import (
    AssignmentRole,
    AssignmentStatus,
    Delivery,
    DeliveryStatus,
    IncomingDocument,
    IncomingStatus,
    Medium,
    OutgoingDocument,
    OutgoingStatus,
    Urgency,
)
from vanphong.org.models import Clearance, Person, Unit

# (sender, style, type symbol, issuer, subject): the outside documents of an ordinary week.
ARRIVALS: tuple[tuple[str, str, str, str, str], ...] = (
    ("Ủy ban nhân dân tỉnh Tây Ninh", "government", "", "UBND-VP", "{action} {topic}"),
    (
        "Văn phòng Trung ương Đảng",
        "party",
        "CV",
        "VPTW",
        "V/v báo cáo tình hình thực hiện Quy chế làm việc năm {y}",
    ),
    ("Sở Nội vụ tỉnh Tây Ninh", "government", "", "SNV-VP", "{action} {topic}"),
    ("Ban Tổ chức Tỉnh ủy", "party", "CV", "BTCTU", "V/v cử cán bộ tham dự lớp bồi dưỡng {topic}"),
    (
        "Hội đồng nhân dân tỉnh Tây Ninh",
        "government",
        "",
        "HĐND-VP",
        "V/v tổ chức giám sát chuyên đề về {topic}",
    ),
    (
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tây Ninh",
        "government",
        "",
        "MTTQ-BTT",
        "{action} {topic}",
    ),
)
INFO: tuple[tuple[str, str, str, str, str], ...] = (
    ("Công an tỉnh Tây Ninh", "government", "BC", "CAT-PV01",
     "Báo cáo tình hình an ninh chính trị, trật tự an toàn xã hội tuần qua"),
    ("Ban Tuyên giáo Tỉnh ủy", "party", "BC", "BTGTU",
     "Báo cáo tình hình tư tưởng trong cán bộ, đảng viên và nhân dân"),
    ("Sở Tài chính tỉnh Tây Ninh", "government", "", "STC-NS",
     "V/v cấp bổ sung kinh phí hoạt động"),
)  # fmt: skip
LETTERS = (
    "V/v báo cáo kết quả thực hiện {topic}",
    "V/v chuẩn bị nội dung làm việc của Thường trực Tỉnh ủy với {committee}",
    "V/v sao gửi văn bản của Trung ương",
    "V/v thực hiện chế độ thông tin, báo cáo định kỳ năm {y}",
    "V/v góp ý dự thảo văn bản về {topic}",
)
REPORT = "Báo cáo tình hình thực hiện nhiệm vụ công tác tuần của {committee}"
DIRECTIONS = (
    "Giao đồng chí {name} nghiên cứu, tham mưu văn bản triển khai; báo cáo trước ngày {d}.",
    "Đề nghị tham mưu Thường trực Tỉnh ủy chỉ đạo thực hiện; hoàn thành trước ngày {d}.",
    "Theo dõi, đôn đốc các đơn vị thực hiện; tổng hợp báo cáo trước ngày {d}.",
)
# The items registered from outside, in the order of their numbers on a day.
ITEMS = ("arrival", "info", "directive")
RETURN_COMMENT = "Đề nghị bổ sung số liệu của các huyện, thị và rà soát thể thức văn bản."
RECALL_REASON = "Văn bản ban hành nhầm phụ lục; sẽ ban hành văn bản thay thế."


def fill(text: str, day: date, n: int, committee: str = "") -> str:
    return text.format(
        y=day.year,
        topic=TOPICS[n % len(TOPICS)],
        action=ACTIONS[n % len(ACTIONS)],
        committee=committee,
    )


def _dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def last_arrival(unit: Unit, moment: datetime) -> datetime | None:
    """The last arrival in the unit's book of the year: số đến follow the arrival, so a
    registration waits for it (people may have registered by hand between two loads)."""
    year = moment.astimezone(ZONE).year
    last: datetime | None = IncomingDocument.objects.filter(unit=unit, year=year).aggregate(
        at=Max("received_at")
    )["at"]
    return last


def _last_issue(unit: Unit) -> datetime | None:
    """The morning of the unit's last issue date: the register reads in date order, so an
    issue waits for it."""
    last = OutgoingDocument.objects.filter(unit=unit).aggregate(on=Max("issued_on"))["on"]
    return datetime.combine(last, time(8), tzinfo=ZONE) if last is not None else None


def _day_of(moment: datetime) -> date:
    return moment.astimezone(ZONE).date()


def register_outside(
    clock: Clock,
    cast: Cast,
    day: date,
    item: str,
    spec: tuple[str, str, str, str, str],
    moment: datetime,
    n: int,
) -> IncomingDocument:
    """Register in Văn phòng Tỉnh ủy's book a document dated the working day before `day`,
    under the day's key for `item`."""
    sender, style, type_symbol, issuer, subject = spec
    dated = clock.day(day, -1)
    number = dated.timetuple().tm_yday * 4 + ITEMS.index(item)
    if style == "party":
        symbol = f"Số {number}-{type_symbol}/{issuer}"
    else:
        symbol = f"Số: {number}/{type_symbol + '-' if type_symbol else ''}{issuer}"
    urgent = n % 6 == 1
    return services_incoming.incoming_register(
        actor=cast.clerk,
        unit=cast.office,
        medium=Medium.ELECTRONIC if n % 3 else Medium.PAPER,
        sender_name=sender,
        number_symbol=symbol,
        document_date=dated,
        subject=fill(subject, day, n),
        received_at=moment,
        page_count=2 + n % 5,
        confidentiality=Clearance.SECRET if item == "arrival" and n % 10 == 7 else 0,
        urgency=Urgency.URGENT if urgent else Urgency.NORMAL,
        submission_id=key(day, item),
    )


def arrival(clock: Clock, cast: Cast, day: date, n: int, *, after: date | None = None) -> None:
    """The day's outside document for Văn phòng Tỉnh ủy (its registration is the day's key);
    `after`: born in an earlier load that covered the days up to `after`, taken on from there."""
    leader = cast.secretary if n % 2 == 0 else cast.chief
    variant = n % 3  # 0: done on time · 1: left open past its deadline · 2: in progress
    state: dict[str, Any] = {}

    def register(moment: datetime) -> None:
        if clock.defer(moment, last_arrival(cast.office, moment), register):
            return
        state["doc"] = register_outside(
            clock, cast, day, "arrival", ARRIVALS[n % len(ARRIVALS)], moment, n
        )
        clock.at(day, 0, 9, 30, present)

    def present(_moment: datetime) -> None:
        services_incoming.incoming_present(actor=cast.clerk, document=state["doc"], leader=leader)
        clock.at(day, 2, 10, 0, direct)

    def direct(_moment: datetime) -> None:
        state["doc"].refresh_from_db()
        if state["doc"].status != IncomingStatus.PRESENTED or state["doc"].presented_to != leader:
            return  # someone else took it on
        deadline = clock.day(day, 2 + (5, 3, 4)[variant])
        text = DIRECTIONS[n % len(DIRECTIONS)].format(
            name=cast.specialist.full_name, d=_dmy(deadline)
        )
        supporting = [services_incoming.Handler(person=cast.specialist2)] if n % 4 == 0 else []
        direction = services_incoming.direction_give(
            actor=leader,
            document=state["doc"],
            text=text,
            lead=services_incoming.Handler(person=cast.specialist),
            supporting=supporting,
            deadline=deadline,
        )
        state["lead"] = direction.assignments.get(role=AssignmentRole.LEAD)
        clock.at(day, 3 + variant % 2, 14, 0, note)
        if variant == 0:
            clock.at(day, 6, 15, 0, complete)

    def note(_moment: datetime) -> None:
        if not _mine(state, cast.specialist, [AssignmentStatus.OPEN]):
            return
        services_handling.assignment_progress(
            actor=cast.specialist, assignment=state["lead"], text=NOTES[n % len(NOTES)]
        )

    def complete(_moment: datetime) -> None:
        if not _mine(state, cast.specialist, [AssignmentStatus.OPEN, AssignmentStatus.IN_PROGRESS]):
            return
        services_handling.assignment_complete(
            actor=cast.specialist,
            assignment=state["lead"],
            result=RESULTS[n % len(RESULTS)].format(committee=cast.province.name),
        )

    if after is None:
        clock.at(day, 0, 7, 40 + n % 15, register)
        return
    document = IncomingDocument.objects.filter(submission_id=key(day, "arrival")).first()
    if document is None:
        return
    state["doc"] = document
    state["lead"] = document.assignments.filter(role=AssignmentRole.LEAD).order_by("pk").first()
    clock.resume(day, 2, 10, 0, direct, after=after)
    clock.resume(day, 3 + variant % 2, 14, 0, note, after=after)
    if variant == 0:
        clock.resume(day, 6, 15, 0, complete, after=after)


def information(clock: Clock, cast: Cast, day: date, n: int) -> None:
    """A document for information, registered and filed by the clerk the day it came."""

    def register(moment: datetime) -> None:
        if clock.defer(moment, last_arrival(cast.office, moment), register):
            return
        document = register_outside(clock, cast, day, "info", INFO[n % len(INFO)], moment, n)
        services_incoming.incoming_file(
            actor=cast.clerk, document=document, note=FILE_NOTES[n % len(FILE_NOTES)]
        )

    clock.at(day, 0, 8, 20, register)


def _approve(document: OutgoingDocument, approvers: list[Person]) -> OutgoingDocument:
    """Up the unit's approval chain (one step by default; a district's may add its committee)."""
    while document.status == OutgoingStatus.IN_REVIEW:
        approver = next((p for p in approvers if workflow.can_decide(p, document)), None)
        if approver is None:
            break
        document = outgoing.outgoing_approve(actor=approver, document=document)
    return document


def letter(clock: Clock, cast: Cast, day: date, n: int, *, after: date | None = None) -> None:
    """The Office's letter of the day to two district Offices, from draft to registration."""
    drafter = cast.specialist if n % 2 == 0 else cast.specialist2
    others = [d for d in cast.districts if d.key != "chauthanh"] or cast.districts
    recipients = list(dict.fromkeys([_chauthanh(cast), others[n % len(others)]]))
    recalled = n % 5 == 4
    fate = "issued" if recalled else "draft" if n % 7 == 5 else "returned" if n % 7 == 3 else ""
    subject = fill(LETTERS[n % len(LETTERS)], day, n, recipients[0].committee.name)
    state: dict[str, OutgoingDocument] = {}

    def draft(_moment: datetime) -> None:
        document = outgoing.outgoing_create(
            actor=drafter,
            unit=cast.office,
            type_symbol="CV",
            subject=subject,
            body=f"Dự thảo lần 1\n\n{subject}.\n\n{cast.office.name}",
        )
        if fate != "draft":
            document = outgoing.outgoing_submit(actor=drafter, document=document)
            clock.at(day, 2, 9, 0, decide)
        state["doc"] = document

    def decide(_moment: datetime) -> None:
        document = state["doc"]
        document.refresh_from_db()
        if document.status != OutgoingStatus.IN_REVIEW or document.current_step != 0:
            return
        if fate == "returned":
            outgoing.outgoing_return(actor=cast.chief, document=document, comment=RETURN_COMMENT)
            return
        state["doc"] = _approve(document, [cast.chief, cast.deputy_chief])
        clock.at(day, 2, 11, 0, sign)

    def sign(_moment: datetime) -> None:
        state["doc"].refresh_from_db()
        if state["doc"].status != OutgoingStatus.APPROVED:
            return  # a chain longer than the demo's leaders, or signed by hand since
        state["doc"] = outgoing.outgoing_sign(
            actor=cast.chief, document=state["doc"], position="Chánh Văn phòng"
        )
        clock.at(day, 4, 8, 0, issue)

    def issue(moment: datetime) -> None:
        state["doc"].refresh_from_db()
        if state["doc"].status != OutgoingStatus.SIGNED:
            return
        if clock.defer(moment, _last_issue(cast.office), issue):
            return
        document = outgoing.outgoing_issue(
            actor=cast.clerk,
            document=state["doc"],
            recipients=[services_delivery.Recipient(unit=d.office) for d in recipients],
            issued_on=_day_of(moment),
            page_count=1 + n % 3,
            copies=len(recipients) + 1,
            file_copy_holder="Lưu Văn phòng Tỉnh ủy",
        )
        state["doc"] = document
        if recalled:
            clock.at(day, 6, 8, 0, recall)
        else:
            for district in recipients:
                clock.at(day, 6, 9, 0, partial(receive, district))

    def recall(_moment: datetime) -> None:
        state["doc"].refresh_from_db()
        if state["doc"].status != OutgoingStatus.ISSUED:
            return
        services_delivery.outgoing_recall(
            actor=cast.clerk, document=state["doc"], reason=RECALL_REASON
        )

    def receive(district: District, moment: datetime) -> None:
        if clock.defer(moment, last_arrival(district.office, moment), partial(receive, district)):
            return
        delivery = Delivery.objects.filter(
            document=state["doc"], recipient_unit=district.office
        ).first()
        if delivery is None or delivery.status != DeliveryStatus.ARRIVED:
            return
        copy = services_incoming.delivery_register(
            actor=district.clerk,
            delivery=delivery,
            received_at=moment,
            submission_id=key(day, f"letter/{district.key}"),
        )
        if district.key == "chauthanh":
            leader = district.secretary if n % 2 and district.secretary else district.chief
            services_incoming.incoming_present(actor=district.clerk, document=copy, leader=leader)

    if after is None:
        clock.at(day, 0, 8, 30, draft)
        return
    found = _drafted(cast.office, subject, day, drafter)
    if found is None:
        return
    state["doc"] = found
    clock.resume(day, 2, 9, 0, decide, after=after)
    clock.resume(day, 2, 11, 0, sign, after=after)
    clock.resume(day, 4, 8, 0, issue, after=after)
    if recalled:
        clock.resume(day, 6, 8, 0, recall, after=after)
    for district in recipients:
        clock.resume(day, 6, 9, 0, partial(receive, district), after=after)


def report(clock: Clock, cast: Cast, day: date, n: int, *, after: date | None = None) -> None:
    """A district Office's weekly report to the province: drafted, approved, signed and issued
    the same day; registered by Văn phòng Tỉnh ủy two days later."""
    district = cast.districts[(n // 2) % len(cast.districts)]
    subject = fill(REPORT, day, n, district.committee.name)
    state: dict[str, OutgoingDocument] = {}

    def draft(_moment: datetime) -> None:
        document = outgoing.outgoing_create(
            actor=district.specialist,
            unit=district.office,
            type_symbol="BC",
            subject=subject,
            body=f"{subject}.\n\n{district.office.name}",
        )
        document = outgoing.outgoing_submit(actor=district.specialist, document=document)
        leaders = [district.chief] + ([district.secretary] if district.secretary else [])
        state["doc"] = _approve(document, leaders)
        clock.at(day, 0, 10, 30, sign)

    def sign(_moment: datetime) -> None:
        if state["doc"].status != OutgoingStatus.APPROVED:
            return
        state["doc"] = outgoing.outgoing_sign(
            actor=district.chief, document=state["doc"], position="Chánh Văn phòng"
        )
        clock.at(day, 0, 14, 0, issue)

    def issue(moment: datetime) -> None:
        if clock.defer(moment, _last_issue(district.office), issue):
            return
        state["doc"] = outgoing.outgoing_issue(
            actor=district.clerk,
            document=state["doc"],
            recipients=[services_delivery.Recipient(unit=cast.office)],
            issued_on=_day_of(moment),
            page_count=3,
            copies=2,
            file_copy_holder=f"Lưu Văn phòng {district.committee.name}",
        )
        clock.at(day, 2, 8, 0, receive)

    def receive(moment: datetime) -> None:
        if clock.defer(moment, last_arrival(cast.office, moment), receive):
            return
        delivery = Delivery.objects.filter(
            document=state["doc"], recipient_unit=cast.office
        ).first()
        if delivery is None or delivery.status != DeliveryStatus.ARRIVED:
            return
        copy = services_incoming.delivery_register(
            actor=cast.clerk,
            delivery=delivery,
            received_at=moment,
            submission_id=key(day, "report"),
        )
        if n % 4 == 0:
            services_incoming.incoming_present(
                actor=cast.clerk, document=copy, leader=cast.deputy_chief
            )
        else:
            services_incoming.incoming_file(actor=cast.clerk, document=copy, note=FILE_NOTES[0])

    if after is None:
        clock.at(day, 0, 8, 0, draft)
        return
    found = _drafted(district.office, subject, day, district.specialist)
    if found is not None:
        state["doc"] = found
        clock.resume(day, 2, 8, 0, receive, after=after)


def _chauthanh(cast: Cast) -> District:
    return next((d for d in cast.districts if d.key == "chauthanh"), cast.districts[0])


def _mine(state: dict[str, Any], person: Person, statuses: list[str]) -> bool:
    """Whether the lead assignment is still the person's, in one of `statuses`."""
    lead = state.get("lead")
    if lead is None:
        return False
    lead.refresh_from_db()
    return bool(lead.assignee_id == person.pk and lead.status in statuses)


def _drafted(unit: Unit, subject: str, day: date, drafter: Person) -> OutgoingDocument | None:
    """A draft an earlier load started on `day` (its subject is the day's, its date the day)."""
    return (
        OutgoingDocument.objects.filter(
            unit=unit, subject=subject, drafter=drafter, created_at__date=day
        )
        .order_by("pk")
        .first()
    )
