"""The holdings statistics and the transfer and disposal registers: counts scoped by secrecy,
one grouped query, exports whose user text stays text."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook  # type: ignore[import-untyped]

from tests.support.archives import build_archives_world
from tests.support.archives_disposals import archived, executed, received_transfer
from vanphong.archives import registers
from vanphong.archives.models import FileStatus
from vanphong.org.models import Clearance

pytestmark = pytest.mark.django_db


def test_holdings_count_by_unit_year_retention_and_secrecy() -> None:
    w = build_archives_world()
    archived(w)
    archived(w, retention_years=None)
    archived(w, year=2012, confidentiality=Clearance.SECRET)
    archived(w, status=FileStatus.OPEN)  # not in the archive's custody
    found = registers.holdings(w.province_office_leader)
    lines = {(line.year, line.permanent, line.limited) for line in found.lines}
    assert lines == {(2011, 1, 1), (2012, 0, 1)}
    assert found.total.total == 3
    assert found.total.by_level[:2] == [2, 1]


def test_a_secret_file_is_not_counted_for_whoever_may_not_see_it() -> None:
    w = build_archives_world()
    archived(w)
    archived(w, confidentiality=Clearance.TOP_SECRET)
    assert registers.holdings(w.province_office_leader).total.total == 2
    assert registers.holdings(w.province_archivist).total.total == 1  # cleared Mật only
    assert registers.holdings(w.chau_thanh_archivist).total.total == 0


def test_holdings_are_one_grouped_query_whatever_the_number_of_files() -> None:
    w = build_archives_world()
    person = w.province_office_leader
    registers.holdings(person)  # warm the person's scope
    with CaptureQueriesContext(connection) as few:
        registers.holdings_counts(person)
    for year in range(2000, 2020):
        archived(w, year=year)
    with CaptureQueriesContext(connection) as many:
        rows = registers.holdings_counts(person)
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(rows) == 20
    assert "GROUP BY" in many.captured_queries[-1]["sql"]


def test_the_transfer_register_counts_the_files_one_sees() -> None:
    w = build_archives_world()
    plain = archived(w)
    top = archived(w, confidentiality=Clearance.TOP_SECRET, retention_years=None)
    transfer = received_transfer(w, [plain, top])
    leader = registers.transfer_lines(
        w.province_office_leader, registers.transfer_register(w.province_office_leader)
    )
    assert [(line.transfer, line.files, line.permanent) for line in leader] == [(transfer, 2, 1)]
    archivist = registers.transfer_lines(
        w.province_archivist, registers.transfer_register(w.province_archivist)
    )
    assert [(line.files, line.permanent) for line in archivist] == [(1, 0)]
    assert list(registers.transfer_register(w.chau_thanh_archivist)) == []


def test_the_disposal_register_lists_executed_disposals_with_the_files_destroyed() -> None:
    w = build_archives_world()
    disposal = executed(w, [archived(w), archived(w)], timezone.localdate())
    lines = registers.disposal_lines(
        w.province_archivist, registers.disposal_register(w.province_archivist)
    )
    assert [(line.disposal, line.destroyed) for line in lines] == [(disposal, 2)]
    assert list(registers.disposal_register(w.chau_thanh_archivist)) == []


def test_register_exports_keep_user_text_as_text() -> None:
    w = build_archives_world()
    disposal = executed(w, [archived(w)], timezone.localdate())
    disposal.title = '=HYPERLINK("http://x")'
    disposal.save(update_fields=["title"])
    rows, title = registers.disposal_register_files(w.province_archivist)
    content = registers.register_xlsx(title, registers.DISPOSAL_COLUMNS, rows)
    sheet = load_workbook(io.BytesIO(content)).active
    cell = sheet.cell(row=3, column=2)
    assert cell.value == '=HYPERLINK("http://x")'
    assert cell.data_type == "s"
    assert sheet.cell(row=3, column=8).value == 1
    pdf = registers.register_pdf(title, registers.DISPOSAL_COLUMNS, registers.DISPOSAL_WIDTHS, rows)
    assert pdf.startswith(b"%PDF-")
