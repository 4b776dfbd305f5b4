"""The archives' clocks at their boundaries: the day before, the day, the day after; 29 February."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from vanphong.archives import deadlines
from vanphong.archives.deadlines import TransferClock
from vanphong.archives.selectors_transfers import latest_work_end_due_by


@dataclass
class F:
    retention_years: int | None = 10
    work_ended_on: date | None = date(2011, 6, 15)
    last_date: date | None = None
    kept_back_until: date | None = None


def test_a_file_is_due_in_the_archive_on_the_same_day_one_year_after_its_work_ended() -> None:
    assert deadlines.transfer_due_on(F()) == date(2012, 6, 15)


def test_work_ended_on_29_february_is_due_on_28_february_of_the_next_year() -> None:
    assert deadlines.transfer_due_on(F(work_ended_on=date(2012, 2, 29))) == date(2013, 2, 28)
    assert deadlines.add_years(date(2012, 2, 29), 4) == date(2016, 2, 29)


@pytest.mark.parametrize(
    ("retention", "transferable"), [(None, True), (5, True), (20, True), (4, False), (1, False)]
)
def test_only_files_kept_five_years_or_permanently_are_transferred(
    retention: int | None, transferable: bool
) -> None:
    file = F(retention_years=retention)
    assert deadlines.is_transferable(file) is transferable
    assert (deadlines.transfer_due_on(file) is not None) is transferable


def test_a_file_whose_work_has_not_ended_has_no_due_day() -> None:
    assert deadlines.transfer_due_on(F(work_ended_on=None)) is None
    assert deadlines.transfer_clock(F(work_ended_on=None), date(2030, 1, 1)) is TransferClock.NONE


@pytest.mark.parametrize(
    ("today", "clock"),
    [
        (date(2012, 5, 15), TransferClock.WAITING),  # 31 days before
        (date(2012, 5, 16), TransferClock.DUE_SOON),  # 30 days before: the alert
        (date(2012, 6, 14), TransferClock.DUE_SOON),
        (date(2012, 6, 15), TransferClock.DUE_SOON),  # the due day: still in time
        (date(2012, 6, 16), TransferClock.OVERDUE),  # the day after
    ],
)
def test_the_transfer_clock_around_the_due_day(today: date, clock: TransferClock) -> None:
    assert deadlines.transfer_clock(F(), today) is clock


def test_the_alert_fires_thirty_days_before_the_due_day() -> None:
    assert deadlines.transfer_alert_on(F()) == date(2012, 5, 16)


def test_a_file_kept_back_is_due_on_the_day_it_is_kept_until_at_most_two_years_later() -> None:
    kept = F(kept_back_until=date(2013, 12, 31))
    assert deadlines.transfer_deadline(kept) == date(2013, 12, 31)
    assert deadlines.transfer_clock(kept, date(2012, 6, 16)) is TransferClock.WAITING
    assert deadlines.keep_back_limit(F()) == date(2014, 6, 15)
    assert deadlines.keep_back_limit(F(work_ended_on=date(2012, 2, 29))) == date(2015, 2, 28)


@pytest.mark.parametrize(
    ("day", "latest"),
    [
        (date(2013, 2, 27), date(2012, 2, 27)),
        (date(2013, 2, 28), date(2012, 2, 29)),  # 29 February 2012 is due on 28 February 2013
        (date(2013, 3, 1), date(2012, 3, 1)),
        (date(2016, 2, 29), date(2015, 2, 28)),
        (date(2012, 6, 15), date(2011, 6, 15)),
    ],
)
def test_the_latest_work_end_due_by_a_day_agrees_with_the_due_day(day: date, latest: date) -> None:
    assert latest_work_end_due_by(day) == latest
    assert deadlines.add_years(latest, 1) <= day
    assert deadlines.add_years(date.fromordinal(latest.toordinal() + 1), 1) > day
