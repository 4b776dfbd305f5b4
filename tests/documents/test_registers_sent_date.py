"""The registers' "Ngày chuyển" is a date stored when the document was sent or handed on,
never the day the register is exported."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from openpyxl import load_workbook  # type: ignore[import-untyped]

from tests.support.documents import DocWorld, direct, issued_report, register
from tests.support.registers import INCOMING_HEADINGS, OUTGOING_HEADINGS, YEAR_2012
from vanphong.documents import register_files, services_delivery
from vanphong.documents.registers import Kind
from vanphong.documents.services_delivery import Recipient

EXPORTED_ON = date(2012, 12, 31)


def day(cell: object) -> date | None:
    """An XLSX date cell (read back as a naive datetime) as the date it holds."""
    return cell.date() if isinstance(cell, datetime) else None


def sheet(world: DocWorld, kind: Kind) -> list[tuple[object, ...]]:
    content = register_files.build(
        world.chau_thanh_clerk,
        kind,
        unit=world.chau_thanh_office,
        period=YEAR_2012,
        file_format="xlsx",
        today=EXPORTED_ON,
    ).content
    rows = load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)
    return [tuple(row) for row in rows][2:]


def test_the_outgoing_register_gives_the_day_of_the_first_send(world: DocWorld) -> None:
    document = issued_report(world, issued_on=date(2012, 3, 2))
    document.deliveries.update(sent_at=datetime(2012, 3, 2, 17, 30, tzinfo=UTC))  # 00:30 on 3/3
    services_delivery.outgoing_distribute(  # sent to one more, today: not the book's date
        actor=world.chau_thanh_clerk,
        document=document,
        recipients=[Recipient(unit=world.hoa_thanh_office)],
    )
    [row] = sheet(world, Kind.OUTGOING)
    assert day(row[OUTGOING_HEADINGS.index("Ngày chuyển")]) == date(2012, 3, 3)


def test_the_incoming_register_gives_the_day_it_was_handed_on(world: DocWorld) -> None:
    handed = register(world)
    register(world, number_symbol="46-CT/TU")  # not handed on: no date
    direct(world, handed, lead=world.chau_thanh_specialist,
           given_at=datetime(2012, 3, 6, 2, 0, tzinfo=UTC))  # fmt: skip
    column = INCOMING_HEADINGS.index("Ngày chuyển")
    assert [day(row[column]) for row in sheet(world, Kind.INCOMING)] == [date(2012, 3, 6), None]
