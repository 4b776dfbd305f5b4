"""Every read of letters, visits and reception sessions, scoped by the person's posts
(`workflow.PETITION_ROLES` over the letter's unit and the units below)."""

from __future__ import annotations

from uuid import UUID

from django.db.models import QuerySet

from vanphong.core.access import get_visible_or_404
from vanphong.org.models import Person
from vanphong.org.selectors import scope_for
from vanphong.petitions.models import Letter, ReceptionSession, Visit
from vanphong.petitions.workflow import PETITION_ROLES


def visible_unit_ids(person: Person | None) -> frozenset[int]:
    return scope_for(person).units_with_role(*PETITION_ROLES)


def letters_visible(person: Person | None) -> QuerySet[Letter]:
    return Letter.objects.filter(unit_id__in=visible_unit_ids(person))


def letter_or_404(person: Person, uuid: UUID | str) -> Letter:
    return get_visible_or_404(letters_visible(person).select_related("unit", "handler"), uuid)


def sessions_visible(person: Person | None) -> QuerySet[ReceptionSession]:
    return ReceptionSession.objects.filter(unit_id__in=visible_unit_ids(person))


def visits_visible(person: Person | None) -> QuerySet[Visit]:
    return Visit.objects.filter(unit_id__in=visible_unit_ids(person))
