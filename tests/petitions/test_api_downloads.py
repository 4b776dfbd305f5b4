"""The reception register (XLSX, PDF) and the period report (XLSX, DOCX) as files through the
JSON API: the page's rows and figures, never a denouncer's name for who does not handle the
letter or did not receive the visit, an Office the caller does not see a 404 and a bad choice
a 422 on its field."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.test import Client
from docx import Document
from openpyxl import load_workbook  # type: ignore[import-untyped]

from tests.petitions.api import Caller
from tests.petitions.letters import DENOUNCER, denunciation, register
from tests.security.sweep import text_of
from tests.support.petitions import PetitionWorld, build_petition_world
from vanphong.petitions import reception_register, report_files, services_handling
from vanphong.petitions import services_reception as reception
from vanphong.petitions.models import ReceptionSession
from vanphong.petitions.services import CitizenData

VISITOR = "Võ Thị Khiếu"
VISIT_DENOUNCER = "Lê Văn Báo"


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


@pytest.fixture
def session(world: PetitionWorld) -> ReceptionSession:
    """A session of 2011 with a complaint's visitor and a denunciation's, both received by the
    province's reception officer."""
    held = reception.reception_session_record(
        actor=world.province_reception,
        unit=world.province_office,
        kind="regular",
        day=date(2011, 9, 15),
    )
    for name, denounces in ((VISITOR, False), (VISIT_DENOUNCER, True)):
        reception.visit_record(
            actor=world.province_reception,
            session=held,
            citizens=[CitizenData(full_name=name, id_number="079123456789")],
            group_size=1,
            raised="Trình bày việc thu hồi đất",
            complaint=not denounces,
            denunciation=denounces,
        )
    return held


def _xlsx(body: bytes) -> str:
    book = load_workbook(io.BytesIO(body), read_only=True)
    return "\n".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


def _docx(body: bytes) -> str:
    document = Document(io.BytesIO(body))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("persona", ["province_reception", "province_reception_2"])
def test_the_register_as_xlsx_lists_the_visits_and_withholds_the_denouncer(
    world: PetitionWorld, session: ReceptionSession, client: Client, persona: str
) -> None:
    response = Caller(client, getattr(world, persona)).get(
        "/so-tiep-cong-dan", unit=str(world.province_office.uuid), year=2011, format="xlsx"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == reception_register.CONTENT_TYPES["xlsx"]
    assert "so-tiep-cong-dan-2011.xlsx" in response["Content-Disposition"]
    text = _xlsx(response.content)
    assert VISITOR in text
    assert reception_register.WITHHELD in text
    assert VISIT_DENOUNCER not in text


def test_the_register_as_pdf_withholds_the_denouncer(
    world: PetitionWorld, session: ReceptionSession, client: Client
) -> None:
    response = Caller(client, world.province_reception_2).get(
        "/so-tiep-cong-dan", unit=str(world.province_office.uuid), year=2011, format="pdf"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = text_of(response)
    assert VISITOR in text
    assert VISIT_DENOUNCER not in text


def test_the_register_of_an_office_the_caller_does_not_see_is_a_404(
    world: PetitionWorld, session: ReceptionSession, client: Client
) -> None:
    district = Caller(client, world.chau_thanh_reception)
    response = district.get(
        "/so-tiep-cong-dan", unit=str(world.province_office.uuid), year=2011, format="xlsx"
    )
    assert response.status_code == 404
    committee = district.get(
        "/so-tiep-cong-dan", unit=str(world.chau_thanh.uuid), year=2011, format="xlsx"
    )
    assert committee.status_code == 404  # a committee keeps no register; its Office does


def test_a_register_format_that_does_not_exist_is_refused_on_the_format(
    world: PetitionWorld, client: Client
) -> None:
    response = Caller(client, world.province_reception).get(
        "/so-tiep-cong-dan", unit=str(world.province_office.uuid), format="docx"
    )
    assert response.status_code == 422
    assert "format" in response.json()["errors"]


@pytest.fixture
def letters(world: PetitionWorld) -> None:
    register(world)
    register(world, received_on=date(2011, 10, 3))
    services_handling.letter_take(actor=world.province_reception, letter=denunciation(world))


def _report(caller: Caller, world: PetitionWorld, file_format: str) -> bytes:
    response = caller.get(
        "/bao-cao/tep",
        unit=str(world.province_office.uuid),
        kind="year",
        year=2011,
        format=file_format,
    )
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == report_files.CONTENT_TYPES[file_format]
    assert "attachment" in response["Content-Disposition"]
    return bytes(response.content)


def test_the_yearly_report_as_xlsx_has_the_figures_and_no_denouncer(
    world: PetitionWorld, letters: None, client: Client
) -> None:
    colleague = Caller(client, world.province_reception_2)
    text = _xlsx(_report(colleague, world, "xlsx"))
    total = colleague.get(
        "/bao-cao", unit=str(world.province_office.uuid), kind="year", year=2011
    ).json()["total"]
    assert total["letters"] == 3
    assert "Đất đai" in text
    assert DENOUNCER.full_name not in text
    assert DENOUNCER.address not in text


def test_the_yearly_report_as_docx_is_a_draft_naming_no_denouncer(
    world: PetitionWorld, letters: None, client: Client
) -> None:
    text = _docx(_report(Caller(client, world.province_reception_2), world, "docx"))
    assert "BÁO CÁO" in text
    assert "năm 2011" in text
    assert DENOUNCER.full_name not in text
    assert DENOUNCER.phone not in text


def test_a_report_file_for_a_unit_not_offered_or_without_its_month_is_a_422(
    world: PetitionWorld, client: Client
) -> None:
    district = Caller(client, world.chau_thanh_reception)
    other = district.get(
        "/bao-cao/tep", unit=str(world.province_office.uuid), kind="year", year=2011, format="xlsx"
    )
    assert other.status_code == 422
    assert "unit" in other.json()["errors"]
    monthly = Caller(client, world.province_reception).get(
        "/bao-cao/tep", unit=str(world.province_office.uuid), kind="month", year=2011, format="docx"
    )
    assert monthly.status_code == 422
    assert monthly.json()["errors"]["month"] == ["Chọn tháng của báo cáo tháng."]
