from __future__ import annotations

from typing import Any

import pytest

from tests.support.archives import build_archives_world
from vanphong.archives.models import FileStatus, RecordFile
from vanphong.archives.selectors import archive_unit_for, files_visible
from vanphong.org.models import Clearance, Person, Unit

pytestmark = pytest.mark.django_db


def _file(unit: Unit, responsible: Person, **fields: Any) -> RecordFile:
    values: dict[str, Any] = {
        "year": 2011,
        "code": "01.TH",
        "title": "Hồ sơ",
        "opened_on": "2011-01-03",
    }
    values.update(fields)
    return RecordFile.objects.create(unit=unit, responsible=responsible, **values)


def test_a_secret_file_is_seen_by_its_cleared_clerk_and_not_by_an_unclassified_specialist() -> None:
    w = build_archives_world()
    secret = _file(w.chau_thanh_office, w.chau_thanh_clerk, confidentiality=Clearance.SECRET)
    assert secret in files_visible(w.chau_thanh_clerk)
    assert secret not in files_visible(w.chau_thanh_specialist)
    assert secret not in files_visible(w.hoa_thanh_clerk)


def test_the_archivist_sees_transferred_files_of_the_archive_up_to_the_clearance_of_the_post() -> (
    None
):
    w = build_archives_world()
    archive = archive_unit_for(w.province_office)
    plain = _file(
        w.province_office, w.province_clerk, status=FileStatus.TRANSFERRED, archive_unit=archive
    )
    top = _file(
        w.province_office,
        w.province_clerk,
        code="02.TH",
        status=FileStatus.TRANSFERRED,
        archive_unit=archive,
        confidentiality=Clearance.TOP_SECRET,
    )
    district_open = _file(w.chau_thanh_office, w.chau_thanh_clerk, code="03.TH")
    seen = set(files_visible(w.province_archivist))
    assert plain in seen
    assert top not in seen
    assert district_open not in seen
