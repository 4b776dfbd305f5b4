"""`{{ document.number_symbol|number_line }}`: the one way a page prints a document's number."""

from __future__ import annotations

from django import template

from vanphong.core.vietnamese import number_line as _number_line

register = template.Library()


@register.filter
def number_line(code: str | None) -> str:
    """`Số 45-NQ/TU` for a Party number, `Số: 01/QĐ-UBND` for a government one (RULES.md §2)."""
    return _number_line(code or "")
