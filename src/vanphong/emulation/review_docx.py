"""The annual review's draft in Party format (DOCX): "BÁO CÁO tổng kết công tác Văn phòng năm
…", every figure from review.py (this year, the year before, the difference; the districts'
roll-up in the province's version), the assessed sections as the Office wrote them, the
emulation results with the bloc's ranking and the unit's criteria profile as pictures (each
with its caption), "Nơi nhận" and the signature. The Office finishes it by hand.
"""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any, Final

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from vanphong.core import word
from vanphong.core.vietnamese import fold, format_date, format_place_date, sanitize
from vanphong.emulation import review_pictures
from vanphong.emulation.review import (
    TEXT_TITLES,
    FigureLine,
    ReviewFigures,
    Section,
    award_holder,
    no_figures,
)
from vanphong.planning.paper import COMMITTEE_TITLES, PARTY, issuer

DOCX_TYPE: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ROMAN: Final = ("I", "II", "III", "IV", "V")

_paragraph = partial(word.paragraph, align=WD_ALIGN_PARAGRAPH.JUSTIFY)


def signed(value: int) -> str:
    """The difference as the tables write it: `+3`, `-2`, `0`."""
    return f"+{value}" if value > 0 else str(value)


def title(figures: ReviewFigures) -> str:
    return _("Tổng kết công tác Văn phòng năm %(year)s, phương hướng, nhiệm vụ năm %(next)s") % {
        "year": figures.year,
        "next": figures.year + 1,
    }


def filename(figures: ReviewFigures) -> str:
    """`tong-ket-2012_van-phong-tinh-uy.docx`: ASCII, as browsers keep it."""
    who = re.sub(r"[^a-z0-9]+", "-", fold(figures.unit.name)).strip("-")
    return f"tong-ket-{figures.year}_{who}.docx"


def headings(figures: ReviewFigures) -> list[str]:
    """The figure tables' heading row (read back by the tests)."""
    year, last = figures.year, figures.year - 1
    own = [_("Năm %(year)s") % {"year": year}, _("Năm %(year)s") % {"year": last}, _("Tăng, giảm")]
    if not figures.rolled_up:
        return [_("Nội dung"), *own]
    office, districts = _("Văn phòng"), _("Các huyện, thị ủy")
    return [
        _("Nội dung"),
        *(f"{office}: {text}" for text in own),
        *(f"{districts}: {text}" for text in own),
    ]


def row(line: FigureLine, rolled_up: bool) -> list[str]:
    cells = [line.label, str(line.own.this), str(line.own.last), signed(line.own.difference)]
    if rolled_up and line.districts is not None:
        d = line.districts
        cells += [str(d.this), str(d.last), signed(d.difference)]
    return cells


def _body(document: Any, text: str, **kw: Any) -> None:
    _paragraph(document, text, indent=True, after=6, **kw)


def _heading(document: Any, text: str) -> None:
    _paragraph(document, text, bold=True, indent=True, after=6)


def _header(document: Any, figures: ReviewFigures, on: date) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Mm(75), Mm(90)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    committee = figures.committee
    office = figures.unit if figures.unit != committee else None
    if committee is not None:
        lines = issuer(committee, office)
    else:
        lines = [(figures.unit.name.upper(), True), ("*", False)]
    for index, (line, bold) in enumerate(lines):
        _paragraph(left, line, bold=bold, align=centre, first=index == 0)
    _paragraph(left, _("Số      -BC/%(symbol)s") % {"symbol": figures.unit.symbol}, align=centre)
    _paragraph(right, PARTY, size=15, bold=True, underline=True, align=centre, first=True)
    _paragraph(right, "", align=centre)
    place = figures.unit.place or (committee.place if committee is not None else "")
    _paragraph(right, format_place_date(place, on), italic=True, align=centre)


def _table(document: Any, figures: ReviewFigures, section: Section) -> None:
    names = headings(figures)
    rows = [names, *(row(line, figures.rolled_up) for line in section.lines)]
    grid = document.add_table(rows=len(rows), cols=len(names))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    size = 10 if figures.rolled_up else 12
    for index, values in enumerate(rows):
        for column, (cell, value) in enumerate(zip(grid.rows[index].cells, values, strict=True)):
            align = WD_ALIGN_PARAGRAPH.LEFT if column == 0 and index else WD_ALIGN_PARAGRAPH.CENTER
            _paragraph(cell, value, size=size, bold=index == 0, align=align, first=True)
    _paragraph(document, "", after=6)


def _picture(document: Any, image: bytes, caption: str, number: int) -> None:
    document.add_picture(io.BytesIO(image), width=Mm(160))
    document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(
        document,
        _("Hình %(number)s. %(caption)s") % {"number": number, "caption": caption},
        size=12,
        italic=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=6,
    )


