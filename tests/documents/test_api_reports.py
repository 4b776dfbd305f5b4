"""Registers and handling statistics through the JSON API."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from django.test import Client
from openpyxl import load_workbook  # type: ignore[import-untyped]
from pypdf import PdfReader

from tests.support.api import Caller
from tests.support.documents import DocWorld, direct, register
from vanphong.core.models import AuditEvent
from vanphong.org.models import Clearance

YEAR_2012 = {"start": "2012-01-01", "end": "2012-12-31"}


def test_a_clerk_downloads_the_incoming_register_as_xlsx(client: Client, world: DocWorld) -> None:
    register(world, subject="Về công tác tuyển quân")
    clerk = Caller(client, world.chau_thanh_clerk)
    response = clerk.get(
        "/so-sach/den", unit=str(world.chau_thanh_office.uuid), format="xlsx", **YEAR_2012
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "so-van-ban-den_" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    subjects = [row[5] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert subjects == ["Chỉ thị về công tác tuyển quân"]


def test_the_outgoing_register_comes_as_pdf(client: Client, world: DocWorld) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    response = clerk.get(
        "/so-sach/di", unit=str(world.chau_thanh_office.uuid), format="pdf", **YEAR_2012
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in " ".join(text.split())


def test_a_register_with_secret_documents_is_an_audited_read(
    client: Client, world: DocWorld
) -> None:
    secret = register(world, confidentiality=Clearance.SECRET)
    clerk = Caller(client, world.chau_thanh_clerk)
    response = clerk.get(
        "/so-sach/den", unit=str(world.chau_thanh_office.uuid), format="xlsx", **YEAR_2012
    )
    assert response.status_code == 200
    event = AuditEvent.objects.get(action="register.export")
    assert event.after is not None
    assert event.after["secret_documents"] == [str(secret.uuid)]


def test_a_unit_whose_documents_one_does_not_see_is_not_found(
    client: Client, world: DocWorld
) -> None:
    outsider = Caller(client, world.chau_thanh_clerk)
    response = outsider.get(
        "/so-sach/den", unit=str(world.province_office.uuid), format="xlsx", **YEAR_2012
    )
    assert response.status_code == 404
    assert outsider.get("/thong-ke", unit=str(world.province_office.uuid)).status_code == 404


def test_bad_register_parameters_are_clear_422s(client: Client, world: DocWorld) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    unit = str(world.chau_thanh_office.uuid)
    backwards = clerk.get(
        "/so-sach/den", unit=unit, format="xlsx", start="2012-12-31", end="2012-01-01"
    )
    assert backwards.status_code == 422
    assert "Ngày cuối" in str(backwards.json())
    assert clerk.get("/so-sach/den", unit=unit, format="docx").status_code == 422
    assert clerk.get("/so-sach/khac", unit=unit, format="xlsx").status_code == 422
    assert AuditEvent.objects.filter(action="register.export").count() == 0


def test_handling_statistics_count_assignments_per_unit_and_person(
    client: Client, world: DocWorld
) -> None:
    direct(
        world,
        register(world),
        lead=world.chau_thanh_specialist,
        given_at=datetime(2012, 3, 6, 2, 0, tzinfo=UTC),
    )
    leader = Caller(client, world.chau_thanh_office_leader)
    response = leader.get("/thong-ke", unit=str(world.chau_thanh_office.uuid), **YEAR_2012)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["start"], body["end"]) == ("2012-01-01", "2012-12-31")
    assert body["total"] == {"on_time": 0, "late": 0, "open": 1, "overdue": 0, "total": 1}
    assert [line["name"] for line in body["by_unit"]] == [world.chau_thanh_office.name]
    assert [line["uuid"] for line in body["by_person"]] == [str(world.chau_thanh_specialist.uuid)]
