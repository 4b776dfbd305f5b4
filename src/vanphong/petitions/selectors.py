"""Every read of letters, visits and reception sessions, scoped by the person's posts
(`workflow.PETITION_ROLES` over the letter's unit and the units below)."""

from __future__ import annotations

from uuid import UUID

from django.db.models import QuerySet

from vanphong.core.access import get_visible_or_404
from vanphong.org.models import Person
from vanphong.org.selectors import scope_for
from vanphong.petitions.models import Forward, Letter, ReceptionSession, Visit
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


def forwards_visible(person: Person | None) -> QuerySet[Forward]:
    return Forward.objects.filter(letter__unit_id__in=visible_unit_ids(person))


def forward_or_404(person: Person, uuid: UUID | str) -> Forward:
    return get_visible_or_404(
        forwards_visible(person).select_related("letter__unit", "letter__handler", "reply"), uuid
    )


def forwards_awaiting(person: Person | None) -> QuerySet[Forward]:
    """The forwards whose result has not come back, the longest overdue first."""
    return (
        forwards_visible(person)
        .filter(result_on__isnull=True)
        .select_related("letter__unit", "note")
        .order_by("result_due_on", "forwarded_on", "id")
    )


def forwards_of(letter: Letter) -> QuerySet[Forward]:
    """A letter's forwards for its page (the letter itself already fetched as visible)."""
    return letter.forwards.select_related("note", "reply", "to_unit").order_by(
        "forwarded_on", "id"
    )
