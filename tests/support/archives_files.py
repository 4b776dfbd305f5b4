"""Files (hồ sơ) built through the services, for the archives' tests: an open file of Châu
Thành's Office, documents filed in it, and a closed file (`closed_file`) the transfer,
access and disposal flows start from."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.support.archives import ArchWorld
from tests.support.documents import register
from vanphong.archives import services_files
from vanphong.archives.models import RecordFile
from vanphong.documents.models import IncomingDocument
from vanphong.org.models import Person, Unit


def open_file(
    world: ArchWorld,
    *,
    actor: Person | None = None,
    unit: Unit | None = None,
    year: int = 2012,
    code: str = "01.TH",
    title: str = "Hồ sơ về bầu cử đại biểu Quốc hội khóa XIII",
    retention_years: int | None = 2,
    permanent: bool = False,
    opened_on: date | None = None,
    **fields: Any,
) -> RecordFile:
    """An open file of Châu Thành's Office (by its clerk, unless told), kept 2 years."""
    actor = actor or world.chau_thanh_clerk
    return services_files.file_open(
        actor=actor,
        unit=unit or world.chau_thanh_office,
        year=year,
        code=code,
        title=title,
        retention_years=retention_years,
        permanent=permanent,
        responsible=fields.pop("responsible", actor),
        opened_on=opened_on or date(year, 1, 3),
        **fields,
    )


def incoming(world: ArchWorld, n: int = 1, **fields: Any) -> IncomingDocument:
    """An incoming document of Châu Thành's Office, numbered by `n`, with `n + 1` pages."""
    values: dict[str, Any] = {
        "number_symbol": f"Số {40 + n}-CT/TU",
        "subject": f"Về lãnh đạo cuộc bầu cử đại biểu Quốc hội khoá XIII (đợt {n})",
        "document_date": date(2012, 3, n),
        "page_count": n + 1,
    }
    values.update(fields)
    return register(world.d, **values)


def file_document(
    world: ArchWorld, file: RecordFile, document: Any, *, kind: str = "incoming", **kw: Any
) -> services_files.Filed:
    return services_files.item_add(
        actor=kw.pop("actor", world.chau_thanh_clerk),
        file=file,
        kind=kind,
        source_uuid=document.uuid,
        **kw,
    )


def closed_file(
    world: ArchWorld,
    *,
    documents: int = 2,
    work_ended_on: date = date(2012, 12, 31),
    **fields: Any,
) -> RecordFile:
    """A closed file of Châu Thành's Office holding `documents` incoming documents, its sheets
    numbered (so any retention closes); keyword arguments go to `open_file`."""
    file = open_file(world, **fields)
    for n in range(1, documents + 1):
        file_document(world, file, incoming(world, n))
    services_files.items_number_pages(actor=world.chau_thanh_clerk, file=file)
    return services_files.file_close(
        actor=world.chau_thanh_clerk, file=file, work_ended_on=work_ended_on
    )
