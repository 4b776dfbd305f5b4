"""The world of the archives' end-to-end walk (tests/browser/test_archives_lifecycle.py): the
archives' world, two documents received this year for the clerk to file, a reader of another
unit of the committee, and two old files (2001, kept 10 years) already in Châu Thành's archive,
made through the services — past their retention, for the disposal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_files import file_document, incoming, open_file
from tests.support.archives_transfers import board_member
from vanphong.archives import services_files, services_transfers
from vanphong.archives.models import RecordFile
from vanphong.documents.models import IncomingDocument
from vanphong.org.models import Person

OLD_YEAR = 2001


@dataclass
class LifecycleWorld:
    w: ArchWorld
    documents: list[IncomingDocument]
    reader: Person
    old_files: list[RecordFile]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.w, name)


def old_archived_file(w: ArchWorld, n: int, title: str) -> RecordFile:
    """A 2001 file of Châu Thành's Office kept 10 years, its work ended on 31/12/2001."""
    file = open_file(w, year=OLD_YEAR, code=f"{n:02d}.HC", title=title, retention_years=10)
    document = incoming(
        w,
        10 + n,
        document_date=date(OLD_YEAR, 5, n),
        subject=f"Về công tác hành chính năm {OLD_YEAR} (đợt {n})",
    )
    file_document(w, file, document)
    services_files.items_number_pages(actor=w.chau_thanh_clerk, file=file)
    return services_files.file_close(
        actor=w.chau_thanh_clerk, file=file, work_ended_on=date(OLD_YEAR, 12, 31)
    )


def build_lifecycle_world() -> LifecycleWorld:
    w = build_archives_world()
    today = timezone.localdate()
    documents = [
        incoming(
            w,
            n,
            document_date=today - timedelta(days=10 - n),
            subject=f"Về tổ chức hội nghị tổng kết công tác năm {today.year} (đợt {n})",
            received_at=timezone.now() - timedelta(days=2),
        )
        for n in (1, 2)
    ]
    old = [
        old_archived_file(w, 1, "Hồ sơ hội nghị giao ban văn phòng"),
        old_archived_file(w, 2, "Hồ sơ sổ theo dõi xe công"),
    ]
    transfer = services_transfers.transfer_create(
        actor=w.chau_thanh_clerk, unit=w.chau_thanh_office, year=OLD_YEAR, files=old
    )
    services_transfers.transfer_submit(actor=w.chau_thanh_clerk, transfer=transfer)
    services_transfers.transfer_receive(
        actor=w.chau_thanh_archivist,
        transfer=transfer,
        received_on=today,
        placements=dict.fromkeys(old, ("1", "A")),
    )
    for file in old:
        file.refresh_from_db()
    return LifecycleWorld(w=w, documents=documents, reader=board_member(w), old_files=old)
