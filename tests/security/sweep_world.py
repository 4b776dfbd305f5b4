"""The secrecy sweep's world: secret things of every kind, each named by a marker of its own,
and the ordinary things around them that could name them.

Every title, subject, content, note and file name of a secret thing carries `marker(kind)`,
"MẬT-ZQX-<KIND>": a sweep that finds "zqx-<kind>" in an output (after NFC and folding) knows
which secret thing leaked. Built today (the pages' default year, period and week), in the
province's Office, at Tối mật — above every persona the sweep calls uncleared.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from fpdf import FPDF

from tests.security.sweep_archives import ArchivesPart, build_archives
from tests.security.sweep_emulation import EmulationPart, build_emulation
from tests.support import personas
from tests.support.documents import DocWorld, build_world
from tests.support.factories import TermFactory
from vanphong.api.services import token_create
from vanphong.core import workdays
from vanphong.core.models import NoticeKind, NoticePreference
from vanphong.core.pdf import add_liberation_serif
from vanphong.core.vietnamese import fold
from vanphong.directives import services as directive_services
from vanphong.directives import services_decisions as directive_services_decisions
from vanphong.directives import services_reports as directive_services_reports
from vanphong.directives.models import Directive, ExtensionRequest, ReportFile, Task
from vanphong.documents import services_handling as document_services_handling
from vanphong.documents import services_incoming as document_services_incoming
from vanphong.documents import services_outgoing as document_services_outgoing
from vanphong.documents.models import (
    Assignment,
    Delivery,
    IncomingDocument,
    OutgoingDocument,
)
from vanphong.documents.services import Upload
from vanphong.documents.services_delivery import Recipient
from vanphong.documents.services_incoming import Handler
from vanphong.org import services_memberships as org_services_memberships
from vanphong.org.models import Clearance, Person, Role, Unit
from vanphong.petitions import services as petition_services
from vanphong.petitions import services_forward as petition_services_forward
from vanphong.petitions.models import Forward, Letter, ReceptionSession, Visit
from vanphong.planning import services as planning_services
from vanphong.planning import services_programme as planning_programme
from vanphong.planning import services_schedule as planning_schedule
from vanphong.planning.conflicts import EntryData
from vanphong.planning.models import (
    Entry,
    MonthlyPlan,
    ProgrammeItem,
    Room,
    ScheduleVersion,
    WorkProgramme,
)
from vanphong.search import engine

SECRET = Clearance.TOP_SECRET
KINDS = {
    "DEN": "the secret incoming document (and the directive tracked from it)",
    "NV": "the tasks of the directive tracked from the secret document",
    "TEP": "the secret documents' attachments",
    "NHAP": "the secret outgoing draft",
    "CHOPH": "the secret outgoing document signed, awaiting its number",
    "DAPH": "the secret outgoing document issued and delivered to Châu Thành",
    "LICHPH": "the secret entry of the published week",
    "LICHNHAP": "the secret entry of the week being compiled",
    **{
        # Named by their number-symbol, which carries no marker: `SweepWorld.symbols`.
        "SODEN": "the secret incoming document's number-symbol",
        "SODI": "the secret outgoing document's number-symbol, once issued",
    },
}
FOUND = re.compile(r"zqx-([a-z]+)")


def marker(kind: str) -> str:
    return f"MẬT-ZQX-{kind}"


# The personas who must never see a marker, and why each is uncleared.
UNCLEARED = {
    "chau_thanh_specialist": "a district specialist, Không mật",
    "chau_thanh_clerk": "the clerk of the district the secret document is sent to, Mật only",
    "hoa_thanh_clerk": "a clerk of the other district",
    "province_specialist": "a specialist of the province's Office, Không mật (compiles weeks)",
    "province_clerk": "a clerk of the province's Office, Mật only (compiles weeks)",
    "secret_admin": "the province's administrator, cleared Tuyệt mật: administration opens nothing",
    "superuser": "the installation's superuser",
    "emulation_officer": "the province's emulation officer, Mật only",
}
CLEARED = "province_office_leader"  # Tối mật in the province's Office: the positive control


@dataclass
class SweepWorld:
    docs: DocWorld
    secret_clerk: Person  # registers and issues the secret documents, Tối mật
    secret_admin: Person
    emulation_officer: Person
    today: date
    day: date  # a working day of the published week
    next_day: date  # the same weekday of the week being compiled
    # secret things
    incoming: IncomingDocument
    draft: OutgoingDocument
    signed: OutgoingDocument
    issued: OutgoingDocument
    delivery: Delivery
    directive: Directive
    district_task: Task
    office_task: Task
    report_file: ReportFile
    extension: ExtensionRequest
    assignment: Assignment
    published: ScheduleVersion  # v2, the amendment, published; v1 superseded
    draft_week: ScheduleVersion
    secret_entry: Entry  # in `published`
    draft_entry: Entry  # in `draft_week`
    hall: Room
    # ordinary things
    open_incoming: IncomingDocument
    district_incoming: IncomingDocument
    open_outgoing: OutgoingDocument
    open_entry: Entry  # in `published`, linking the secret documents
    programme: WorkProgramme
    programme_item: ProgrammeItem
    monthly_plan: MonthlyPlan
    programme_directive: Directive
    forward: Forward  # a denunciation forwarded: its letter's and its own pages
    emulation: EmulationPart  # a bloc none of the personas reads (sweep_emulation.py)
    archives: ArchivesPart  # a district's Office none of the personas reads (sweep_archives.py)
    tokens: dict[str, str] = field(default_factory=dict)  # persona -> API token
    feeds: dict[str, list[str]] = field(default_factory=dict)  # persona -> iCal tokens

    def person(self, name: str) -> Person:
        if name in ("secret_admin", "emulation_officer", "secret_clerk"):
            found: Person = getattr(self, name)
            return found
        found = getattr(self.docs, name)
        return found

    # A world built on this one (the denouncer sweep's) adds objects and query strings to
    # what the sweep fills the routes with.
    def more_objects(self, persona: str) -> dict[str, list[Any]]:
        """More objects for the routes' path parameters, by parameter name."""
        return {}

    def more_attached(self) -> list[IncomingDocument | OutgoingDocument]:
        """More documents whose attachments are fetched."""
        return []

    def more_queries(self, route: str) -> list[dict[str, str]]:
        """More query strings for the route named `route`."""
        return []

    def symbols(self) -> dict[str, str]:
        """The secret documents' number-symbols (folded), by kind: a number-symbol names its
        document as well as its subject does."""
        return {
            "SODEN": fold(self.incoming.number_symbol),
            "SODI": fold(self.issued.number_symbol),
        }

    @property
    def province(self) -> Unit:
        unit: Unit = self.docs.province
        return unit

    @property
    def province_office(self) -> Unit:
        unit: Unit = self.docs.province_office
        return unit


