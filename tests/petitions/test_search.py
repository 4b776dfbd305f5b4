"""Letters in the search index: found by who sees the book, never by a denouncer's name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import LazySettings

from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from vanphong.core import audit
from vanphong.core.vietnamese import fold
from vanphong.org.models import Person
from vanphong.petitions.models import Letter
from vanphong.search import engine, outbox
from vanphong.search.selectors import search

DENOUNCER = "Trần Văn Tố"


@pytest.fixture(autouse=True)
def search_dir(settings: LazySettings, tmp_path: Path) -> Iterator[Path]:
    settings.VANPHONG_SEARCH_DIR = tmp_path / "search"
    engine._readers.clear()
    yield tmp_path / "search"
    engine._readers.clear()


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def indexed(*letters: Letter) -> None:
    for letter in letters:
        outbox.enqueue("letter", letter.uuid)
    engine.drain()


def found(person: Person, text: str) -> list[str]:
    return [hit.url for hit in search(person, text).hits if hit.kind == "letter"]


@pytest.fixture
def library(world: PetitionWorld) -> dict[str, Letter]:
    land = letter_row(
        world,
        summary="Khiếu nại việc bồi thường đất ở Hòa Thành",
        petitioners=("Lê Thị Khiếu",),
    )
    denounced = letter_row(
        world,
        complaint=False,
        denunciation=True,
        summary="Tố cáo bí thư xã nhận tiền hỗ trợ",
        subject="Bí thư Đảng ủy xã Trường Hòa",
        petitioners=(DENOUNCER,),
        id_number="072080001234",
    )
    indexed(land, denounced)
    return {"land": land, "denounced": denounced}


@pytest.mark.parametrize("typed", ["bồi thường", "boi thuong", "Hoà Thành", "hoa thanh"])
def test_a_reception_officer_finds_a_letter_by_an_accented_or_unaccented_word(
    world: PetitionWorld, library: dict[str, Letter], typed: str
) -> None:
    assert found(world.province_reception, typed) == [f"/don-thu/{library['land'].uuid}/"]


def test_an_officer_of_another_unit_finds_nothing(
    world: PetitionWorld, library: dict[str, Letter]
) -> None:
    assert found(world.chau_thanh_reception, "boi thuong") == []
    assert found(world.chau_thanh_reception, "to cao") == []


def test_a_petitioners_name_finds_a_letter_that_is_no_denunciation(
    world: PetitionWorld, library: dict[str, Letter]
) -> None:
    assert found(world.province_reception, "Lê Thị Khiếu") == [f"/don-thu/{library['land'].uuid}/"]


@pytest.mark.parametrize(
    "persona",
    [
        "province_reception",
        "province_reception_2",
        "province_office_leader",
        "province_leader",
        "chau_thanh_reception",
        "superuser",
    ],
)
def test_a_denunciation_is_never_found_by_its_denouncers_name_or_number(
    world: PetitionWorld, library: dict[str, Letter], persona: str
) -> None:
    person: Person = getattr(world, persona)
    for typed in (DENOUNCER, "tran van to", "072080001234"):
        results = search(person, typed)
        assert [hit for hit in results.hits if hit.kind == "letter"] == []
        assert results.facets.get("kind", []) == [] or all(
            value.value != "letter" for value in results.facets["kind"]
        )


def test_no_result_or_snippet_of_a_denunciation_contains_the_denouncer(
    world: PetitionWorld, library: dict[str, Letter]
) -> None:
    # The letter itself is found by its content, and shows none of the denouncer.
    results = search(world.province_office_leader, "to cao bi thu")
    assert [hit.url for hit in results.hits] == [f"/don-thu/{library['denounced'].uuid}/"]
    for hit in results.hits:
        for shown in (hit.title, hit.snippet):
            plain = fold(re.sub(r"<[^>]+>", "", shown))
            assert "tran van to" not in plain
            assert "072080001234" not in plain


def test_a_letter_a_service_records_is_indexed_through_the_audit_event(
    world: PetitionWorld,
) -> None:
    letter = letter_row(world, summary="Kiến nghị sửa cầu Gò Dầu", complaint=False, proposal=True)
    audit.record(actor=world.province_reception, action="letter.registered", target=letter)
    engine.drain()
    assert found(world.province_reception, "cau go dau") == [f"/don-thu/{letter.uuid}/"]


def test_reading_a_denouncers_identity_does_not_touch_the_index(
    world: PetitionWorld, library: dict[str, Letter]
) -> None:
    from vanphong.search.models import OutboxEntry

    before = OutboxEntry.objects.count()
    audit.record(
        actor=world.province_office_leader,
        action="letter.identity_read",
        target=library["denounced"],
    )
    assert OutboxEntry.objects.count() == before


def test_a_letter_re_classified_as_a_denunciation_loses_its_names(
    world: PetitionWorld, library: dict[str, Letter]
) -> None:
    letter = library["land"]
    Letter.objects.filter(pk=letter.pk).update(denunciation=True)
    letter.refresh_from_db()
    audit.record(actor=world.province_reception, action="letter.classified", target=letter)
    engine.drain()
    assert found(world.province_reception, "Lê Thị Khiếu") == []
    assert found(world.province_reception, "boi thuong") == [f"/don-thu/{letter.uuid}/"]
