"""Reads of documents, scoped to what the asking person may see.

A person sees the documents of the units they belong to (and the units below), up to the
clearance they hold there; a secret document additionally needs a clerk or leader role in its
unit, unless the person is involved in it (registered, was presented, directed, was assigned,
drafted, approved, signed). An involved person always sees the document.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from vanphong.core.access import get_visible_or_404
from vanphong.core.rules import numbering_policy
from vanphong.core.vietnamese import fold
from vanphong.documents import workflow
from vanphong.documents.models import (
    Assignment,
    AssignmentStatus,
    Delivery,
    DeliveryStatus,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    OutgoingStatus,
    Participant,
)
from vanphong.documents.workflow import DOCUMENT_ROLES, can_decide
from vanphong.org.models import (
    LEADER_ROLES,
    Clearance,
    Membership,
    NumberingStyle,
    Person,
    Role,
    Unit,
)
from vanphong.org.selectors import ancestors, people_holding, scope_for, units_visible

PRIVILEGED_ROLES = (Role.CLERK, Role.OFFICE_LEADER, Role.COMMITTEE_LEADER)


def unit_grants(person: Person) -> dict[int, tuple[int, ...]]:
    """Confidentiality level -> the units whose documents of exactly that level the person
    sees by membership. Pages, the API and the search index filter with this same rule."""
    scope = scope_for(person)
    privileged = scope.units_with_role(*PRIVILEGED_ROLES)
    member_of = scope.units_with_role(*DOCUMENT_ROLES)
    grants: dict[int, tuple[int, ...]] = {}
    for level in Clearance.values:
        if level == Clearance.UNCLASSIFIED:
            cleared = set(member_of)
        else:
            # The clearance must come with the clerk's or leader's post itself: a Tối mật
            # specialist who is also a Không mật clerk below reads nothing secret as that clerk.
            cleared = {
                unit for unit in privileged if scope.clearance_as(unit, *PRIVILEGED_ROLES) >= level
            }
        if cleared:
            grants[level] = tuple(sorted(cleared))
    return grants


def _unit_rule(person: Person) -> Q:
    rule = Q(pk__in=[])
    for level, units in unit_grants(person).items():
        rule |= Q(confidentiality=level, unit_id__in=units)
    return rule


def incoming_visible(person: Person) -> QuerySet[IncomingDocument]:
    involved = Participant.objects.filter(person=person, incoming=OuterRef("pk"))
    return IncomingDocument.objects.filter(_unit_rule(person) | Q(Exists(involved)))


def outgoing_visible(person: Person) -> QuerySet[OutgoingDocument]:
    involved = Participant.objects.filter(person=person, outgoing=OuterRef("pk"))
    return OutgoingDocument.objects.filter(_unit_rule(person) | Q(Exists(involved)))


def incoming_get_visible(person: Person, document_uuid: UUID | str) -> IncomingDocument:
    documents = incoming_visible(person).select_related("unit", "presented_to", "registered_by")
    return get_visible_or_404(documents, document_uuid)


def outgoing_get_visible(person: Person, document_uuid: UUID | str) -> OutgoingDocument:
    documents = outgoing_visible(person).select_related("unit", "drafter", "signer")
    return get_visible_or_404(documents, document_uuid)


def assignment_get_visible(person: Person, assignment_uuid: UUID | str) -> Assignment:
    assignments = Assignment.objects.select_related("document", "assignee").filter(
        document__in=incoming_visible(person)
    )
    return get_visible_or_404(assignments, assignment_uuid)


def _receivable(person: Person) -> Q:
    """Deliveries received by the units where the person is a clerk (Delivery.receiving_unit:
    a committee's Office receives for the committee), up to the clearance held there
    (workflow.may_receive): one above it is neither listed, counted nor opened."""
    scope = scope_for(person)
    clerk_of = scope.units_with_role(Role.CLERK)
    rule = Q(pk__in=[])
    for level in Clearance.values:
        units = sorted(u for u in clerk_of if scope.sees(u, level))
        if units:
            rule |= Q(document__confidentiality=level, receiving_unit_id__in=units)
    return rule


def delivery_get_for_recipient(person: Person, delivery_uuid: UUID | str) -> Delivery:
    """A delivery the person may register or refuse (see _receivable), or 404."""
    deliveries = Delivery.objects.select_related(
        "document", "document__unit", "recipient_unit", "receiving_unit"
    ).filter(_receivable(person))
    return get_visible_or_404(deliveries, delivery_uuid)


def delivery_get_for_sender(person: Person, delivery_uuid: UUID | str) -> Delivery:
    deliveries = Delivery.objects.select_related("document").filter(
        document__in=outgoing_visible(person)
    )
    return get_visible_or_404(deliveries, delivery_uuid)


# --- lists ---------------------------------------------------------------------------------


def incoming_duplicates(
    *, unit_id: int, symbol_key: str, sender_name: str, year: int
) -> QuerySet[IncomingDocument]:
    """Earlier registrations of the same document in the unit: same number-symbol, same
    issuing body (marks and tone placement ignored), same year of issue."""
    return IncomingDocument.objects.filter(
        unit_id=unit_id,
        symbol_key=symbol_key,
        sender_folded=fold(sender_name),
        document_date__year=year,
    ).order_by("number")


def _day_start(day: date) -> datetime:
    """Midnight starting `day` in the current time zone (where `__date` lookups cut days)."""
    return timezone.make_aware(datetime.combine(day, time.min))


def incoming_book_filtered(
    person: Person,
    *,
    unit_id: int,
    year: int | None = None,
    status: str = "",
    urgent_only: bool = False,
    text: str = "",
    received_from: date | None = None,
    received_to: date | None = None,
) -> QuerySet[IncomingDocument]:
    """A unit's incoming book as the filters narrow it, unordered: what `incoming_book` pages
    through and what the page counts (the COUNT runs on the same (unit, year, received_at)
    index as the page, never over the whole table)."""
    documents = incoming_visible(person).filter(unit_id=unit_id)
    # Dates become ranges of received_at, never functions of it, so that doc_in_book serves
    # them at any size (a year of a million-row registry: 200 ms by `year` alone, 5 ms so).
    if year is not None:
        documents = documents.filter(year=year)
        if 1 <= year < 9999:
            documents = documents.filter(
                received_at__gte=_day_start(date(year, 1, 1)),
                received_at__lt=_day_start(date(year + 1, 1, 1)),
            )
    if status:
        documents = documents.filter(status=status)
    if urgent_only:
        documents = documents.filter(urgency__gte=1)
    if received_from is not None:
        documents = documents.filter(received_at__gte=_day_start(received_from))
    if received_to is not None and received_to < date.max:
        documents = documents.filter(received_at__lt=_day_start(received_to + timedelta(days=1)))
    for word in fold(text).split():
        documents = documents.filter(
            Q(subject_folded__contains=word) | Q(symbol_key__contains=word.upper())
        )
    return documents


def incoming_book(
    person: Person,
    *,
    after: tuple[datetime, int] | None = None,
    offset: int = 0,
    limit: int = 50,
    **filters: Any,
) -> list[IncomingDocument]:
    """One page of a unit's incoming book (`incoming_book_filtered`'s filters), newest first,
    continuing after (received_at, id) — keyset pagination for the API, whose cost does not
    grow with depth — or from `offset` for the pages' numbered links."""
    documents = incoming_book_filtered(person, **filters)
    if after is not None:
        at, pk = after
        documents = documents.filter(Q(received_at__lt=at) | Q(received_at=at, id__lt=pk))
    ordered = documents.select_related("unit").order_by("-received_at", "-id")
    return list(ordered[offset : offset + limit])


