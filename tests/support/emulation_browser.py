"""The emulation world for the browser: the shared world (tests/support/emulation.py) with the
bloc leader's review (council mode: Châu Thành, the leader, scores the others in the bloc
round), still open, so that the convenor moves it to scoring from its page; and `scored_world`
with every round of every member submitted, for the accessibility pass over the pages."""

from __future__ import annotations

from datetime import date

from tests.support.emulation import (
    EmulationWorld,
    build_emulation_world,
    full,
    measurement_rows,
    scored,
    start_scoring,
)
from tests.support.personas import build_personas
from vanphong.emulation import services_proposals
from vanphong.emulation.models import Proposal, ReviewMode, Round, ScoreSheet


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


def draft_sheet(world: EmulationWorld) -> ScoreSheet:
    """Gò Dầu's self-assessment, scored but not sent: the sheet with its forms."""
    return scored(world, world.members[3], Round.SELF, full("12", "6"), submit=False)


def drafted_flag(world: EmulationWorld) -> Proposal:
    """The convenor's flag proposal for Hòa Thành (short of it, with the reason), voted, its
    dossier drafted."""
    actor = world.convenor_officer
    proposal = services_proposals.proposal_create(
        actor=actor, title_code="provincial_flag", movement=world.movement
    )
    nominee = services_proposals.nominee_add(
        actor=actor,
        proposal=proposal,
        unit=world.members[1],
        override_reason="Đơn vị dẫn đầu khối về cải cách hành chính.",
    )
    services_proposals.vote_record(
        actor=actor, proposal=proposal, voters=9, voted_on=date(2013, 1, 20), votes={nominee.pk: 8}
    )
    return services_proposals.dossier_draft(actor=actor, proposal=proposal)
