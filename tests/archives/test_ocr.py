"""OCR of scans: a PDF/A copy and the text, the original never altered; a blank scan is
unreadable, a machine without Tesseract says so; the queue is bounded and drained; an
attachment's OCR'd text makes its document searchable, with or without accents."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from fpdf import FPDF

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_preservation import document_with
from tests.support.files import docx
from tests.support.scans import SAMPLE, require_ocr, scan_pdf, scan_png
from vanphong.archives import ocr, services_preservation
from vanphong.archives.jobs_preservation import ocr_drain
from vanphong.archives.models import OcrCopy, OcrStatus
from vanphong.archives.scans import FONT
from vanphong.core.files import path_of, store
from vanphong.core.models import AuditEvent, StoredFile
from vanphong.core.vietnamese import nfc
from vanphong.documents import hooks
from vanphong.documents.models import Attachment
from vanphong.search import engine
from vanphong.search.selectors import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(settings: Any, tmp_path: Path) -> ArchWorld:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return build_archives_world()


def _stored(data: bytes) -> StoredFile:
    with transaction.atomic():
        return store(io.BytesIO(data)).stored


def _ocr(data: bytes, capture: Any) -> OcrCopy:
    original = _stored(data)
    with capture(execute=True):
        services_preservation.ocr_enqueue(stored_file=original)
    return OcrCopy.objects.select_related("original", "pdfa").get(original=original)


def test_a_scanned_pdf_gets_its_text_and_a_pdfa_copy_and_the_original_is_untouched(
    w: ArchWorld, django_capture_on_commit_callbacks: Any
) -> None:
    require_ocr()
    data = scan_pdf()
    copy = _ocr(data, django_capture_on_commit_callbacks)
    assert copy.status == OcrStatus.DONE, copy.message
    assert "tổng kết" in copy.text
    assert copy.pdfa is not None
    assert copy.pdfa != copy.original
    pdfa = path_of(copy.pdfa).read_bytes()
    assert pdfa.startswith(b"%PDF")
    assert b"pdfaid:part" in pdfa
    assert path_of(copy.original).read_bytes() == data
    assert copy.original.sha256 == hashlib.sha256(data).hexdigest()
    assert AuditEvent.objects.filter(action="archives.ocr_finished").count() == 1


def test_a_png_scan_is_recognised(w: ArchWorld, django_capture_on_commit_callbacks: Any) -> None:
    require_ocr()
    copy = _ocr(scan_png(), django_capture_on_commit_callbacks)
    assert copy.status == OcrStatus.DONE, copy.message
    assert "văn phòng" in copy.text
    assert copy.pdfa is not None


def test_a_blank_scan_is_unreadable_with_a_message(
    w: ArchWorld, django_capture_on_commit_callbacks: Any
) -> None:
    require_ocr()
    copy = _ocr(scan_pdf(blank=True), django_capture_on_commit_callbacks)
    assert copy.status == OcrStatus.UNREADABLE
    assert "Không đọc được chữ" in copy.message
    assert copy.pdfa is None


def test_a_pdf_that_has_its_own_text_is_not_recognised_again(
    w: ArchWorld, django_capture_on_commit_callbacks: Any
) -> None:
    require_ocr()
    doc = FPDF()
    doc.add_page()
    doc.add_font("serif", fname=str(FONT))
    doc.set_font("serif", size=14)
    doc.cell(text="Quyết định về công tác lưu trữ năm 2011")
    copy = _ocr(bytes(doc.output()), django_capture_on_commit_callbacks)
    assert copy.status == OcrStatus.DONE
    assert "lưu trữ" in nfc(copy.text)
    assert copy.pdfa is None
    assert "đã có lớp chữ" in copy.message


def test_without_tesseract_the_copy_is_unavailable_and_says_why(
    w: ArchWorld, django_capture_on_commit_callbacks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    copy = _ocr(scan_png(), django_capture_on_commit_callbacks)
    assert copy.status == OcrStatus.UNAVAILABLE
    assert "Tesseract" in copy.message
    assert copy.text == ""
    monkeypatch.undo()  # Tesseract installed since: queueing again recognises it
    monkeypatch.setattr(
        ocr, "recognise", lambda source, content_type: ocr.Result(OcrStatus.UNREADABLE)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services_preservation.ocr_enqueue(stored_file=copy.original)
    copy.refresh_from_db()
    assert copy.status == OcrStatus.UNREADABLE


def test_beyond_the_queue_limit_a_copy_waits_for_the_drain(
    w: ArchWorld,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: pytest.MonkeyPatch,
    settings: Any,
) -> None:
    settings.VANPHONG_OCR_QUEUE_LIMIT = 1
    seen: list[Path] = []

    def recognise(source: Path, content_type: str) -> ocr.Result:
        seen.append(source)
        return ocr.Result(OcrStatus.DONE, text="Báo cáo tổng kết năm 2011", pdfa=scan_pdf())

    monkeypatch.setattr(ocr, "recognise", recognise)
    first, second = _stored(scan_png(["một"])), _stored(scan_png(["hai"]))
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services_preservation.ocr_enqueue(stored_file=first)
        services_preservation.ocr_enqueue(stored_file=second)
    assert OcrCopy.objects.get(original=first).status == OcrStatus.DONE
    assert OcrCopy.objects.get(original=second).status == OcrStatus.QUEUED
    assert ocr_drain.enqueue().return_value == 0  # not waiting long enough yet
    OcrCopy.objects.filter(original=second).update(queued_at=timezone.now() - timedelta(minutes=11))
    assert ocr_drain.enqueue().return_value == 1
    assert OcrCopy.objects.get(original=second).status == OcrStatus.DONE
    assert len(seen) == 2
    # Queueing again changes nothing.
    services_preservation.ocr_enqueue(stored_file=second)
    assert len(seen) == 2


@pytest.fixture
def search_dir(settings: Any, tmp_path: Path) -> Iterator[Path]:
    settings.VANPHONG_SEARCH_DIR = tmp_path / "search"
    engine._readers.clear()
    yield tmp_path / "search"
    engine._readers.clear()


@pytest.fixture
def subscribed() -> None:
    # What archives' AppConfig.ready() registers in the application.
    hooks.on_attachment_extracted(services_preservation.attachment_extracted)


def test_a_scanned_attachment_is_recognised_and_its_document_found_by_its_words(
    w: ArchWorld,
    django_capture_on_commit_callbacks: Any,
    search_dir: Path,
    subscribed: None,
) -> None:
    require_ocr()
    with django_capture_on_commit_callbacks(execute=True):
        document = document_with(
            w, [("bao-cao-scan.pdf", scan_pdf())], subject="Công văn gửi kèm bản quét"
        )
    attachment = Attachment.objects.get(incoming=document)
    assert "tổng kết" in attachment.text
    assert OcrCopy.objects.get(original=attachment.file).status == OcrStatus.DONE
    engine.drain()
    url = reverse("documents:incoming_detail", args=[document.uuid])
    for words in ("tong ket", "tổng kết"):
        hits = search(w.province_clerk, words).hits
        assert [hit.url for hit in hits] == [url], words
        assert "<b>tổng</b> <b>kết</b>" in hits[0].snippet
    assert SAMPLE.startswith("Báo cáo")


def test_an_attachment_with_text_or_that_is_no_scan_is_not_queued(
    w: ArchWorld, django_capture_on_commit_callbacks: Any, search_dir: Path, subscribed: None
) -> None:
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Phụ lục</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    with django_capture_on_commit_callbacks(execute=True):
        document_with(w, [("phu-luc.docx", docx(xml)), ("trong.docx", docx())])
    assert Attachment.objects.filter(text_extracted_at__isnull=False).count() == 2
    assert not OcrCopy.objects.exists()


def test_the_drain_command_recognises_the_backlog(
    w: ArchWorld, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from django.core.management import call_command

    monkeypatch.setattr(
        ocr, "recognise", lambda source, content_type: ocr.Result(OcrStatus.UNREADABLE)
    )
    waiting = OcrCopy.objects.create(original=_stored(scan_png()))
    OcrCopy.objects.filter(pk=waiting.pk).update(queued_at=timezone.now() - timedelta(hours=1))
    call_command("archives_ocr_drain")
    assert "1 scans recognised" in capsys.readouterr().out
    waiting.refresh_from_db()
    assert waiting.status == OcrStatus.UNREADABLE
