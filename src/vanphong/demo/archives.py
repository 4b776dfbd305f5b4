"""Demo archives: the 2011 file plans of Văn phòng Tỉnh ủy and of the Offices of Châu Thành and
Hòa Thành, their files compiled from the 2011 demo documents and weekly schedules and closed at
the start of 2012, the province's 2011 files transferred to its agency archive in November 2012,
a request to read one of them in 2013, and the disposal of the 2001 files past their retention
in December 2012, one of them held back by an inspection placed after the disposal's approval.

The 2001 files are paper files received by the archive in 2002: their documents are typed into
the index by hand (`item_add_paper`), as an archivist does when a paper file comes in.

Everything goes through the services; afterwards the dates are put back in 2011–2013 with bulk
updates, as the other demo loaders do (the audit log keeps the real time of loading).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet

from vanphong.archives import (
    services_access,
    services_disposals,
    services_files,
    services_holds,
    services_paper,
    services_plans,
    services_transfers,
)
from vanphong.archives.models import (
    AccessRequest,
    Disposal,
    FileItem,
    FilePlan,
    HoldKind,
    LegalHold,
    PlanEntry,
    RecordFile,
    Transfer,
)
from vanphong.archives.scans import scan_pdf
from vanphong.archives.services_plans import EntryInput
from vanphong.documents import services_incoming
from vanphong.documents.models import (
    IncomingDocument,
    Medium,
    OutgoingDocument,
    OutgoingStatus,
)
from vanphong.documents.services import Upload
from vanphong.org.models import Person, Unit
from vanphong.planning.models import Schedule

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
YEAR = 2011
PROVINCE_OFFICE = "Văn phòng Tỉnh ủy"


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZONE)


# What a file of the plan holds: incoming documents (types, words of the sender), outgoing
# documents (types), the committee's weekly schedules, or nothing the system holds.
@dataclass(frozen=True)
class Pick:
    source: str  # "in" | "out" | "schedule" | ""
    types: tuple[str, ...] = ()
    sender: str = ""


@dataclass(frozen=True)
class PlannedFile:
    code: str
    title: str
    years: int | None  # None: Vĩnh viễn
    pick: Pick


Heading = tuple[str, list[tuple[str | None, list[PlannedFile]]]]

PROVINCE_PLAN: list[Heading] = [
    (
        "Công tác tổng hợp",
        [
            (
                "Văn bản chỉ đạo của cấp trên",
                [
                    PlannedFile(
                        "01.TH",
                        "Tập văn bản của Trung ương gửi Tỉnh ủy năm 2011",
                        10,
                        Pick("in", sender="Trung ương"),
                    ),
                    PlannedFile(
                        "02.TH",
                        "Tập văn bản của Ủy ban nhân dân tỉnh gửi Tỉnh ủy năm 2011",
                        10,
                        Pick("in", ("", "CV", "TB", "KH"), sender="nhân dân tỉnh"),
                    ),
                ],
            ),
            (
                "Báo cáo của các cấp ủy, cơ quan",
                [
                    PlannedFile(
                        "03.TH",
                        "Báo cáo định kỳ của các huyện ủy, thị ủy năm 2011",
                        10,
                        Pick("in", ("BC",), sender="Văn phòng Huyện"),
                    ),
                    PlannedFile(
                        "04.TH",
                        "Báo cáo tình hình an ninh chính trị năm 2011",
                        None,
                        Pick("in", ("BC",), sender="Công an"),
                    ),
                ],
            ),
            (
                "Văn bản của Tỉnh ủy, Ban Thường vụ Tỉnh ủy",
                [
                    PlannedFile(
                        "05.TH",
                        "Chương trình công tác của Ban Thường vụ Tỉnh ủy năm 2011",
                        None,
                        Pick("out", ("CTr",)),
                    ),
                    PlannedFile(
                        "06.TH", "Báo cáo của Tỉnh ủy năm 2011", None, Pick("out", ("BC",))
                    ),
                    PlannedFile(
                        "07.TH",
                        "Thông báo kết luận của Thường trực, Ban Thường vụ Tỉnh ủy năm 2011",
                        None,
                        Pick("out", ("TB",)),
                    ),
                ],
            ),
        ],
    ),
    (
        "Hành chính, văn thư, lưu trữ",
        [
            (
                None,
                [
                    PlannedFile(
                        "08.HC",
                        "Lịch công tác tuần của Thường trực Tỉnh ủy năm 2011",
                        5,
                        Pick("schedule"),
                    ),
                    PlannedFile(
                        "09.HC",
                        "Công văn trao đổi về công tác văn phòng năm 2011",
                        10,
                        Pick("out", ("CV", "KH", "HD")),
                    ),
                    PlannedFile(
                        "10.HC",
                        "Hồ sơ mua sắm, sửa chữa tài sản năm 2011",
                        10,
                        Pick(""),  # foreseen, never opened: the plan's summary still counts it
                    ),
                ],
            )
        ],
    ),
    (
        "Thi đua, khen thưởng",
        [
            (
                None,
                [
                    PlannedFile(
                        "11.TĐKT",
                        "Hồ sơ thi đua, khen thưởng năm 2011",
                        10,
                        Pick("in", ("QĐ",), sender="nhân dân tỉnh"),
                    ),
                ],
            )
        ],
    ),
]


def _district_plan(place: str) -> list[Heading]:
    return [
        (
            "Công tác tổng hợp",
            [
                (
                    None,
                    [
                        PlannedFile(
                            "01.TH",
                            f"Tập văn bản của Tỉnh ủy gửi Huyện ủy {place} năm 2011",
                            10,
                            Pick("in", ("CT", "CTr", "TB", "HD", "KH"), sender="Tỉnh"),
                        ),
                        PlannedFile(
                            "02.TH",
                            f"Báo cáo của Huyện ủy {place} năm 2011",
                            None,
                            Pick("out", ("BC",)),
                        ),
                        PlannedFile(
                            "03.TH",
                            f"Thông báo, kế hoạch của Huyện ủy {place} năm 2011",
                            None,
                            Pick("out", ("TB", "KH")),
                        ),
                    ],
                )
            ],
        ),
        (
            "Hành chính, văn thư",
            [
                (
                    None,
                    [
                        PlannedFile(
                            "04.HC",
                            f"Lịch công tác tuần của Thường trực Huyện ủy {place} năm 2011",
                            5,
                            Pick("schedule"),
                        ),
                        PlannedFile(
                            "05.HC",
                            "Công văn trao đổi năm 2011",
                            10,
                            Pick("out", ("CV",)),
                        ),
                    ],
                )
            ],
        ),
    ]


@dataclass
class _Office:
    received: date  # the day the archive received the unit's 2011 files
    unit: Unit
    committee: Unit
    clerk: Person
    chief: Person
    archivist: Person
    plan: list[Heading]


def _person(username: str) -> Person:
    return Person.objects.get(username=username)


def _offices() -> list[_Office]:
    found = []
    for name, key, plan, received in (
        (PROVINCE_OFFICE, "tinhuy", PROVINCE_PLAN, date(2012, 11, 15)),
        (
            "Văn phòng Huyện ủy Châu Thành",
            "chauthanh",
            _district_plan("Châu Thành"),
            date(2012, 12, 18),
        ),
        (
            "Văn phòng Huyện uỷ Hoà Thành",
            "hoathanh",
            _district_plan("Hòa Thành"),
            date(2012, 12, 20),
        ),
    ):
        unit = Unit.objects.filter(name=name).select_related("parent").first()
        if unit is None or unit.parent is None:
            continue
        found.append(
            _Office(
                received=received,
                unit=unit,
                committee=unit.parent,
                clerk=_person(f"vt.{key}"),
                chief=_person(f"cvp.{key}"),
                archivist=_person(f"luutru.{key}"),
                plan=plan,
            )
        )
    return found


def load() -> None:
    """Load the archives' story (skipped when there, and with no year of documents)."""
    if float(getattr(settings, "VANPHONG_DEMO_SCALE", 1.0)) <= 0:
        return
    offices = _offices()
    if not offices or FilePlan.objects.filter(unit=offices[0].unit, year=YEAR).exists():
        return
    with transaction.atomic():
        _scanned_report(offices[0])
        for office in offices:
            entries = _plan(office)
            files = _compile(office, entries)
            transfer = _transfer(office, files)
            if transfer is not None and office.unit.name == PROVINCE_OFFICE:
                _reading(office, transfer)
        _disposal_2001(offices[0])


