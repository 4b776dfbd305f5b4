"""The register and statistics pages: preview, downloads, periods, scoping, cost."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook  # type: ignore[import-untyped]
from pypdf import PdfReader

from tests.support.documents import DocWorld, direct, issued_report, register
from tests.support.registers import INCOMING_HEADINGS, OUTGOING_HEADINGS, TRACKING_HEADINGS
from vanphong.documents import registers
from vanphong.org.models import Unit

YEAR_2012 = {"tu": "2012-01-01", "den": "2012-12-31"}


def _register_url() -> str:
    return reverse("documents:register")


def _query(unit: Unit, kind: str = "den", **extra: str) -> dict[str, str]:
    return {"loai": kind, "don-vi": str(unit.uuid), **YEAR_2012, **extra}


# --- the register page ---------------------------------------------------------------------


def test_the_register_page_previews_the_incoming_book_with_its_headings(
    client: Client, world: DocWorld
) -> None:
    register(world, subject="Về công tác dân vận ở Huyện uỷ Hoà Thành", urgency=1)
    register(world, number_symbol="46-CT/TU", subject="Về bầu cử ở huyện Hòa Thành")
    client.force_login(world.chau_thanh_clerk)
    response = client.get(_register_url(), _query(world.chau_thanh_office))
    body = response.content.decode()
    assert response.status_code == 200
    for heading in INCOMING_HEADINGS:
        assert f">{heading}</th>" in body
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in body
    assert "Văn phòng Huyện ủy Châu Thành — Từ ngày 01/01/2012 đến ngày 31/12/2012" in body
    assert "Chỉ thị về công tác dân vận ở Huyện uỷ Hoà Thành" in body
    assert "Chỉ thị về bầu cử ở huyện Hòa Thành" in body
    assert body.count('class="vp-urgent"') == 1
    assert 'data-testid="urgency-badge"' in body
    assert len(response.context["preview"].rows) == 2


@pytest.mark.parametrize(
    ("kind", "headings"), [("di", OUTGOING_HEADINGS), ("theo-doi", TRACKING_HEADINGS)]
)
def test_the_outgoing_and_tracking_registers_preview_too(
    client: Client, world: DocWorld, kind: str, headings: tuple[str, ...]
) -> None:
    document = register(world)
    direct(world, document, lead=world.chau_thanh_specialist, deadline=date(2012, 3, 20))
    issued_report(world, subject="Trả lời Tỉnh ủy", type_symbol="CV", reply_to=document)
    client.force_login(world.chau_thanh_clerk)
    response = client.get(_register_url(), _query(world.chau_thanh_office, kind))
    body = response.content.decode()
    assert response.status_code == 200
    assert [f">{h}</th>" in body for h in headings] == [True] * len(headings)
    assert "01-CV/VPHU" in body


def test_without_a_unit_the_page_offers_the_units_whose_documents_the_user_sees(
    client: Client, world: DocWorld
) -> None:
    client.force_login(world.chau_thanh_clerk)
    response = client.get(_register_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert response.context["preview"] is None
    assert list(response.context["units"]) == [world.chau_thanh_office]
    assert 'data-testid="register"' not in body
    assert "Văn phòng Huyện uỷ Hoà Thành" not in body


def test_a_unit_whose_documents_the_user_does_not_see_is_a_404(
    client: Client, world: DocWorld
) -> None:
    client.force_login(world.chau_thanh_clerk)
    for unit in (world.hoa_thanh_office, world.province_office):
        assert client.get(_register_url(), _query(unit)).status_code == 404
        download = {**_query(unit), "dinh-dang": "xlsx"}
        assert client.get(_register_url(), download).status_code == 404
    assert client.get(_register_url(), {"don-vi": "not-a-uuid"}).status_code == 404
    client.force_login(world.chau_thanh_admin)  # administers the district, reads none of it
    assert client.get(_register_url(), _query(world.chau_thanh_office)).status_code == 404


def test_a_download_of_an_unseen_unit_is_a_404(client: Client, world: DocWorld) -> None:
    client.force_login(world.chau_thanh_clerk)
    query = _query(world.hoa_thanh_office)
    query["dinh-dang"] = "pdf"
    assert client.get(_register_url(), query).status_code == 404


def test_the_register_page_needs_a_login(client: Client, world: DocWorld) -> None:
    response = client.get(_register_url(), _query(world.chau_thanh_office))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("web:login"))


def test_the_xlsx_download_is_the_register_of_the_period(client: Client, world: DocWorld) -> None:
    register(world, subject="Về công tác dân vận ở Huyện uỷ Hoà Thành")
    client.force_login(world.chau_thanh_clerk)
    query = _query(world.chau_thanh_office)
    query["dinh-dang"] = "xlsx"
    response = client.get(_register_url(), query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "so-van-ban-den_van-phong-huyen-uy-chau-thanh_20120101-20121231.xlsx" in disposition
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1] == INCOMING_HEADINGS
    assert rows[2][5] == "Chỉ thị về công tác dân vận ở Huyện uỷ Hoà Thành"


def test_the_pdf_download_carries_the_vietnamese_text(client: Client, world: DocWorld) -> None:
    register(world, subject="Về công tác dân vận ở Huyện uỷ Hoà Thành")
    register(world, number_symbol="46-CT/TU", subject="Về bầu cử ở huyện Hòa Thành")
    client.force_login(world.chau_thanh_clerk)
    query = _query(world.chau_thanh_office, "theo-doi")
    query["dinh-dang"] = "pdf"
    response = client.get(_register_url(), query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "so-theo-doi-giai-quyet_" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    PdfReader(io.BytesIO(response.content))  # well-formed


def test_the_download_buttons_keep_the_register_unit_and_period(
    client: Client, world: DocWorld
) -> None:
    client.force_login(world.chau_thanh_clerk)
    response = client.get(_register_url(), _query(world.chau_thanh_office, "di"))
    links = response.context["downloads"]
    for file_format, link in links.items():
        assert "loai=di" in link
        assert f"don-vi={world.chau_thanh_office.uuid}" in link
        assert "tu=01%2F01%2F2012" in link
        assert "den=31%2F12%2F2012" in link
        assert f"dinh-dang={file_format}" in link
        assert response.content.decode().count(link.replace("&", "&amp;")) == 1


def test_dates_may_be_typed_the_vietnamese_way(client: Client, world: DocWorld) -> None:
    register(world)
    client.force_login(world.chau_thanh_clerk)
    query = {"don-vi": str(world.chau_thanh_office.uuid), "tu": "05/03/2012", "den": "5/3/2012"}
    response = client.get(_register_url(), query)
    assert response.context["period"] == registers.Period(date(2012, 3, 5), date(2012, 3, 5))
    assert len(response.context["preview"].rows) == 1


def test_a_period_that_ends_before_it_starts_is_reported_on_the_form(
    client: Client, world: DocWorld
) -> None:
    client.force_login(world.chau_thanh_clerk)
    query = _query(world.chau_thanh_office, tu="2012-12-31", den="2012-01-01")
    response = client.get(_register_url(), query)
    assert response.status_code == 200
    assert "Ngày cuối phải sau hoặc bằng ngày đầu." in response.content.decode()


def test_the_preview_shows_only_the_first_rows_and_says_so(
    client: Client, world: DocWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(registers, "PREVIEW_ROWS", 2)
    for n in range(3):
        register(world, number_symbol=f"{n + 50}-CT/TU")
    client.force_login(world.chau_thanh_clerk)
    response = client.get(_register_url(), _query(world.chau_thanh_office))
    assert [row.cells[1] for row in response.context["preview"].rows] == [1, 2]
    assert "Trang này chỉ hiển thị 2 dòng đầu" in response.content.decode()


@pytest.mark.parametrize("kind", ["den", "di", "theo-doi"])
def test_the_register_page_costs_the_same_queries_for_1_or_4_documents(
    client: Client, world: DocWorld, kind: str
) -> None:
    def add(n: int) -> None:
        document = register(world, number_symbol=f"{n}-CT/TU", urgency=n % 2)
        direct(world, document, lead=world.chau_thanh_specialist, deadline=date(2012, 3, 30))
        issued_report(world, subject=f"Trả lời số {n}", reply_to=document)

    client.force_login(world.chau_thanh_clerk)
    query = _query(world.chau_thanh_office, kind)
    add(100)
    with CaptureQueriesContext(connection) as few:
        assert client.get(_register_url(), query).status_code == 200
    for n in range(101, 104):
        add(n)
    with CaptureQueriesContext(connection) as many:
        response = client.get(_register_url(), query)
    assert len(response.context["preview"].rows) == 4
    assert len(many) == len(few)


# --- the statistics page -------------------------------------------------------------------


def test_the_statistics_page_counts_per_unit_and_per_person(
    client: Client, world: DocWorld
) -> None:
    overdue = register(world)
    direct(world, overdue, lead=world.chau_thanh_specialist, deadline=date(2012, 3, 20))
    client.force_login(world.chau_thanh_office_leader)
    response = client.get(
        reverse("documents:handling_stats"), {"don-vi": str(world.chau_thanh_office.uuid)}
    )
    body = response.content.decode()
    assert response.status_code == 200
    found = response.context["stats"]
    assert [(line.name, line.tally.overdue) for line in found.by_unit] == [
        ("Văn phòng Huyện ủy Châu Thành", 1)
    ]
    assert [(line.name, line.tally.total) for line in found.by_person] == [("Huỳnh Chuyên Viên", 1)]
    assert 'data-testid="stats-units"' in body
    assert 'data-testid="stats-people"' in body
    assert '<td class="text-end vp-urgent">1</td>' in body


def test_the_statistics_of_an_unseen_unit_are_a_404(client: Client, world: DocWorld) -> None:
    client.force_login(world.chau_thanh_clerk)
    url = reverse("documents:handling_stats")
    assert client.get(url, {"don-vi": str(world.hoa_thanh_office.uuid)}).status_code == 404
    assert client.get(url).status_code == 200


def test_the_statistics_page_costs_a_fixed_number_of_queries(
    client: Client, world: DocWorld
) -> None:
    client.force_login(world.chau_thanh_clerk)
    url = reverse("documents:handling_stats")
    document = register(world)
    direct(world, document, lead=world.chau_thanh_specialist, deadline=date(2012, 3, 20))
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(3):
        document = register(world, number_symbol=f"{n + 10}-CT/TU")
        direct(world, document, lead=world.chau_thanh_clerk, deadline=date(2012, 3, 20))
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.context["stats"].total.overdue == 4
    assert len(many) == len(few)


def test_the_register_page_runs_few_queries(client: Client, world: DocWorld) -> None:
    document = register(world)
    direct(world, document, lead=world.chau_thanh_specialist, deadline=date(2012, 3, 20))
    client.force_login(world.chau_thanh_clerk)
    with CaptureQueriesContext(connection) as captured:
        client.get(_register_url(), _query(world.chau_thanh_office, "theo-doi"))
    # session, person, scope (2), unit, rows, leads, replies, the unit choices, the unit tree
    assert len(captured) <= 10, [q["sql"][:60] for q in captured.captured_queries]
