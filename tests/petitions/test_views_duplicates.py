"""The duplicates fragment of a letter page and its "Đánh dấu trùng" button."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from django.conf import LazySettings
from django.test import Client
from django.urls import reverse

from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from vanphong.petitions.models import Letter
from vanphong.search import engine, outbox


@pytest.fixture(autouse=True)
def search_dir(settings: LazySettings, tmp_path: Path) -> Iterator[Path]:
    settings.VANPHONG_SEARCH_DIR = tmp_path / "search"
    engine._readers.clear()
    yield tmp_path / "search"
    engine._readers.clear()


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


@pytest.fixture
def pair(world: PetitionWorld) -> tuple[Letter, Letter]:
    first = letter_row(world, received_on=date(2011, 3, 1), id_number="072080001234")
    again = letter_row(world, received_on=date(2012, 3, 1), id_number="072080001234")
    for letter in (first, again):
        outbox.enqueue("letter", letter.uuid)
    engine.drain()
    return first, again


def test_the_fragment_proposes_the_earlier_letter_with_a_button(
    client: Client, world: PetitionWorld, pair: tuple[Letter, Letter]
) -> None:
    first, again = pair
    client.force_login(world.province_reception)
    response = client.get(reverse("petitions:duplicates", args=[again.uuid]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "1/2011" in body
    assert "01/03/2011" in body
    assert "Đánh dấu trùng" in body
    assert f'value="{first.uuid}"' in body


def test_marking_shows_the_round_in_the_fragment(
    client: Client, world: PetitionWorld, pair: tuple[Letter, Letter]
) -> None:
    first, again = pair
    client.force_login(world.province_reception)
    response = client.post(
        reverse("petitions:duplicate_link", args=[again.uuid]), {"original": str(first.uuid)}
    )
    assert "Đơn trùng lần 2 của đơn số 1/2011" in response.content.decode()
    again.refresh_from_db()
    assert again.duplicate_round == 2
    response = client.post(reverse("petitions:duplicate_unlink", args=[again.uuid]))
    assert "Đơn trùng lần" not in response.content.decode()


def test_a_refusal_is_shown_in_the_fragment(
    client: Client, world: PetitionWorld, pair: tuple[Letter, Letter]
) -> None:
    first, again = pair
    client.force_login(world.province_reception)
    response = client.post(
        reverse("petitions:duplicate_link", args=[first.uuid]), {"original": str(again.uuid)}
    )
    assert "nhận sau" in response.content.decode()
    assert Letter.objects.get(pk=first.pk).duplicate_of_id is None


def test_another_units_officer_gets_not_found(
    client: Client, world: PetitionWorld, pair: tuple[Letter, Letter]
) -> None:
    first, again = pair
    client.force_login(world.chau_thanh_reception)
    assert client.get(reverse("petitions:duplicates", args=[again.uuid])).status_code == 404
    response = client.post(
        reverse("petitions:duplicate_link", args=[again.uuid]), {"original": str(first.uuid)}
    )
    assert response.status_code == 404
    assert Letter.objects.get(pk=again.pk).duplicate_of_id is None
