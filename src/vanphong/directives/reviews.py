"""The review of a tracked directive (sơ kết, tổng kết): the draft report in Party format
(DOCX) that the Office's specialist finishes by hand, with the figures of review_figures.py
as of its end day. Every number in the draft is computed; the text around them is the
specialist's.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from datetime import date
from functools import partial
from typing import Any, Final, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from vanphong.core import audit, word
from vanphong.core.vietnamese import (
    GOVERNMENT_TYPES,
    PARTY_TYPES,
    fold,
    format_date,
    format_place_date,
    sanitize,
)
from vanphong.directives import selectors
from vanphong.directives.models import Directive, Task
from vanphong.directives.review_figures import (
    KINDS,
    Figures,
    Listed,
    ReviewFigures,
    review_figures,
    tasks_as_of,
    tasks_reviewed,
)
from vanphong.documents.selectors import outgoing_visible
from vanphong.org.models import Person, Unit, UnitKind

ReviewKind = Literal["interim", "final"]
REVIEW_KINDS: Final = {
    "interim": gettext_lazy("Sơ kết"),
    "final": gettext_lazy("Tổng kết"),
}
# How addresses (`?loai=so-ket`) and file names write a kind.
REVIEW_SLUGS: Final[dict[ReviewKind, str]] = {"interim": "so-ket", "final": "tong-ket"}
REVIEW_KIND_OF_SLUG: Final[dict[str, ReviewKind]] = {s: k for k, s in REVIEW_SLUGS.items()}
DOCX_TYPE: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# --- the draft ------------------------------------------------------------------------------


# The reports justify their paragraphs unless told otherwise.
_paragraph = partial(word.paragraph, align=WD_ALIGN_PARAGRAPH.JUSTIFY)


def _type_name(directive: Directive) -> str:
    symbol = directive.type_symbol
    return PARTY_TYPES.get(symbol) or GOVERNMENT_TYPES.get(symbol) or symbol


_NAMED = re.compile(
    r"^(chi thi|nghi quyet|ket luan|thong bao|ke hoach|chuong trinh( hanh dong)?)\s+(?=ve )"
)


def _about(title: str) -> str:
    """`về …`: a trích yếu usually starts with `Về` (sometimes after the document's own
    name, `Chỉ thị về …`), which the sentence already says."""
    title = title.strip()
    named = _NAMED.match(fold(title))
    if named:
        title = title[named.end() :]
    if fold(title).startswith("ve "):
        return "về " + title[3:].lstrip()
    return "về " + title


def _percent(part: int, whole: int) -> str:
    # Vietnamese writes a decimal comma.
    return f"{100 * part / whole:.1f}".replace(".", ",") if whole else "0"


def _body(document: Any, text: str, **kw: Any) -> None:
    _paragraph(document, text, indent=True, after=6, **kw)


def _heading(document: Any, text: str) -> None:
    _paragraph(document, text, bold=True, indent=True, after=6)


def _header(document: Any, unit: Unit, issued_on: date) -> None:
    """Issuing body on the left (with its superior above and the number below), the Party's
    name and the place and date on the right, as 66-QĐ/TW lays them out."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Mm(75), Mm(90)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    lines = [(unit.superior_name.upper(), False)] if unit.superior_name else []
    lines += [(unit.name.upper(), True), ("*", False)]
    for index, (line, bold) in enumerate(lines):
        _paragraph(left, line, bold=bold, align=centre, first=index == 0)
    # The number is given when the report is issued; the draft keeps its place.
    _paragraph(left, _("Số      -BC/%(symbol)s") % {"symbol": unit.symbol}, align=centre)
    # The Party's name heads every Party document as it is, in any interface language.
    _paragraph(
        right,
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        size=15,
        bold=True,
        underline=True,
        align=centre,
        first=True,
    )
    _paragraph(right, "", align=centre)
    _paragraph(right, format_place_date(unit.place, issued_on), italic=True, align=centre)


