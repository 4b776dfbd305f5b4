"""The document world: the common personas plus the leaders and terms documents need."""

from __future__ import annotations

import pytest

from tests.support.documents import DocWorld, build_world


@pytest.fixture
def world(db: None) -> DocWorld:
    return build_world()