def _pdf(text: str) -> Upload:
    """A real PDF whose text is the marker: what a download, or extracted text, would show."""
    pdf = FPDF()
    font = add_liberation_serif(pdf)
    pdf.add_page()
    pdf.set_font(font, "", 14)
    pdf.cell(0, 10, text)
    return Upload(f"{text}.pdf", io.BytesIO(bytes(pdf.output())))


def _working_day(monday: date) -> date:
    calendar = workdays.WorkCalendar.load(monday, monday + timedelta(days=6))
    for offset in range(5):
        if calendar.is_working(monday + timedelta(days=offset)):
            return monday + timedelta(days=offset)
    return monday


def _entry(world: DocWorld, hall: Room, day: date, content: str, **extra: Any) -> EntryData:
    fields: dict[str, Any] = {
        "day": day,
        "session": "morning",
        "starts_at": time(8, 0),
        "ends_at": time(10, 0),
        "content": content,
        "leaders": [world.province_leader],
        "room": hall,
    }
    fields.update(extra)
    return EntryData(**fields)


def _holiday_ok(day: date) -> dict[str, str]:
    # The week may hold a day off; the world's entries keep their day whatever the calendar.
    return {f"holiday:{day.isoformat()}": "Lịch cố định"}


def build() -> SweepWorld:
    world = build_world()
    p = world.p
    today = timezone.localdate()
    TermFactory.create(
        committee=p.province,
        name="Nhiệm kỳ hiện tại",
        starts_on=today - timedelta(days=400),
        ends_on=None,
    )
    secret_clerk = personas.person("vt.mat", "Đoàn Văn Mật", p.province_office, Role.CLERK, SECRET)
    secret_admin = personas.person(
        "qt.mat", "Cao Quản Trị", p.province, Role.ADMIN, Clearance.ULTRA_SECRET
    )
    emulation = personas.person(
        "td.tinh", "Mai Thi Đua", p.province_office, Role.EMULATION, Clearance.SECRET
    )
    leader = world.province_office_leader

    # --- documents ------------------------------------------------------------------------
    incoming = document_services_incoming.incoming_register(
        actor=secret_clerk,
        unit=p.province_office,
        medium="paper",
        sender_name="Ban Bí thư Trung ương Đảng",
        number_symbol="Số 77-CT/TW",
        document_date=today,
        subject=f"{marker('DEN')} Chỉ thị về công tác bảo vệ chính trị nội bộ",
        confidentiality=SECRET,
        note=f"{marker('DEN')} ghi chú",
        recipients_note=f"{marker('DEN')} nơi nhận",
        attachments=[_pdf(marker("TEP"))],
    )
    document_services_incoming.incoming_present(
        actor=secret_clerk, document=incoming, leader=leader
    )
    direction = document_services_incoming.direction_give(
        actor=leader,
        document=incoming,
        text=f"{marker('DEN')} ý kiến chỉ đạo",
        lead=Handler(person=secret_clerk),
        deadline=today + timedelta(days=30),
    )
    assignment = direction.assignments.get(assignee=secret_clerk)
    document_services_handling.assignment_progress(
        actor=secret_clerk, assignment=assignment, text=f"{marker('DEN')} tiến độ"
    )

    def secret_outgoing(kind: str, type_symbol: str = "BC") -> OutgoingDocument:
        return document_services_outgoing.outgoing_create(
            actor=secret_clerk,
            unit=p.province_office,
            type_symbol=type_symbol,
            subject=f"{marker(kind)} Báo cáo tình hình an ninh nội bộ",
            body=f"{marker(kind)} nội dung dự thảo",
            confidentiality=SECRET,
            reply_to=incoming,
            attachments=[_pdf(marker("TEP"))],
        )

    def signed(kind: str) -> OutgoingDocument:
        document = secret_outgoing(kind)
        document_services_outgoing.outgoing_submit(actor=secret_clerk, document=document)
        document_services_outgoing.outgoing_approve(actor=leader, document=document)
        return document_services_outgoing.outgoing_sign(
            actor=leader, document=document, position="Chánh Văn phòng"
        )

    draft = secret_outgoing("NHAP")
    awaiting = signed("CHOPH")
    issued = document_services_outgoing.outgoing_issue(
        actor=secret_clerk,
        document=signed("DAPH"),
        recipients=[Recipient(unit=p.chau_thanh_office), Recipient(external_name="Ban Tổ chức")],
        issued_on=today,
    )
    delivery = issued.deliveries.get(recipient_unit=p.chau_thanh_office)

    open_incoming = document_services_incoming.incoming_register(
        actor=p.province_clerk,
        unit=p.province_office,
        medium="paper",
        sender_name="Ban Tổ chức Trung ương",
        number_symbol="Số 12-HD/BTCTW",
        document_date=today,
        subject="Hướng dẫn công tác tổ chức đại hội chi bộ",
        attachments=[_pdf("thuong")],
    )
    # An ordinary document answered by the secret one: what shows the answer names it.
    document_services_incoming.incoming_present(
        actor=p.province_clerk, document=open_incoming, leader=leader
    )
    answered = document_services_incoming.direction_give(
        actor=leader, document=open_incoming, text="Giao xử lý", lead=Handler(person=secret_clerk)
    )
    document_services_handling.assignment_complete(
        actor=secret_clerk,
        assignment=answered.assignments.get(),
        result="Đã trả lời",
        reply=issued,
    )
    district_incoming = document_services_incoming.incoming_register(
        actor=p.chau_thanh_clerk,
        unit=p.chau_thanh_office,
        medium="paper",
        sender_name="Tỉnh ủy Tây Ninh",
        number_symbol="Số 45-CV/TU",
        document_date=today,
        subject="Về việc báo cáo sơ kết công tác dân vận",
    )
    open_outgoing = document_services_outgoing.outgoing_create(
        actor=world.province_specialist,
        unit=p.province_office,
        type_symbol="BC",
        subject="Báo cáo công tác văn phòng tháng",
        body="Nội dung thường",
    )

    # --- directives -----------------------------------------------------------------------
    directive = directive_services.directive_track(actor=leader, unit=p.province, incoming=incoming)
    district_task = directive_services.task_assign(
        actor=leader,
        directive=directive,
        lead_unit=p.chau_thanh,
        content=f"{marker('NV')} Rà soát công tác bảo vệ nội bộ của huyện",
        clause=f"{marker('NV')} mục 2",
        product=f"{marker('NV')} báo cáo",
        deadline=today + timedelta(days=20),
        leader=p.province_leader,
    )
    office_task = directive_services.task_assign(
        actor=leader,
        directive=directive,
        lead_unit=p.province_office,
        content=f"{marker('NV')} Tổng hợp báo cáo của các huyện",
        deadline=today + timedelta(days=25),
    )
    # The district acts through its leader, cleared for the directive.
    report = directive_services_reports.task_report(
        actor=world.chau_thanh_leader,
        task=district_task,
        text=f"{marker('NV')} đang rà soát",
        attachments=[_uploaded("bao-cao.pdf")],
    )
    extension = directive_services_reports.extension_request(
        actor=world.chau_thanh_leader,
        task=district_task,
        new_deadline=today + timedelta(days=40),
        reason=f"{marker('NV')} cần thêm thời gian",
    )
    directive_services_reports.task_complete(
        actor=secret_clerk,
        task=office_task,
        text=f"{marker('NV')} đã tổng hợp",
        product_document=issued,
    )

    # --- planning -------------------------------------------------------------------------
    hall = planning_services.room_create(actor=leader, committee=p.province, name="Hội trường A")
    monday = today - timedelta(days=today.weekday())
    day = _working_day(monday)
    next_day = day + timedelta(days=7)
    version = planning_schedule.schedule_open(
        actor=leader, committee=p.province, kind="leaders", day=day
    )
    secret_data = _entry(
        world,
        hall,
        day,
        f"{marker('LICHPH')} Họp bàn công tác bảo vệ nội bộ",
        confidentiality=SECRET,
        note=f"{marker('LICHPH')} ghi chú",
        place=f"{marker('LICHPH')} địa điểm",
        incoming=[incoming],
        units=[p.chau_thanh],
    )
    first_secret = planning_schedule.entry_add(
        actor=leader, version=version, data=secret_data, overrides=_holiday_ok(day)
    )
    planning_schedule.entry_add(
        actor=leader,
        version=version,
        data=_entry(
            world,
            hall,
            day,
            "Làm việc với Văn phòng Tỉnh ủy",
            session="afternoon",
            starts_at=time(14, 0),
            ends_at=time(16, 0),
            incoming=[incoming],
            outgoing=[draft, awaiting],
        ),
        overrides=_holiday_ok(day),
    )
    planning_schedule.schedule_approve(actor=leader, version=version)
    planning_schedule.schedule_publish(actor=leader, version=version)
    # An amendment of the secret entry: published, it notifies its attendees.
    amendment = planning_schedule.schedule_amend(actor=leader, version=version, note="Đổi giờ")
    moved = amendment.entries.get(lineage=first_secret.lineage)
    planning_schedule.entry_update(
        actor=leader,
        entry=moved,
        data=_entry(
            world,
            hall,
            day,
            f"{marker('LICHPH')} Họp bàn công tác bảo vệ nội bộ",
            starts_at=time(8, 30),
            confidentiality=SECRET,
            note=f"{marker('LICHPH')} ghi chú",
            place=f"{marker('LICHPH')} địa điểm",
            incoming=[incoming],
            units=[p.chau_thanh],
        ),
        overrides=_holiday_ok(day),
    )
    planning_schedule.schedule_approve(actor=leader, version=amendment)
    planning_schedule.schedule_publish(actor=leader, version=amendment)
    amendment.refresh_from_db()
    secret_entry = amendment.entries.get(lineage=first_secret.lineage)
    open_entry = amendment.entries.exclude(lineage=first_secret.lineage).get()

    draft_week = planning_schedule.schedule_open(
        actor=leader, committee=p.province, kind="leaders", day=next_day
    )
    draft_entry = planning_schedule.entry_add(
        actor=leader,
        version=draft_week,
        data=_entry(
            world,
            hall,
            next_day,
            f"{marker('LICHNHAP')} Làm việc với đoàn kiểm tra",
            confidentiality=SECRET,
            note=f"{marker('LICHNHAP')} ghi chú",
            place=f"{marker('LICHNHAP')} địa điểm",
            units=[p.chau_thanh],
        ),
        overrides=_holiday_ok(next_day),
    )

    programme = planning_programme.programme_create(
        actor=leader, committee=p.province, body="standing_committee", year=today.year, title=""
    )
    item = planning_programme.programme_item_add(
        actor=leader,
        programme=programme,
        topic="Xây dựng Đảng",
        content="Sơ kết công tác kiểm tra, giám sát",
        body="standing_committee",
        lead_unit=p.chau_thanh,
        month=today.month,
    )
    programme = planning_programme.programme_approve(actor=leader, programme=programme)
    programme_directive = directive_services.programme_track(actor=leader, programme=programme)
    monthly = planning_programme.monthly_plan_draft(
        actor=leader, committee=p.province, year=today.year, month=today.month
    )

    # A decision right delegated, and a grant waiting for a second administrator: both have
    # pages of their own.
    directive_services_decisions.delegation_create(
        actor=p.province_leader, unit=p.province, delegate=leader, note="Khi Bí thư đi vắng"
    )
    org_services_memberships.membership_create(
        actor=p.chau_thanh_admin,
        person=p.chau_thanh_specialist,
        unit=p.chau_thanh_office,
        role=Role.CLERK,
    )

    # --- petitions ---------------------------------------------------------------------------
    reception = personas.person(
        "tiepdan.quet", "Lý Tiếp Dân", p.province_office, Role.RECEPTION, Clearance.UNCLASSIFIED
    )
    letter = Letter.objects.create(
        unit=p.province_office,
        year=today.year,
        number=1,
        received_on=today,
        channel="post",
        denunciation=True,
        summary="Tố cáo cán bộ địa chính xã nhận tiền khi cấp giấy chứng nhận",
        created_by=reception,
    )
    letter.citizens.create(full_name="Hồ Văn Tố", name_folded=fold("Hồ Văn Tố"))
    forward = petition_services_forward.letter_forward(
        actor=reception, letter=letter, to_body="Ủy ban Kiểm tra Tỉnh ủy", forwarded_on=today
    )
    # A reception session with a visit: their pages are swept too.
    reception_day = ReceptionSession.objects.create(
        unit=p.province_office, kind="regular", day=today, created_by=reception
    )
    Visit.objects.create(
        session=reception_day,
        unit=p.province_office,
        year=today.year,
        number=1,
        complaint=True,
        raised="Kiến nghị về bồi thường đất",
        received_by=reception,
    )
    # A letter registered through the services, with its scan (last year's book: the row above
    # took this year's first number without the counter).
    petition_services.letter_register(
        actor=reception,
        unit=p.province_office,
        received_on=today - timedelta(days=366),
        channel="post",
        summary="Khiếu nại việc bồi thường đất khi mở rộng đường",
        complaint=True,
        citizens=[petition_services.CitizenData(full_name="Nguyễn Văn Khiếu")],
        files=[_pdf("don thu")],
    )

    sweep = SweepWorld(
        docs=world,
        secret_clerk=secret_clerk,
        secret_admin=secret_admin,
        emulation_officer=emulation,
        today=today,
        day=day,
        next_day=next_day,
        incoming=incoming,
        draft=draft,
        signed=awaiting,
        issued=issued,
        delivery=delivery,
        directive=directive,
        district_task=district_task,
        office_task=office_task,
        report_file=report.files.get(),
        extension=extension,
        assignment=assignment,
        published=amendment,
        draft_week=draft_week,
        secret_entry=secret_entry,
        draft_entry=draft_entry,
        hall=hall,
        open_incoming=open_incoming,
        district_incoming=district_incoming,
        open_outgoing=open_outgoing,
        open_entry=open_entry,
        programme=programme,
        programme_item=item,
        monthly_plan=monthly,
        programme_directive=programme_directive,
        forward=forward,
        emulation=build_emulation(p.province, today),
        archives=build_archives(p.province, today),
    )
    for person in Person.objects.all():  # the reminder also writes to those with an address
        person.email = f"{person.username}@tayninh.example"
        person.save(update_fields=["email"])
        # Every kind by email, so that every email a notice may send is swept too.
        NoticePreference.objects.bulk_create(
            NoticePreference(person=person, kind=kind, email=True) for kind in NoticeKind.values
        )
    for name in [*UNCLEARED, CLEARED]:
        person = sweep.person(name)
        sweep.tokens[name] = token_create(actor=None, person=person, name="sweep").token
        sweep.feeds[name] = _feeds(sweep, person)
    return sweep


