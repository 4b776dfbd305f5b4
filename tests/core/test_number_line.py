"""The number line every page prints: Party numbers without a colon, government ones with."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from vanphong.core.vietnamese import number_line


@pytest.mark.parametrize(
    ("stored", "printed"),
    [
        ("45-NQ/TU", "Số 45-NQ/TU"),
        ("05-NQ/VPTU", "Số 05-NQ/VPTU"),
        ("01/QĐ-UBND", "Số: 01/QĐ-UBND"),
        ("45/UBND-VP", "Số: 45/UBND-VP"),
        ("05/2011/TT-BNV", "Số: 05/2011/TT-BNV"),
        ("Số 12-CV/TU", "Số 12-CV/TU"),
        ("Số: 12/QĐ-UBND", "Số: 12/QĐ-UBND"),
    ],
)
def test_a_number_reads_in_the_style_of_whoever_issued_it(stored: str, printed: str) -> None:
    assert number_line(stored) == printed


def test_a_type_symbol_of_another_rule_set_is_still_styled_by_its_shape() -> None:
    assert number_line("07-XYZ/TU") == "Số 07-XYZ/TU"
    assert number_line("07/XYZ-ABC-") == "Số: 07/XYZ-ABC-"


def test_nothing_stays_nothing_and_an_unknown_shape_is_shown_as_stored() -> None:
    assert number_line("") == ""
    assert number_line("  ") == ""
    assert number_line("không số") == "không số"


def test_the_template_filter_is_the_same_function() -> None:
    template = Template(
        "{% load document_numbers %}{{ a|number_line }}|{{ b|number_line }}|{{ c|number_line }}"
    )
    rendered = template.render(Context({"a": "05-NQ/VPTU", "b": "01/QĐ-UBND", "c": None}))
    assert rendered == "Số 05-NQ/VPTU|Số: 01/QĐ-UBND|"
