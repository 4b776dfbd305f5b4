"""Every read of emulation, scoped: a movement is seen by those who read its convenor or one of
its bloc's members (`workflow.READER_ROLES`, over the unit and the units below)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django.db.models import Exists, OuterRef, Q, QuerySet

from vanphong.core.access import get_visible_or_404
from vanphong.emulation.models import (
    Bloc,
    BlocMember,
    CriteriaSet,
    Criterion,
    Movement,
    Pledge,
    Round,
    ScoreSheet,
    SheetStatus,
)
from vanphong.emulation.workflow import READER_ROLES
from vanphong.org.models import Person
from vanphong.org.selectors import scope_for


def reader_unit_ids(person: Person | None) -> frozenset[int]:
    return scope_for(person).units_with_role(*READER_ROLES)


def blocs_visible(person: Person | None) -> QuerySet[Bloc]:
    units = reader_unit_ids(person)
    return Bloc.objects.filter(Q(convenor_id__in=units) | Q(members__unit_id__in=units)).distinct()


def movements_visible(person: Person | None) -> QuerySet[Movement]:
    return Movement.objects.filter(bloc__in=blocs_visible(person))


def movement_or_404(person: Person, uuid: UUID | str) -> Movement:
    return get_visible_or_404(
        movements_visible(person).select_related("bloc", "criteria_set", "leader_unit"), uuid
    )


def members_in_force(bloc_id: int, on: date) -> QuerySet[BlocMember]:
    """The bloc's members on `on` (joined on or before, not yet left)."""
    return (
        BlocMember.objects.filter(bloc_id=bloc_id, joined_on__lte=on)
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=on))
        .select_related("unit")
        .order_by("position", "unit__name", "id")
    )


def bloc_or_404(person: Person, uuid: UUID | str) -> Bloc:
    return get_visible_or_404(blocs_visible(person).select_related("convenor"), uuid)


def criteria_sets_visible(person: Person | None) -> QuerySet[CriteriaSet]:
    """Criteria sets are the province's public rules: anyone who sees emulation reads them."""
    if not reader_unit_ids(person):
        return CriteriaSet.objects.none()
    return CriteriaSet.objects.all()


def criteria_set_or_404(person: Person, uuid: UUID | str) -> CriteriaSet:
    return get_visible_or_404(criteria_sets_visible(person), uuid)


def criterion_or_404(person: Person, uuid: UUID | str) -> Criterion:
    return get_visible_or_404(
        Criterion.objects.filter(
            group__criteria_set__in=criteria_sets_visible(person)
        ).select_related("group__criteria_set"),
        uuid,
    )


def sheets_visible(person: Person | None) -> QuerySet[ScoreSheet]:
    """A sheet is seen by who reads its reviewer unit, by who reads the scored unit once it is
    submitted, and by who reads the bloc's convenor; a submitted sheet also by who reads a unit
    that reviews the same unit in a later round (a reviewer weighs the self-assessment's
    evidence and the bloc's reasons before scoring)."""
    units = reader_unit_ids(person)
    reviews = ScoreSheet.objects.filter(
        movement_id=OuterRef("movement_id"), unit_id=OuterRef("unit_id"), reviewer_unit_id__in=units
    ).exclude(round=Round.SELF)
    return ScoreSheet.objects.filter(
        Q(reviewer_unit_id__in=units)
        | Q(unit_id__in=units, status=SheetStatus.SUBMITTED)
        | Q(movement__bloc__convenor_id__in=units)
        | (Q(status=SheetStatus.SUBMITTED) & Exists(reviews))
    )


def earlier_sheets(person: Person, sheet: ScoreSheet) -> list[ScoreSheet]:
    """The submitted sheets of the same unit in the rounds before this sheet's, that the person
    sees: what a reviewer reads before scoring."""
    order = [Round.SELF, Round.BLOC, Round.COUNCIL]
    earlier = order[: order.index(Round(sheet.round))]
    if not earlier:
        return []
    return list(
        sheets_visible(person)
        .filter(
            movement_id=sheet.movement_id,
            unit_id=sheet.unit_id,
            round__in=earlier,
            status=SheetStatus.SUBMITTED,
        )
        .select_related("reviewer_unit")
        .order_by("round", "reviewer_unit__sort_order", "reviewer_unit__name")
    )


def sheet_or_404(person: Person, uuid: UUID | str) -> ScoreSheet:
    return get_visible_or_404(
        sheets_visible(person).select_related(
            "movement__bloc__convenor",
            "movement__criteria_set",
            "movement__leader_unit",
            "unit",
            "reviewer_unit",
        ),
        uuid,
    )


def pledges_of(movement: Movement) -> QuerySet[Pledge]:
    return movement.pledges.select_related("unit", "registered_by").order_by("unit__name")


def movement_sheets(movement: Movement) -> list[ScoreSheet]:
    """Every sheet of the movement, for its progress (status only: no points)."""
    return list(
        ScoreSheet.objects.filter(movement=movement).only(
            "id", "uuid", "unit_id", "round", "reviewer_unit_id", "status"
        )
    )


def visible_sheet_ids(person: Person | None, movement: Movement) -> set[int]:
    return set(sheets_visible(person).filter(movement=movement).values_list("id", flat=True))