def outgoing_book_filtered(
    person: Person, *, unit_id: int, year: int | None = None, text: str = ""
) -> QuerySet[OutgoingDocument]:
    """A unit's outgoing book (sổ văn bản đi) as the filters narrow it: numbered documents,
    withdrawn ones included, unordered."""
    documents = outgoing_visible(person).filter(unit_id=unit_id, number__isnull=False)
    if year is not None:
        documents = documents.filter(
            issued_on__gte=date(year, 1, 1), issued_on__lt=date(year + 1, 1, 1)
        )
    for word in fold(text).split():
        documents = documents.filter(
            Q(subject_folded__contains=word) | Q(symbol_key__contains=word.upper())
        )
    return documents


def outgoing_book(
    person: Person,
    *,
    unit_id: int,
    year: int | None = None,
    text: str = "",
    after: tuple[date, int] | None = None,
    offset: int = 0,
    limit: int = 50,
) -> list[OutgoingDocument]:
    """One page of a unit's outgoing book, newest first, continuing after (issued_on, id) or
    from `offset`, like incoming_book. Each document comes with its deliveries (and their
    units) prefetched."""
    documents = outgoing_book_filtered(person, unit_id=unit_id, year=year, text=text)
    if after is not None:
        on, pk = after
        documents = documents.filter(Q(issued_on__lt=on) | Q(issued_on=on, id__lt=pk))
    deliveries = Prefetch(
        "deliveries", queryset=Delivery.objects.select_related("recipient_unit").order_by("id")
    )
    return list(
        documents.select_related("unit", "signer")
        .prefetch_related(deliveries)
        .order_by("-issued_on", "-id")[offset : offset + limit]
    )


