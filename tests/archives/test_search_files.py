"""Files in the search index: found by their code, title and the lines of their index, with
or without tones, by whoever sees them — a secret file by no one uncleared; a transferred file
also by the archive's archivists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import LazySettings
from django.db import transaction

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_files import closed_file, file_document, incoming, open_file
from vanphong.archives.models import FileStatus, RecordFile
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