def _table(document: Any, figures: ReviewFigures) -> None:
    headings = [
        _("STT"),
        _("Đơn vị chủ trì"),
        _("Nhiệm vụ được giao"),
        _("Hoàn thành đúng hạn"),
        _("Hoàn thành trễ hạn"),
        _("Báo cáo hoàn thành, chờ xác nhận"),
        _("Đang thực hiện, còn hạn"),
        _("Quá hạn"),
        _("Không thực hiện được"),
    ]
    widths = [Mm(10), Mm(38)] + [Mm(16.7)] * 7
    rows: list[list[str]] = []
    for index, line in enumerate(figures.units, start=1):
        rows.append([str(index), line.name, *_counts(line.figures)])
    rows.append(["", _("Tổng cộng"), *_counts(figures.total)])
    table = document.add_table(rows=1 + len(rows), cols=len(headings))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    centre = WD_ALIGN_PARAGRAPH.CENTER
    for row_index, texts in enumerate([headings, *rows]):
        bold = row_index == 0 or row_index == len(rows)
        for column, (cell, text) in enumerate(zip(table.rows[row_index].cells, texts, strict=True)):
            cell.width = widths[column]
            align = WD_ALIGN_PARAGRAPH.LEFT if column == 1 and row_index else centre
            _paragraph(cell, text, size=12, bold=bold, align=align, first=True)


def _counts(figures: Figures) -> list[str]:
    return [str(figures.assigned), *(str(getattr(figures, kind)) for kind in KINDS)]


def _deadline(task: Task) -> str:
    return format_date(task.deadline) if task.deadline else _("không có thời hạn")


def _done_line(index: int, listed: Listed, readable: frozenset[int]) -> str:
    task = listed.task
    line = _("%(n)s. %(content)s (%(unit)s; hoàn thành ngày %(day)s, %(timing)s)") % {
        "n": index,
        "content": task.content,
        "unit": task.lead_unit.label,
        "day": format_date(task.done_on) if task.done_on else "",
        "timing": _("đúng hạn") if listed.kind == "on_time" else _("trễ hạn"),
    }
    products = []
    if task.product:
        products.append(task.product)
    document = task.product_document
    # A number-symbol names its document: only one the reader may open is cited.
    if document is not None and document.number_symbol and document.pk in readable:
        dated = format_date(document.issued_on) if document.issued_on else ""
        products.append(
            _("văn bản số %(number)s ngày %(day)s")
            % {"number": document.number_symbol, "day": dated}
        )
    if products:
        line += _(". Sản phẩm: %(products)s") % {"products": ", ".join(products)}
    return line + "."


def _unfinished_line(listed: Listed) -> str:
    task = listed.task
    facts = {
        "content": task.content,
        "unit": task.lead_unit.label,
        "deadline": _deadline(task),
        "reason": listed.reason or _("[chưa có báo cáo; chuyên viên bổ sung]"),
    }
    if listed.kind == "open":
        return _("- %(content)s (%(unit)s; thời hạn: %(deadline)s). Tiến độ: %(reason)s") % facts
    return _("- %(content)s (%(unit)s; thời hạn: %(deadline)s). Lý do: %(reason)s") % facts


def _signature(document: Any, unit: Unit) -> None:
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(75), Mm(90)
    _paragraph(left, _("Nơi nhận:"), size=12, bold=True, italic=True, align=None, first=True)
    for line in (_("- [……],"), _("- Lưu Văn phòng.")):
        _paragraph(left, line, size=11, align=None)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    if unit.kind in (
        UnitKind.PROVINCIAL_COMMITTEE,
        UnitKind.DISTRICT_COMMITTEE,
        UnitKind.TOWN_COMMITTEE,
        UnitKind.PARTY_COMMITTEE,
    ):
        # A committee signs collectively: T/M TỈNH ỦY over the signer's office.
        label = str(UnitKind(unit.kind).label).upper()
        _paragraph(right, _("T/M %(body)s") % {"body": label}, bold=True, align=centre, first=True)
        _paragraph(right, _("[CHỨC VỤ NGƯỜI KÝ]"), bold=True, align=centre)
    else:
        _paragraph(right, _("[CHỨC VỤ NGƯỜI KÝ]"), bold=True, align=centre, first=True)
    for _blank in range(4):
        _paragraph(right, "", align=centre)
    _paragraph(right, _("[Họ và tên]"), bold=True, align=centre)


