"""Files of the archives made directly (the compiling and transfer flows live on other
branches), disposals walked through their steps, and holds, for the disposal tests."""

from __future__ import annotations

from datetime import UTC, date, datetime
from itertools import count
from typing import Any

from tests.support.archives import ArchWorld
from vanphong.archives import holdings, services_disposals, services_holds
from vanphong.archives.models import (
    Disposal,
    FileStatus,
    HoldKind,
    LegalHold,
    RecordFile,
    Transfer,
    TransferStatus,
)
from vanphong.archives.selectors import archive_unit_for
from vanphong.org.models import Clearance, Person

_codes = count(1)


def archived(w: ArchWorld, **fields: Any) -> RecordFile:
    """A file of the province's Office transferred to its archive: 2011, 5 years, work ended
    in 2011 (so past retention from 01/01/2017), unclassified."""
    unit = fields.pop("unit", w.province_office)
    values: dict[str, Any] = {
        "unit": unit,
        "year": 2011,
        "code": f"{next(_codes):02d}.VP",
        "title": "Hồ sơ báo cáo tuần",
        "opened_on": date(2011, 1, 3),
        "work_ended_on": date(2011, 12, 30),
        "retention_years": 5,
        "confidentiality": Clearance.UNCLASSIFIED,
        "responsible": w.province_clerk,
        "status": FileStatus.TRANSFERRED,
        "archive_unit": archive_unit_for(unit),
    }
    values.update(fields)
    file = RecordFile.objects.create(**values)
    holdings.recount([file.unit_id])  # written directly, not by a service
    return file


def proposed(w: ArchWorld, files: list[RecordFile], title: str = "Đợt tiêu hủy 2017") -> Disposal:
    return services_disposals.disposal_propose(
        actor=w.province_archivist, archive_unit=w.province_office, title=title, files=files
    )


def appraised(w: ArchWorld, files: list[RecordFile], **keep: Any) -> Disposal:
    disposal = proposed(w, files)
    return services_disposals.disposal_appraise(
        actor=w.province_archivist,
        disposal=disposal,
        council=[w.province_office_leader, w.province_archivist],
        opinion="Đồng ý tiêu hủy các hồ sơ hết giá trị.",
        keep=keep.get("keep"),
    )


def approved(w: ArchWorld, files: list[RecordFile]) -> Disposal:
    disposal = appraised(w, files)
    return services_disposals.disposal_approve(
        actor=w.province_office_leader, disposal=disposal, decision="Số 12-QĐ/VPTU"
    )


def executed(w: ArchWorld, files: list[RecordFile], on: date) -> Disposal:
    disposal = approved(w, files)
    return services_disposals.disposal_execute(
        actor=w.province_archivist, disposal=disposal, method="Nghiền bột giấy", executed_on=on
    )


def hold(
    w: ArchWorld, files: list[RecordFile], actor: Person | None = None, **fields: Any
) -> LegalHold:
    values: dict[str, Any] = {
        "unit": w.province_office,
        "kind": HoldKind.PETITION,
        "reason": "Đơn khiếu nại đang giải quyết",
        "reference": "Đơn số 15/2016",
    }
    values.update(fields)
    return services_holds.hold_place(actor=actor or w.province_office_leader, files=files, **values)


def received_transfer(w: ArchWorld, files: list[RecordFile], year: int = 2011) -> Transfer:
    """A transfer of the province's Office received by its archive, made directly."""
    transfer = Transfer.objects.create(
        unit=w.province_office,
        archive_unit=w.province_office,
        year=year,
        status=TransferStatus.RECEIVED,
        created_by=w.province_clerk,
        submitted_at=datetime(2012, 11, 5, 2, 0, tzinfo=UTC),
        received_by=w.province_archivist,
        received_on=date(2012, 11, 6),
    )
    RecordFile.objects.filter(pk__in=[f.pk for f in files]).update(transfer=transfer)
    return transfer
