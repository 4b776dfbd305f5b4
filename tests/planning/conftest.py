"""The planning world: the common personas plus the Office and committee leaders a week needs,
two rooms, and the week of 13–19 February 2012."""

from __future__ import annotations

import pytest

from tests.support.planning import PlanWorld, build_world


@pytest.fixture
def world(db: None) -> PlanWorld:
    return build_world()