# The paper report Trảng Bàng's Office sent at the end of 2011, registered with its scan: the
# scan has no text layer, so the text the search finds comes from OCR (run by the worker that
# `vanphong serve` starts, when Tesseract is installed).
SCANNED_SUBJECT = "Báo cáo tổng kết công tác văn phòng năm 2011"
SCANNED_LINES = [
    "HUYỆN ỦY TRẢNG BÀNG",
    "VĂN PHÒNG",
    "BÁO CÁO",
    "Tổng kết công tác văn phòng năm 2011",
    "Văn phòng Huyện ủy đã tham mưu tổ chức thành công",
    "hội nghị tổng kết, thực hiện tốt công tác văn thư,",
    "lưu trữ và phục vụ Thường trực Huyện ủy.",
]


def _scanned_report(office: _Office) -> IncomingDocument:
    found = IncomingDocument.objects.filter(unit=office.unit, subject=SCANNED_SUBJECT).first()
    if found is not None:
        return found
    return services_incoming.incoming_register(
        actor=office.clerk,
        unit=office.unit,
        medium=Medium.PAPER,
        sender_name="Văn phòng Huyện ủy Trảng Bàng",
        number_symbol="52-BC/VPHU",
        document_date=date(YEAR, 12, 27),
        subject=SCANNED_SUBJECT,
        received_at=_at(date(YEAR, 12, 30), 15),
        page_count=1,
        attachments=[
            Upload("bao-cao-tong-ket-2011-ban-quet.pdf", io.BytesIO(scan_pdf(SCANNED_LINES)))
        ],
    )


