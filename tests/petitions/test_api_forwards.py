"""The forwarded letters awaiting their result through the JSON API: a denunciation's summary
with the denouncer hidden, the letter leaving the list once the body's result is recorded, and
nothing of another unit's."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from tests.petitions.api import Caller
from tests.petitions.letters import DENOUNCER, denunciation
from tests.support.petitions import PetitionWorld, build_petition_world
from vanphong.petitions import services_forward
from vanphong.petitions.models import Forward, Letter
from vanphong.petitions.redaction import HIDDEN


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


@pytest.fixture
def forward(world: PetitionWorld) -> Forward:
    letter = denunciation(world, summary="Công dân tố cáo bí thư xã")
    forward = services_forward.letter_forward(
        actor=world.province_reception,
        letter=letter,
        to_body="Ủy ban Kiểm tra Tỉnh ủy",
        forwarded_on=date(2011, 9, 15),
    )
    # The services refuse such a summary now; one typed before that rule is still hidden.
    Letter.objects.filter(pk=letter.pk).update(
        summary=f"Ông {DENOUNCER.full_name} tố cáo bí thư xã"
    )
    return forward


def test_the_awaiting_list_hides_the_denouncer_and_empties_once_the_result_is_in(
    world: PetitionWorld, forward: Forward, client: Client
) -> None:
    officer = Caller(client, world.province_reception)
    listed = officer.get("/chuyen")
    assert listed.status_code == 200
    [row] = listed.json()["items"]
    assert row["uuid"] == str(forward.uuid)
    assert row["letter"]["summary"] == f"Ông {HIDDEN} tố cáo bí thư xã"
    assert row["may_act"] is True
    assert DENOUNCER.full_name not in listed.content.decode()
    recorded = officer.post(
        f"/chuyen/{forward.uuid}/ket-qua",
        {"result": "Đã kiểm tra, kỷ luật khiển trách", "result_on": "2011-11-02"},
    )
    assert recorded.status_code == 200, recorded.json()
    assert officer.get("/chuyen").json()["items"] == []


def test_a_result_before_the_forward_is_refused_on_its_date(
    world: PetitionWorld, forward: Forward, client: Client
) -> None:
    response = Caller(client, world.province_reception).post(
        f"/chuyen/{forward.uuid}/ket-qua", {"result": "Đã giải quyết", "result_on": "2011-09-01"}
    )
    assert response.status_code == 422
    assert "result_on" in response.json()["errors"]
    forward.refresh_from_db()
    assert forward.result_on is None


def test_another_units_officer_sees_no_forward_and_records_no_result(
    world: PetitionWorld, forward: Forward, client: Client
) -> None:
    district = Caller(client, world.chau_thanh_reception)
    assert district.get("/chuyen").json()["items"] == []
    refused = district.post(
        f"/chuyen/{forward.uuid}/ket-qua", {"result": "x", "result_on": "2011-11-02"}
    )
    assert refused.status_code == 404
