"""Searching: Vietnamese folding, phrases, prefixes, number-symbols, and visibility."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from django.db import transaction

from tests.support.documents import DocWorld, register
from vanphong.documents.models import Participant
from vanphong.org.models import Clearance, Person
from vanphong.search import engine, outbox
from vanphong.search.selectors import Filters, search


def subjects(person: Person, text: str, **kwargs: object) -> list[str]:
    hits = search(person, text, **kwargs).hits  # type: ignore[arg-type]
    return [hit.snippet.replace("<b>", "").replace("</b>", "") for hit in hits]


@pytest.fixture
def library(world: DocWorld) -> DocWorld:
    register(world, number_symbol="45-NQ/TU", subject="Về lãnh đạo cuộc bầu cử ở Hoà Thành")
    register(world, number_symbol="46-CT/TU", subject="Về công tác Đảng ở chợ Hòa Thành")
    register(world, number_symbol="12/QĐ-UBND", sender_name="Ủy ban nhân dân tỉnh Tây Ninh",
             subject="Về việc đăng ký đang làm thủ tục")  # fmt: skip
    register(world, number_symbol="47-KL/TU", subject="Kết luận về phòng, chống tham nhũng",
             confidentiality=Clearance.SECRET)  # fmt: skip
    engine.drain()
    return world


@pytest.mark.parametrize("typed", ["hoa thanh", "Hoà Thành", "Hòa Thành", "HÒA THÀNH"])
def test_tone_styles_case_and_missing_marks_are_one_query(library: DocWorld, typed: str) -> None:
    assert len(search(library.chau_thanh_clerk, typed).hits) == 2


def test_decomposed_input_finds_the_same_as_composed(library: DocWorld) -> None:
    typed = unicodedata.normalize("NFD", "Hòa Thành")
    assert len(search(library.chau_thanh_clerk, typed).hits) == 2


def test_dang_finds_every_spelling_and_ranks_the_one_typed_first(library: DocWorld) -> None:
    folded = subjects(library.chau_thanh_clerk, "dang")
    assert len(folded) == 2
    typed = subjects(library.chau_thanh_clerk, "Đảng")
    assert len(typed) == 2
    assert "Đảng" in typed[0]
    assert "Đảng" not in typed[1]


def test_a_quoted_phrase_matches_the_syllables_in_order(library: DocWorld) -> None:
    assert len(search(library.chau_thanh_clerk, '"bau cu"').hits) == 1
    assert search(library.chau_thanh_clerk, '"cu bau"').hits == []


def test_a_trailing_star_matches_word_starts(library: DocWorld) -> None:
    assert len(search(library.chau_thanh_clerk, "tham nh*").hits) == 1


@pytest.mark.parametrize("typed", ["45-NQ/TU", "45/NQ-TU", "so 45 nq tu", "NQ 45", "Số 45-NQ/TU"])
def test_a_number_symbol_in_any_common_writing_finds_the_document(
    library: DocWorld, typed: str
) -> None:
    titles = [hit.title for hit in search(library.chau_thanh_clerk, typed).hits]
    assert titles[:1] == [t for t in titles[:1] if t.startswith("Số 45-NQ/TU")] != []


def test_a_government_number_finds_its_document(library: DocWorld) -> None:
    titles = [hit.title for hit in search(library.chau_thanh_clerk, "12/QD-UBND").hits]
    assert titles[:1] == [t for t in titles[:1] if t.startswith("Số: 12/QĐ-UBND")] != []


def test_matches_are_highlighted_in_the_original_text(library: DocWorld) -> None:
    hit = search(library.chau_thanh_clerk, "bau cu").hits[0]
    assert "<b>bầu</b> <b>cử</b>" in hit.snippet


def test_a_secret_document_is_not_found_counted_or_faceted_for_a_specialist(
    library: DocWorld,
) -> None:
    clerk = search(library.chau_thanh_clerk, "tham nhung")
    assert clerk.total == 1
    specialist = search(library.chau_thanh_specialist, "tham nhung")
    assert (specialist.total, specialist.hits, specialist.facets) == (0, [], {})
    every = search(library.chau_thanh_specialist, "ve")
    assert every.total == 3
    assert all(value.value != "1" for value in every.facets["clearance"])
    assert sum(value.count for value in every.facets["kind"]) == 3


def test_a_person_of_another_unit_finds_nothing_of_chau_thanh(library: DocWorld) -> None:
    assert search(library.province_specialist, "hoa thanh").total == 0


def test_involvement_opens_a_secret_document_in_search_as_on_its_page(
    library: DocWorld,
) -> None:
    secret = register(library, number_symbol="48-KL/TU", subject="Về cán bộ diện quản lý",
                      confidentiality=Clearance.SECRET)  # fmt: skip
    engine.drain()
    assert search(library.chau_thanh_specialist, "dien quan ly").total == 0
    with transaction.atomic():  # as a service adds a participant: with its outbox row
        Participant.objects.create(person=library.chau_thanh_specialist, incoming=secret)
        outbox.enqueue("incoming", secret.uuid)
    engine.drain()
    assert search(library.chau_thanh_specialist, "dien quan ly").total == 1


def test_filters_narrow_and_facets_count_what_is_shown(library: DocWorld) -> None:
    results = search(library.chau_thanh_clerk, "ve", filters=Filters(types=("CT",)))
    assert results.total == 1
    assert [v.label for v in results.facets["type"]] == ["CT"]


def test_sort_by_date_puts_the_newest_first(world: DocWorld) -> None:
    from datetime import UTC, datetime

    march, april = datetime(2012, 3, 1, 2, tzinfo=UTC), datetime(2012, 4, 1, 2, tzinfo=UTC)
    register(world, subject="Về bầu cử đợt một", received_at=march, document_date=date(2012, 2, 1))
    register(world, number_symbol="46-CT/TU", subject="Về bầu cử đợt hai", received_at=april,
             document_date=date(2012, 3, 1))  # fmt: skip
    engine.drain()
    found = subjects(world.chau_thanh_clerk, "bau cu", sort="date")
    assert ["hai" in s for s in found] == [True, False]


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        '"',
        '"bau cu',
        "AND OR NOT",
        "title:x OR 1=1; DROP TABLE documents_incomingdocument; --",
        "\x00\x07\u200b",
        "bầu " * 1000,
        "*",
        "a*",
        "(((",
        "+-&&||!(){}[]^~?:\\/",
    ],
)
def test_odd_input_gives_a_page_or_a_message_never_an_error(library: DocWorld, typed: str) -> None:
    results = search(library.chau_thanh_clerk, typed)
    assert results.total >= 0
    assert results.message or results.parsed.empty is False or results.hits == []


def test_the_unit_facet_is_in_the_organisations_order_under_unmistakable_labels(
    world: DocWorld,
) -> None:
    from vanphong.org.models import Unit

    Unit.objects.filter(pk=world.chau_thanh_office.pk).update(name="Văn phòng")
    register(world, subject="Về bầu cử ở Châu Thành")
    for n in range(3):  # more documents in Hoà Thành: by count it would come first
        register(world, actor=world.hoa_thanh_clerk, unit=world.hoa_thanh_office,
                 number_symbol=f"{50 + n}-CV/TU", subject="Về bầu cử ở Hoà Thành")  # fmt: skip
    engine.drain()
    facet = search(world.province_leader, "bau cu").facets["unit"]
    assert [(value.label, value.count) for value in facet] == [
        ("Văn phòng Huyện ủy Châu Thành", 1),
        ("Văn phòng Huyện uỷ Hoà Thành", 3),
    ]
