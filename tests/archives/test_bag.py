"""A permanent file exported as a BagIt bag: the originals byte for byte, the PDF/A copies,
the metadata with the index, history and hashes; valid by bagit; refused for a file kept for
years, and for whoever is not an archivist keeping it."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import bagit  # type: ignore[import-untyped]
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_preservation import document_with, filed
from tests.support.scans import scan_pdf, scan_png
from vanphong.archives.bag import file_export_bag
from vanphong.archives.models import OcrCopy, OcrStatus
from vanphong.core import audit
from vanphong.core.files import store
from vanphong.core.models import AuditEvent, StoredFile
from vanphong.documents.models import Attachment

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(settings: Any, tmp_path: Path) -> ArchWorld:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return build_archives_world()


def store_bytes(data: bytes) -> StoredFile:
    return store(io.BytesIO(data)).stored


def _read_bag(root: Path) -> dict[str, Any]:
    return dict(json.loads((root / "data" / "metadata" / "file.json").read_text("utf-8")))


def test_a_permanent_file_becomes_a_valid_bag_with_originals_pdfa_and_metadata(
    w: ArchWorld, tmp_path: Path
) -> None:
    scan, appendix = scan_png(), scan_pdf(["Phụ lục"])
    document = document_with(w, [("ban-quet.png", scan), ("phu-luc.pdf", appendix)])
    file = filed(w, document)
    with transaction.atomic():
        audit.record(actor=w.province_clerk, action="archives.file_closed", target=file)
        pdfa = store_bytes(scan_pdf(["Bản PDF/A"]))
        original = Attachment.objects.get(filename="ban-quet.png").file
        OcrCopy.objects.create(original=original, status=OcrStatus.DONE, pdfa=pdfa, text="x")
    root = file_export_bag(actor=w.province_archivist, file=file, target_dir=tmp_path / "out")
    bag = bagit.Bag(str(root))
    bag.validate()  # raises if a payload file or a manifest is wrong
    assert "sha256" in bag.algorithms
    info = bag.info
    assert info["Source-Organization"] == str(file.archive_unit)
    assert info["External-Identifier"] == "01.VP"
    assert "Bagging-Date" in info
    originals = sorted((root / "data" / "originals").iterdir())
    assert [p.read_bytes() for p in originals] == [scan, appendix]
    assert [p.name for p in (root / "data" / "pdfa").iterdir()] == ["0001-01-ban-quet.pdf"]
    metadata = _read_bag(root)
    assert metadata["file"]["code"] == "01.VP"
    assert metadata["file"]["retention"] == "permanent"
    [entry] = metadata["documents"]
    assert entry["title"] == document.subject
    assert [f["sha256"] for f in entry["files"]] == [
        hashlib.sha256(scan).hexdigest(),
        hashlib.sha256(appendix).hexdigest(),
    ]
    assert entry["files"][0]["pdfa"]["sha256"] == pdfa.sha256
    assert [event["action"] for event in metadata["history"]] == ["archives.file_closed"]
    exported = AuditEvent.objects.get(action="archives.file_exported")
    assert exported.object_id == str(file.uuid)
    assert exported.actor_id == w.province_archivist.pk


def test_a_file_kept_for_years_is_refused(w: ArchWorld, tmp_path: Path) -> None:
    file = filed(w, document_with(w, [("a.pdf", scan_pdf())]), retention_years=10)
    with pytest.raises(ValidationError) as error:
        file_export_bag(actor=w.province_archivist, file=file, target_dir=tmp_path)
    assert "vĩnh viễn" in str(error.value.message_dict["file"])
    assert not AuditEvent.objects.filter(action="archives.file_exported").exists()


def test_someone_who_is_not_its_archivist_is_refused(w: ArchWorld, tmp_path: Path) -> None:
    file = filed(w, document_with(w, [("a.pdf", scan_pdf())]))
    for person in (w.chau_thanh_archivist, w.province_clerk):
        with pytest.raises(PermissionDenied):
            file_export_bag(actor=person, file=file, target_dir=tmp_path)


def test_a_file_above_the_archivists_clearance_is_refused(w: ArchWorld, tmp_path: Path) -> None:
    from vanphong.org.models import Clearance

    file = filed(w, document_with(w, [("a.pdf", scan_pdf())]), confidentiality=Clearance.TOP_SECRET)
    with pytest.raises(PermissionDenied):
        file_export_bag(actor=w.province_archivist, file=file, target_dir=tmp_path)
