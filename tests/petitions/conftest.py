"""The petitions world: the document world plus the Offices' reception officers."""

from __future__ import annotations

import pytest

from tests.support.petitions import PetitionWorld, build_petition_world


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()