def inbox(person: Person, *, include_done: bool = False) -> QuerySet[Assignment]:
    """What the person must handle, the nearest deadline first (no deadline last)."""
    assignments = Assignment.objects.filter(assignee=person).select_related(
        "document", "document__unit"
    )
    if not include_done:
        assignments = assignments.filter(
            status__in=[AssignmentStatus.OPEN, AssignmentStatus.IN_PROGRESS]
        )
    return assignments.order_by(F("deadline").asc(nulls_last=True), "assigned_at", "id")


def presented_to(person: Person) -> QuerySet[IncomingDocument]:
    return (
        incoming_visible(person)
        .filter(presented_to=person, status=IncomingStatus.PRESENTED)
        .select_related("unit")
        .order_by("-urgency", "presented_at")
    )


def assigned_by(person: Person) -> QuerySet[Assignment]:
    """Open assignments the person gave, for a leader to watch deadlines."""
    return (
        Assignment.objects.filter(
            assigned_by=person, status__in=[AssignmentStatus.OPEN, AssignmentStatus.IN_PROGRESS]
        )
        .select_related("document", "assignee")
        .order_by("deadline", "id")
    )


def reception_queue(person: Person) -> QuerySet[Delivery]:
    """Documents sent inside the installation to the units the person receives for (those
    addressed to a committee whose Office they clerk included), waiting to be registered."""
    return (
        Delivery.objects.filter(_receivable(person), status=DeliveryStatus.ARRIVED)
        .select_related("document", "document__unit", "recipient_unit", "receiving_unit")
        .order_by("-document__urgency", "sent_at")
    )


def awaiting_my_approval(person: Person) -> list[OutgoingDocument]:
    """Drafts whose current approval step the person can take."""
    drafts = outgoing_visible(person).filter(status=OutgoingStatus.IN_REVIEW)
    committees: dict[int, Unit | None] = {}  # one tree lookup per drafting unit, not per draft
    return [
        doc
        for doc in drafts.select_related("unit", "drafter")
        if can_decide(person, doc, committees=committees)
    ]


def awaiting_issue(person: Person) -> QuerySet[OutgoingDocument]:
    """Signed documents of the person's clerk units that they may see, waiting for a number."""
    units = scope_for(person).units_with_role(Role.CLERK)
    return (
        outgoing_visible(person)
        .filter(unit_id__in=sorted(units), status=OutgoingStatus.SIGNED)
        .select_related("unit", "signer")
        .order_by("-urgency", "signed_at")
    )


OPEN_OUTGOING = (
    OutgoingStatus.DRAFT,
    OutgoingStatus.IN_REVIEW,
    OutgoingStatus.RETURNED,
    OutgoingStatus.APPROVED,
    OutgoingStatus.SIGNED,
)


