"""Search tests: each test gets its own index directory; the indexer runs synchronously."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import LazySettings

from tests.support.documents import DocWorld, build_world
from vanphong.search import engine


@pytest.fixture(autouse=True)
def search_dir(settings: LazySettings, tmp_path: Path) -> Iterator[Path]:
    settings.VANPHONG_SEARCH_DIR = tmp_path / "search"
    engine._readers.clear()
    yield tmp_path / "search"
    engine._readers.clear()


@pytest.fixture
def world(db: None) -> DocWorld:
    return build_world()
