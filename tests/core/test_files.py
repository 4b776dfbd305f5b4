from __future__ import annotations

import io

import pytest
from django.conf import LazySettings
from django.core.exceptions import ValidationError
from django.db import transaction

from tests.support.files import PDF, PNG, docx
from vanphong.core.files import path_of, safe_filename, served_type, store, stored_name
from vanphong.core.models import StoredFile


@pytest.fixture(autouse=True)
def _media(settings: LazySettings, tmp_path: object) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def _store(data: bytes) -> StoredFile:
    with transaction.atomic():
        return store(io.BytesIO(data)).stored


def test_the_same_bytes_are_stored_once_and_never_rewritten(db: None) -> None:
    first = _store(PDF)
    second = _store(PDF)
    assert first == second
    assert StoredFile.objects.count() == 1
    assert path_of(first).read_bytes() == PDF
    assert path_of(first).stat().st_mode & 0o222 == 0, "originals are read-only"


def test_the_type_comes_from_the_bytes_not_the_name(db: None) -> None:
    assert _store(PNG).content_type == "image/png"
    assert _store(PDF).content_type == "application/pdf"
    assert _store(docx()).content_type.endswith("wordprocessingml.document")


@pytest.mark.parametrize(
    "data", [b"just text", b"MZ\x90\x00 an executable", b"PK\x03\x04 not really a zip"]
)
def test_other_content_is_refused(db: None, data: bytes) -> None:
    with pytest.raises(ValidationError, match="không được chấp nhận"):
        _store(data)
    assert not StoredFile.objects.exists()


def test_an_empty_or_oversize_file_is_refused(db: None, settings: LazySettings) -> None:
    with pytest.raises(ValidationError, match="rỗng"):
        _store(b"")
    settings.VANPHONG_MAX_UPLOAD_BYTES = 32
    with pytest.raises(ValidationError, match="quá lớn"):
        _store(PNG)


def test_a_zip_bomb_is_refused_by_its_declared_size_and_member_count(
    db: None, settings: LazySettings
) -> None:
    settings.VANPHONG_MAX_UNZIPPED_BYTES = 1000
    with pytest.raises(ValidationError, match="giải nén"):
        _store(docx(b"0" * 5000))
    settings.VANPHONG_MAX_ZIP_MEMBERS = 5
    with pytest.raises(ValidationError, match="thành phần"):
        _store(docx(extra=10))


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\vt\\Công văn 45.pdf", "Công văn 45.pdf"),
        ('a"b;c\r\n.pdf', "a_b_c_.pdf"),
        ("...", "tep"),
    ],
)
def test_filenames_are_made_safe_for_download_headers(name: str, safe: str) -> None:
    assert safe_filename(name) == safe


def test_bytes_of_a_rolled_back_upload_are_swept_once_old_enough(db: None) -> None:
    import os
    from datetime import timedelta

    from vanphong.core.files import sweep

    kept = _store(PDF)
    with pytest.raises(RuntimeError), transaction.atomic():
        lost = store(io.BytesIO(PNG)).stored
        raise RuntimeError("the report around the upload was refused")
    orphan = path_of(lost)
    assert orphan.exists()
    assert not StoredFile.objects.filter(sha256=lost.sha256).exists()
    assert sweep() == 0, "a fresh file may still be in its transaction"
    for path in (orphan, path_of(kept)):
        os.utime(path, (0, 0))
    assert sweep(older_than=timedelta(hours=1)) == 1
    assert not orphan.exists()
    assert path_of(kept).read_bytes() == PDF


def test_bytes_taken_over_by_a_new_upload_are_not_swept(db: None) -> None:
    import os
    import time
    from datetime import timedelta

    from vanphong.core.files import sweep

    with pytest.raises(RuntimeError), transaction.atomic():
        lost = store(io.BytesIO(PNG)).stored
        raise RuntimeError("rolled back")
    os.utime(path_of(lost), (0, 0))  # left behind long ago
    again = _store(PNG)  # the same bytes uploaded again
    # Fresh again: a sweep before this upload's commit would not have found them old.
    assert path_of(again).stat().st_mtime > time.time() - 60
    assert sweep(older_than=timedelta(hours=1)) == 0
    assert path_of(again).read_bytes() == PNG


@pytest.mark.parametrize(
    ("name", "content_type", "expected"),
    [
        ("x.html", "application/pdf", "x.pdf"),
        ("bao-cao.PDF", "application/pdf", "bao-cao.PDF"),
        ("Ảnh chụp.JPEG", "image/jpeg", "Ảnh chụp.JPEG"),
        ("scan.tif", "image/tiff", "scan.tif"),
        ("scan.svg", "image/png", "scan.png"),
        ("du-thao", "application/vnd.oasis.opendocument.text", "du-thao.odt"),
        ("Số 12.QĐ-TU", "application/msword", "Số 12.QĐ-TU.doc"),
        ("../../a.exe", "application/pdf", "a.pdf"),
        ("", "application/pdf", "tep.pdf"),
        (".htaccess", "application/pdf", "htaccess.pdf"),
        ("x.html", "text/html", "x.bin"),
    ],
)
def test_a_stored_name_ends_in_the_extension_of_the_detected_type(
    name: str, content_type: str, expected: str
) -> None:
    assert stored_name(name, content_type) == expected


def test_a_type_that_store_would_refuse_goes_out_as_bytes(db: None) -> None:
    stored = StoredFile(sha256="0" * 64, size=1, content_type="text/html")
    assert served_type(stored) == "application/octet-stream"
    assert served_type(_store(PDF)) == "application/pdf"
