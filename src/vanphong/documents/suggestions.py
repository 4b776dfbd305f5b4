"""What a clerk typed before, offered again: earlier senders for the registration form, known
outside bodies for the recipients of an issue, and the recipient a reply goes back to.

Selectors only (no writes). Every suggestion comes from documents the person may open and
that their own units registered or issued: a sender of a secret document the person cannot
see, or of another unit's book, is never offered, since a suggestion names a document's
author as surely as a list row would.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet

from vanphong.core.vietnamese import fold
from vanphong.documents.models import Delivery, IncomingDocument, OutgoingDocument
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.org.models import Person, Unit

LIMIT = 15


def _ranked(
    rows: QuerySet[IncomingDocument] | QuerySet[Delivery],
    key: str,
    name: str,
    limit: int | None = LIMIT,
) -> list[str]:
    """One name per `key`, most used first, then most recent; one query."""
    grouped = (
        rows.values(key)
        .annotate(name=Max(name), uses=Count("id"), last=Max("id"))
        .order_by("-uses", "-last")
    )
    return [row["name"] for row in grouped[:limit] if row["name"]]


def senders(
    person: Person, units: Collection[int], query: str = "", *, outside_only: bool = False
) -> list[str]:
    """Earlier senders in the incoming books of `units` (ids) that `person` may open, whose
    folded name contains the folded `query`. `Tỉnh uỷ` and `Tỉnh ủy` are one sender."""
    documents = incoming_visible(person).filter(unit_id__in=sorted(units))
    if outside_only:  # what came through the system came from a unit, not an outside body
        documents = documents.filter(sender_unit__isnull=True)
    if folded := fold(query):
        documents = documents.filter(sender_folded__contains=folded)
    return _ranked(documents, "sender_folded", "sender_name")


def outside_bodies(person: Person, unit: Unit, query: str = "") -> list[str]:
    """Bodies outside the installation that `unit` wrote to before (in documents `person`
    may open), then those that wrote to it: a reply usually goes back to a sender. Two
    queries."""
    deliveries = Delivery.objects.filter(
        document__in=outgoing_visible(person).filter(unit=unit), recipient_unit__isnull=True
    ).exclude(external_name="")
    # Outside names have no folded column: the unit's few hundred at most are folded here.
    names = _ranked(deliveries, "external_name", "external_name", limit=None)
    if folded := fold(query):
        names = [n for n in names if folded in fold(n)]
    return _distinct([*names, *senders(person, [unit.id], query, outside_only=True)])[:LIMIT]


def _distinct(names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for name in names:
        if (key := fold(name)) not in seen:
            seen.add(key)
            kept.append(name)
    return kept


@dataclass(frozen=True)
class ReplyRecipient:
    """Where a reply goes: a unit of this installation or an outside body by name."""

    unit: Unit | None = None
    external_name: str = ""


def reply_recipient(
    person: Person, reply: OutgoingDocument, units: Iterable[Unit]
) -> ReplyRecipient:
    """Where `reply` goes back to, among the units it may be sent to (`units`): the unit that
    sent the answered document through the system, else a unit named as its sender was typed
    (folded), else the sender's name as an outside body. Nothing when it answers nothing, or a
    document `person` may not open (its sender is not named to them). One query at most."""
    if reply.reply_to_id is None:
        return ReplyRecipient()
    answered = incoming_visible(person).filter(pk=reply.reply_to_id).first()
    if answered is None:
        return ReplyRecipient()
    by_id = {u.id: u for u in units}
    if answered.sender_unit_id is not None:
        # Sent through the system: back to that unit, if it may still be sent to.
        return ReplyRecipient(unit=by_id.get(answered.sender_unit_id))
    for unit in by_id.values():
        if fold(unit.name) == answered.sender_folded:
            return ReplyRecipient(unit=unit)
    return ReplyRecipient(external_name=answered.sender_name)