def drafted_by(person: Person, *, open_only: bool = True) -> QuerySet[OutgoingDocument]:
    """The person's own drafts, newest first; by default those not yet issued or abandoned."""
    documents = outgoing_visible(person).filter(drafter=person)
    if open_only:
        documents = documents.filter(status__in=OPEN_OUTGOING)
    return documents.select_related("unit").order_by("-created_at", "-id")


def signer_candidates(unit: Unit) -> list[Membership]:
    """Current leader memberships at the unit or above it: the people who may sign its
    documents (workflow.is_leader_of holds for them), nearest unit first."""
    chain = [*ancestors(unit), unit]
    depth = {u.id: i for i, u in enumerate(chain)}
    memberships = (
        Membership.objects.current()
        .filter(unit_id__in=sorted(depth), role__in=LEADER_ROLES, person__is_active=True)
        .select_related("person", "unit")
    )
    return sorted(memberships, key=lambda m: (-depth[m.unit_id], m.person.name_folded))


# --- what forms offer ----------------------------------------------------------------------


def _by_name(people: QuerySet[Person]) -> QuerySet[Person]:
    return people.order_by("name_folded", "username")


def clerk_units(person: Person) -> QuerySet[Unit]:
    """The units whose incoming book the person keeps (a clerk there or above)."""
    return Unit.objects.filter(id__in=sorted(scope_for(person).units_with_role(Role.CLERK)))


def presentation_leaders(unit: Unit) -> QuerySet[Person]:
    """Whom a document of the unit may be presented to: who workflow.is_leader_of the unit (a
    leader role in the unit or a unit above it)."""
    units = sorted({unit.id, *(a.id for a in ancestors(unit))})
    return _by_name(people_holding(units=units, roles=LEADER_ROLES))


def direction_choices(unit: Unit) -> tuple[QuerySet[Person], QuerySet[Unit]]:
    """The people and units a direction on the unit's document offers
    (workflow.nameable_units): the units' active people, and the units."""
    units = workflow.nameable_units(unit)
    return _by_name(people_holding(units=sorted(set(units)))), Unit.objects.filter(id__in=units)


def hand_over_colleagues(person: Person, assignment: Assignment) -> QuerySet[Person]:
    """Whom an assignee may pass their part to: the active people of the document's unit."""
    return _by_name(people_holding(units=[assignment.document.unit_id])).exclude(pk=person.pk)


def reply_choices(person: Person, assignment: Assignment) -> QuerySet[OutgoingDocument]:
    """Issued documents of the unit since the incoming one arrived: the possible replies."""
    received = timezone.localtime(assignment.document.received_at).date()
    return (
        outgoing_visible(person)
        .filter(
            unit_id=assignment.document.unit_id,
            status=OutgoingStatus.ISSUED,
            issued_on__gte=received,
        )
        .order_by("-issued_on", "-id")
    )


def drafting_units(person: Person) -> QuerySet[Unit]:
    """Units the person belongs to (a membership there, not only above it)."""
    return (
        units_visible(person)
        .filter(id__in=sorted(scope_for(person).roles_by_unit), is_active=True)
        .order_by("sort_order", "name")
    )


def draft_types_by_style(units: QuerySet[Unit]) -> dict[str, dict[str, str]]:
    """The document types a draft may take, by the numbering style of the offered units."""
    today = timezone.localdate()
    styles = sorted({u.numbering_style for u in units})
    return {
        str(NumberingStyle(style).label): numbering_policy(style, today).types  # type: ignore[arg-type]
        for style in styles
    }


def recipient_units(document: OutgoingDocument) -> QuerySet[Unit]:
    """Every active unit of the installation except the sender and those already sent to (the
    picker shows them in the organisation's order, `org.units`)."""
    return (
        Unit.objects.filter(is_active=True)
        .exclude(pk=document.unit_id)
        .exclude(inbox_deliveries__document=document)
    )
