"""A letter's legal clocks (`Deadline` rows), computed from the rule versions in core.rules by
the date each clock starts. Services call `refresh(letter)` inside their transaction after any
change that moves a clock (registration, classification, acceptance, forward, result,
extension, suspension); `check(letter)` computes without writing, so a service can refuse a
date no rule covers before it allocates a number.

The clocks and what they wait for:

- PROCESSING (every letter): the processing period of the version in force on `received_on`
  (classify, decide how to handle, reply or forward); met on `handled_on` (or on closing).
- ACCEPTANCE: a complaint or denunciation the committee itself is to settle — handling
  "accept", or no handling yet and classified eligible (a letter not yet classified has only
  its processing clock; one handled otherwise has none). From `received_on`, by the version in
  force then; met on `accepted_on`.
- SETTLEMENT: handling "accept" with `accepted_on`: the settlement period of the version in
  force on `accepted_on` — a complaint by round, complexity and remoteness; a denunciation by
  complexity — plus the recorded extensions and the suspended days (each suspension's days,
  both ends included, do not count; an open one counts up to today and stops the clock, see
  `stopped`). Met on `result_on` (or on closing).
- FOLLOW_UP: the letter's forwards: due on the earliest `result_due_on` of those without a
  result; met, on the last result, when every forward has one.

A letter that is both a complaint and a denunciation runs on the denunciation's clocks: its
protections and its extensions are the stricter ones. Calendar-day periods that end on a day
off run to the next working day (Bộ luật Dân sự 2015, Điều 148); working-day periods count the
working-day calendar (Tết and the other days off of `CalendarDay`).

A date before the first version of a rule is a `ValidationError` on the field whose date it is
(`received_on`, `accepted_on`, `forwarded_on`), with the rule's message.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from vanphong.core.rules import NoRuleInForce, Period, RuleBook
from vanphong.core.workdays import WorkCalendar
from vanphong.petitions.models import (
    ClockKind,
    Complexity,
    Deadline,
    Eligibility,
    Extension,
    Forward,
    Handling,
    Letter,
    LetterStatus,
    Suspension,
)

_SOURCE_LENGTH = 300


@dataclass(frozen=True)
class Clock:
    kind: str
    starts_on: date
    due_on: date
    days: int
    working_days: bool
    rule_kind: str
    rule_from: date
    source: str
    met_on: date | None = None


@dataclass(frozen=True)
class ForwardRow:
    forwarded_on: date
    result_due_on: date
    result_on: date | None


@dataclass(frozen=True)
class SuspensionRow:
    starts_on: date
    ends_on: date | None


def _rule_error(field: str, error: NoRuleInForce) -> ValidationError:
    return ValidationError({field: str(error)})


def advance(calendar: WorkCalendar, period: Period, start: date, extra: int = 0) -> date:
    """The day a period of `period.days + extra` days running from `start` ends."""
    days = period.days + extra
    if period.working_days:
        return calendar.add_working_days(start, days)
    return calendar.add_working_days(start + timedelta(days=days), 0)


def is_settled_here(letter: Letter) -> bool:
    """Whether the committee itself accepts and settles the letter (see the module's rule)."""
    if not (letter.complaint or letter.denunciation):
        return False
    if letter.handling == Handling.ACCEPT:
        return True
    return not letter.handling and letter.eligibility == Eligibility.ELIGIBLE


def settlement_period(book: RuleBook, letter: Letter, on: date) -> Period:
    """The settlement period of the letter's kind and case, in the version in force on `on`."""
    if letter.denunciation:
        complexity = letter.complexity or Complexity.NORMAL
        return book.denunciation(on, complexity=complexity)  # type: ignore[arg-type]
    return book.complaint(
        on,
        second=letter.second_complaint,
        complex_case=letter.complexity != Complexity.NORMAL,
        remote=letter.remote,
    )


def _forward_clock(
    letter: Letter, forwarded_on: date, book: RuleBook, calendar: WorkCalendar
) -> tuple[date, Period]:
    """A complaint or denunciation forwarded on a day is owed a result when the receiving
    body's acceptance period and then its ordinary settlement period (the letter's case, no
    extension) of the versions in force that day have run; a proposal or report, when the
    processing period has. The period returned names the rule the follow-up stands on."""
    if letter.complaint or letter.denunciation:
        accept = book.acceptance(forwarded_on, denunciation=letter.denunciation)
        settle = settlement_period(book, letter, forwarded_on)
        return advance(calendar, settle, advance(calendar, accept, forwarded_on)), settle
    processing = book.processing(forwarded_on)
    return advance(calendar, processing, forwarded_on), processing


def forward_due(
    letter: Letter,
    forwarded_on: date,
    *,
    book: RuleBook | None = None,
    calendar: WorkCalendar | None = None,
) -> date:
    """When the body a letter is forwarded to on `forwarded_on` owes its result (see
    `_forward_clock`); a date before the rules is a ValidationError on `forwarded_on`."""
    book = book or RuleBook.load()
    calendar = calendar or WorkCalendar.load(forwarded_on, forwarded_on + timedelta(days=366))
    try:
        return _forward_clock(letter, forwarded_on, book, calendar)[0]
    except NoRuleInForce as error:
        raise _rule_error("forwarded_on", error) from error


def suspended_days(
    calendar: WorkCalendar,
    suspensions: Iterable[SuspensionRow],
    *,
    working_days: bool,
    today: date,
) -> int:
    """The days the suspensions stopped the clock, both ends included; an open one to today."""
    total = 0
    for row in suspensions:
        ends_on = row.ends_on or max(today, row.starts_on)
        if working_days:
            total += calendar.working_days_in(row.starts_on, ends_on)
        else:
            total += (ends_on - row.starts_on).days + 1
    return total


def _clock(kind: str, period: Period, starts_on: date, due_on: date, days: int) -> Clock:
    return Clock(
        kind=kind,
        starts_on=starts_on,
        due_on=due_on,
        days=days,
        working_days=period.working_days,
        rule_kind=period.kind,
        rule_from=period.effective_from,
        source=period.source[:_SOURCE_LENGTH],
    )


def plan(
    letter: Letter,
    *,
    book: RuleBook,
    calendar: WorkCalendar,
    forwards: Sequence[ForwardRow] = (),
    extension_days: Sequence[int] = (),
    suspensions: Sequence[SuspensionRow] = (),
    today: date,
) -> list[Clock]:
    """The clocks the letter should carry (pure: everything it needs is passed in)."""
    closed_on = letter.closed_on if letter.status == LetterStatus.CLOSED else None
    clocks: list[Clock] = []
    try:
        processing = book.processing(letter.received_on)
    except NoRuleInForce as error:
        raise _rule_error("received_on", error) from error
    due = advance(calendar, processing, letter.received_on)
    clock = _clock(ClockKind.PROCESSING, processing, letter.received_on, due, processing.days)
    clocks.append(_met(clock, letter.handled_on or closed_on))
    if is_settled_here(letter):
        try:
            accept = book.acceptance(letter.received_on, denunciation=letter.denunciation)
        except NoRuleInForce as error:
            raise _rule_error("received_on", error) from error
        due = advance(calendar, accept, letter.received_on)
        clock = _clock(ClockKind.ACCEPTANCE, accept, letter.received_on, due, accept.days)
        clocks.append(_met(clock, letter.accepted_on))
    if letter.handling == Handling.ACCEPT and letter.accepted_on is not None:
        try:
            settle = settlement_period(book, letter, letter.accepted_on)
        except NoRuleInForce as error:
            raise _rule_error("accepted_on", error) from error
        extra = sum(extension_days) + suspended_days(
            calendar, suspensions, working_days=settle.working_days, today=today
        )
        due = advance(calendar, settle, letter.accepted_on, extra)
        days = settle.days + sum(extension_days)
        clock = _clock(ClockKind.SETTLEMENT, settle, letter.accepted_on, due, days)
        clocks.append(_met(clock, letter.result_on or closed_on))
    if forwards:
        clocks.append(_follow_up(letter, forwards, book, calendar))
    return clocks


def _met(clock: Clock, met_on: date | None) -> Clock:
    return Clock(**{**clock.__dict__, "met_on": met_on})


def _follow_up(
    letter: Letter, forwards: Sequence[ForwardRow], book: RuleBook, calendar: WorkCalendar
) -> Clock:
    waiting = [row for row in forwards if row.result_on is None]
    first = min(waiting or forwards, key=lambda row: (row.result_due_on, row.forwarded_on))
    try:
        _due, period = _forward_clock(letter, first.forwarded_on, book, calendar)
    except NoRuleInForce as error:
        raise _rule_error("forwarded_on", error) from error
    clock = Clock(
        kind=ClockKind.FOLLOW_UP,
        starts_on=first.forwarded_on,
        due_on=first.result_due_on,
        days=max(0, (first.result_due_on - first.forwarded_on).days),
        working_days=False,
        rule_kind=period.kind,
        rule_from=period.effective_from,
        source=period.source[:_SOURCE_LENGTH],
    )
    if waiting:
        return clock
    results = [row.result_on for row in forwards if row.result_on is not None]
    return _met(clock, max(results))


def clocks_for(letter: Letter, *, today: date | None = None) -> list[Clock]:
    """The clocks of a saved (or about to be saved) letter, fetching what `plan` needs: the
    rule versions and the calendar (one query each), and the forwards, extensions and
    suspensions of a saved letter."""
    today = today or timezone.localdate()
    forwards: list[ForwardRow] = []
    extension_days: list[int] = []
    suspensions: list[SuspensionRow] = []
    if letter.pk is not None:
        forwards = [
            ForwardRow(*row)
            for row in Forward.objects.filter(letter_id=letter.pk).values_list(
                "forwarded_on", "result_due_on", "result_on"
            )
        ]
        if letter.handling == Handling.ACCEPT and letter.accepted_on is not None:
            extension_days = list(
                Extension.objects.filter(letter_id=letter.pk).values_list("days", flat=True)
            )
            suspensions = [
                SuspensionRow(*row)
                for row in Suspension.objects.filter(letter_id=letter.pk).values_list(
                    "starts_on", "ends_on"
                )
            ]
    # A year from receipt covers most clocks; a later one extends the span by one query.
    first = letter.received_on
    calendar = WorkCalendar.load(first, first + timedelta(days=366))
    return plan(
        letter,
        book=RuleBook.load(),
        calendar=calendar,
        forwards=forwards,
        extension_days=extension_days,
        suspensions=suspensions,
        today=today,
    )


def check(letter: Letter) -> None:
    """Raise the ValidationError `refresh` would, without writing anything."""
    clocks_for(letter)


def refresh(letter: Letter, *, today: date | None = None) -> list[Deadline]:
    """Bring the letter's Deadline rows in line with its state: create, update, delete."""
    wanted = {clock.kind: clock for clock in clocks_for(letter, today=today)}
    existing = {row.kind: row for row in Deadline.objects.filter(letter_id=letter.pk)}
    gone = [row.pk for kind, row in existing.items() if kind not in wanted]
    if gone:
        Deadline.objects.filter(pk__in=gone).delete()
    kept: list[Deadline] = []
    fresh: list[Deadline] = []
    for kind, clock in wanted.items():
        values = {**clock.__dict__, "unit_id": letter.unit_id}
        row = existing.get(kind)
        if row is None:
            fresh.append(Deadline(letter_id=letter.pk, **values))
            continue
        changed = [name for name, value in values.items() if getattr(row, name) != value]
        if changed:
            for name in changed:
                setattr(row, name, values[name])
            row.save(update_fields=changed)
        kept.append(row)
    if fresh:
        Deadline.objects.bulk_create(fresh)
    return sorted(kept + fresh, key=lambda row: (row.due_on, row.kind))
