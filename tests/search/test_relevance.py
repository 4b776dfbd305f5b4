"""Each query of the relevance set finds its document in the first ten results."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.conf import LazySettings
from django.db import transaction
from django.test import override_settings
from pytest_django import DjangoDbBlocker

from tests.search.relevance import CASES, CORPUS, DISTRACTORS
from tests.support.documents import DocWorld, build_world
from vanphong.documents import services_incoming
from vanphong.search import engine
from vanphong.search.selectors import search

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def registry(
    django_db_setup: None,
    django_db_blocker: DjangoDbBlocker,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[DocWorld, Path]]:
    directory: Path = tmp_path_factory.mktemp("relevance") / "search"
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(VANPHONG_SEARCH_DIR=directory),
    ):
        world = build_world()
        for n, (symbol, sender, subject) in enumerate(CORPUS + DISTRACTORS):
            services_incoming.incoming_register(
                actor=world.chau_thanh_clerk,
                unit=world.chau_thanh_office,
                medium="paper",
                sender_name=sender,
                number_symbol=symbol,
                document_date=date(2011, 1, 3),
                subject=subject,
                received_at=datetime(2011, 1, 4 + n % 20, 2, 0, tzinfo=UTC),
            )
        engine.drain()
        yield world, directory
        engine._readers.clear()
        transaction.set_rollback(True)


def test_the_set_has_at_least_a_hundred_queries() -> None:
    assert len(CASES) >= 100
    assert {symbol for _, symbol in CASES} == {symbol for symbol, _, _ in CORPUS}


@pytest.mark.parametrize(("typed", "expected"), CASES)
def test_the_query_finds_its_document_in_the_top_ten(
    registry: tuple[DocWorld, Path], settings: LazySettings, typed: str, expected: str
) -> None:
    world, directory = registry
    settings.VANPHONG_SEARCH_DIR = directory  # the module's index, not the per-test empty one
    hits = search(world.chau_thanh_clerk, typed).hits[:10]
    titles = [hit.title.split(" · ")[0].removeprefix("Số: ").removeprefix("Số ") for hit in hits]
    assert expected in titles, titles
