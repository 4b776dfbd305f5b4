"""The archives' yearly measure: files transferred to the agency archive on time."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.archives import ArchWorld, build_archives_world
from vanphong.archives.measures import FILES_ON_TIME
from vanphong.archives.models import FileStatus, RecordFile, Transfer, TransferStatus
from vanphong.core import yearly
from vanphong.core.yearly import Ratio

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> ArchWorld:
    return build_archives_world()


def _file(
    w: ArchWorld, code: str, *, ended: date, years: int | None = 10, **fields: object
) -> RecordFile:
    return RecordFile.objects.create(
        unit=w.chau_thanh_office,
        year=ended.year,
        code=code,
        title=f"Hồ sơ {code}",
        retention_years=years,
        responsible=w.chau_thanh_clerk,
        status=FileStatus.CLOSED,
        opened_on=date(ended.year, 1, 3),
        work_ended_on=ended,
        **fields,
    )


def _received(w: ArchWorld, file: RecordFile, on: date) -> None:
    transfer = Transfer.objects.create(
        unit=w.chau_thanh_office,
        archive_unit=w.chau_thanh_office,
        year=file.year,
        status=TransferStatus.RECEIVED,
        created_by=w.chau_thanh_clerk,
        received_on=on,
    )
    RecordFile.objects.filter(pk=file.pk).update(
        transfer=transfer, status=FileStatus.TRANSFERRED, archive_unit=w.chau_thanh_office
    )


def compute(w: ArchWorld, year: int, as_of: date) -> Ratio | None:
    measure = yearly.measure(FILES_ON_TIME)
    assert measure is not None
    return measure.compute([w.chau_thanh_office.pk], year, as_of).get(w.chau_thanh_office.pk)


def test_a_file_received_by_its_deadline_is_on_time_and_one_received_the_day_after_is_not(
    w: ArchWorld,
) -> None:
    on_time = _file(w, "01.TH", ended=date(2011, 12, 31))
    late = _file(w, "02.TH", ended=date(2011, 6, 30))
    _received(w, on_time, date(2012, 12, 31))
    _received(w, late, date(2012, 7, 1))
    assert compute(w, 2012, date(2012, 12, 31)) == Ratio(done=1, counted=2)


def test_a_file_not_yet_due_on_the_day_is_not_counted_and_one_past_due_counts_as_not_done(
    w: ArchWorld,
) -> None:
    _file(w, "01.TH", ended=date(2011, 9, 30))  # due 30/09/2012, never received
    _file(w, "02.TH", ended=date(2011, 12, 31))  # due 31/12/2012
    assert compute(w, 2012, date(2012, 10, 1)) == Ratio(done=0, counted=1)


def test_a_file_kept_back_is_due_on_the_day_it_was_kept_to(w: ArchWorld) -> None:
    kept = _file(w, "01.TH", ended=date(2011, 12, 31), kept_back_until=date(2014, 6, 30))
    assert compute(w, 2012, date(2012, 12, 31)) is None
    _received(w, kept, date(2014, 6, 30))
    assert compute(w, 2014, date(2014, 12, 31)) == Ratio(done=1, counted=1)


def test_files_kept_under_five_years_are_never_counted(w: ArchWorld) -> None:
    _file(w, "01.TH", ended=date(2011, 12, 31), years=2)
    assert compute(w, 2012, date(2012, 12, 31)) is None


def test_the_measure_is_registered_with_its_words_and_a_link_to_the_files(w: ArchWorld) -> None:
    measure = yearly.measure(FILES_ON_TIME)
    assert measure is not None
    assert "5 năm" in measure.counted
    assert measure.records_url is not None
    assert "nam=2011" in measure.records_url(str(w.chau_thanh_office.uuid), 2012)
