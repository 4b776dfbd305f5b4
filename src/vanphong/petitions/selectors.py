"""Every read of letters, visits and reception sessions, scoped by the person's posts
(`workflow.PETITION_ROLES` over the letter's unit and the units below)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Exists, Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from vanphong.core.access import get_visible_or_404
from vanphong.core.inbox import Today
from vanphong.core.models import AuditEvent
from vanphong.core.vietnamese import fold
from vanphong.documents.models import IncomingDocument
from vanphong.documents.selectors import incoming_visible
from vanphong.org.models import Person, Role, Unit
from vanphong.org.selectors import ancestors, scope_for, unit_subtree
from vanphong.petitions.models import (
    Citizen,
    ClockKind,
    Deadline,
    Field,
    Forward,
    Letter,
    LetterFile,
    ReceptionSession,
    Suspension,
    Visit,
)
from vanphong.petitions.workflow import PETITION_ROLES, may_read_identity


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


# --- the legal clocks --------------------------------------------------------------------------


def open_clocks(unit_ids: frozenset[int] | set[int]) -> QuerySet[Deadline]:
    """The running clocks of those units' letters (not met, not stopped by a suspension)."""
    stopped = Suspension.objects.filter(letter_id=OuterRef("letter_id"), ends_on__isnull=True)
    return Deadline.objects.filter(unit_id__in=unit_ids, met_on__isnull=True).exclude(
        Q(kind=ClockKind.SETTLEMENT) & Q(Exists(stopped))
    )


# How far a running clock is from its due date: the inbox's sections and the letters list's
# filter (`?han=`).
OVERDUE = "overdue"
DUE_SOON = "due_soon"


def horizon(today: Today) -> date:
    """The last due date called "due soon" (a few working days ahead)."""
    return today.calendar.add_working_days(today.day, settings.VANPHONG_REMINDER_WORKING_DAYS)


def due_window(due: str, today: Today) -> tuple[date | None, date | None]:
    """The due dates (after, through] of the clocks that are overdue or due soon on `today`:
    overdue one working day after the due date, due soon up to the `horizon`."""
    if due == OVERDUE:
        return None, today.overdue_through
    if due == DUE_SOON:
        return today.overdue_through, horizon(today)
    return None, None


def clocks_due(unit_ids: frozenset[int] | set[int], due: str, today: Today) -> QuerySet[Deadline]:
    """The running clocks of those units that are `OVERDUE` or `DUE_SOON` on `today`."""
    after, through = due_window(due, today)
    clocks = open_clocks(unit_ids)
    if after is not None:
        clocks = clocks.filter(due_on__gt=after)
    if through is not None:
        clocks = clocks.filter(due_on__lte=through)
    return clocks


# --- the letters book -------------------------------------------------------------------------

KINDS = ("complaint", "denunciation", "proposal", "report")
_BOOK_NUMBER = re.compile(r"^\s*(\d{1,7})\s*(?:/\s*(\d{4}))?\s*$")


@dataclass(frozen=True)
class LetterFilter:
    year: int | None = None
    status: str = ""
    kind: str = ""
    field: Field | None = None
    unit: Unit | None = None
    text: str = ""
    due: str = ""  # OVERDUE or DUE_SOON: a running clock of the letter is
    today: Today | None = None  # the day `due` is judged on (needed with `due`)


def list_year(person: Person, text: str = "") -> int | None:
    """The year the letters list opens on when none is asked: the year of a book number typed
    with one (`12/2011`), else the newest year of the books the person sees. A book is numbered
    by year, so the list shows a year at a time, whatever the number of years kept: one index
    seek per book on (unit, year, number), not a walk over every letter."""
    number = _BOOK_NUMBER.match(text)
    if number is not None and number.group(2):
        return int(number.group(2))
    newest = Letter.objects.filter(unit=OuterRef("pk")).order_by("-year").values("year")[:1]
    books = Unit.objects.filter(pk__in=visible_unit_ids(person))
    year = books.aggregate(newest=Max(Subquery(newest)))["newest"]
    return int(year) if year is not None else None


