"""The archives' section of the annual review: files opened, closed, transferred, destroyed and
readings approved in the year, per unit, as of its last day."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from tests.support.archives import ArchWorld, build_archives_world
from vanphong.archives import review_lines
from vanphong.archives.models import FileStatus, RecordFile, Transfer, TransferStatus
from vanphong.core import yearly

pytestmark = pytest.mark.django_db
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def _line(lines: list[yearly.Line], key: str) -> dict[int, int]:
    label = str(review_lines.LABELS[key])
    return dict(next(line for line in lines if line.label == label).values)


def test_the_section_counts_each_units_files_by_their_dates_in_the_year() -> None:
    w: ArchWorld = build_archives_world()
    office = w.chau_thanh_office

    def record(code: str, **fields: object) -> RecordFile:
        values: dict[str, object] = {
            "unit": office,
            "year": 2012,
            "code": code,
            "title": code,
            "responsible": w.chau_thanh_clerk,
            "opened_on": date(2012, 2, 1),
        }
        values.update(fields)
        return RecordFile.objects.create(**values)

    record("01.TH")
    record("02.TH", opened_on=date(2011, 12, 31))  # the year before
    closed = record(
        "03.TH",
        status=FileStatus.CLOSED,
        closed_at=datetime.combine(date(2012, 12, 31), time(23, 30), tzinfo=ZONE),
    )
    transfer = Transfer.objects.create(
        unit=office,
        archive_unit=office,
        year=2012,
        status=TransferStatus.RECEIVED,
        created_by=w.chau_thanh_clerk,
        received_on=date(2012, 12, 20),
    )
    RecordFile.objects.filter(pk=closed.pk).update(transfer=transfer)
    lines = review_lines.lines([office.pk, w.hoa_thanh_office.pk], 2012, date(2012, 12, 31))
    assert _line(lines, "opened") == {office.pk: 2}
    assert _line(lines, "closed") == {office.pk: 1}
    assert _line(lines, "transferred") == {office.pk: 1}
    assert _line(lines, "destroyed") == {}
    # As of a day before the transfer, it is not counted yet.
    earlier = review_lines.lines([office.pk], 2012, date(2012, 12, 19))
    assert _line(earlier, "transferred") == {}


def test_the_section_is_registered_last_where_the_annual_review_expects_it() -> None:
    sections = sorted(yearly.sections(), key=lambda section: section.order)
    assert sections[-1].key == "archives"
    assert sections[-1].title == "Công tác lưu trữ"
