"""The sweep world's archives part: the Office of a district none of the sweep's personas reads
(Tân Biên), with its file plan (a heading and an entry) approved, a Mật file being compiled
with a Mật incoming document filed in it, a closed file, a file transferred to the Office's
archive (the transfer and its hand-over record), a request to read it approved, the 2001 paper
files past their retention proposed for destruction, appraised, approved and executed, one of
them held back by a legal hold; a fixity run that found the Mật document's scan changed, and
that scan's OCR copy (the BagIt export of the permanent transferred file is addressed too).

Every title, text and note carries a marker of its own kind ("LT…", `KINDS`): no persona of the
sweep holds a post in Tân Biên, so none may see them, the sweep's cleared persona included; the
Office's own people (`insiders`) are the positive control that every address is real. The
retention rules are the installation's public table: they carry no marker, and the routes that
take a rule are given one of the seeded rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from tests.support import personas
from tests.support.factories import MembershipFactory, UnitFactory
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
    FixityFinding,
    FixityProblem,
    FixityRun,
    FixityRunStatus,
    HoldKind,
    LegalHold,
    OcrCopy,
    OcrStatus,
    PlanEntry,
    PlanHeading,
    RecordFile,
    RetentionRule,
    Transfer,
)
from vanphong.archives.services_plans import EntryInput
from vanphong.documents import services_incoming as document_services_incoming
from vanphong.documents.models import IncomingDocument
from vanphong.org.models import Clearance, Person, Role, Unit, UnitKind

KINDS = {
    # Not among the secrecy sweep's `KINDS`: its cleared persona does not read Tân Biên either.
    "LTDM": "the file plan, its heading and entry",
    "LTHS": "the Mật file being compiled",
    "LTVB": "the Mật incoming document filed in it",
    "LTKT": "the closed file",
    "LTNL": "the transferred file, its transfer and the transfer's record",
    "LTYC": "the request to read the transferred file",
    "LTTH": "the 2001 files, their disposal and its record",
    "LTTG": "the legal hold on one of the 2001 files",
    # The fixity run's finding names the Mật file holding the scan; the OCR copy's text is the
    # scan's (LTVB).
}


def _marker(kind: str) -> str:
    from tests.security.sweep_world import marker

    return marker(kind)


def _pdf(text: str) -> Any:
    from tests.security.sweep_world import _pdf as pdf

    return pdf(text)


@dataclass
class ArchivesPart:
    committee: Unit  # Huyện ủy Tân Biên
    office: Unit  # its Office, which keeps the committee's agency archive
    clerk: Person  # compiles the files, Mật
    chief: Person  # the Office's leader (Chánh Văn phòng), Mật: approves, holds
    archivist: Person  # the Office's archivist, Mật
    reader: Person  # a specialist of the committee who asked to read the transferred file
    keeper: Person  # the Office's second archivist, also its clerk: reads the documents too
    plan: FilePlan
    heading: PlanHeading
    entry: PlanEntry
    rule: RetentionRule  # public: no marker
    secret_file: RecordFile  # being compiled, Mật
    secret_document: IncomingDocument
    secret_item: FileItem
    closed_file: RecordFile
    transferred_file: RecordFile
    transfer: Transfer
    old_transfer: Transfer  # the 2001 files'
    access: AccessRequest
    old_files: list[RecordFile]
    disposal: Disposal
    hold: LegalHold
    run: FixityRun  # found the Mật document's scan changed
    ocr: OcrCopy  # of that scan

    @property
    def insiders(self) -> list[Person]:
        return [self.chief, self.archivist, self.clerk, self.reader, self.keeper]

    @property
    def files(self) -> list[RecordFile]:
        return [self.secret_file, self.closed_file, self.transferred_file, *self.old_files]

    def objects(self) -> dict[str, list[Any]]:
        """The part's objects by the archives' path parameter names."""
        return {
            "plan_uuid": [self.plan],
            "heading_uuid": [self.heading],
            "entry_uuid": [self.entry],
            "rule_uuid": [self.rule],
            "file_uuid": self.files,
            # The secret line, and the first line of every file: each file's lines answer alike.
            "item_uuid": [
                self.secret_item,
                *FileItem.objects.filter(file__in=self.files, position=1).exclude(
                    pk=self.secret_item.pk
                ),
            ],
            "transfer_uuid": [self.transfer, self.old_transfer],
            "request_uuid": [self.access],
            "disposal_uuid": [self.disposal],
            "hold_uuid": [self.hold],
            "run_uuid": [self.run],
        }


def _paper(part_actor: Person, file: RecordFile, kind: str, year: int) -> None:
    m = _marker(kind)
    for n, month in enumerate((3, 9), start=1):
        services_paper.item_add_paper(
            actor=part_actor,
            file=file,
            number_symbol=f"{n}-BC/HU",
            document_date=date(year, month, 10),
            author=f"{m} Ban Tuyên giáo Huyện ủy",
            title=f"{m} Báo cáo công tác tuyên giáo số {n}",
            page_count=2,
            note=f"{m} ghi chú",
        )
    services_files.items_number_pages(actor=part_actor, file=file)


def build_archives(province: Unit, today: date) -> ArchivesPart:
    committee = UnitFactory.create(
        parent=province, kind=UnitKind.DISTRICT_COMMITTEE, name="Huyện ủy Tân Biên"
    )
    office = UnitFactory.create(
        parent=committee, kind=UnitKind.OFFICE, name="Văn phòng Huyện ủy Tân Biên", place="Tân Biên"
    )
    secret = Clearance.SECRET
    clerk = personas.person("vt.tanbien", "Lâm Văn Thư", office, Role.CLERK, secret)
    chief = personas.person("cvp.tanbien", "Hà Chánh Văn", office, Role.OFFICE_LEADER, secret)
    archivist = personas.person("lt.tanbien", "Mạc Lưu Trữ", office, Role.ARCHIVIST, secret)
    reader = personas.person(
        "cv.tanbien", "Từ Khai Thác", committee, Role.SPECIALIST, Clearance.UNCLASSIFIED
    )
    keeper = personas.person("lt2.tanbien", "Ông Lưu Giữ", office, Role.ARCHIVIST, secret)
    MembershipFactory.create(person=keeper, unit=office, role=Role.CLERK, clearance=secret)
    last = today.year - 1

    # --- the file plan ----------------------------------------------------------------------
    dm = _marker("LTDM")
    plan = services_plans.plan_create(actor=clerk, unit=office, year=today.year)
    heading = services_plans.heading_add(actor=clerk, plan=plan, title=f"{dm} Công tác tổng hợp")
    entry = services_plans.entry_add(
        actor=clerk,
        plan=plan,
        data=EntryInput(
            heading=heading,
            code="01.TH",
            title=f"{dm} Hồ sơ bảo vệ chính trị nội bộ năm {today.year}",
            retention_years=20,
            responsible=clerk,
            keywords=f"{dm} bảo vệ nội bộ",
            note=f"{dm} ghi chú",
        ),
    )
    plan = services_plans.plan_approve(actor=chief, plan=plan)

    # --- the Mật file being compiled, with a Mật incoming document ----------------------------
    secret_document = document_services_incoming.incoming_register(
        actor=clerk,
        unit=office,
        medium="paper",
        sender_name="Ban Thường vụ Tỉnh ủy",
        number_symbol="Số 31-CV/TU",
        document_date=today,
        subject=f"{_marker('LTVB')} Về công tác bảo vệ chính trị nội bộ",
        confidentiality=secret,
        note=f"{_marker('LTVB')} ghi chú",
        attachments=[_pdf(_marker("LTVB"))],
    )
    secret_file = services_files.file_open(
        actor=clerk,
        unit=office,
        year=today.year,
        responsible=clerk,
        opened_on=date(today.year, 1, 5),
        plan_entry=entry,
        note=f"{_marker('LTHS')} ghi chú",
    )
    RecordFile.objects.filter(pk=secret_file.pk).update(
        title=f"{_marker('LTHS')} Hồ sơ bảo vệ chính trị nội bộ năm {today.year}",
        confidentiality=secret,
    )
    filed = services_files.item_add(
        actor=clerk,
        file=secret_file,
        kind="incoming",
        source_uuid=secret_document.uuid,
        note=f"{_marker('LTVB')} ghi chú",
    )
    secret_file.refresh_from_db()

    # --- a closed file, and a file transferred to the Office's archive ------------------------
    def closed(kind: str, code: str, year: int, years: int | None) -> RecordFile:
        m = _marker(kind)
        made = services_files.file_open(
            actor=clerk,
            unit=office,
            year=year,
            responsible=clerk,
            opened_on=date(year, 1, 5),
            title=f"{m} Hồ sơ công tác tuyên giáo năm {year}",
            code=code,
            retention_years=years,
            permanent=years is None,
            note=f"{m} ghi chú",
        )
        _paper(clerk, made, kind, year)
        return services_files.file_close(actor=clerk, file=made, work_ended_on=date(year, 12, 31))

    closed_file = closed("LTKT", "02.TG", last, 10)
    transferred = closed("LTNL", "03.TG", last, None)  # permanent: exported as a bag
    transfer = services_transfers.transfer_create(
        actor=clerk, unit=office, year=last, files=[transferred], note=f"{_marker('LTNL')} nộp"
    )
    services_transfers.transfer_submit(actor=clerk, transfer=transfer)
    transfer = services_transfers.transfer_receive(
        actor=archivist,
        transfer=transfer,
        received_on=today,
        placements={transferred: ("01", "Giá 1")},
    )
    transferred.refresh_from_db()
    access = services_access.access_request(
        actor=reader,
        file=transferred,
        mode="read",
        purpose=f"{_marker('LTYC')} Tra cứu báo cáo tuyên giáo",
        days=5,
    )
    access = services_access.access_decide(
        actor=archivist, request=access, approve=True, note=f"{_marker('LTYC')} đồng ý"
    )

    # --- the 2001 files: transferred in 2002, proposed for destruction, one held back ---------
    old_files = [closed("LTTH", f"0{n}.HC", 2001, 10) for n in (4, 5)]
    old_transfer = services_transfers.transfer_create(
        actor=clerk, unit=office, year=2001, files=old_files
    )
    services_transfers.transfer_submit(actor=clerk, transfer=old_transfer)
    old_transfer = services_transfers.transfer_receive(
        actor=archivist,
        transfer=old_transfer,
        received_on=today,
        placements=dict.fromkeys(old_files, ("2001-01", "Giá 4")),
    )
    for file in old_files:
        file.refresh_from_db()
    th = _marker("LTTH")
    disposal = services_disposals.disposal_propose(
        actor=archivist, archive_unit=office, title=f"{th} Tiêu hủy tài liệu", files=old_files
    )
    disposal = services_disposals.disposal_appraise(
        actor=archivist,
        disposal=disposal,
        council=[chief, archivist],
        opinion=f"{th} ý kiến hội đồng",
    )
    disposal = services_disposals.disposal_approve(
        actor=chief, disposal=disposal, decision=f"{th} 12-QĐ/VPHU"
    )
    tg = _marker("LTTG")
    hold = services_holds.hold_place(
        actor=chief,
        unit=office,
        kind=HoldKind.INSPECTION,
        reason=f"{tg} Thanh tra việc xây dựng trụ sở",
        reference=f"{tg} Quyết định thanh tra số 9/QĐ-TTr",
        files=[old_files[1]],
    )
    disposal = services_disposals.disposal_execute(
        actor=archivist, disposal=disposal, method=f"{th} Nghiền bột giấy", executed_on=today
    )
    for file in old_files:
        file.refresh_from_db()

    # --- preservation: a fixity run's finding on the Mật scan, and the scan's OCR copy ---------
    scan = secret_document.attachments.get().file
    run = FixityRun.objects.create(
        status=FixityRunStatus.DONE, total=1, checked=1, failures=1, finished_at=timezone.now()
    )
    FixityFinding.objects.create(
        run=run,
        stored_file=scan,
        problem=FixityProblem.CHANGED,
        found_sha256="0" * 64,
        found_size=1,
    )
    ocr = OcrCopy.objects.create(
        original=scan,
        status=OcrStatus.DONE,
        text=f"{_marker('LTVB')} văn bản nhận dạng",
        finished_at=timezone.now(),
    )
    return ArchivesPart(
        committee=committee,
        office=office,
        clerk=clerk,
        chief=chief,
        archivist=archivist,
        reader=reader,
        keeper=keeper,
        plan=plan,
        heading=heading,
        entry=entry,
        rule=RetentionRule.objects.order_by("pk").first() or _no_rule(),
        secret_file=secret_file,
        secret_document=secret_document,
        secret_item=filed.item,
        closed_file=closed_file,
        transferred_file=transferred,
        transfer=transfer,
        old_transfer=old_transfer,
        access=access,
        old_files=old_files,
        disposal=disposal,
        hold=hold,
        run=run,
        ocr=ocr,
    )


def _no_rule() -> RetentionRule:
    raise AssertionError("the retention tables are seeded by the migrations")
