"""The measures page of a movement's member: each measured criterion's figure, points, query
and records link; "chưa có số liệu" for a measure no app provides; the convenor's recompute."""

from __future__ import annotations

from uuid import uuid4

import pytest
from django.test import Client
from django.urls import reverse

from tests.support.emulation_measures import ARCHIVES, EmulationWorld, build_emulation_world
from tests.support.personas import Personas
from tests.support.web import login, messages_of, page_queries
from vanphong.emulation.models import Measurement, MovementStatus
from vanphong.emulation.services_measure import measurements_compute
from vanphong.org.models import Unit


@pytest.fixture
def world(people: Personas) -> EmulationWorld:
    return build_emulation_world(people)


def page(world: EmulationWorld, unit: Unit) -> str:
    return reverse("emulation:measures", args=[world.movement.uuid, unit.uuid])


def recompute(world: EmulationWorld, unit: Unit) -> str:
    return reverse("emulation:measures_compute", args=[world.movement.uuid, unit.uuid])


def test_the_convenor_reads_each_figure_with_its_query_and_its_records(
    client: Client, world: EmulationWorld
) -> None:
    measurements_compute(movement=world.movement, actor=world.officer)
    response = login(client, world.officer).get(page(world, world.chau_thanh_office))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('data-testid="measure-row"') == 7
    assert html.count('data-testid="figure">0/0<') == 6
    assert "FROM petitions_deadline" in html
    assert f"/don-thu/?nam=2011&amp;don-vi={world.chau_thanh_office.uuid}" in html
    assert 'data-testid="no-data">chưa có số liệu<' in html
    assert 'data-testid="recompute"' in html


def test_before_any_computation_each_criterion_says_so(
    client: Client, world: EmulationWorld
) -> None:
    html = login(client, world.officer).get(page(world, world.hoa_thanh_office)).content.decode()
    assert html.count("Chưa tính số liệu.") == 6


def test_a_member_reads_its_own_figures_but_not_another_members_nor_recomputes(
    client: Client, world: EmulationWorld
) -> None:
    login(client, world.member_officer)
    own = client.get(page(world, world.chau_thanh_office))
    assert own.status_code == 200
    assert 'data-testid="recompute"' not in own.content.decode()
    assert client.get(page(world, world.hoa_thanh_office)).status_code == 404
    response = client.post(recompute(world, world.chau_thanh_office), follow=True)
    assert messages_of(response) == ["Chỉ đơn vị tổ chức thi đua mới tính số liệu."]
    assert not Measurement.objects.exists()


@pytest.mark.parametrize("who", ["unassigned", "province_admin"])
def test_one_outside_the_movement_gets_a_404(
    client: Client, world: EmulationWorld, who: str
) -> None:
    login(client, getattr(world, who))
    assert client.get(page(world, world.chau_thanh_office)).status_code == 404


def test_a_unit_outside_the_bloc_or_an_unknown_movement_is_a_404(
    client: Client, world: EmulationWorld
) -> None:
    login(client, world.officer)
    assert client.get(page(world, world.province)).status_code == 404
    unknown = reverse("emulation:measures", args=[uuid4(), world.chau_thanh_office.uuid])
    assert client.get(unknown).status_code == 404


def test_the_convenor_recomputes_from_the_page(client: Client, world: EmulationWorld) -> None:
    login(client, world.officer)
    response = client.post(recompute(world, world.hoa_thanh_office), follow=True)
    assert messages_of(response) == ["Đã tính lại 12 số liệu."]
    assert response.redirect_chain[-1][0] == page(world, world.hoa_thanh_office)
    assert Measurement.objects.count() == 12
    assert not Measurement.objects.filter(criterion=world.criteria[ARCHIVES]).exists()


def test_a_closed_movement_is_not_recomputed_and_offers_no_button(
    client: Client, world: EmulationWorld
) -> None:
    world.movement.status = MovementStatus.CLOSED
    world.movement.save()
    login(client, world.officer)
    assert (
        'data-testid="recompute"'
        not in client.get(page(world, world.chau_thanh_office)).content.decode()
    )
    response = client.post(recompute(world, world.chau_thanh_office), follow=True)
    assert messages_of(response) == ["Phong trào thi đua đã kết thúc."]


def test_the_page_costs_the_same_queries_with_or_without_figures(
    client: Client, world: EmulationWorld
) -> None:
    login(client, world.officer)
    before = page_queries(client, page(world, world.chau_thanh_office))
    measurements_compute(movement=world.movement, actor=world.officer)
    assert page_queries(client, page(world, world.chau_thanh_office)) == before


def test_the_page_leads_back_to_its_movement(client: Client, world: EmulationWorld) -> None:
    response = login(client, world.officer).get(page(world, world.chau_thanh_office))
    movement = reverse("emulation:movement", args=[world.movement.uuid])
    assert f'<a href="{movement}">{world.movement.title}</a>' in response.content.decode()
