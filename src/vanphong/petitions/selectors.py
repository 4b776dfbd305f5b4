"""Every read of letters, visits and reception sessions, scoped by the person's posts
(`workflow.PETITION_ROLES` over the letter's unit and the units below)."""

from __future__ import annotations

from uuid import UUID

from django.db.models import QuerySet

from vanphong.core.access import get_visible_or_404
from vanphong.documents.models import IncomingDocument
from vanphong.documents.selectors import incoming_visible
from vanphong.org.models import Person, Unit
from vanphong.org.selectors import ancestors, scope_for, unit_subtree
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
    return letter.forwards.select_related("note", "reply", "to_unit").order_by("forwarded_on", "id")


def forward_units(letter: Letter) -> QuerySet[Unit]:
    """The units of the system a letter may be forwarded to: the active units of its
    province's tree (the Inspection Committee, a district committee, …) but its own."""
    chain = ancestors(letter.unit)
    root = chain[0] if chain else letter.unit
    return Unit.objects.filter(pk__in=unit_subtree(root), is_active=True).exclude(pk=letter.unit_id)


def reply_candidates(person: Person, forward: Forward) -> QuerySet[IncomingDocument]:
    """The documents of the letter's unit's incoming book, received since the forward, that
    the person sees: where the body's reply is registered."""
    return incoming_visible(person).filter(
        unit_id=forward.letter.unit_id, document_date__gte=forward.forwarded_on
    )
