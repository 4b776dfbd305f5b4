"""The destruction record (biên bản hủy tài liệu hết giá trị) of an executed disposal, as PDF:
who, when, how, under which decision, the council, and the files destroyed and left out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.utils.translation import gettext as _
from fpdf import FPDF

from vanphong.archives.models import Disposal, RecordFile
from vanphong.archives.retention import retention_expires_on
from vanphong.core.pdf import Table, add_liberation_serif, shorten
from vanphong.core.vietnamese import format_date
from vanphong.org.models import Person


def _retention(file: RecordFile) -> str:
    if file.retention_years is None:
        return _("Vĩnh viễn")
    return _("%(n)s năm") % {"n": file.retention_years}


def record_filename(disposal: Disposal) -> str:
    return f"bien-ban-huy-tai-lieu-{disposal.uuid}.pdf"


def destruction_record_pdf(
    disposal: Disposal,
    *,
    destroyed: Sequence[RecordFile],
    left_out: Sequence[RecordFile],
    council: Sequence[Person],
    executed_on: date,
    executed_by: Person,
) -> bytes:
    pdf = FPDF(unit="mm", format="A4")
    font = add_liberation_serif(pdf)
    pdf.set_margins(30, 20, 15)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_creator("vanphong")
    pdf.set_title(_("Biên bản hủy tài liệu hết giá trị"))
    pdf.add_page()
    pdf.set_font(font, "B", 13)
    pdf.multi_cell(
        0, 6, shorten(disposal.archive_unit.name.upper(), 200), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(4)
    pdf.set_font(font, "B", 15)
    pdf.multi_cell(
        0, 7, _("BIÊN BẢN HỦY TÀI LIỆU HẾT GIÁ TRỊ"), align="C", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font(font, "I", 13)
    pdf.multi_cell(0, 6, shorten(disposal.title, 300), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    def line(label: str, value: str) -> None:
        pdf.set_font(font, "B", 13)
        pdf.write(6.5, f"{label}: ")
        pdf.set_font(font, "", 13)
        pdf.write(6.5, shorten(value, 2000))
        pdf.ln(8)

    line(_("Ngày hủy"), format_date(executed_on))
    line(_("Quyết định tiêu hủy"), disposal.decision)
    if disposal.approved_by is not None:
        line(_("Người phê duyệt"), str(disposal.approved_by))
    line(_("Hội đồng xác định giá trị tài liệu"), ", ".join(str(p) for p in council) or "—")
    if disposal.council_opinion:
        line(_("Ý kiến hội đồng"), disposal.council_opinion)
    line(_("Phương pháp hủy"), disposal.method)
    line(_("Người thực hiện"), str(executed_by))
    line(_("Số hồ sơ đã hủy"), str(len(destroyed)))
    pdf.ln(2)
    headings = [
        _("STT"),
        _("Số và ký hiệu hồ sơ"),
        _("Tiêu đề hồ sơ"),
        _("Năm"),
        _("Thời hạn bảo quản"),
        _("Hết hạn"),
    ]
    table = Table(pdf, [10, 28, 76, 12, 20, 19], headings, font=font, size=9, line=4.2)
    table.row(headings, [True] * len(headings), head=True)
    for index, file in enumerate(destroyed, start=1):
        expires = retention_expires_on(file)
        table.row(
            [
                str(index),
                file.code,
                file.title,
                str(file.year),
                _retention(file),
                expires.strftime("%d/%m/%Y") if expires else "",
            ],
            [True, False, False, True, True, True],
        )
    table.close()
    if left_out:
        pdf.ln(4)
        pdf.set_font(font, "I", 12)
        pdf.multi_cell(
            0,
            6,
            _("Không hủy %(n)s hồ sơ đang bị tạm giữ khi thực hiện: %(codes)s.")
            % {"n": len(left_out), "codes": shorten(", ".join(f.code for f in left_out), 2000)},
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.ln(8)
    pdf.set_font(font, "B", 13)
    pdf.cell(80, 6, _("NGƯỜI THỰC HIỆN"), align="C")
    pdf.cell(0, 6, _("ĐẠI DIỆN HỘI ĐỒNG"), align="C", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
