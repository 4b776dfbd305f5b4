"""The reads of proposals and of the register of awards, scoped as the rest of emulation.

- A proposal is seen by those who read its proposing unit (`workflow.READER_ROLES`, over the
  unit and the units below) and, for a movement's proposal, by those who see the movement.
- A line of the register is seen by those who read the unit whose register holds it, the unit
  awarded or the unit that proposed it; a person always sees their own titles.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from uuid import UUID

from django.db.models import Q, QuerySet

from vanphong.core.access import get_visible_or_404
from vanphong.emulation.models import Award, Movement, Nominee, Pledge, Proposal
from vanphong.emulation.ranking import Ranking, bloc_ranking
from vanphong.emulation.selectors import movements_visible, reader_unit_ids
from vanphong.emulation.titles import Title, UnitQualification, qualify, titles_in_force
from vanphong.org.models import Person


def rules_date(year: int) -> date:
    """The date whose rule version judges a year's titles: the year's last day."""
    return date(year, 12, 31)


def proposals_visible(person: Person | None) -> QuerySet[Proposal]:
    units = reader_unit_ids(person)
    return Proposal.objects.filter(
        Q(proposing_unit_id__in=units) | Q(movement__in=movements_visible(person))
    ).distinct()


def proposal_or_404(person: Person, uuid: UUID | str) -> Proposal:
    return get_visible_or_404(
        proposals_visible(person).select_related(
            "movement__bloc",
            "proposing_unit",
            "cover_note",
            "list_document",
            "minutes",
            "decision",
            "created_by",
        ),
        uuid,
    )


def nominees_of(proposal: Proposal) -> QuerySet[Nominee]:
    return proposal.nominees.select_related("unit", "person", "award").order_by("position", "id")


def awards_visible(person: Person | None) -> QuerySet[Award]:
    units = reader_unit_ids(person)
    mine = Q(person_id=person.pk) if person is not None and person.pk else Q(pk__in=[])
    return Award.objects.filter(
        Q(register_unit_id__in=units)
        | Q(unit_id__in=units)
        | Q(nominee__proposal__proposing_unit_id__in=units)
        | mine
    )


def titles_held(
    *,
    year_from: int,
    year_to: int,
    unit_ids: list[int] | None = None,
    person_ids: list[int] | None = None,
) -> dict[int, dict[int, frozenset[str]]]:
    """Per unit (or person) id, per year, the titles held: the register's lines, and the lines
    of proposals not (yet) refused, which count for the year they are proposed in."""
    by_owner: dict[int, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    key = "unit_id" if unit_ids is not None else "person_id"
    ids = unit_ids if unit_ids is not None else (person_ids or [])
    awards = Award.objects.filter(**{f"{key}__in": ids}, year__gte=year_from, year__lte=year_to)
    for owner, year, code in awards.values_list(key, "year", "title_code"):
        by_owner[owner][year].add(code)
    pending = Nominee.objects.filter(
        **{f"{key}__in": ids},
        proposal__year__gte=year_from,
        proposal__year__lte=year_to,
    ).exclude(awarded=False)
    for owner, year, code in pending.values_list(key, "proposal__year", "proposal__title_code"):
        by_owner[owner][year].add(code)
    return {
        owner: {year: frozenset(codes) for year, codes in years.items()}
        for owner, years in by_owner.items()
    }


def qualification(
    movement: Movement, ranking: Ranking | None = None
) -> tuple[list[Title], list[UnitQualification]]:
    """The movement's units against the unit titles in force for its year, best ranked first."""
    ranking = ranking or bloc_ranking(movement)
    titles = titles_in_force(rules_date(movement.year))
    pledges = {
        unit_id: list(codes)
        for unit_id, codes in Pledge.objects.filter(movement=movement).values_list(
            "unit_id", "titles"
        )
    }
    held = titles_held(
        year_from=movement.year - 5,
        year_to=movement.year - 1,
        unit_ids=[row.unit.pk for row in ranking.rows],
    )
    lines = qualify(ranking.rows, year=movement.year, titles=titles, pledges=pledges, held=held)
    return [t for t in titles if t.level == "unit"], lines


def qualifying(movement: Movement) -> dict[int, list[str]]:
    """Per unit id, the codes of the titles it qualifies for (conditions and quotas met)."""
    _titles, lines = qualification(movement)
    return {line.unit.pk: line.titles for line in lines}
