"""Plain text out of PDF and DOCX attachments, for the search index (a derived copy)."""

from __future__ import annotations

import logging
import zipfile
from typing import IO
from xml.etree.ElementTree import ParseError

from defusedxml.ElementTree import iterparse
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from vanphong.core.vietnamese import nfc

log = logging.getLogger(__name__)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAX_CHARS = 2_000_000


def _pdf(handle: IO[bytes]) -> str:
    reader = PdfReader(handle)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx(handle: IO[bytes]) -> str:
    # python-docx would build the whole object model; the paragraphs' text runs are enough.
    with zipfile.ZipFile(handle) as archive, archive.open("word/document.xml") as xml:
        paragraphs = []
        for _event, element in iterparse(xml):
            if element.tag == f"{_W}p":
                paragraphs.append("".join(t.text or "" for t in element.iter(f"{_W}t")))
                element.clear()
        return "\n".join(paragraphs)


def extract_text(handle: IO[bytes], content_type: str) -> str:
    try:
        if content_type == "application/pdf":
            text = _pdf(handle)
        elif content_type.endswith("wordprocessingml.document"):
            text = _docx(handle)
        else:
            return ""
    except (PdfReadError, zipfile.BadZipFile, KeyError, ParseError, ValueError):
        log.warning("text extraction failed for a %s attachment", content_type, exc_info=True)
        return ""
    return nfc(text)[:_MAX_CHARS]
