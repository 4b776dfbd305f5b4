"""Writing spreadsheet cells from user text: always a string, never a formula.

openpyxl reads a str starting with `=` as a formula, and Excel re-reads a cell typed `+1`,
`-2` or `@SUM(A1)` as one when a user edits it. So every text cell is written as an inline
string (data type `s`) with Excel's quote prefix — the mark Excel itself sets when one types
`'=…`: the text is shown and stored exactly as written, and stays text when edited. Text is
also `sanitize`d, since XML (and so XLSX) cannot hold control characters that older rows may
contain.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]

from vanphong.core.vietnamese import sanitize


def cell(sheet: Any, value: object, style: str = "") -> Any:
    """A write-only cell for `sheet`: numbers and dates as themselves, text as text."""
    if isinstance(value, str):
        written = WriteOnlyCell(sheet, value=None)
        written.value = sanitize(value)
        written.data_type = "s"
        if style:
            written.style = style
        written.quotePrefix = True
        return written
    written = WriteOnlyCell(sheet, value=value)
    if style:
        written.style = style
    return written
