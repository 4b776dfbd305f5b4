"""Scanned Vietnamese pages for the OCR tests: the one generator lives in
vanphong.archives.scans (the demo uses it too)."""

from vanphong.archives.scans import SAMPLE, scan_pdf, scan_png

__all__ = ["SAMPLE", "scan_pdf", "scan_png"]