def _plan(office: _Office) -> list[tuple[PlanEntry, PlannedFile]]:
    plan = services_plans.plan_create(actor=office.clerk, unit=office.unit, year=YEAR)
    entries = []
    for major_title, minors in office.plan:
        major = services_plans.heading_add(actor=office.clerk, plan=plan, title=major_title)
        for minor_title, planned in minors:
            heading = major
            if minor_title is not None:
                heading = services_plans.heading_add(
                    actor=office.clerk, plan=plan, title=minor_title, parent=major
                )
            for item in planned:
                entry = services_plans.entry_add(
                    actor=office.clerk,
                    plan=plan,
                    data=EntryInput(
                        heading=heading,
                        code=item.code,
                        title=item.title,
                        retention_years=item.years,
                        permanent=item.years is None,
                        responsible=office.clerk,
                    ),
                )
                entries.append((entry, item))
    services_plans.plan_approve(actor=office.chief, plan=plan)
    FilePlan.objects.filter(pk=plan.pk).update(
        created_at=_at(date(2011, 1, 4)), approved_at=_at(date(2011, 1, 7), 15)
    )
    return entries


def _sources(office: _Office, pick: Pick) -> list[tuple[str, UUID]]:
    """(kind, uuid) of what the planned file holds, in date order."""
    if pick.source == "in":
        incoming: QuerySet[IncomingDocument] = IncomingDocument.objects.filter(
            unit=office.unit, year=YEAR, sender_name__icontains=pick.sender
        )
        if pick.types:
            incoming = incoming.filter(type_symbol__in=pick.types)
        rows = incoming.order_by("document_date", "number").values_list("uuid", flat=True)
        return [("incoming", uuid) for uuid in rows]
    if pick.source == "out":
        outgoing = OutgoingDocument.objects.filter(
            unit=office.unit,
            issued_on__year=YEAR,
            type_symbol__in=pick.types,
            status=OutgoingStatus.ISSUED,
        ).order_by("issued_on", "number")
        return [("outgoing", uuid) for uuid in outgoing.values_list("uuid", flat=True)]
    if pick.source == "schedule":
        schedules = Schedule.objects.filter(committee=office.committee, year=YEAR).order_by("week")
        return [("schedule", uuid) for uuid in schedules.values_list("uuid", flat=True)]
    return []


def _compile(office: _Office, entries: list[tuple[PlanEntry, PlannedFile]]) -> list[RecordFile]:
    closed = []
    for entry, planned in entries:
        sources = _sources(office, planned.pick)
        if not sources:
            continue
        record = services_files.file_open(
            actor=office.clerk,
            unit=office.unit,
            year=YEAR,
            responsible=office.clerk,
            opened_on=date(YEAR, 1, 4),
            plan_entry=entry,
        )
        for kind, uuid in sources:
            services_files.item_add(actor=office.clerk, file=record, kind=kind, source_uuid=uuid)
        _number_sheets(office, record)
        record = services_files.file_close(
            actor=office.clerk, file=record, work_ended_on=date(YEAR, 12, 31)
        )
        RecordFile.objects.filter(pk=record.pk).update(
            created_at=_at(date(YEAR, 1, 4)), closed_at=_at(date(2012, 1, 10), 10)
        )
        FileItem.objects.filter(file=record).update(added_at=_at(date(YEAR, 12, 30)))
        closed.append(record)
    return closed


