"""What a printed week says, worked out once for the PDF and the DOCX (printing.py draws it).

The layout of a Party office's paper (66-QĐ/TW, 36-HD/VPTW): top left the body above the
issuer (caps) over the issuer (caps, bold) and a centred "*"; top right "ĐẢNG CỘNG SẢN VIỆT
NAM" (caps, bold, underlined) over the place and date (italic); the title and the week; the
grid by day and session; at the foot "Nơi nhận:" on the left and, on the right, the signature
of whoever approved the version — "K/T CHÁNH VĂN PHÒNG" over "PHÓ CHÁNH VĂN PHÒNG" for a
deputy — with their name.

Entries are as the week page shows them to the person printing (planning.week): a secret
entry is "Bận" to someone not cleared, and marked "(Mật)" for someone cleared. Leaders are
"Đ/c Lê Hữu Uyên, Bí thư Tỉnh ủy", the post taken from their membership on the entry's day.
Why a clash was kept shows on the print of those who may approve the week only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core.vietnamese import clean, fold, format_place_date
from vanphong.org.models import LEADER_ROLES, Membership, Unit, UnitKind
from vanphong.planning.conflicts import kept_reasons
from vanphong.planning.models import ScheduleKind, ScheduleVersion
from vanphong.planning.selectors import office_of
from vanphong.planning.week import Row, Week

# The Party's name heads every Party document as it is, in any interface language; so do the
# committees' names in a leader's title ("Bí thư Tỉnh ủy").
PARTY: str = "ĐẢNG CỘNG SẢN VIỆT NAM"
COMMITTEE_TITLES: dict[str, str] = {
    UnitKind.PROVINCIAL_COMMITTEE: "Tỉnh ủy",
    UnitKind.DISTRICT_COMMITTEE: "Huyện ủy",
    UnitKind.TOWN_COMMITTEE: "Thị ủy",
    UnitKind.PARTY_COMMITTEE: "Đảng ủy",
}


@dataclass(frozen=True)
class Paper:
    issuer: list[tuple[str, bool]]  # the header's left lines (text, bold); "*" last
    place_date: str
    draft: bool  # not approved yet: marked "Dự thảo", signed by nobody
    title: str
    subtitle: str
    amendment: str  # "Bản điều chỉnh số 2: …" or ""
    rows: list[tuple[list[str], bool]]  # the grid's cells (see printing.headings), italic?
    removed: list[str]
    recipients: list[str]
    signature: list[str]  # the function lines, "K/T CHÁNH VĂN PHÒNG" …
    signer: str  # the approver's name


def issuer(committee: Unit, office: Unit | None) -> list[tuple[str, bool]]:
    """`TỈNH ỦY TÂY NINH` over `VĂN PHÒNG` over `*`: the Office issues the week. Without an
    Office, the committee under its superior (`ĐẢNG BỘ TỈNH TÂY NINH`)."""
    if office is None:
        lines = [(committee.superior_name.upper(), False)] if committee.superior_name else []
        return [*lines, (committee.name.upper(), True), ("*", False)]
    above = office.superior_name or committee.name
    # "Văn phòng Tỉnh ủy" under "TỈNH ỦY TÂY NINH" is written "VĂN PHÒNG".
    name = "Văn phòng" if fold(office.name).startswith("van phong") else office.name
    return [(above.upper(), False), (name.upper(), True), ("*", False)]


def _committee_of(unit: Unit) -> Unit | None:
    if unit.is_committee:
        return unit
    if unit.kind == UnitKind.OFFICE and unit.parent is not None and unit.parent.is_committee:
        return unit.parent
    return None


def title_of(position: str, unit: Unit) -> str:
    """`Bí thư` in the Tỉnh ủy is "Bí thư Tỉnh ủy"; `Chánh Văn phòng` in its Office, "Chánh
    Văn phòng Tỉnh ủy"; a post that already names its committee is kept as it is."""
    committee = _committee_of(unit)
    suffix = COMMITTEE_TITLES.get(committee.kind, "") if committee is not None else ""
    if not suffix or fold(suffix) in fold(position):
        return position
    return f"{position} {suffix}"


def _posts(rows: list[Row], home: tuple[int, ...]) -> dict[tuple[int, date], str]:
    """Each attending leader's title on each day they attend, in one query: the membership
    in force that day, those in the committee or its Office and leaders' first."""
    wanted = {(a.person_id, row.entry.day) for row in rows for a in row.entry.attending()}
    if not wanted:
        return {}
    days = [day for _person, day in wanted]
    memberships = list(
        Membership.objects.filter(
            person_id__in={person for person, _day in wanted}, starts_on__lte=max(days)
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=min(days)))
        .exclude(position="")
        .select_related("unit__parent")
    )
    ranked = sorted(
        memberships,
        key=lambda m: (m.unit_id not in home, m.role not in LEADER_ROLES, -m.starts_on.toordinal()),
    )
    posts: dict[tuple[int, date], str] = {}
    for person, day in wanted:
        for m in ranked:
            if m.person_id == person and m.starts_on <= day and (m.ends_on or day) >= day:
                posts[(person, day)] = title_of(clean(m.position), m.unit)
                break
    return posts


