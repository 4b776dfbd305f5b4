"""Every read of emulation, scoped: a movement is seen by those who read its convenor or one of
its bloc's members (`workflow.READER_ROLES`, over the unit and the units below)."""

from __future__ import annotations

from uuid import UUID

from django.db.models import Q, QuerySet

from vanphong.core.access import get_visible_or_404
from vanphong.emulation.models import Bloc, Movement
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
