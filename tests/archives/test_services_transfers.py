"""Transfers: who makes, submits and receives them, which files may go in (closed, of the unit,
kept five years or more, not already in one), refusals that name a secret file only to whom
may see it, the stored hand-over record, boxes and shelves, and keeping a file back."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from openpyxl import load_workbook  # type: ignore[import-untyped]
from pypdf import PdfReader

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_transfers import district_file, province_file, transfer_row
from vanphong.archives import services_transfers as services
from vanphong.archives import transfer_print
from vanphong.archives.models import FileStatus, RecordFile, Transfer, TransferStatus
from vanphong.archives.selectors import files_visible
from vanphong.core import files
from vanphong.core.models import AuditEvent
from vanphong.org.models import Clearance

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(settings: Any, tmp_path: Path) -> ArchWorld:
    settings.MEDIA_ROOT = str(tmp_path)
    return build_archives_world()


def _messages(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


def test_a_clerk_makes_a_transfer_of_the_units_closed_files_to_its_archive(w: ArchWorld) -> None:
    one, two = district_file(w), district_file(w, retention_years=None)
    transfer = services.transfer_create(
        actor=w.chau_thanh_clerk, unit=w.chau_thanh_office, year=2011, files=[one, two]
    )
    assert transfer.status == TransferStatus.DRAFT
    assert transfer.archive_unit == w.chau_thanh_office  # the district's Office keeps it
    assert set(transfer.files.all()) == {one, two}
    assert AuditEvent.objects.filter(action="archives.transfer_create").count() == 1


def test_an_open_file_is_refused_and_named(w: ArchWorld) -> None:
    file = district_file(w, status=FileStatus.OPEN, title="Hồ sơ đang lập dở")
    with pytest.raises(ValidationError) as refused:
        services.transfer_create(
            actor=w.chau_thanh_clerk, unit=w.chau_thanh_office, year=2011, files=[file]
        )
    assert "Hồ sơ đang lập dở" in _messages(refused.value)
    assert "chưa kết thúc" in _messages(refused.value)
    assert not Transfer.objects.exists()


def test_a_secret_open_file_is_named_only_to_whom_may_see_it(w: ArchWorld) -> None:
    file = district_file(
        w, status=FileStatus.OPEN, confidentiality=Clearance.SECRET, title="Hồ sơ nhân sự mật"
    )
    with pytest.raises(ValidationError) as seen:
        services.transfer_create(
            actor=w.chau_thanh_clerk, unit=w.chau_thanh_office, year=2011, files=[file]
        )
    assert "Hồ sơ nhân sự mật" in _messages(seen.value)
    with pytest.raises(ValidationError) as unseen:
        services.transfer_create(
            actor=w.chau_thanh_specialist, unit=w.chau_thanh_office, year=2011, files=[file]
        )
    assert "Hồ sơ nhân sự mật" not in _messages(unseen.value)
    assert "Một hồ sơ được chọn" in _messages(unseen.value)


def test_a_file_kept_less_than_five_years_is_not_transferred(w: ArchWorld) -> None:
    file = district_file(w, retention_years=4, title="Hồ sơ ngắn hạn")
    with pytest.raises(ValidationError) as refused:
        services.transfer_create(
            actor=w.chau_thanh_clerk, unit=w.chau_thanh_office, year=2011, files=[file]
        )
    assert "dưới 5 năm" in _messages(refused.value)


def test_a_file_of_another_unit_or_already_in_a_transfer_is_refused(w: ArchWorld) -> None:
    theirs = province_file(w)
    with pytest.raises(ValidationError, match="không được tiếp cận"):  # not even named
        services.transfer_create(
            actor=w.chau_thanh_clerk, unit=w.chau_thanh_office, year=2011, files=[theirs]
        )
    file = district_file(w)
    services.transfer_create(
        actor=w.chau_thanh_clerk, unit=w.chau_thanh_office, year=2011, files=[file]
    )
    with pytest.raises(ValidationError, match="đã có trong một đợt"):
        services.transfer_create(
            actor=w.chau_thanh_clerk, unit=w.chau_thanh_office, year=2011, files=[file]
        )


def test_only_the_units_compilers_make_a_transfer(w: ArchWorld) -> None:
    file = district_file(w)
    with pytest.raises(PermissionDenied):
        services.transfer_create(
            actor=w.hoa_thanh_clerk, unit=w.chau_thanh_office, year=2011, files=[file]
        )


def test_submit_then_receive_places_every_file_and_stores_the_record(w: ArchWorld) -> None:
    one, two = district_file(w, title="Hồ sơ đại hội"), district_file(w)
    transfer = services.transfer_create(
        actor=w.chau_thanh_clerk, unit=w.chau_thanh_office, year=2011, files=[one, two]
    )
    services.transfer_submit(actor=w.chau_thanh_clerk, transfer=transfer)
    today = timezone.localdate()
    services.transfer_receive(
        actor=w.chau_thanh_archivist,
        transfer=transfer,
        received_on=today,
        placements={one: ("1", "A"), two: ("2", "A")},
    )
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.RECEIVED
    assert transfer.received_by == w.chau_thanh_archivist
    one.refresh_from_db()
    assert (one.status, one.archive_unit, one.box, one.shelf) == (
        FileStatus.TRANSFERRED,
        w.chau_thanh_office,
        "1",
        "A",
    )
    assert transfer.record is not None
    with files.open_stored(transfer.record) as handle:
        text = "".join(page.extract_text() for page in PdfReader(handle).pages)
    assert "BIÊN BẢN" in text
    assert "Hồ sơ đại hội" in text
    assert "2 hồ sơ" in text
    # The transferring unit still reads its files.
    assert one in files_visible(w.chau_thanh_clerk)
    assert one in files_visible(w.chau_thanh_archivist)


def test_every_file_needs_a_box_and_a_draft_is_not_received(w: ArchWorld) -> None:
    file = district_file(w)
    transfer = transfer_row(w, [file], submitted=False)
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="đã được gửi"):
        services.transfer_receive(
            actor=w.chau_thanh_archivist, transfer=transfer, received_on=today, placements={}
        )
    Transfer.objects.filter(pk=transfer.pk).update(
        status=TransferStatus.SUBMITTED, submitted_at=timezone.now()
    )
    with pytest.raises(ValidationError) as refused:
        services.transfer_receive(
            actor=w.chau_thanh_archivist, transfer=transfer, received_on=today, placements={}
        )
    assert "box" in refused.value.error_dict
    with pytest.raises(ValidationError) as future:
        services.transfer_receive(
            actor=w.chau_thanh_archivist,
            transfer=transfer,
            received_on=today + timedelta(days=1),
            placements={file: ("1", "")},
        )
    assert "received_on" in future.value.error_dict


def test_the_archivist_must_be_cleared_for_the_most_secret_file(w: ArchWorld) -> None:
    plain = province_file(w)
    top = province_file(w, confidentiality=Clearance.TOP_SECRET)
    transfer = transfer_row(w, [plain, top])
    # The province's archivist holds Mật: not enough for a Tối mật file.
    with pytest.raises(PermissionDenied):
        services.transfer_receive(
            actor=w.province_archivist,
            transfer=transfer,
            received_on=timezone.localdate(),
            placements={plain: ("1", "A"), top: ("1", "A")},
        )
    # Nor is an archivist of another archive.
    only_plain = transfer_row(w, [province_file(w)])
    with pytest.raises(PermissionDenied):
        services.transfer_receive(
            actor=w.chau_thanh_archivist,
            transfer=only_plain,
            received_on=timezone.localdate(),
            placements={},
        )


def test_a_draft_loses_a_file_and_an_empty_one_is_not_submitted(w: ArchWorld) -> None:
    file = district_file(w)
    transfer = services.transfer_create(
        actor=w.chau_thanh_clerk, unit=w.chau_thanh_office, year=2011, files=[file]
    )
    services.transfer_file_remove(actor=w.chau_thanh_clerk, transfer=transfer, file=file)
    file.refresh_from_db()
    assert file.transfer is None
    with pytest.raises(ValidationError, match="chưa có hồ sơ"):
        services.transfer_submit(actor=w.chau_thanh_clerk, transfer=transfer)


def test_the_archivist_moves_a_file_to_another_box(w: ArchWorld) -> None:
    file = province_file(
        w, status=FileStatus.TRANSFERRED, archive_unit=w.province_office, box="1", shelf="A"
    )
    services.file_place(actor=w.province_archivist, file=file, box="7", shelf="C")
    file.refresh_from_db()
    assert (file.box, file.shelf) == ("7", "C")
    with pytest.raises(PermissionDenied):
        services.file_place(actor=w.province_clerk, file=file, box="8", shelf="C")
    event = AuditEvent.objects.get(action="archives.file_place")
    assert event.after == {"box": "7", "shelf": "C"}


def test_the_head_keeps_a_file_back_at_most_two_years_past_its_due_day(w: ArchWorld) -> None:
    file = district_file(w, work_ended_on=date(2011, 6, 15))  # due 15/06/2012
    head = w.chau_thanh_office_leader
    with pytest.raises(ValidationError) as too_long:
        services.file_keep_back(actor=head, file=file, until=date(2014, 6, 16), reason="Còn dùng")
    assert "15/06/2014" in _messages(too_long.value)
    with pytest.raises(ValidationError) as no_reason:
        services.file_keep_back(actor=head, file=file, until=date(2014, 6, 15), reason="")
    assert "reason" in no_reason.value.error_dict
    services.file_keep_back(actor=head, file=file, until=date(2014, 6, 15), reason="Còn dùng")
    file.refresh_from_db()
    assert file.kept_back_until == date(2014, 6, 15)
    with pytest.raises(PermissionDenied):
        services.file_keep_back(
            actor=w.chau_thanh_clerk, file=file, until=date(2013, 1, 1), reason="x"
        )
    with pytest.raises(ValidationError, match="không thuộc diện nộp lưu"):
        services.file_keep_back(
            actor=head, file=district_file(w, retention_years=2), until=None, reason=""
        )


def test_the_list_spreadsheet_keeps_a_formula_looking_title_as_text(w: ArchWorld) -> None:
    file = district_file(w, title="=HYPERLINK(1)")
    transfer = transfer_row(w, [file])
    book = load_workbook(io.BytesIO(transfer_print.list_xlsx(transfer, [file])))
    cells = [c.value for row in book.active.iter_rows() for c in row]
    assert "=HYPERLINK(1)" in cells
    sheet_cell = next(
        c for row in book.active.iter_rows() for c in row if c.value == "=HYPERLINK(1)"
    )
    assert sheet_cell.data_type == "s"
    assert RecordFile.objects.count() == 1