def _leaders(row: Row, posts: dict[tuple[int, date], str]) -> str:
    lines = []
    for attendee in row.entry.attending():
        post = posts.get((attendee.person_id, row.entry.day), "")
        name = attendee.person.full_name
        lines.append(
            _("Đ/c %(name)s, %(post)s") % {"name": name, "post": post}
            if post
            else _("Đ/c %(name)s") % {"name": name}
        )
    return "\n".join(lines)


def _content(row: Row, reasons: list[str]) -> str:
    text = row.content
    if row.entry.confidentiality and not row.hidden:
        text += f" ({row.entry.get_confidentiality_display()})"
    if row.units:
        text += "\n" + _("Thành phần: %(units)s") % {"units": row.units}
    if row.note:
        text += "\n" + row.note
    if row.mark:
        text += f"\n({row.mark_label})"
    if not row.hidden:
        text += "".join("\n" + _("Giữ trùng lịch: %(reason)s") % {"reason": r} for r in reasons)
    return text


def recipients(version: ScheduleVersion) -> list[str]:
    """`- Thường trực Tỉnh ủy,` … `- Lưu VP.`: who the week goes to."""
    schedule = version.schedule
    if schedule.kind == ScheduleKind.OFFICE:
        names = [_("Lãnh đạo Văn phòng"), _("Các phòng")]
    else:
        committee = COMMITTEE_TITLES.get(schedule.committee.kind, schedule.committee.name)
        names = [
            _("Thường trực %(committee)s") % {"committee": committee},
            _("Các đồng chí Ủy viên Ban Thường vụ"),
            _("Các ban"),
        ]
    names.append(_("Lưu VP"))
    return [f"- {name}," for name in names[:-1]] + [f"- {names[-1]}."]


def signature(version: ScheduleVersion, home: tuple[int, ...]) -> tuple[list[str], str]:
    """The approver's function lines and name, from their post in the Office on the day they
    approved: a deputy signs "K/T" (on behalf of) their chief."""
    approver = version.approved_by
    if approver is None or version.approved_at is None:
        return [], ""
    committee = version.schedule.committee
    on = timezone.localdate(version.approved_at)
    membership = (
        Membership.objects.current(on)
        .filter(person=approver, unit__in=home)
        .exclude(position="")
        .order_by("-starts_on")
        .first()
    )
    position = clean(membership.position) if membership is not None else ""
    # The committee's name, if the post carries it, is in the header already.
    suffix = COMMITTEE_TITLES.get(committee.kind, "")
    if suffix and fold(position).endswith(" " + fold(suffix)):
        position = position[: -len(suffix) - 1]
    if fold(position).startswith("pho "):
        return [f"K/T {position[4:].upper()}", position.upper()], approver.full_name
    return ([position.upper()] if position else []), approver.full_name


def build(week: Week) -> Paper:
    version = week.version
    committee = version.schedule.committee
    rows = [row for _day, _session, row in week.rows()]
    office = office_of(committee)
    # The committee and its Office: where a leader's post and the approver's are looked for.
    home = (committee.pk, office.pk) if office is not None else (committee.pk,)
    posts = _posts(rows, home)
    reasons = kept_reasons(version, reader=week.reader)
    place = (office.place if office is not None else "") or committee.place
    approved = version.approved_at
    on = timezone.localdate(approved) if approved is not None else timezone.localdate()
    session_labels = dict(week.sessions)
    cells: list[tuple[list[str], bool]] = []
    last_day, last_session = None, None
    for day, session, row in week.rows():
        day_label = day.label + (f"\n({day.holiday})" if day.holiday else "")
        session_label = session_labels[session]
        if day.day == last_day:
            day_label = ""
            session_label = "" if session == last_session else session_label
        last_day, last_session = day.day, session
        cells.append(
            (
                [
                    day_label,
                    session_label,
                    row.time,
                    _content(row, reasons.get(row.entry.pk, [])),
                    _leaders(row, posts),
                    row.place,
                    row.preparing,
                ],
                bool(row.mark),
            )
        )
    amendment = ""
    if version.number > 1:
        amendment = _("Bản điều chỉnh số %(n)s: %(note)s") % {
            "n": version.number,
            "note": version.change_note,
        }
    function, signer = signature(version, home)
    return Paper(
        issuer=issuer(committee, office),
        place_date=format_place_date(place, on),
        draft=approved is None,
        title=week.title,
        subtitle=week.subtitle,
        amendment=amendment,
        rows=cells,
        removed=[
            " ".join(
                part for part in ("-", f"{row.entry.day:%d/%m}", row.time, row.content) if part
            )
            for row in week.removed
        ],
        recipients=recipients(version),
        signature=function,
        signer=signer,
    )