def _uploaded(name: str) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = _pdf("bao cao")
    return SimpleUploadedFile(name, upload.stream.read(), content_type="application/pdf")


def _feeds(world: SweepWorld, person: Person) -> list[str]:
    """Every calendar the person may subscribe to that shows the secret entries' week."""
    found = []
    for scope, target in (
        ("room", {"room": world.hall}),
        ("unit", {"unit": world.province}),
        ("unit", {"unit": world.docs.chau_thanh}),
        ("unit", {"unit": world.docs.hoa_thanh}),
        ("leader", {"person": world.docs.province_leader}),
    ):
        try:
            made = planning_services.feed_create(actor=person, scope=scope, **target)
        except Exception:  # noqa: S112 (a calendar the person may not take)
            continue
        found.append(made.token)
    return found


@pytest.fixture(scope="module")
def world(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SweepWorld]:
    """Built once for the module inside a transaction rolled back at its end; each test runs
    in a savepoint of it (pytest-django's `db`)."""
    root: Path = tmp_path_factory.mktemp("sweep")
    settings = override_settings(
        MEDIA_ROOT=str(root / "media"),
        VANPHONG_SEARCH_DIR=root / "search",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    with django_db_blocker.unblock(), settings:
        engine._readers.clear()
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build()
            engine.drain()
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            engine._readers.clear()