def _lines(document: Any, lines: Iterable[str]) -> None:
    for line in lines:
        _body(document, line)


def review_docx(
    *,
    directive: Directive,
    tasks: QuerySet[Task],
    start: date,
    end: date,
    kind: ReviewKind,
    unit: Unit,
    issued_on: date | None = None,
    readable: frozenset[int] = frozenset(),
) -> bytes:
    """The draft report of `unit` reviewing `directive` from `start` to `end`: A4, Times New
    Roman 14, the Party header, sections I–IV, recipients and signature. Every figure in it is
    computed; the specialist writes the assessment and the way ahead where it says so.
    `readable`: the product documents the reader may open, cited by number."""
    issued_on = issued_on or timezone.localdate()
    figures = review_figures(directive=directive, tasks=tasks, start=start, end=end)
    done, unfinished = tasks_as_of(directive=directive, tasks=tasks, start=start, end=end)
    total = figures.total
    facts = {
        "type": _type_name(directive),
        "number": directive.number_symbol,
        "dated": format_date(directive.document_date),
        "about": _about(directive.title),
        "start": format_date(start),
        "end": format_date(end),
        "unit": unit.name,
    }

    document = Document()
    word.a4_portrait(document)
    word.normal_style(document)
    subject = _("%(kind)s thực hiện %(type)s số %(number)s ngày %(dated)s %(about)s") % {
        **facts,
        "kind": REVIEW_KINDS[kind],
    }
    document.core_properties.title = sanitize(subject)
    document.core_properties.author = sanitize(unit.name)

    _header(document, unit, issued_on)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(document, "", align=centre)
    _paragraph(document, _("BÁO CÁO"), size=16, bold=True, align=centre)
    _paragraph(document, subject, bold=True, align=centre)
    _paragraph(
        document,
        _("(Từ ngày %(start)s đến ngày %(end)s)") % facts,
        italic=True,
        align=centre,
    )
    _paragraph(document, "-----", align=centre, after=12)

    _heading(document, _("I. TÌNH HÌNH TRIỂN KHAI"))
    _body(
        document,
        _(
            "Thực hiện %(type)s số %(number)s ngày %(dated)s %(about)s, tính đến ngày %(end)s, "
            "%(unit)s đã giao %(tasks)s nhiệm vụ cho %(units)s đơn vị chủ trì thực hiện; "
            "trong kỳ báo cáo (từ ngày %(start)s đến ngày %(end)s) giao %(new)s nhiệm vụ."
        )
        % {
            **facts,
            "tasks": total.assigned,
            "units": len(figures.units),
            "new": total.assigned_in_period,
        },
    )
    _body(
        document,
        _("[Chuyên viên bổ sung: công tác quán triệt, ban hành văn bản triển khai, kiểm tra.]"),
        italic=True,
    )

    _heading(document, _("II. KẾT QUẢ THỰC HIỆN"))
    _body(
        document,
        _(
            "Tính đến ngày %(end)s, đã hoàn thành %(done)s/%(tasks)s nhiệm vụ (%(percent)s%%), "
            "trong đó %(on_time)s nhiệm vụ đúng hạn, %(late)s nhiệm vụ trễ hạn; %(submitted)s "
            "nhiệm vụ đã báo cáo hoàn thành, chờ xác nhận; %(open)s nhiệm vụ đang thực hiện, "
            "còn hạn; %(overdue)s nhiệm vụ quá hạn; %(cannot_do)s nhiệm vụ không thực hiện "
            "được. Trong kỳ báo cáo đã hoàn thành %(in_period)s nhiệm vụ."
        )
        % {
            **facts,
            "done": total.done,
            "tasks": total.assigned,
            "percent": _percent(total.done, total.assigned),
            "on_time": total.on_time,
            "late": total.late,
            "submitted": total.submitted,
            "open": total.open,
            "overdue": total.overdue,
            "cannot_do": total.cannot_do,
            "in_period": total.done_in_period,
        },
    )
    _body(document, _("1. Kết quả theo đơn vị chủ trì (tính đến ngày %(end)s)") % facts, bold=True)
    _table(document, figures)
    _body(
        document,
        _("2. Nhiệm vụ hoàn thành trong kỳ (từ ngày %(start)s đến ngày %(end)s)") % facts,
        bold=True,
    )
    if done:
        _lines(
            document,
            (_done_line(index, item, readable) for index, item in enumerate(done, start=1)),
        )
    else:
        _body(document, _("Trong kỳ không có nhiệm vụ nào hoàn thành."))

    _heading(document, _("III. NHỮNG NHIỆM VỤ CHƯA HOÀN THÀNH, NGUYÊN NHÂN"))
    groups = (
        ("overdue", _("Nhiệm vụ quá hạn")),
        ("open", _("Nhiệm vụ đang thực hiện, còn hạn")),
        ("cannot_do", _("Nhiệm vụ không thực hiện được")),
    )
    if not unfinished:
        _body(document, _("Tính đến ngày %(end)s, không còn nhiệm vụ nào chưa hoàn thành.") % facts)
    number = 0
    for state, label in groups:
        listed = [item for item in unfinished if item.kind == state]
        if not listed:
            continue
        number += 1
        _body(document, f"{number}. {label} ({len(listed)})", bold=True)
        _lines(document, (_unfinished_line(item) for item in listed))
    _body(
        document,
        _("[Chuyên viên bổ sung: nguyên nhân khách quan, chủ quan; hạn chế, khuyết điểm.]"),
        italic=True,
    )

    _heading(document, _("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"))
    _body(
        document,
        _("[Chuyên viên soạn: phương hướng, nhiệm vụ trọng tâm thời gian tới; kiến nghị.]"),
        italic=True,
    )
    _paragraph(document, "", after=6)
    _signature(document, unit)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def filename(directive: Directive, kind: ReviewKind) -> str:
    """`BC-so-ket-01-CT-TW.docx`."""
    # ASCII: `QĐ` becomes `QD` (a browser may mangle other letters in a downloaded name).
    number = re.sub(r"[^A-Z0-9]+", "-", fold(directive.number_symbol).upper()).strip("-")
    return f"BC-{REVIEW_SLUGS[kind]}-{number}.docx"


