"""A review downloads under an ASCII name made from the directive's number and symbol."""

from __future__ import annotations

from vanphong.directives.models import Directive
from vanphong.directives.reviews import filename


def test_the_letter_d_with_stroke_becomes_d_and_the_name_stays_ascii() -> None:
    name = filename(Directive(number_symbol="05-QĐ/TU"), "interim")
    assert name == "BC-so-ket-05-QD-TU.docx"
    assert filename(Directive(number_symbol="01-CT/TW"), "final") == "BC-tong-ket-01-CT-TW.docx"