def _number_sheets(office: _Office, record: RecordFile) -> None:
    """Sheets numbered from 1 in the order of the index; a weekly schedule, whose page count
    the system does not hold, is two sheets, as printed."""
    sheets: dict[UUID, tuple[int, int]] = {}
    last = 0
    for item in FileItem.objects.filter(file=record).order_by("position"):
        count = item.page_count or 2
        sheets[item.uuid] = (last + 1, last + count)
        last += count
    services_files.items_number_pages(actor=office.clerk, file=record, manual=sheets)


def _transfer(office: _Office, files: list[RecordFile]) -> Transfer | None:
    """The Office's 2011 files kept 5 years or more go to its archive at the end of 2012 (the
    province's in November), within the year after the work ended."""
    due = [f for f in files if f.retention_years is None or f.retention_years >= 5]
    if not due:  # a smaller demo (VANPHONG_DEMO_SCALE) may leave an Office nothing to file
        return None
    transfer = services_transfers.transfer_create(
        actor=office.clerk, unit=office.unit, year=YEAR, files=due
    )
    services_transfers.transfer_submit(actor=office.clerk, transfer=transfer)
    Transfer.objects.filter(pk=transfer.pk).update(
        created_at=_at(office.received - timedelta(days=10)),
        submitted_at=_at(office.received - timedelta(days=9)),
    )
    transfer.refresh_from_db()
    placements = {record: (f"{1 + n // 3:02d}", "Giá 1, khoang 2") for n, record in enumerate(due)}
    transfer = services_transfers.transfer_receive(
        actor=office.archivist,
        transfer=transfer,
        received_on=office.received,
        placements=placements,
    )
    return transfer


def _reading(office: _Office, transfer: Transfer) -> None:
    """In March 2013 a specialist of the Organisation Board reads the Standing Committee's 2011
    conclusions at the archive; the file holds a Mật notice, so the Office's leader approves."""
    reader = _person("cv.bantochuc")
    record = RecordFile.objects.filter(transfer=transfer, code="07.TH").first()
    if record is None:
        return
    request = services_access.access_request(
        actor=reader,
        file=record,
        mode="read",
        purpose="Tra cứu kết luận của Ban Thường vụ năm 2011 về công tác cán bộ",
        days=5,
    )
    # A secret file's reading is approved by the Office's leader, as the rules name.
    approver = office.archivist if record.confidentiality == 0 else office.chief
    services_access.access_decide(actor=approver, request=request, approve=True)
    AccessRequest.objects.filter(pk=request.pk).update(
        requested_at=_at(date(2013, 3, 11)),
        decided_at=_at(date(2013, 3, 11), 14),
        valid_from=date(2013, 3, 11),
        valid_until=date(2013, 3, 15),
    )


# The province's 2001 paper files, received by its archive in 2002: (code, title, years,
# documents as (number and symbol, date, author, title, pages)).
PAPER_2001: list[tuple[str, str, int, list[tuple[str, date, str, str, int]]]] = [
    (
        "05.HC",
        "Lịch công tác tuần của Thường trực Tỉnh ủy năm 2001",
        5,
        [
            ("", date(2001, 1, 8), "Văn phòng Tỉnh ủy", "Lịch công tác tuần 02/2001", 2),
            ("", date(2001, 6, 4), "Văn phòng Tỉnh ủy", "Lịch công tác tuần 23/2001", 2),
        ],
    ),
    (
        "06.HC",
        "Công văn trao đổi về công tác văn phòng năm 2001",
        10,
        [
            ("35-CV/VPTU", date(2001, 3, 12), "Văn phòng Tỉnh ủy", "V/v chuẩn bị hội nghị", 1),
            ("112-CV/VPTU", date(2001, 9, 20), "Văn phòng Tỉnh ủy", "V/v bố trí xe công tác", 1),
        ],
    ),
    (
        "07.HC",
        "Hồ sơ mua sắm trang thiết bị văn phòng năm 2001",
        10,
        [
            ("08-KH/VPTU", date(2001, 2, 15), "Văn phòng Tỉnh ủy", "Kế hoạch mua sắm năm 2001", 3),
            ("15-BB/VPTU", date(2001, 11, 2), "Văn phòng Tỉnh ủy", "Biên bản nghiệm thu", 2),
        ],
    ),
    (
        "08.HC",
        "Hồ sơ xây dựng nhà làm việc khối Đảng năm 2001",
        10,
        [
            ("21-TTr/VPTU", date(2001, 4, 3), "Văn phòng Tỉnh ủy", "Tờ trình đầu tư xây dựng", 4),
            ("60-BB/VPTU", date(2001, 12, 14), "Văn phòng Tỉnh ủy", "Biên bản quyết toán", 6),
        ],
    ),
]
HELD = "08.HC"  # the construction file, under inspection when the disposal is executed