def _emulation(document: Any, figures: ReviewFigures, number: int) -> None:
    _heading(document, _("%(n)s. Công tác thi đua, khen thưởng") % {"n": number})
    standing = figures.standing
    if standing is None:
        _body(
            document,
            _("Năm %(year)s đơn vị không tham gia khối thi đua nào.") % {"year": figures.year},
        )
    elif standing.convened:
        _body(
            document,
            _("Văn phòng tổ chức %(movement)s; kết quả xếp hạng của khối:")
            % {"movement": standing.movement.title},
        )
    elif standing.rank is None:
        _body(
            document,
            _("Tham gia %(movement)s; chưa có kết quả xếp hạng.")
            % {"movement": standing.movement.title},
        )
    else:
        _body(
            document,
            _("Tham gia %(movement)s, đơn vị đạt %(total)s điểm, xếp hạng %(rank)s/%(count)s.")
            % {
                "movement": standing.movement.title,
                "total": review_pictures.points(standing.total or Decimal(0)),
                "rank": standing.rank,
                "count": len(standing.rows),
            },
        )
    pictures = 0
    if standing is not None and standing.rows:
        rows = [(unit.name, total, rank) for unit, total, rank in standing.rows]
        bars = review_pictures.ranking_bars(rows, own=figures.unit.name)
        pictures += 1
        _picture(
            document,
            review_pictures.png(bars),
            review_pictures.ranking_caption(standing.movement.title, rows),
            pictures,
        )
    if standing is not None and standing.profile:
        pictures += 1
        _picture(
            document,
            review_pictures.png(review_pictures.profile_bars(standing.profile)),
            review_pictures.profile_caption(figures.unit.name, standing.profile),
            pictures,
        )
    if not figures.awards:
        _body(document, _("Trong năm chưa có khen thưởng được ghi vào sổ."))
        return
    _body(document, _("Khen thưởng trong năm:"))
    names = [_("Danh hiệu, hình thức"), _("Đơn vị, cá nhân"), _("Cấp khen"), _("Quyết định")]
    grid = document.add_table(rows=1 + len(figures.awards), cols=len(names))
    grid.style = "Table Grid"
    for column, text in enumerate(names):
        _paragraph(grid.rows[0].cells[column], text, size=12, bold=True, first=True)
    for index, award in enumerate(figures.awards, start=1):
        decision = _("Số %(number)s ngày %(day)s") % {
            "number": award.decision_number,
            "day": format_date(award.decided_on),
        }
        texts = [award.title_name, award_holder(award), award.awarding_body, decision]
        for column, text in enumerate(texts):
            _paragraph(grid.rows[index].cells[column], text, size=12, first=True)
    _paragraph(document, "", after=6)


def _signature(document: Any, figures: ReviewFigures) -> None:
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(75), Mm(90)
    _paragraph(left, _("Nơi nhận:"), size=12, bold=True, italic=True, align=None, first=True)
    recipients = [_("- [……],"), _("- Lưu Văn phòng.")]
    committee = figures.committee
    if committee is not None and committee.kind in COMMITTEE_TITLES:
        recipients.insert(
            0,
            _("- Thường trực %(committee)s (để báo cáo),")
            % {"committee": COMMITTEE_TITLES[committee.kind]},
        )
    for line in recipients:
        _paragraph(left, line, size=11, align=None)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(right, _("CHÁNH VĂN PHÒNG"), bold=True, align=centre, first=True)
    for _blank in range(4):
        _paragraph(right, "", align=centre)
    _paragraph(right, _("[Họ và tên]"), bold=True, align=centre)


def review_docx(
    figures: ReviewFigures, texts: dict[str, str], *, today: date | None = None
) -> bytes:
    """The draft: A4, Times New Roman 14, the Party header, I. the year's results section by
    section, II. the way ahead, "Nơi nhận" and the signature."""
    today = today or timezone.localdate()
    document = Document()
    word.a4_portrait(document)
    word.normal_style(document)
    subject = title(figures)
    document.core_properties.title = sanitize(subject)
    document.core_properties.author = sanitize(figures.unit.name)
    _header(document, figures, min(today, date(figures.year + 1, 1, 31)))
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(document, "", align=centre)
    _paragraph(document, _("BÁO CÁO"), size=16, bold=True, align=centre)
    _paragraph(document, subject, bold=True, align=centre)
    _paragraph(
        document,
        _("(Số liệu tính đến ngày %(day)s, so sánh với ngày %(last)s)")
        % {"day": format_date(figures.as_of), "last": format_date(figures.last_as_of)},
        italic=True,
        align=centre,
    )
    _paragraph(document, "-----", align=centre, after=12)

    _heading(document, _("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM %(year)s") % {"year": figures.year})
    if figures.rolled_up:
        _body(
            document,
            _("Số liệu của Văn phòng và tổng hợp của %(districts)s.")
            % {"districts": ", ".join(unit.name for unit in figures.districts)},
            italic=True,
        )
    number = 0
    for section in figures.sections:
        number += 1
        _heading(document, f"{number}. {section.title}")
        if not section.provided:
            _body(document, no_figures(), italic=True)
            continue
        _table(document, figures, section)
        if section.notes:
            _body(document, section.notes, size=12, italic=True)
    for key in ("crypto_it", "finance", "administration"):
        number += 1
        _heading(document, f"{number}. {TEXT_TITLES[key]}")
        _texts(document, texts.get(key, ""))
    number += 1
    _emulation(document, figures, number)
    _heading(
        document,
        _("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM %(year)s") % {"year": figures.year + 1},
    )
    _texts(document, texts.get("tasks_next", ""))
    _paragraph(document, "", after=6)
    _signature(document, figures)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _texts(document: Any, text: str) -> None:
    paragraphs = [part.strip() for part in text.splitlines() if part.strip()]
    if not paragraphs:
        _body(document, _("[Văn phòng viết phần đánh giá này.]"), italic=True)
    for part in paragraphs:
        _body(document, part)
