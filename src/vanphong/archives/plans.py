"""File plans (danh mục hồ sơ) read for display, print and the other flows: the outline with its
numbers (major headings in Roman numerals, minor ones in Arabic, counted again under each major
heading), retention as the list writes it, the summary counts, a unit's level in the retention
tables, and suggestions of the plan's entries for a subject.

A file plan names no secret (a file's title is written when it is opened, not in the plan), so
these reads take no person: the caller has already fetched the plan or the unit through a
scoped selector (`selectors.plan_get_visible`) or checked that the person compiles its files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from vanphong.archives.models import FilePlan, PlanEntry, PlanHeading, RetentionRule, UnitLevel
from vanphong.core.vietnamese import fold
from vanphong.org.models import Unit, UnitKind
from vanphong.org.selectors import committee_of

_WORD: Final = re.compile(r"[0-9a-z]+")
_ROMAN: Final = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(number: int) -> str:
    """1 → I, 4 → IV, 14 → XIV, 1990 → MCMXC; only 1 to 3999 have a Roman numeral."""
    if not 1 <= number <= 3999:
        raise ValueError(f"no Roman numeral for {number}")
    written = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        written.append(letters * count)
    return "".join(written)


def retention_label(years: int | None) -> str:
    """`Vĩnh viễn`, or `10 năm`."""
    if years is None:
        return _("Vĩnh viễn")
    return _("%(n)s năm") % {"n": years}


def unit_level(unit: Unit) -> str:
    """Which retention table a unit's files follow: the provincial one under a provincial
    committee, the district one under any other committee (or none)."""
    committee = committee_of(unit)
    if committee is not None and committee.kind == UnitKind.PROVINCIAL_COMMITTEE:
        return UnitLevel.PROVINCIAL
    return UnitLevel.DISTRICT


def retention_rules(level: str | None = None, text: str = "") -> QuerySet[RetentionRule]:
    """The retention tables (one level, or both), narrowed to the rows whose folded title
    holds every word of `text` as a whole word (`Hoà`/`Hòa`, `Đ`/`D` alike; "đơn thư" does
    not find "đơn vị … thưởng")."""
    rules = RetentionRule.objects.all()
    if level:
        rules = rules.filter(level=level)
    words = set(_WORD.findall(fold(text)))
    if words:
        for word in words:
            rules = rules.filter(title_folded__contains=word)
        found = [
            pk
            for pk, title in rules.values_list("pk", "title_folded")
            if words <= set(_WORD.findall(title))
        ]
        rules = RetentionRule.objects.filter(pk__in=found)
    return rules.order_by("level", "id")


@dataclass
class HeadingRow:
    heading: PlanHeading
    number: str  # "I" for a major heading, "1" for a minor one
    major: bool
    entries: list[PlanEntry] = field(default_factory=list)
    children: list[HeadingRow] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.number}. {self.heading.title}"


@dataclass
class Outline:
    plan: FilePlan
    headings: list[HeadingRow]
    entries: list[PlanEntry]  # in the order of the outline

    @property
    def total(self) -> int:
        return len(self.entries)

    @property
    def permanent(self) -> int:
        return sum(1 for entry in self.entries if entry.retention_years is None)

    @property
    def limited(self) -> int:
        return self.total - self.permanent

    def summary(self) -> str:
        """The sentence that closes the printed list."""
        return _(
            "Bản danh mục hồ sơ này có: %(total)s hồ sơ, bao gồm: %(permanent)s hồ sơ bảo quản "
            "vĩnh viễn; %(limited)s hồ sơ bảo quản có thời hạn."
        ) % {"total": self.total, "permanent": self.permanent, "limited": self.limited}

    def rows(self) -> list[tuple[HeadingRow | None, PlanEntry | None]]:
        """Flattened for a table: each heading, then its own entries, then its minor headings
        with theirs."""
        flat: list[tuple[HeadingRow | None, PlanEntry | None]] = []

        def walk(row: HeadingRow) -> None:
            flat.append((row, None))
            flat.extend((None, entry) for entry in row.entries)
            for child in row.children:
                walk(child)

        for row in self.headings:
            walk(row)
        return flat


def plan_outline(plan: FilePlan) -> Outline:
    """The plan's headings, numbered from their positions, each with its entries (two
    queries)."""
    headings = list(PlanHeading.objects.filter(plan=plan).order_by("position", "id"))
    entries = list(
        PlanEntry.objects.filter(plan=plan)
        .select_related("responsible", "retention_rule")
        .order_by("position", "id")
    )
    by_heading: dict[int, list[PlanEntry]] = {}
    for entry in entries:
        by_heading.setdefault(entry.heading_id, []).append(entry)
    majors = [h for h in headings if h.parent_id is None]
    rows: list[HeadingRow] = []
    ordered: list[PlanEntry] = []
    for index, major in enumerate(majors, start=1):
        row = HeadingRow(major, roman(index), True, by_heading.get(major.pk, []))
        ordered.extend(row.entries)
        minors = [h for h in headings if h.parent_id == major.pk]
        for number, minor in enumerate(minors, start=1):
            child = HeadingRow(minor, str(number), False, by_heading.get(minor.pk, []))
            row.children.append(child)
            ordered.extend(child.entries)
        rows.append(row)
    return Outline(plan=plan, headings=rows, entries=ordered)


def plan_for(unit: Unit, year: int) -> FilePlan | None:
    return FilePlan.objects.filter(unit=unit, year=year).first()


def plan_entries_for(unit: Unit, year: int) -> list[PlanEntry]:
    """The entries of the unit's plan for the year (draft or approved), in the outline's order;
    none without a plan."""
    plan = plan_for(unit, year)
    return plan_outline(plan).entries if plan is not None else []


# Words too common in file titles to tell one file from another.
_COMMON: Final = frozenset(
    {"ho", "so", "cua", "ve", "va", "cac", "nam", "tai", "lieu", "cong", "tac", "nhung"}
    | {"viec", "trong", "theo", "tren", "duoi", "cho", "voi", "la", "mot", "den", "di"}
)


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(fold(text)) if len(w) > 1 and w not in _COMMON}


def suggest_entries(*, unit: Unit, year: int, text: str, limit: int = 5) -> list[PlanEntry]:
    """The plan entries of `unit`'s plan for `year` that best fit a subject: scored by the
    words (folded, common ones left out) the subject shares with the entry's title and
    keywords, a keyword counting double; the best `limit`, ties in the outline's order;
    nothing shares a word, nothing is suggested."""
    wanted = _words(text)
    if not wanted or limit <= 0:
        return []
    scored: list[tuple[int, int, PlanEntry]] = []
    for order, entry in enumerate(plan_entries_for(unit, year)):
        in_title = _words(entry.title_folded or entry.title) & wanted
        in_keywords = _words(entry.keywords) & wanted
        score = len(in_title | in_keywords) + len(in_keywords)
        if score:
            scored.append((-score, order, entry))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [entry for _score, _order, entry in scored[:limit]]