def _disposal_2001(office: _Office) -> None:
    """The 2001 paper files kept 5 and 10 years: received by the archive in 2002, proposed for
    destruction in October 2012, appraised, approved; an inspection of the construction of the
    Party offices is opened before the execution, and that file is held back."""
    files = []
    for code, title, years, documents in PAPER_2001:
        record = services_files.file_open(
            actor=office.clerk,
            unit=office.unit,
            year=2001,
            responsible=office.clerk,
            opened_on=date(2001, 1, 2),
            title=title,
            code=code,
            retention_years=years,
        )
        for number_symbol, day, author, subject, pages in documents:
            services_paper.item_add_paper(
                actor=office.clerk,
                file=record,
                number_symbol=number_symbol,
                document_date=day,
                author=author,
                title=subject,
                page_count=pages,
            )
        _number_sheets(office, record)
        files.append(
            services_files.file_close(
                actor=office.clerk, file=record, work_ended_on=date(2001, 12, 31)
            )
        )
    transfer = services_transfers.transfer_create(
        actor=office.clerk, unit=office.unit, year=2001, files=files
    )
    services_transfers.transfer_submit(actor=office.clerk, transfer=transfer)
    Transfer.objects.filter(pk=transfer.pk).update(
        created_at=_at(date(2002, 9, 25)), submitted_at=_at(date(2002, 9, 26))
    )
    transfer.refresh_from_db()
    services_transfers.transfer_receive(
        actor=office.archivist,
        transfer=transfer,
        received_on=date(2002, 10, 8),
        placements=dict.fromkeys(files, ("2001-01", "Giá 4, khoang 1")),
    )
    _backdate_2001(files)
    disposal = services_disposals.disposal_propose(
        actor=office.archivist,
        archive_unit=office.unit,
        title="Tiêu hủy tài liệu hết giá trị năm 2001 của Văn phòng Tỉnh ủy",
        files=files,
    )
    council = [office.chief, office.archivist, _person("pcvp.tinhuy")]
    services_disposals.disposal_appraise(
        actor=office.archivist,
        disposal=disposal,
        council=council,
        opinion="Hội đồng thống nhất các hồ sơ trong danh mục đã hết giá trị, đề nghị tiêu hủy.",
    )
    services_disposals.disposal_approve(
        actor=office.chief,
        disposal=disposal,
        decision="Quyết định số 45-QĐ/VPTU ngày 20/11/2012 của Văn phòng Tỉnh ủy",
    )
    Disposal.objects.filter(pk=disposal.pk).update(
        proposed_at=_at(date(2012, 10, 15)),
        appraised_at=_at(date(2012, 11, 8), 14),
        approved_at=_at(date(2012, 11, 20), 10),
    )
    disposal.refresh_from_db()
    held = next(f for f in files if f.code == HELD)
    hold = services_holds.hold_place(
        actor=office.chief,
        unit=office.unit,
        kind=HoldKind.INSPECTION,
        reason="Thanh tra việc đầu tư xây dựng nhà làm việc khối Đảng giai đoạn 2001–2005",
        reference="Quyết định thanh tra số 118/QĐ-TTr ngày 30/11/2012 của Thanh tra tỉnh",
        files=[held],
    )
    services_disposals.disposal_execute(
        actor=office.archivist,
        disposal=disposal,
        method="Nghiền bột giấy tại cơ sở tái chế, có giám sát của Hội đồng",
        executed_on=date(2012, 12, 10),
    )
    Disposal.objects.filter(pk=disposal.pk).update(executed_at=_at(date(2012, 12, 10), 8))
    RecordFile.objects.filter(disposal=disposal).update(destroyed_at=_at(date(2012, 12, 10), 11))
    LegalHold.objects.filter(pk=hold.pk).update(placed_at=_at(date(2012, 12, 3), 9))


def _backdate_2001(files: list[RecordFile]) -> None:
    ids = [f.pk for f in files]
    RecordFile.objects.filter(pk__in=ids).update(
        created_at=_at(date(2001, 1, 2)), closed_at=_at(date(2002, 1, 15))
    )
    FileItem.objects.filter(file_id__in=ids).update(added_at=_at(date(2001, 12, 28)))
