"""The proposal's dossier (hồ sơ đề nghị khen thưởng): the cover note (tờ trình), the list of
nominees (danh sách) and the council's minutes (biên bản họp hội đồng, with the vote count),
each as a draft's text and a DOCX in the Party's typeface (core.word) to attach to it.

The Party's document types (66-QĐ/TW) have no "danh sách": the list goes as a report (BC),
which a province may change here.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from vanphong.core import word
from vanphong.core.vietnamese import format_date, sanitize
from vanphong.emulation.models import Nominee, Proposal
from vanphong.emulation.titles import Title, vote_check

COVER_TYPE = "TTr"
LIST_TYPE = "BC"
MINUTES_TYPE = "BB"


@dataclass(frozen=True)
class Part:
    kind: str  # "cover_note", "list_document", "minutes"
    type_symbol: str
    subject: str
    body: str
    filename: str
    content: bytes


def nominee_name(nominee: Nominee) -> str:
    if nominee.unit is not None:
        return nominee.unit.name
    person = nominee.person
    return str(getattr(person, "full_name", "") or person)


def _docx(
    heading: str, subject: str, paragraphs: Sequence[str], table: Sequence[Sequence[str]], unit: str
) -> bytes:
    document = Document()
    word.a4_portrait(document)
    word.normal_style(document)
    document.core_properties.title = sanitize(subject)
    document.core_properties.author = sanitize(unit)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    word.paragraph(document, unit.upper(), size=13, bold=True)
    word.paragraph(document, "")
    word.paragraph(document, heading, size=15, bold=True, align=centre)
    word.paragraph(document, subject, bold=True, align=centre, after=12)
    for text in paragraphs:
        word.paragraph(document, text, indent=True, after=6)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        grid.style = "Table Grid"
        for r, cells in enumerate(table):
            for c, text in enumerate(cells):
                word.paragraph(grid.cell(r, c), text, size=12, bold=r == 0, first=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _rows(nominees: Sequence[Nominee], *, votes: bool) -> list[list[str]]:
    head = [_("STT"), _("Đơn vị, cá nhân"), _("Hạng, tổng điểm"), _("Tóm tắt thành tích")]
    if votes:
        head = [_("STT"), _("Đơn vị, cá nhân"), _("Số phiếu đồng ý"), _("Ghi chú")]
    rows = [head]
    for index, nominee in enumerate(nominees, start=1):
        if votes:
            note = (
                _("Đề nghị dù chưa đạt điều kiện: %(r)s") % {"r": nominee.override_reason}
                if nominee.override_reason
                else ""
            )
            rows.append([str(index), nominee_name(nominee), str(nominee.votes_for or 0), note])
        else:
            standing = ""
            if nominee.rank is not None or nominee.total is not None:
                standing = _("Hạng %(rank)s, %(total)s điểm") % {
                    "rank": nominee.rank if nominee.rank is not None else "—",
                    "total": nominee.total if nominee.total is not None else "—",
                }
            rows.append([str(index), nominee_name(nominee), standing, nominee.achievements])
    return rows


def build(proposal: Proposal, nominees: Sequence[Nominee], title: Title) -> list[Part]:
    unit = proposal.proposing_unit.name
    names = "; ".join(nominee_name(n) for n in nominees)
    facts = {
        "title": proposal.title_name,
        "year": proposal.year,
        "body": proposal.awarding_body,
        "unit": unit,
        "count": len(nominees),
        "names": names,
        "voted_on": format_date(proposal.voted_on) if proposal.voted_on else "",
        "voters": proposal.voters or 0,
    }
    movement = proposal.movement
    basis = (
        _("Căn cứ kết quả chấm điểm, xếp hạng %(movement)s;") % {"movement": movement.title}
        if movement is not None
        else _("Căn cứ kết quả bình xét thi đua năm %(year)s của %(unit)s;") % facts
    )
    council = _("người lao động") if title.vote_of_staff else _("Hội đồng Thi đua — Khen thưởng")

    cover_subject = _("V/v đề nghị tặng %(title)s năm %(year)s") % facts
    cover = [
        basis,
        _("Căn cứ biên bản họp %(council)s ngày %(voted_on)s,") % {**facts, "council": council},
        _(
            "%(unit)s kính trình %(body)s xem xét, tặng %(title)s năm %(year)s cho %(count)s "
            "tập thể, cá nhân: %(names)s (danh sách kèm theo)."
        )
        % facts,
    ]
    overrides = [n for n in nominees if n.override_reason]
    if overrides:
        cover.append(
            _("Đề nghị dù chưa đạt đủ điều kiện, có lý do: %(lines)s")
            % {"lines": "; ".join(f"{nominee_name(n)} — {n.override_reason}" for n in overrides)}
        )
    list_subject = _("Danh sách đề nghị tặng %(title)s năm %(year)s") % facts
    minutes_subject = _("Biên bản họp %(council)s xét đề nghị tặng %(title)s năm %(year)s") % {
        **facts,
        "council": council,
    }
    share = title.vote_share
    minutes = [
        _(
            "Ngày %(voted_on)s, %(council)s %(unit)s họp xét đề nghị tặng %(title)s năm "
            "%(year)s; có mặt %(voters)s người, bỏ phiếu kín."
        )
        % {**facts, "council": council},
        _("Ngưỡng đề nghị: từ %(num)d/%(den)d số người bỏ phiếu đồng ý.")
        % {"num": share[0], "den": share[1]},
    ]
    for nominee in nominees:
        found = vote_check(title, voters=proposal.voters or 0, votes_for=nominee.votes_for or 0)
        minutes.append(f"{nominee_name(nominee)}: {found.detail}")
    list_lines = [
        f"{index}. {nominee_name(n)}" + (f" — {n.achievements}" if n.achievements else "")
        for index, n in enumerate(nominees, start=1)
    ]
    year = proposal.year
    return [
        Part(
            "cover_note",
            COVER_TYPE,
            cover_subject,
            "\n\n".join(cover),
            f"to-trinh-{year}.docx",
            _docx(_("TỜ TRÌNH"), cover_subject, cover, [], unit),
        ),
        Part(
            "list_document",
            LIST_TYPE,
            list_subject,
            "\n".join(list_lines),
            f"danh-sach-{year}.docx",
            _docx(_("DANH SÁCH"), list_subject, [], _rows(nominees, votes=False), unit),
        ),
        Part(
            "minutes",
            MINUTES_TYPE,
            minutes_subject,
            "\n\n".join(minutes),
            f"bien-ban-{year}.docx",
            _docx(_("BIÊN BẢN"), minutes_subject, minutes, _rows(nominees, votes=True), unit),
        ),
    ]
