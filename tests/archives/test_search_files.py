"""Files in the search index: found by their code, title and the lines of their index, with
or without tones, by whoever sees them — a secret file by no one uncleared; a transferred file
also by the archive's archivists; a file read on an approved request by its reader, while the
request is within its days."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import LazySettings
from django.db import transaction
from django.utils import timezone

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_files import closed_file, file_document, incoming, open_file
from tests.support.archives_transfers import archived_file, board_member
from vanphong.archives import services_access
from vanphong.archives.jobs_transfers import remind
from vanphong.archives.models import AccessMode, AccessRequest, FileStatus, RecordFile
from vanphong.archives.selectors import archive_unit_for
from vanphong.org.models import Clearance, Person
from vanphong.search import engine, outbox
from vanphong.search.selectors import search

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def search_dir(settings: LazySettings, tmp_path: Path) -> Iterator[Path]:
    settings.VANPHONG_SEARCH_DIR = tmp_path / "search"
    engine._readers.clear()
    yield tmp_path / "search"
    engine._readers.clear()


@pytest.fixture
def w() -> ArchWorld:
    return build_archives_world()


def found(person: Person, text: str, kind: str = "record_file") -> list[str]:
    return [hit.url for hit in search(person, text).hits if hit.kind == kind]


def page(file: RecordFile) -> str:
    return f"/luu-tru/ho-so/{file.uuid}/"


@pytest.mark.parametrize("typed", ["bầu cử", "bau cu", "Quốc hội khoá XIII", "quoc hoi khoa"])
def test_a_file_is_found_by_an_accented_or_unaccented_word(w: ArchWorld, typed: str) -> None:
    file = open_file(w, title="Hồ sơ bầu cử đại biểu Quốc hội khóa XIII")
    engine.drain()
    assert found(w.chau_thanh_clerk, typed) == [page(file)]


def test_a_file_is_found_by_a_line_of_its_index(w: ArchWorld) -> None:
    file = open_file(w, title="Hồ sơ tổng hợp")
    file_document(w, file, incoming(w, 1, subject="Về công tác phòng chống lụt bão"))
    engine.drain()
    assert found(w.chau_thanh_clerk, "lut bao") == [page(file)]


def test_a_secret_file_is_not_found_by_an_uncleared_person(w: ArchWorld) -> None:
    file = open_file(w, title="Hồ sơ nhân sự đại hội")
    file_document(w, file, incoming(w, 1, confidentiality=Clearance.SECRET))
    engine.drain()
    assert found(w.chau_thanh_clerk, "nhan su dai hoi") == [page(file)]
    assert found(w.chau_thanh_specialist, "nhan su dai hoi") == []
    assert found(w.hoa_thanh_clerk, "nhan su dai hoi") == []


def test_a_transferred_file_is_found_by_the_archives_archivist(w: ArchWorld) -> None:
    file = closed_file(w, title="Hồ sơ hội nghị tổng kết")
    engine.drain()
    assert found(w.chau_thanh_archivist, "tong ket", "archived_file") == []
    archive = archive_unit_for(w.chau_thanh_office)
    RecordFile.objects.filter(pk=file.pk).update(
        status=FileStatus.TRANSFERRED, archive_unit=archive
    )
    with transaction.atomic():  # the transfer flow's audited change enqueues it
        outbox.enqueue("archived_file", file.uuid)
    engine.drain()
    assert found(w.chau_thanh_archivist, "tong ket", "archived_file") == [page(file)]


def _lent_to_board(w: ArchWorld, mode: str) -> tuple[RecordFile, Person, AccessRequest]:
    file = archived_file(w, province=False, title="Hồ sơ kết luận kiểm tra")
    reader = board_member(w)
    request = services_access.access_request(
        actor=reader, file=file, mode=mode, purpose="Nghiên cứu", days=5
    )
    engine.drain()
    assert found(reader, "ket luan kiem tra") == []  # asked, not yet approved
    services_access.access_decide(actor=w.chau_thanh_archivist, request=request, approve=True)
    engine.drain()
    assert found(reader, "ket luan kiem tra") == [page(file)]
    return file, reader, request


def _days_run_out(request: AccessRequest) -> None:
    """The request's last day was yesterday: time passes without a change of the request."""
    AccessRequest.objects.filter(pk=request.pk).update(
        valid_until=timezone.localdate() - timedelta(days=1)
    )


def test_an_approved_reader_finds_the_file_until_the_approval_expires(w: ArchWorld) -> None:
    file, reader, request = _lent_to_board(w, AccessMode.READ)
    assert found(w.hoa_thanh_clerk, "ket luan kiem tra") == []
    _days_run_out(request)
    remind(today=timezone.localdate())
    engine.drain()
    assert found(reader, "ket luan kiem tra") == []
    assert found(w.chau_thanh_clerk, "ket luan kiem tra") == [page(file)]


def test_a_reader_no_longer_finds_the_file_the_day_after_the_last_before_any_job_runs(
    w: ArchWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    file, reader, request = _lent_to_board(w, AccessMode.READ)
    last_day = request.valid_until
    assert last_day is not None
    # Time passes and nothing is re-indexed: the index holds the grant as it was approved.
    monkeypatch.setattr(timezone, "localdate", lambda *_: last_day)
    assert found(reader, "ket luan kiem tra") == [page(file)]
    monkeypatch.setattr(timezone, "localdate", lambda *_: last_day + timedelta(days=1))
    assert found(reader, "ket luan kiem tra") == []
    assert found(w.chau_thanh_clerk, "ket luan kiem tra") == [page(file)]


def test_a_borrower_finds_the_file_until_it_is_back_or_past_its_day(w: ArchWorld) -> None:
    _, reader, request = _lent_to_board(w, AccessMode.BORROW)
    services_access.access_lend(actor=w.chau_thanh_archivist, request=request)
    engine.drain()
    assert found(reader, "ket luan kiem tra") != []
    _days_run_out(request)
    remind(today=timezone.localdate())  # overdue: still lent, no longer the borrower's to find
    engine.drain()
    assert found(reader, "ket luan kiem tra") == []
    AccessRequest.objects.filter(pk=request.pk).update(valid_until=timezone.localdate())
    with transaction.atomic():
        outbox.enqueue("record_file", request.file.uuid)
    engine.drain()
    assert found(reader, "ket luan kiem tra") != []
    services_access.access_return(actor=w.chau_thanh_archivist, request=request)
    engine.drain()
    assert found(reader, "ket luan kiem tra") == []
