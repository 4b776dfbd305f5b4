"""`/api/v1/thi-dua/tong-ket/{unit}/{year}`: the review's figures as JSON, the Office's texts
written with PUT, the DOCX; 404 for a unit one does not read, 403 for a reader who may not
write."""

from __future__ import annotations

import io
from datetime import date
from typing import Any
from uuid import uuid4

import pytest
from django.test import Client
from docx import Document

from tests.support.emulation_review import (
    ReviewWorld,
    build_review_world,
    incoming_row,
    local,
    outgoing_row,
    week_row,
)
from vanphong.api.services import token_create
from vanphong.documents.models import OutgoingDocument
from vanphong.emulation.models import AnnualReview
from vanphong.emulation.services_review import review_conference_link, review_documents_link
from vanphong.org.models import Clearance, Person
from vanphong.planning.models import Entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> ReviewWorld:
    w = build_review_world()
    for n in range(2):
        incoming_row(w, w.province_office, local(2012, 3, 1 + n))
    incoming_row(w, w.province_office, local(2011, 3, 1))
    for n in range(4):
        incoming_row(w, w.hoa_thanh_office, local(2012, 3, 1 + n))
    return w


def call(client: Client, person: Person) -> Any:
    headers = {"Authorization": f"Bearer {token_create(actor=None, person=person, name='t').token}"}

    class Call:
        def get(self, path: str) -> Any:
            return client.get(f"/api/v1/thi-dua/tong-ket{path}", headers=headers)

        def put(self, path: str, body: dict[str, Any]) -> Any:
            return client.put(
                f"/api/v1/thi-dua/tong-ket{path}",
                body,
                content_type="application/json",
                headers=headers,
            )

    return Call()


def test_the_figures_with_the_year_before_and_the_districts_the_caller_sees(
    client: Client, world: ReviewWorld
) -> None:
    response = call(client, world.province_leader).get(f"/{world.province_office.uuid}/2012")
    assert response.status_code == 200
    body = response.json()
    assert body["unit"]["uuid"] == str(world.province_office.uuid)
    section = next(s for s in body["sections"] if s["key"] == "documents")
    incoming = section["lines"][0]
    assert incoming["label"] == "Văn bản đến đã vào sổ"
    assert incoming["own"] == {"this_year": 2, "last_year": 1, "difference": 1}
    assert incoming["districts"] == {"this_year": 4, "last_year": 0, "difference": 4}
    by_district = {d["unit"]["uuid"]: d["this_year"] for d in incoming["by_district"]}
    assert by_district == {str(world.chau_thanh.uuid): 0, str(world.hoa_thanh.uuid): 4}
    archives = next(s for s in body["sections"] if s["key"] == "archives")
    assert archives["provided"] is True
    assert archives["lines"][0]["label"] == "Hồ sơ mở trong năm"


def test_the_office_writes_its_texts_with_put(client: Client, world: ReviewWorld) -> None:
    response = call(client, world.chief).put(
        f"/{world.province_office.uuid}/2012",
        {"finance": "Quyết toán đúng hạn.", "tasks_next": "Tham mưu tốt."},
    )
    assert response.status_code == 200, response.json()
    assert response.json()["texts"] == {
        "finance": "Quyết toán đúng hạn.",
        "tasks_next": "Tham mưu tốt.",
    }
    assert AnnualReview.objects.get().texts["finance"] == "Quyết toán đúng hạn."


def test_a_reader_who_may_not_write_gets_403_and_a_text_too_long_422(
    client: Client, world: ReviewWorld
) -> None:
    path = f"/{world.province_office.uuid}/2012"
    assert call(client, world.province_clerk).put(path, {"finance": "x"}).status_code == 403
    assert call(client, world.chief).put(path, {"finance": "x" * 20001}).status_code == 422
    assert not AnnualReview.objects.exists()


def test_a_unit_one_does_not_read_is_404_everywhere(client: Client, world: ReviewWorld) -> None:
    caller = call(client, world.district_chief)
    for path in (f"/{world.province_office.uuid}/2012", f"/{uuid4()}/2012"):
        assert caller.get(path).status_code == 404
        assert caller.get(f"{path}/tai-ve.docx").status_code == 404
        assert caller.put(path, {"finance": "x"}).status_code == 404


def test_the_docx_opens(client: Client, world: ReviewWorld) -> None:
    response = call(client, world.chief).get(f"/{world.province_office.uuid}/2012/tai-ve.docx")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    assert any(p.text == "BÁO CÁO" for p in document.paragraphs)


def test_the_conference_and_its_documents_show_only_what_the_caller_may_open(
    client: Client, world: ReviewWorld
) -> None:
    week_row(
        world,
        world.province,
        date(2012, 12, 17),
        published=[local(2012, 12, 14)],
        entries=[date(2012, 12, 20)],
    )
    entry = Entry.objects.get()
    plain = outgoing_row(world, world.province_office, date(2012, 12, 21))
    hidden = outgoing_row(world, world.province_office, date(2012, 12, 22), subject="Mật")
    OutgoingDocument.objects.filter(pk=hidden.pk).update(confidentiality=Clearance.ULTRA_SECRET)
    entry.outgoing.add(plain, hidden)
    review_conference_link(
        actor=world.chief, unit=world.province_office, year=2012, lineage=entry.lineage
    )
    review_documents_link(
        actor=world.chief,
        unit=world.province_office,
        year=2012,
        report=plain.uuid,
        conclusions=None,
    )
    body = call(client, world.chief).get(f"/{world.province_office.uuid}/2012").json()
    assert body["conference"]["lineage"] == str(entry.lineage)
    assert [d["uuid"] for d in body["conference"]["documents"]] == [str(plain.uuid)]
    assert body["report"]["uuid"] == str(plain.uuid)
    assert body["conclusions"] is None
