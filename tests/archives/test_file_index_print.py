"""The printed indexes: a file's document index (mục lục văn bản) and a unit's index of files
(mục lục hồ sơ), as XLSX (text cells never formulas) and PDF, only what the reader sees."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook  # type: ignore[import-untyped]

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_files import closed_file, file_document, incoming, open_file
from tests.support.web import login
from vanphong.org.models import Clearance

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> ArchWorld:
    return build_archives_world()


def rows(content: bytes) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_document_index_has_decree_30s_columns_and_the_sheets(
    client: Client, w: ArchWorld
) -> None:
    file = closed_file(w, documents=2)
    response = login(client, w.chau_thanh_clerk).get(
        reverse("archives:file_index_export", args=[file.uuid, "xlsx"])
    )
    assert response.status_code == 200
    table = rows(response.content)
    assert table[1] == [
        "STT", "Số ký hiệu", "Ngày tháng", "Tác giả", "Trích yếu nội dung", "Tờ số", "Ghi chú",
    ]  # fmt: skip
    assert table[2][0] == 1
    assert table[2][1] == "41-CT/TU"
    assert table[2][5] == "1–2"
    assert table[3][5] == "3–5"


def test_a_formula_typed_as_a_subject_stays_text(client: Client, w: ArchWorld) -> None:
    file = open_file(w)
    file_document(w, file, incoming(w, 1, subject='=HYPERLINK("x")'))
    response = login(client, w.chau_thanh_clerk).get(
        reverse("archives:file_index_export", args=[file.uuid, "xlsx"])
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=3, column=5).data_type == "s"


def test_the_document_index_prints_as_a_pdf(client: Client, w: ArchWorld) -> None:
    file = closed_file(w, documents=1)
    response = login(client, w.chau_thanh_clerk).get(
        reverse("archives:file_index_export", args=[file.uuid, "pdf"])
    )
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_index_of_files_lists_only_the_files_the_reader_sees(
    client: Client, w: ArchWorld
) -> None:
    closed_file(w, code="01.TH", title="Hồ sơ bầu cử", documents=1)
    secret = open_file(w, code="02.TH", title="Hồ sơ nhân sự")
    file_document(w, secret, incoming(w, 5, confidentiality=Clearance.SECRET))
    address = reverse("archives:file_list_export", args=["xlsx"])
    params = {"don_vi": str(w.chau_thanh_office.uuid), "nam": "2012"}
    clerk = rows(login(client, w.chau_thanh_clerk).get(address, params).content)
    assert [row[1] for row in clerk[2:]] == ["01.TH", "02.TH"]
    assert clerk[1][:3] == ["STT", "Số và ký hiệu hồ sơ", "Tiêu đề hồ sơ"]
    specialist = rows(login(client, w.chau_thanh_specialist).get(address, params).content)
    assert [row[1] for row in specialist[2:]] == ["01.TH"]
    pdf = client.get(reverse("archives:file_list_export", args=["pdf"]), params)
    assert pdf.content.startswith(b"%PDF")


def test_the_index_of_files_of_a_unit_one_does_not_see_is_not_found(
    client: Client, w: ArchWorld
) -> None:
    address = reverse("archives:file_list_export", args=["xlsx"])
    params = {"don_vi": str(w.chau_thanh_office.uuid), "nam": "2012"}
    assert login(client, w.hoa_thanh_clerk).get(address, params).status_code == 404
