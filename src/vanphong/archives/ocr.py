"""OCR of scans with OCRmyPDF (Tesseract, `vie+eng`), giving a PDF/A copy and its text.

A PDF whose every page already carries text (born digital) is not recognised again: its own
text is the result and no copy is made. Any other PDF is recognised whole (`force_ocr`: the
Debian Ghostscript 10.0 that OCRmyPDF relies on for PDF/A corrupts pages with existing text under
`skip_text`, so OCRmyPDF refuses that mode with it), which is harmless since the original is
kept as it was. Without Tesseract or Ghostscript on the machine
(or without the `ocrmypdf` package) the result is UNAVAILABLE with a message: the application
works without OCR, the scans are simply not searchable.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from vanphong.archives.models import OcrStatus
from vanphong.core.vietnamese import nfc

log = logging.getLogger(__name__)

OCR_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png", "image/tiff"})
LANGUAGES = ("vie", "eng")
_SKIPPED = re.compile(r"\[OCR skipped on page\(s\) [0-9, -]+\]")
_LETTER = re.compile(r"\w", re.UNICODE)
# Fewer recognised letters than this on the whole scan: a blank page, or noise read as marks.
MIN_LETTERS = 8


@dataclass(frozen=True)
class Result:
    status: str
    text: str = ""
    pdfa: bytes | None = None
    message: str = ""


def missing() -> str:
    """Why OCR cannot run here ('' when it can)."""
    try:
        import ocrmypdf  # noqa: F401
    except ImportError:
        return _("Máy chủ chưa cài gói OCRmyPDF.")
    if shutil.which("tesseract") is None:
        return _("Máy chủ chưa cài Tesseract (tesseract-ocr).")
    if shutil.which("gs") is None:
        return _("Máy chủ chưa cài Ghostscript, không tạo được bản PDF/A.")
    try:
        listed = subprocess.run(
            ["tesseract", "--list-langs"],  # noqa: S607
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return _("Không chạy được Tesseract trên máy chủ.")
    absent = [lang for lang in LANGUAGES if lang not in listed]
    if absent:
        return _("Tesseract thiếu dữ liệu ngôn ngữ: %(langs)s (gói tesseract-ocr-vie).") % {
            "langs": ", ".join(absent)
        }
    return ""


def available() -> bool:
    return missing() == ""


def _clean(text: str) -> str:
    text = _SKIPPED.sub("", text.replace("\f", "\n"))
    return nfc(text).strip()


def _pages_text(path: Path) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        return [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    except (PdfReadError, ValueError, KeyError, OSError):
        return []  # a damaged PDF has no text of its own: OCRmyPDF says what is wrong


def recognise(source: Path, content_type: str) -> Result:
    """OCR the scan at `source`; the source is only read."""
    why = missing()
    if why:
        return Result(OcrStatus.UNAVAILABLE, message=why)
    import ocrmypdf
    from ocrmypdf import exceptions

    if content_type == "application/pdf":
        pages = _pages_text(source)
        if pages and all(len(_LETTER.findall(page)) >= MIN_LETTERS for page in pages):
            return Result(
                OcrStatus.DONE,
                text=nfc("\n".join(pages)).strip(),
                message=_("Tệp PDF đã có lớp chữ: không cần nhận dạng, giữ nguyên bản gốc."),
            )
    with tempfile.TemporaryDirectory(prefix="vanphong-ocr-") as work:
        output = Path(work) / "pdfa.pdf"
        sidecar = Path(work) / "text.txt"
        # image_dpi is used only when an image does not say its resolution.
        image_dpi = 300 if content_type != "application/pdf" else None
        try:
            ocrmypdf.ocr(
                source,
                output,
                language=list(LANGUAGES),
                output_type="pdfa",
                force_ocr=True,
                sidecar=sidecar,
                progress_bar=False,
                optimize=0,
                jobs=1,
                use_threads=True,
                image_dpi=image_dpi,
            )
        except exceptions.MissingDependencyError as error:
            return Result(OcrStatus.UNAVAILABLE, message=_("Máy chủ thiếu công cụ OCR: %s") % error)
        except exceptions.EncryptedPdfError:
            return Result(OcrStatus.FAILED, message=_("Tệp PDF được mã hóa, không nhận dạng được."))
        except (exceptions.InputFileError, exceptions.UnsupportedImageFormatError):
            return Result(
                OcrStatus.FAILED, message=_("Tệp hỏng hoặc định dạng ảnh không được hỗ trợ.")
            )
        except exceptions.ExitCodeException as error:
            log.warning("OCR failed", exc_info=True)
            return Result(OcrStatus.FAILED, message=_("Lỗi khi nhận dạng: %s") % error)
        except Exception:  # an OCR crash marks the copy failed: the drain never loops on it
            log.exception("OCR crashed")
            return Result(OcrStatus.FAILED, message=_("Lỗi không xác định khi nhận dạng."))
        text = _clean(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else ""
        if len(_LETTER.findall(text)) < MIN_LETTERS:
            return Result(
                OcrStatus.UNREADABLE,
                text=text,
                message=_(
                    "Không đọc được chữ trong bản quét (trang trắng, ảnh quá mờ hoặc không "
                    "phải văn bản). Hãy quét lại ở 300 dpi nếu cần tìm kiếm theo nội dung."
                ),
            )
        return Result(OcrStatus.DONE, text=text, pdfa=output.read_bytes())
