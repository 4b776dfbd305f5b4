"""The emulation world for the browser: the shared world (tests/support/emulation.py) with the
bloc leader's review (council mode: Châu Thành, the leader, scores the others in the bloc
round), still open, so that the convenor moves it to scoring from its page; and `scored_world`
with every round of every member submitted, for the accessibility pass over the pages."""

from __future__ import annotations

from tests.support.emulation import (
    EmulationWorld,
    build_emulation_world,
    full,
    measurement_rows,
    scored,
    start_scoring,
)
from tests.support.personas import build_personas
from vanphong.emulation.models import ReviewMode, Round


def build_walk_world() -> EmulationWorld:
    world = build_emulation_world(build_personas())
    world.movement.review_mode = ReviewMode.COUNCIL
    world.movement.save(update_fields=["review_mode"])
    return world


def scored_world() -> EmulationWorld:
    """Hòa Thành scored through its three rounds (the bloc leader changing 1.2 with a reason),
    its measured criterion computed; the movement in its scoring step."""
    world = build_walk_world()
    start_scoring(world)
    unit = world.members[1]
    measurement_rows(world, unit, "9.00")
    scored(world, unit, Round.SELF, full("18", "8", "2"))
    scored(
        world,
        unit,
        Round.BLOC,
        full("16", "8", "2"),
        reviewer=world.members[0],
        reasons={"1.2": "Hội nghị sơ kết chậm một tuần."},
    )
    scored(world, unit, Round.COUNCIL, full("16", "8", "2"))
    return world