def letters_found(person: Person, found: LetterFilter) -> QuerySet[Letter]:
    """The letters the person sees that match the list's filters, newest first. The text is
    matched against the folded summary and the book number (`12` or `12/2011`), never against
    a petitioner: a denouncer is found by no one's search."""
    letters = letters_visible(person)
    if found.year is not None:
        letters = letters.filter(year=found.year)
    if found.status:
        letters = letters.filter(status=found.status)
    if found.kind in KINDS:
        letters = letters.filter(**{found.kind: True})
    if found.field is not None:
        letters = letters.filter(field=found.field)
    if found.unit is not None:
        letters = letters.filter(unit=found.unit)
    if found.due in (OVERDUE, DUE_SOON) and found.today is not None:
        clocks = clocks_due(visible_unit_ids(person), found.due, found.today)
        letters = letters.filter(pk__in=clocks.values("letter_id"))
    text = found.text.strip()
    if text:
        number = _BOOK_NUMBER.match(text)
        match = Q(summary_folded__contains=fold(text))
        if number is not None:
            by_number = Q(number=int(number.group(1)))
            if number.group(2):
                by_number &= Q(year=int(number.group(2)))
            match |= by_number
        letters = letters.filter(match)
    # The day as an expression, not the bare column: PostgreSQL would otherwise walk the whole
    # `received_on` index backwards past every newer letter of other books, hoping to meet the
    # page's fifty early (880 ms for the province's 2011 at a million letters, bench/
    # petitions.py). So it reads the year from the (unit, year, …) index and sorts only that.
    day = Coalesce("received_on", "received_on")
    return letters.order_by(day.desc(), "-number", "-id")


def letters_rows(letters: QuerySet[Letter], start: int, end: int) -> list[Letter]:
    """The page `start:end` of `letters` (ordered as `letters_found` orders): the ids first,
    sorted from the (unit, year, received_on, number, id) index without reading a row, then
    the page's rows with what a row shows. Sorting the whole year's rows to keep fifty cost
    as much as the year holds."""
    ids = list(letters.values_list("pk", flat=True)[start:end])
    rows = {row.pk: row for row in letters_page(Letter.objects.filter(pk__in=ids).order_by())}
    return [rows[pk] for pk in ids if pk in rows]


def letters_page(letters: QuerySet[Letter]) -> QuerySet[Letter]:
    """What a row of the list shows: the field, the unit, the open clocks, and petitioners'
    names only of letters that protect no identity (a denouncer's are never even loaded)."""
    return letters.select_related("field", "unit").prefetch_related(
        Prefetch(
            "deadlines",
            queryset=Deadline.objects.filter(met_on__isnull=True).order_by("due_on", "id"),
            to_attr="open_deadlines",
        ),
        Prefetch(
            "citizens",
            queryset=Citizen.objects.filter(letter__denunciation=False).order_by("position", "id"),
            to_attr="named_citizens",
        ),
    )


def registering_units(person: Person) -> QuerySet[Unit]:
    """The units whose books the person registers letters in: by a reception post there."""
    scope = scope_for(person)
    held = [unit_id for unit_id, roles in scope.roles_by_unit.items() if Role.RECEPTION in roles]
    return Unit.objects.filter(pk__in=held, is_active=True).order_by("name")


def letter_file_or_404(person: Person, uuid: UUID | str) -> LetterFile:
    """A letter's or a visit's file the person may open: a scan revealing a denouncer only for
    those who read the identity (404 for others, as for a file that does not exist). A visit's
    visitors are read as a letter's petitioners, its receiver standing for the handler."""
    files = LetterFile.objects.filter(
        Q(letter__in=letters_visible(person).values("pk"))
        | Q(visit__in=visits_visible(person).values("pk"))
    )
    stored = get_visible_or_404(files.select_related("file", "letter__unit", "visit__unit"), uuid)
    if stored.letter is not None:
        unit, handler_id, denunciation = (
            stored.letter.unit,
            stored.letter.handler_id,
            stored.letter.denunciation,
        )
    elif stored.visit is not None:
        unit, handler_id, denunciation = (
            stored.visit.unit,
            stored.visit.received_by_id,
            stored.visit.denunciation,
        )
    else:
        raise Http404
    if stored.reveals_identity and not may_read_identity(
        person, unit=unit, handler_id=handler_id, denunciation=denunciation
    ):
        raise Http404
    return stored


def letter_files(person: Person, letter: Letter) -> list[LetterFile]:
    """The files listed on the letter's page: without the denouncer's scans for others."""
    files = letter.files.order_by("uploaded_at", "id")
    if not may_read_identity(
        person, unit=letter.unit, handler_id=letter.handler_id, denunciation=letter.denunciation
    ):
        files = files.filter(reveals_identity=False)
    return list(files)


def letter_history(letter: Letter) -> QuerySet[AuditEvent]:
    """The letter's audit events, oldest first (they never name a denouncer)."""
    return AuditEvent.objects.filter(
        object_type=Letter._meta.label_lower, object_id=str(letter.uuid)
    ).order_by("seq")


def fields_active() -> QuerySet[Field]:
    return Field.objects.filter(is_active=True).order_by("position", "name")


def covering_find(person: Person, uuid: UUID | str) -> IncomingDocument | None:
    """An incoming document the person sees, by its id (None when not found or not seen)."""
    try:
        return incoming_visible(person).get(uuid=uuid)
    except (IncomingDocument.DoesNotExist, ValidationError, ValueError):
        return None


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
