"""The annual review pages: the Offices × years list, one review with its figures, pictures,
forms and links, the DOCX download; a unit one does not read is a 404."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import Any
from uuid import uuid4

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document

from tests.support.emulation_review import (
    ReviewWorld,
    build_review_world,
    incoming_row,
    local,
    movement_row,
    outgoing_row,
    week_row,
)
from tests.support.web import login, page_queries
from vanphong.core import yearly
from vanphong.emulation import review
from vanphong.emulation.models import AnnualReview
from vanphong.planning.models import Entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> ReviewWorld:
    w = build_review_world()
    for n in range(3):
        incoming_row(w, w.province_office, local(2012, 3, 1 + n))
    incoming_row(w, w.province_office, local(2011, 3, 1))
    incoming_row(w, w.chau_thanh_office, local(2012, 3, 1))
    return w


def page(unit: Any, year: int = 2012, suffix: str = "") -> str:
    return reverse("emulation:review", args=[unit.uuid, year]) + suffix


def test_the_list_offers_the_offices_one_reads_by_year(client: Client, world: ReviewWorld) -> None:
    year = timezone.localdate().year
    login(client, world.province_leader)
    body = client.get(reverse("emulation:reviews")).content.decode()
    for office in (world.province_office, world.chau_thanh_office, world.hoa_thanh_office):
        assert page(office, year) in body
        assert page(office, year - 3) in body
    login(client, world.district_chief)
    body = client.get(reverse("emulation:reviews")).content.decode()
    assert page(world.chau_thanh_office, year) in body
    assert str(world.province_office.uuid) not in body


def test_the_list_costs_the_same_queries_for_one_office_as_for_three(
    client: Client, world: ReviewWorld
) -> None:
    one = page_queries(login(client, world.district_chief), reverse("emulation:reviews"))
    three = page_queries(login(client, world.province_leader), reverse("emulation:reviews"))
    assert one == three


def test_the_review_page_shows_the_figures_against_the_year_before(
    client: Client, world: ReviewWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(yearly._registry.sections, "archives")  # a section no app provides
    login(client, world.chief)
    response = client.get(page(world.province_office))
    assert response.status_code == 200
    body = response.content.decode()
    cells = "".join(f'<td class="text-end">{value}</td>' for value in ("3", "1", "+2"))
    assert f"Văn bản đến đã vào sổ</th>{cells}" in body
    assert "Công tác lưu trữ" in body
    assert "Chưa có số liệu" in body
    assert reverse("emulation:review_docx", args=[world.province_office.uuid, 2012]) in body
    assert 'data-testid="texts-form"' in body  # the Office's leader writes


def test_a_reader_who_does_not_act_for_the_office_reads_without_forms(
    client: Client, world: ReviewWorld
) -> None:
    login(client, world.province_clerk)
    body = client.get(page(world.province_office)).content.decode()
    assert 'data-testid="texts-form"' not in body
    response = client.post(page(world.province_office, suffix="noi-dung/"), {"finance": "x"})
    assert response.status_code == 403
    assert not AnnualReview.objects.exists()


@pytest.mark.parametrize("suffix", ["", "tai-ve.docx", "noi-dung/"])
def test_a_unit_one_does_not_read_is_not_found(
    client: Client, world: ReviewWorld, suffix: str
) -> None:
    login(client, world.district_chief)
    call = client.post if suffix.endswith("/") else client.get
    assert call(page(world.province_office, suffix=suffix)).status_code == 404
    assert call(page(world.hoa_thanh_office, suffix=suffix)).status_code == 404
    unknown = reverse("emulation:review", args=[uuid4(), 2012]) + suffix
    assert call(unknown).status_code == 404
    assert call(page(world.chau_thanh_office, year=2999, suffix=suffix)).status_code == 404


def test_the_office_saves_its_texts_and_the_draft_carries_them(
    client: Client, world: ReviewWorld
) -> None:
    login(client, world.chief)
    response = client.post(
        page(world.province_office, suffix="noi-dung/"),
        {
            "crypto_it": "Mạng nội bộ an toàn.",
            "finance": "",
            "administration": "",
            "tasks_next": "",
        },
    )
    assert response.status_code == 302
    assert AnnualReview.objects.get().texts == {"crypto_it": "Mạng nội bộ an toàn."}
    download = client.get(page(world.province_office, suffix="tai-ve.docx"))
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    assert "tong-ket-2012_van-phong-tinh-uy.docx" in download["Content-Disposition"]
    document = Document(io.BytesIO(download.content))
    assert "Mạng nội bộ an toàn." in [p.text for p in document.paragraphs]


def test_a_text_too_long_stays_on_the_form(client: Client, world: ReviewWorld) -> None:
    login(client, world.chief)
    response = client.post(
        page(world.province_office, suffix="noi-dung/"), {"finance": "x" * 20001}
    )
    assert response.status_code == 400
    assert 'data-testid="form-errors"' in response.content.decode()
    assert not AnnualReview.objects.exists()


def test_the_conference_and_documents_are_chosen_among_what_the_office_sees(
    client: Client, world: ReviewWorld
) -> None:
    week_row(
        world,
        world.province,
        date(2012, 12, 17),
        published=[local(2012, 12, 14)],
        entries=[date(2012, 12, 20)],
    )
    report = outgoing_row(
        world, world.province_office, date(2012, 12, 21), subject="Báo cáo tổng kết năm 2012"
    )
    login(client, world.chief)
    body = client.get(page(world.province_office)).content.decode()
    entry = Entry.objects.get()
    assert str(entry.lineage) in body
    assert str(report.uuid) in body
    assert (
        client.post(
            page(world.province_office, suffix="hoi-nghi/"), {"conference": str(entry.lineage)}
        ).status_code
        == 302
    )
    assert (
        client.post(
            page(world.province_office, suffix="van-ban/"),
            {"report": str(report.uuid), "conclusions": ""},
        ).status_code
        == 302
    )
    saved = AnnualReview.objects.get()
    assert saved.conference_lineage == entry.lineage
    assert saved.report == report
    body = client.get(page(world.province_office)).content.decode()
    assert "20/12/2012 — Họp Thường trực" in body
    assert report.number_symbol in body


def test_the_ranking_is_drawn_as_svg_with_its_caption(
    client: Client, world: ReviewWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    movement_row(world, 2012, [world.province_office, world.chau_thanh_office])
    rows = [
        SimpleNamespace(unit=world.province_office, total=Decimal("95.5"), rank=1),
        SimpleNamespace(unit=world.chau_thanh_office, total=Decimal("90"), rank=2),
    ]
    fake: Any = SimpleNamespace(bloc_ranking=lambda m: SimpleNamespace(rows=rows))
    monkeypatch.setattr(review, "_ranking_module", lambda: fake)
    login(client, world.chief)
    body = client.get(page(world.province_office)).content.decode()
    assert body.count("<svg") == 1
    assert "<figcaption" in body
    assert "1. Văn phòng Tỉnh ủy: 95,50 điểm; 2. Văn phòng Huyện ủy Châu Thành: 90,00 điểm" in body
