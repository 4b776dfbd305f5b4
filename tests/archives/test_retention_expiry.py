"""When a file's retention runs out: from the year after the work ended, to 31 December."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.archives import build_archives_world
from tests.support.archives_disposals import archived
from vanphong.archives.models import FileStatus, RecordFile
from vanphong.archives.retention import (
    files_past_retention,
    is_past_retention,
    retention_expires_on,
)


def _file(**fields: object) -> RecordFile:
    values: dict[str, object] = {"year": 2011, "retention_years": 5}
    values.update(fields)
    return RecordFile(**values)


def test_a_2011_file_kept_5_years_expires_on_the_last_day_of_2016() -> None:
    file = _file(work_ended_on=date(2011, 12, 30))
    assert retention_expires_on(file) == date(2016, 12, 31)
    assert not is_past_retention(file, date(2016, 12, 31))
    assert is_past_retention(file, date(2017, 1, 1))


def test_work_ended_on_the_first_day_of_a_year_counts_that_year() -> None:
    file = _file(work_ended_on=date(2012, 1, 1), retention_years=10)
    assert retention_expires_on(file) == date(2022, 12, 31)


def test_without_work_ended_on_the_last_document_s_date_then_the_file_s_year_count() -> None:
    assert retention_expires_on(_file(last_date=date(2013, 6, 1))) == date(2018, 12, 31)
    assert retention_expires_on(_file(year=2010)) == date(2015, 12, 31)


def test_a_permanent_file_never_expires() -> None:
    file = _file(retention_years=None)
    assert retention_expires_on(file) is None
    assert not is_past_retention(file, date(2999, 1, 1))


@pytest.mark.django_db
def test_the_archive_s_files_past_retention_match_the_rule_at_the_year_s_boundary() -> None:
    w = build_archives_world()
    due = archived(w, work_ended_on=date(2011, 12, 30))
    by_last_date = archived(w, work_ended_on=None, last_date=date(2011, 5, 1))
    by_year = archived(w, work_ended_on=None, year=2011)
    later = archived(w, work_ended_on=date(2012, 1, 1))
    permanent = archived(w, retention_years=None)
    still_open = archived(w, status=FileStatus.OPEN)
    other_archive = archived(w, unit=w.chau_thanh_office, responsible=w.chau_thanh_clerk)
    on_last_day = set(files_past_retention(w.province_office, date(2016, 12, 31)))
    on_new_year = set(files_past_retention(w.province_office, date(2017, 1, 1)))
    assert on_last_day == set()
    assert on_new_year == {due, by_last_date, by_year}
    assert later in set(files_past_retention(w.province_office, date(2018, 1, 1)))
    for never in (permanent, still_open, other_archive):
        assert never not in set(files_past_retention(w.province_office, date(2100, 1, 1)))
