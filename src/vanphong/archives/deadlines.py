"""The archives' clocks, as pure functions of a file and a day.

Transfer (nộp lưu): a file kept five years or more (or permanently) goes to the agency archive
within one year from the day its work ended (`work_ended_on`). "Within one year" is read as
the same calendar day one year later: the transfer is due ON that day and overdue from the
day after. A file whose work ended on 29 February is due on 28 February of the next year —
the last day that is still within the year (1 March would be a year and a day).

A unit may keep a file back (`kept_back_until`) at most two years past that due day; while
kept back, the file is due on the day it is kept until.

A file kept less than five years is not transferred: it stays with its unit until disposal.

The reminder comes ALERT_DAYS (30) days before the due day (Decree 30/2020/NĐ-CP, Appendix VI
read as a 30-day notice), and again from the first overdue day.

Retention (thời hạn bảo quản) has its own clock, in `archives.retention`.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol

TRANSFER_MIN_YEARS = 5
TRANSFER_WITHIN_YEARS = 1
KEEP_BACK_MAX_YEARS = 2
ALERT_DAYS = 30


class Dated(Protocol):
    retention_years: int | None
    work_ended_on: date | None
    last_date: date | None
    kept_back_until: date | None


class TransferClock(StrEnum):
    NONE = "none"  # not transferred at all, or its work has no end yet
    WAITING = "waiting"  # due more than ALERT_DAYS days from now
    DUE_SOON = "due_soon"  # within ALERT_DAYS days, the due day included
    OVERDUE = "overdue"  # the due day has passed


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def is_transferable(file: Dated) -> bool:
    """Kept five years or more, or permanently: the file goes to the agency archive."""
    return file.retention_years is None or file.retention_years >= TRANSFER_MIN_YEARS


def transfer_due_on(file: Dated) -> date | None:
    """The legal due day: one year after the work ended (None: not transferred, or no end)."""
    if not is_transferable(file) or file.work_ended_on is None:
        return None
    return add_years(file.work_ended_on, TRANSFER_WITHIN_YEARS)


def keep_back_limit(file: Dated) -> date | None:
    """The latest day a unit may keep the file back to: two years past the due day."""
    due = transfer_due_on(file)
    return add_years(due, KEEP_BACK_MAX_YEARS) if due is not None else None


def transfer_deadline(file: Dated) -> date | None:
    """The day the file must be transferred by: the due day, or the day it is kept back to."""
    due = transfer_due_on(file)
    if due is None:
        return None
    if file.kept_back_until is not None and file.kept_back_until > due:
        return file.kept_back_until
    return due


def transfer_alert_on(file: Dated) -> date | None:
    deadline = transfer_deadline(file)
    return deadline - timedelta(days=ALERT_DAYS) if deadline is not None else None


def transfer_clock(file: Dated, today: date) -> TransferClock:
    deadline = transfer_deadline(file)
    if deadline is None:
        return TransferClock.NONE
    if today > deadline:
        return TransferClock.OVERDUE
    if today >= deadline - timedelta(days=ALERT_DAYS):
        return TransferClock.DUE_SOON
    return TransferClock.WAITING


def alert_window(today: date) -> tuple[date, date]:
    """The deadlines a reminder on `today` speaks of as due soon: today .. today + ALERT_DAYS."""
    return today, today + timedelta(days=ALERT_DAYS)
