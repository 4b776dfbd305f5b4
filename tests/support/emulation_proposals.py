"""The proposals world: the shared emulation world (tests/support/emulation.py) scored out of
100 by the council, with pledges, the staff of Châu Thành's Office, and the steps of a proposal
through the services, for tests to start from.

The 2012 criteria set gets a criterion 1.3 (assessed, max 55) so totals reach 100 as the
titles' minimum totals expect. `scored()` gives a unit a council-round total: measured 10,
1.2 = 20, 2.1 = 10 and 1.3 the rest. The default world: Châu Thành 95, Hòa Thành 88, Trảng Bàng
86, Gò Dầu 60, each pledged for the flag.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from tests.support.emulation import EmulationWorld, build_emulation_world, measurement_rows
from tests.support.emulation import sheet_rows as shared_sheet_rows
from tests.support.factories import MembershipFactory, PersonFactory
from tests.support.personas import Personas
from vanphong.documents import services_incoming
from vanphong.documents.models import IncomingDocument
from vanphong.emulation import services_awards, services_proposals
from vanphong.emulation.models import (
    Award,
    Criterion,
    CriterionKind,
    Nominee,
    Pledge,
    Proposal,
    Round,
)
from vanphong.org.models import Clearance, Person, Role, Unit

DECIDED_AT = datetime(2013, 2, 4, 2, 0, tzinfo=UTC)  # 09:00 in Tây Ninh


@dataclass
class ProposalWorld:
    e: EmulationWorld
    staff: list[Person] = field(default_factory=list)  # Châu Thành's Office: specialists

    def __getattr__(self, name: str) -> Any:
        return getattr(self.e, name)

    @property
    def chau_thanh(self) -> Unit:
        return self.e.members[0]


def _criterion_13(world: EmulationWorld) -> Criterion:
    group = world.criteria["1.2"].group
    criterion = Criterion.objects.create(
        group=group,
        position=3,
        code="1.3",
        title="Tham mưu, phục vụ cấp ủy",
        kind=CriterionKind.ASSESSED,
        max_points=Decimal("55"),
    )
    world.criteria["1.3"] = criterion
    return criterion


def scored(world: EmulationWorld, unit: Unit, total: int, *, round_: str = Round.COUNCIL) -> None:
    """The unit's total `total` (40 ≤ total ≤ 95) from the council round (complete)."""
    measurement_rows(world, unit, "10.00", done=10)
    shared_sheet_rows(
        world,
        unit,
        round_,
        {"1.2": "20", "2.1": "10", "2.2": "0", "2.3": "0", "1.3": str(total - 40)},
    )


def pledge(world: EmulationWorld, unit: Unit, titles: list[str]) -> Pledge:
    return Pledge.objects.create(
        movement=world.movement,
        unit=unit,
        titles=titles,
        registered_on=date(2012, 2, 1),
        registered_by=world.officers[unit.id],
    )


def build_proposal_world(
    people: Personas, totals: tuple[int, ...] = (95, 88, 86, 60)
) -> ProposalWorld:
    e = build_emulation_world(people)
    _criterion_13(e)
    for unit, total in zip(e.members, totals, strict=True):
        scored(e, unit, total)
        pledge(e, unit, ["provincial_flag"])
    staff = []
    for index in range(8):
        member = PersonFactory.create(
            username=f"nv{index}.chauthanh", full_name=f"Nguyễn Văn Nhân Viên {index}"
        )
        MembershipFactory.create(
            person=member,
            unit=people.chau_thanh_office,
            role=Role.SPECIALIST,
            clearance=Clearance.UNCLASSIFIED,
        )
        staff.append(member)
    return ProposalWorld(e=e, staff=staff)


@pytest.fixture
def pw(people: Personas) -> ProposalWorld:
    return build_proposal_world(people)


def flag_proposal(w: ProposalWorld, title_code: str = "provincial_flag") -> Proposal:
    return services_proposals.proposal_create(
        actor=w.convenor_officer, title_code=title_code, movement=w.movement
    )


def staff_proposal(w: ProposalWorld, title_code: str, year: int = 2012) -> Proposal:
    return services_proposals.proposal_create(
        actor=w.officer(w.chau_thanh),
        title_code=title_code,
        year=year,
        proposing_unit=w.chau_thanh,
    )


def voted(w: ProposalWorld, proposal: Proposal, *, voters: int = 9, votes: int = 9) -> Proposal:
    actor = w.officers[proposal.proposing_unit_id]
    return services_proposals.vote_record(
        actor=actor,
        proposal=proposal,
        voters=voters,
        voted_on=date(proposal.year + 1, 1, 20),
        votes={n.pk: votes for n in proposal.nominees.all()},
    )


def decision(w: ProposalWorld, unit: Unit, clerk: Person, **overrides: Any) -> IncomingDocument:
    fields: dict[str, Any] = {
        "actor": clerk,
        "unit": unit,
        "medium": "paper",
        "sender_name": "Ủy ban nhân dân tỉnh Tây Ninh",
        "number_symbol": "Số 215/QĐ-UBND",
        "document_date": date(2013, 1, 30),
        "subject": "Về việc tặng Cờ thi đua năm 2012",
        "received_at": DECIDED_AT,
    }
    fields.update(overrides)
    return services_incoming.incoming_register(**fields)


def submitted_flag(w: ProposalWorld) -> Proposal:
    """A flag proposal for Châu Thành, voted, its dossier drafted and submitted."""
    proposal = flag_proposal(w)
    services_proposals.nominee_add(actor=w.convenor_officer, proposal=proposal, unit=w.chau_thanh)
    voted(w, proposal)
    services_proposals.dossier_draft(actor=w.convenor_officer, proposal=proposal)
    return services_proposals.proposal_submit(actor=w.convenor_officer, proposal=proposal)


def decided_flag(w: ProposalWorld) -> Proposal:
    proposal = submitted_flag(w)
    found = decision(w, w.convenor, w.people.province_clerk)
    return services_awards.decision_link(
        actor=w.convenor_officer, proposal=proposal, decision=found
    )


def award_row(
    *,
    year: int,
    title_code: str,
    title_name: str,
    register_unit: Unit,
    person: Person | None = None,
    unit: Unit | None = None,
    number: str = "Số 12/QĐ-VP",
) -> Award:
    """A line of the register written as a row (no service, no audit)."""
    return Award.objects.create(
        year=year,
        title_code=title_code,
        title_name=title_name,
        person=person,
        unit=unit,
        register_unit=register_unit,
        awarding_body="Chánh Văn phòng",
        decision_number=number,
        decided_on=date(year + 1, 1, 15),
    )


def nominees(proposal: Proposal) -> list[Nominee]:
    return list(proposal.nominees.order_by("position"))