# --- the use case ---------------------------------------------------------------------------


def review_generate(
    *, actor: Person, directive: Directive, kind: ReviewKind, start: date, end: date
) -> bytes:
    """The draft review of `directive`, for a person acting for its unit; audited."""
    if not selectors.acts_for(actor, directive.unit):
        raise PermissionDenied(_("Chỉ đơn vị theo dõi văn bản mới lập báo cáo sơ kết, tổng kết."))
    errors = {}
    if kind not in REVIEW_KINDS:
        errors["loai"] = _("Chọn sơ kết hoặc tổng kết.")
    if start < directive.document_date:
        errors["tu"] = _("Từ ngày không được trước ngày của văn bản (%(day)s).") % {
            "day": format_date(directive.document_date)
        }
    if end < start:
        errors["den"] = _("Đến ngày không được trước từ ngày (%(day)s).") % {
            "day": format_date(start)
        }
    elif end > timezone.localdate():
        # Figures as of a day still to come would call today's open tasks overdue.
        errors["den"] = _("Đến ngày không được sau hôm nay.")
    if errors:
        raise ValidationError(errors)
    tasks = tasks_reviewed(actor, directive)
    readable = outgoing_visible(actor).filter(pk__in=tasks.values("product_document"))
    body = review_docx(
        directive=directive,
        tasks=tasks,
        start=start,
        end=end,
        kind=kind,
        unit=directive.unit,
        readable=frozenset(readable.values_list("pk", flat=True)),
    )
    with transaction.atomic():
        audit.record(
            actor=actor,
            action="directive.review",
            target=directive,
            after={"kind": kind, "start": start, "end": end},
        )
    return body
