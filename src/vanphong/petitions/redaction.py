"""The redacted copy of a denunciation: what is forwarded in place of the letter itself.

A denouncer's identity (Luật Tố cáo 2018 điều 47–48) never leaves the Office: the copy sent
with a forwarding note is generated from the letter's registered content with every identity
field of every petitioner shown as `HIDDEN`, and any of those values an officer typed into
the free text (the summary, the subject) replaced too. The original scans stay in the letter's
files, read only by those `workflow.may_read_identity` admits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Protocol

from django.utils.translation import gettext as _
from fpdf import FPDF

from vanphong.core.pdf import add_liberation_serif, shorten
from vanphong.core.vietnamese import format_date, nfc
from vanphong.petitions.models import Citizen, Letter

HIDDEN = "[đã che]"
# A value shorter than this (an initial, a stray digit) would blank ordinary words.
_SHORTEST = 3


class Identity(Protocol):
    """A petitioner, as a row or as the services take one."""

    @property
    def full_name(self) -> str: ...
    @property
    def id_number(self) -> str: ...
    @property
    def address(self) -> str: ...
    @property
    def phone(self) -> str: ...


def identity_values(citizens: Iterable[Identity]) -> list[str]:
    """Every identity value of the petitioners, longest first (a full name before its parts)."""
    values: set[str] = set()
    for citizen in citizens:
        for value in (citizen.full_name, citizen.id_number, citizen.address, citizen.phone):
            value = nfc(value).strip()
            if len(value) >= _SHORTEST:
                values.add(value)
    return sorted(values, key=len, reverse=True)


def redact(text: str, values: Iterable[str]) -> str:
    """`text` with every identity value replaced by HIDDEN, whatever its case."""
    text = nfc(text)
    for value in values:
        text = re.sub(re.escape(value), HIDDEN, text, flags=re.IGNORECASE)
    return text


def names_identity(text: str, values: Iterable[str]) -> bool:
    """Whether `text` carries any identity value (a subject an officer typed, say)."""
    folded = nfc(text).casefold()
    return any(value.casefold() in folded for value in values)


def free_text_errors(texts: Mapping[str, str], citizens: Iterable[Identity]) -> dict[str, str]:
    """The fields of a denunciation's free text (a summary, what a visitor raised, …) that name
    one of its petitioners, each with its error: what an officer writes there is shown in
    lists, exports, the search and the audit, where a denouncer never is."""
    values = identity_values(citizens)
    return {
        name: _(
            "Không ghi họ tên, số giấy tờ, địa chỉ hay điện thoại của người tố cáo vào đây "
            "(thông tin người tố cáo được giữ bí mật); ghi “công dân”."
        )
        for name, text in texts.items()
        if text and names_identity(text, values)
    }


def copy_filename(letter: Letter) -> str:
    return f"ban-sao-don-{letter.number}-{letter.year}-da-che.pdf"


def redacted_copy_pdf(letter: Letter, citizens: list[Citizen]) -> bytes:
    """ "Bản sao nội dung đơn (đã che thông tin người tố cáo)": the letter's registered content,
    its petitioners' identity fields hidden."""
    values = identity_values(citizens)
    pdf = FPDF(unit="mm", format="A4")
    font = add_liberation_serif(pdf)
    pdf.set_margins(25, 20, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_creator("vanphong")
    pdf.set_title(_("Bản sao nội dung đơn (đã che thông tin người tố cáo)"))
    pdf.add_page()
    pdf.set_font(font, "B", 12)
    pdf.multi_cell(0, 6, shorten(letter.unit.name.upper(), 200), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(font, "B", 14)
    pdf.multi_cell(
        0,
        7,
        _("BẢN SAO NỘI DUNG ĐƠN\n(đã che thông tin người tố cáo)"),
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)

    def line(label: str, value: str) -> None:
        pdf.set_font(font, "B", 13)
        pdf.write(6.5, f"{label}: ")
        pdf.set_font(font, "", 13)
        pdf.write(6.5, shorten(value, 4000))
        pdf.ln(8)

    line(_("Số vào sổ"), letter.book_number)
    line(_("Ngày nhận"), format_date(letter.received_on))
    line(_("Loại đơn"), ", ".join(letter.kinds()))
    if letter.field_id:
        line(_("Lĩnh vực"), str(letter.field))
    if letter.place:
        line(_("Địa bàn"), redact(letter.place, values))
    if letter.anonymous:
        line(_("Người gửi đơn"), _("Nặc danh"))
    for position, _citizen in enumerate(citizens, start=1):
        heading = _("Người gửi đơn %(n)s") % {"n": position} if len(citizens) > 1 else ""
        if heading:
            pdf.set_font(font, "I", 13)
            pdf.cell(0, 6.5, heading, new_x="LMARGIN", new_y="NEXT")
        line(_("Họ và tên"), HIDDEN)
        line(_("Số CMND/CCCD"), HIDDEN)
        line(_("Địa chỉ"), HIDDEN)
        line(_("Điện thoại"), HIDDEN)
    if letter.subject:
        line(_("Người, tổ chức, quyết định bị đề cập"), redact(letter.subject, values))
    line(_("Nội dung đơn"), redact(letter.summary, values))
    pdf.ln(4)
    pdf.set_font(font, "I", 12)
    pdf.multi_cell(
        0,
        6,
        _(
            "Bản sao do %(unit)s lập để chuyển đơn; thông tin về người tố cáo được giữ bí mật "
            "theo quy định của pháp luật về tố cáo. Bản gốc của đơn được lưu tại %(unit)s."
        )
        % {"unit": letter.unit.name},
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return bytes(pdf.output())
