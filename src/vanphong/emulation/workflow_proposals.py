"""Who may do what with proposals and the register of awards.

- Unit titles are proposed by the bloc's convenor (its emulation officers and Office leaders),
  for its movement; a person's titles by the Office the person works in, for its staff.
- Those who run a proposal vote it, draft its dossier, submit it and link the decision.
- A line of the register is added, outside any proposal, by those who act for the unit whose
  register holds it.
"""

from __future__ import annotations

from vanphong.emulation.models import Movement, Proposal, ProposalStatus
from vanphong.emulation.workflow import acts_for
from vanphong.org.models import Person


def may_propose_units(person: Person | None, movement: Movement) -> bool:
    return acts_for(person, movement.bloc.convenor_id)


def may_propose_staff(person: Person | None, unit_id: int) -> bool:
    return acts_for(person, unit_id)


def may_run(person: Person | None, proposal: Proposal) -> bool:
    return acts_for(person, proposal.proposing_unit_id)


def may_edit_nominees(person: Person | None, proposal: Proposal) -> bool:
    return may_run(person, proposal) and proposal.status in (
        ProposalStatus.DRAFT,
        ProposalStatus.VOTED,
    )


def may_vote(person: Person | None, proposal: Proposal) -> bool:
    return may_edit_nominees(person, proposal) and proposal.cover_note_id is None


def may_draft_dossier(person: Person | None, proposal: Proposal) -> bool:
    return (
        may_run(person, proposal)
        and proposal.status == ProposalStatus.VOTED
        and proposal.cover_note_id is None
    )


def may_submit(person: Person | None, proposal: Proposal) -> bool:
    return (
        may_run(person, proposal)
        and proposal.status == ProposalStatus.VOTED
        and proposal.cover_note_id is not None
    )


def may_link_decision(person: Person | None, proposal: Proposal) -> bool:
    return may_run(person, proposal) and proposal.status == ProposalStatus.SUBMITTED


def may_add_award(person: Person | None, register_unit_id: int) -> bool:
    return acts_for(person, register_unit_id)
