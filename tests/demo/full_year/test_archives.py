"""The demo's archives: the 2011 file plans of Văn phòng Tỉnh ủy, Châu Thành and Hòa Thành, the
files compiled from the 2011 documents and schedules (each recounted here from the registry),
the province's transfer of November 2012, the reading of March 2013, and the disposal of the
2001 paper files with the one held by the inspection left out — and a second load that adds
nothing.

The full demo is loaded once for the package (conftest.py), inside a transaction rolled
back at the end.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from pytest_django import DjangoDbBlocker

from tests.support.scans import require_ocr
from vanphong.archives import services_preservation
from vanphong.archives.models import (
    AccessRequest,
    AccessStatus,
    Disposal,
    DisposalStatus,
    FileItem,
    FilePlan,
    FileStatus,
    LegalHold,
    OcrStatus,
    PlanEntry,
    PlanStatus,
    RecordFile,
    Transfer,
    TransferStatus,
)
from vanphong.archives.selectors import files_visible
from vanphong.demo import archives
from vanphong.documents.models import (
    Attachment,
    IncomingDocument,
    OutgoingDocument,
    OutgoingStatus,
)
from vanphong.org.models import Clearance, Person, Unit
from vanphong.planning.models import Schedule
from vanphong.search import engine
from vanphong.search.selectors import search

# One worker loads the package's demo once (conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_full_year")]
PROVINCE_OFFICE = "Văn phòng Tỉnh ủy"


@pytest.fixture(scope="module")
def demo(full_year: None, django_db_blocker: DjangoDbBlocker) -> Unit:
    with django_db_blocker.unblock():
        return Unit.objects.get(name=PROVINCE_OFFICE)


def test_three_offices_have_an_approved_2011_file_plan_with_its_summary(demo: Unit) -> None:
    plans = FilePlan.objects.filter(year=archives.YEAR).select_related("unit")
    assert {plan.unit.name for plan in plans} == {
        PROVINCE_OFFICE,
        "Văn phòng Huyện ủy Châu Thành",
        "Văn phòng Huyện uỷ Hoà Thành",
    }
    assert {plan.status for plan in plans} == {PlanStatus.APPROVED}
    province = PlanEntry.objects.filter(plan__unit=demo, plan__year=archives.YEAR)
    planned = [f for _, minors in archives.PROVINCE_PLAN for _, files in minors for f in files]
    assert sorted(province.values_list("code", flat=True)) == sorted(f.code for f in planned)
    permanent = province.filter(retention_years__isnull=True).count()
    assert permanent == sum(1 for f in planned if f.years is None)


def _expected_incoming(unit: Unit, pick: archives.Pick) -> set[str]:
    rows = IncomingDocument.objects.filter(
        unit=unit, year=archives.YEAR, sender_name__icontains=pick.sender
    )
    if pick.types:
        rows = rows.filter(type_symbol__in=pick.types)
    return {str(u) for u in rows.values_list("uuid", flat=True)}


def _expected_outgoing(unit: Unit, pick: archives.Pick) -> set[str]:
    rows = OutgoingDocument.objects.filter(
        unit=unit,
        issued_on__year=archives.YEAR,
        type_symbol__in=pick.types,
        status=OutgoingStatus.ISSUED,
    )
    return {str(u) for u in rows.values_list("uuid", flat=True)}


def test_each_province_file_holds_exactly_the_documents_its_plan_entry_picks(demo: Unit) -> None:
    planned = [f for _, minors in archives.PROVINCE_PLAN for _, files in minors for f in files]
    for entry in planned:
        record = RecordFile.objects.filter(unit=demo, year=archives.YEAR, code=entry.code).first()
        if entry.pick.source == "in":
            expected = _expected_incoming(demo, entry.pick)
        elif entry.pick.source == "out":
            expected = _expected_outgoing(demo, entry.pick)
        elif entry.pick.source == "schedule":
            schedules = Schedule.objects.filter(committee=demo.parent, year=archives.YEAR)
            expected = {str(u) for u in schedules.values_list("uuid", flat=True)}
        else:
            expected = set()
        if not expected:
            assert record is None, entry.code  # foreseen, nothing to file: never opened
            continue
        assert record is not None, entry.code
        filed = {str(u) for u in record.items.values_list("source_uuid", flat=True)}
        assert filed == expected, entry.code
        assert record.item_count == len(expected)


def test_closed_files_number_their_sheets_from_one_without_gaps(demo: Unit) -> None:
    files = RecordFile.objects.filter(year=archives.YEAR).exclude(status=FileStatus.OPEN)
    assert files.count() >= 15
    for record in files:
        last = 0
        for first, end in record.items.order_by("position").values_list("page_from", "page_to"):
            assert first == last + 1, record.code
            assert end is not None
            assert end >= first
            last = end
        assert record.page_count == last


def test_the_security_report_file_is_secret_and_hidden_from_an_unclassified_specialist(
    demo: Unit,
) -> None:
    secret = RecordFile.objects.get(unit=demo, year=archives.YEAR, code="04.TH")
    assert secret.confidentiality == Clearance.SECRET
    assert secret.retention_years is None
    assert secret not in files_visible(Person.objects.get(username="cv2.tinhuy"))
    assert secret in files_visible(Person.objects.get(username="luutru.tinhuy"))


def test_each_office_transferred_its_2011_files_kept_five_years_or_more_by_the_end_of_2012(
    demo: Unit,
) -> None:
    transfers = Transfer.objects.filter(year=archives.YEAR).select_related("unit")
    assert transfers.get(unit=demo).received_on == date(2012, 11, 15)
    assert transfers.count() == 3
    for transfer in transfers:
        assert transfer.status == TransferStatus.RECEIVED
        assert transfer.received_on is not None
        assert transfer.received_on <= date(2012, 12, 31)  # within the year after the work
        assert transfer.record_id is not None
        moved = RecordFile.objects.filter(transfer=transfer)
        kept = RecordFile.objects.filter(unit=transfer.unit, year=archives.YEAR).exclude(
            transfer=transfer
        )
        assert all(f.retention_years is None or f.retention_years >= 5 for f in moved)
        assert not kept.exists()
        assert {f.status for f in moved} == {FileStatus.TRANSFERRED}
        assert all(f.box and f.shelf and f.archive_unit_id == transfer.unit_id for f in moved)


def test_a_board_specialist_read_the_2011_conclusions_at_the_archive(demo: Unit) -> None:
    request = AccessRequest.objects.select_related("file", "requester").get()
    assert request.requester.username == "cv.bantochuc"
    assert request.file.code == "07.TH"
    assert request.status == AccessStatus.APPROVED
    assert (request.valid_from, request.valid_until) == (date(2013, 3, 11), date(2013, 3, 15))


def test_the_2001_disposal_destroyed_all_but_the_held_file_and_left_stubs(demo: Unit) -> None:
    disposal = Disposal.objects.get()
    assert disposal.status == DisposalStatus.EXECUTED
    assert disposal.record_id is not None
    files = RecordFile.objects.filter(unit=demo, year=2001)
    assert files.count() == len(archives.PAPER_2001)
    held = files.get(code=archives.HELD)
    assert held.status == FileStatus.TRANSFERRED
    hold = LegalHold.objects.get()
    assert list(hold.files.all()) == [held]
    destroyed = files.exclude(code=archives.HELD)
    assert {f.status for f in destroyed} == {FileStatus.DESTROYED}
    assert all(f.disposal_id == disposal.pk for f in destroyed)
    # The stubs keep their index: nothing is deleted.
    typed = sum(len(documents) for *_, documents in archives.PAPER_2001)
    assert FileItem.objects.filter(file__in=files).count() == typed


def test_a_second_load_adds_nothing(demo: Unit) -> None:
    counts = (RecordFile.objects.count(), FileItem.objects.count(), Transfer.objects.count())
    archives.load()
    assert (RecordFile.objects.count(), FileItem.objects.count(), Transfer.objects.count()) == (
        counts
    )


def test_the_scanned_report_of_2011_is_filed_and_its_ocr_text_is_found_by_search(
    demo: Unit, settings: Any, tmp_path: Path
) -> None:
    require_ocr()
    document = IncomingDocument.objects.get(unit=demo, subject=archives.SCANNED_SUBJECT)
    filed = FileItem.objects.get(source_uuid=document.uuid)
    assert filed.file.code == "03.TH"
    attachment = Attachment.objects.get(incoming=document)
    assert attachment.text == ""  # a scan: no text layer
    settings.VANPHONG_SEARCH_DIR = tmp_path / "search"
    engine._readers.clear()
    try:
        # What the worker does after loading: extraction finds no text, OCR runs.
        services_preservation.ocr_enqueue(stored_file=attachment.file)
        copy = services_preservation.ocr_perform(original_id=attachment.file_id)
        assert copy is not None
        assert copy.status == OcrStatus.DONE
        assert copy.pdfa_id is not None
        attachment.refresh_from_db()
        assert "Tổng kết công tác văn phòng" in attachment.text
        engine.drain()
        reader = Person.objects.get(username="vt.tinhuy")
        url = reverse("documents:incoming_detail", args=[document.uuid])
        for words in ("tong ket cong tac van phong", "tổng kết công tác văn phòng"):
            assert url in [hit.url for hit in search(reader, words).hits], words
    finally:
        engine._readers.clear()
