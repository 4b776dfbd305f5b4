"""Closed files made directly with the ORM (the compiling flow lives on another branch), for the
transfer, access and reminder tests."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any
from uuid import uuid4

from django.utils import timezone

from tests.support.archives import ArchWorld
from tests.support.factories import UnitFactory
from tests.support.personas import person
from vanphong.archives import holdings
from vanphong.archives.models import (
    FileItem,
    FileStatus,
    ItemKind,
    RecordFile,
    Transfer,
    TransferStatus,
)
from vanphong.archives.selectors import archive_unit_for
from vanphong.org.models import Clearance, Person, Role, Unit, UnitKind

_codes = itertools.count(1)


def closed_file(
    unit: Unit,
    responsible: Person,
    *,
    year: int = 2011,
    retention_years: int | None = 10,
    confidentiality: int = Clearance.UNCLASSIFIED,
    work_ended_on: date | None = date(2011, 12, 31),
    title: str = "Hồ sơ hội nghị tổng kết công tác năm",
    status: str = FileStatus.CLOSED,
    items: int = 2,
    **fields: object,
) -> RecordFile:
    """A closed file of `unit` with `items` documents filed in it."""
    number = next(_codes)
    values: dict[str, object] = {
        "year": year,
        "code": f"{number:02d}.TH",
        "title": title,
        "retention_years": retention_years,
        "confidentiality": confidentiality,
        "opened_on": date(year, 1, 3),
        "work_ended_on": work_ended_on,
        "first_date": date(year, 1, 3),
        "last_date": work_ended_on,
        "item_count": items,
        "page_count": 3 * items,
        "status": status,
        "closed_at": timezone.now() if status != FileStatus.OPEN else None,
        "closed_by": responsible if status != FileStatus.OPEN else None,
    }
    values.update(fields)
    file = RecordFile.objects.create(unit=unit, responsible=responsible, **values)
    for position in range(1, items + 1):
        FileItem.objects.create(
            file=file,
            kind=ItemKind.OTHER,
            source_uuid=uuid4(),
            position=position,
            number_symbol=f"Số {position}-BC/HU",
            document_date=date(year, 3, position),
            author="Huyện ủy Châu Thành",
            title=f"Báo cáo số {position}",
            page_count=3,
            page_from=3 * position - 2,
            page_to=3 * position,
            confidentiality=confidentiality,
            added_by=responsible,
        )
    holdings.recount([unit.pk])  # written directly, not by a service
    return file


def district_file(w: ArchWorld, **fields: Any) -> RecordFile:
    """A closed file of Châu Thành's Office, kept 10 years, compiled by its clerk."""
    return closed_file(w.chau_thanh_office, w.chau_thanh_clerk, **fields)


def province_file(w: ArchWorld, **fields: Any) -> RecordFile:
    return closed_file(w.province_office, w.province_clerk, **fields)


def archived_file(w: ArchWorld, *, province: bool = True, **fields: Any) -> RecordFile:
    """A file already in its agency archive, in box 1 on shelf A (no transfer row)."""
    unit = w.province_office if province else w.chau_thanh_office
    clerk = w.province_clerk if province else w.chau_thanh_clerk
    values: dict[str, Any] = {
        "status": FileStatus.TRANSFERRED,
        "archive_unit": archive_unit_for(unit),
        "box": "1",
        "shelf": "A",
    }
    values.update(fields)
    return closed_file(unit, clerk, **values)


def transfer_row(w: ArchWorld, files: list[RecordFile], *, submitted: bool = True) -> Transfer:
    """A transfer of `files` (all of one unit) made with the ORM."""
    unit = files[0].unit
    transfer = Transfer.objects.create(
        unit=unit,
        archive_unit=archive_unit_for(unit),
        year=files[0].year,
        status=TransferStatus.SUBMITTED if submitted else TransferStatus.DRAFT,
        created_by=files[0].responsible,
        submitted_at=timezone.now() if submitted else None,
    )
    RecordFile.objects.filter(pk__in=[f.pk for f in files]).update(transfer=transfer)
    return transfer


def board_member(w: ArchWorld, clearance: int = Clearance.ULTRA_SECRET) -> Person:
    """A specialist of Châu Thành's Organisation Board: of the committee whose archive keeps
    the Office's files, but not of the Office."""
    board = UnitFactory.create(
        parent=w.chau_thanh, kind=UnitKind.BOARD, name="Ban Tổ chức Huyện ủy", symbol="BTCHU"
    )
    return person("cv.btc", "Tạ Tổ Chức", board, Role.SPECIALIST, clearance)
