"""Scanned Vietnamese pages for the OCR tests (the one generator lives in
vanphong.archives.scans: the demo uses it too), and the check that OCR can run here: skipped
without Tesseract, a failure when VANPHONG_REQUIRE_OCR=1 (CI installs it)."""

from __future__ import annotations

import os

import pytest

from vanphong.archives import ocr
from vanphong.archives.scans import SAMPLE, scan_pdf, scan_png

__all__ = ["SAMPLE", "require_ocr", "scan_pdf", "scan_png"]


def require_ocr() -> None:
    why = ocr.missing()
    if not why:
        return
    if os.environ.get("VANPHONG_REQUIRE_OCR") == "1":
        pytest.fail(f"OCR is required here: {why} (.ci/run installs tesseract-ocr-vie, gs)")
    pytest.skip(f"OCR is not available: {why}")
