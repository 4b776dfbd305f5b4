"""The titles in force on a date and what a unit or a person must meet for one, from the rule
kind `emulation.titles` (core.rules_emulation): conditions, quotas and vote thresholds are data,
checked here without reading the database (the callers gather the facts).

A check is `Check(code, met, detail)`: `code` the condition's kind (or "quota", "vote"), `detail`
a Vietnamese sentence saying what was found against what the rule asks, kept on the nominee.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from django.utils.translation import gettext as _

from vanphong.core.rules import rule_data
from vanphong.core.rules_emulation import KIND
from vanphong.org.models import Unit

UNIT = "unit"
PERSON = "person"


@dataclass(frozen=True)
class Title:
    code: str
    name: str
    level: str
    awarding_body: str
    conditions: tuple[Mapping[str, Any], ...]
    quota: Mapping[str, Any]
    vote: Mapping[str, Any]
    position: int = 0

    @property
    def vote_share(self) -> tuple[int, int]:
        num, den = self.vote.get("share", (1, 2))
        return int(num), int(den)

    @property
    def vote_of_staff(self) -> bool:
        return self.vote.get("of") == "staff"


@dataclass(frozen=True)
class Check:
    code: str
    met: bool
    detail: str

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "met": self.met, "detail": self.detail}


class RankLike(Protocol):
    """A ranking row as `emulation.ranking` gives it (only what the checks read)."""

    @property
    def unit(self) -> Unit: ...
    @property
    def total(self) -> Decimal: ...
    @property
    def rank(self) -> int | None: ...
    @property
    def tied(self) -> bool: ...
    @property
    def complete(self) -> bool: ...


@dataclass(frozen=True)
class Facts:
    """What the conditions are checked against; None where the fact is not known."""

    year: int
    row: RankLike | None = None
    pledge_titles: frozenset[str] | None = None  # None: the unit registered no pledge
    qualified: frozenset[str] = frozenset()  # titles the unit already gets this movement
    held: Mapping[int, frozenset[str]] = field(default_factory=dict)  # year → titles held
    initiative: bool = False
    achievements: str = ""


def titles_of(data: Mapping[str, Any]) -> list[Title]:
    return [
        Title(
            code=str(item["code"]),
            name=str(item["name"]),
            level=str(item["level"]),
            awarding_body=str(item.get("awarding_body", "")),
            conditions=tuple(item.get("conditions", ())),
            quota=dict(item.get("quota") or {}),
            vote=dict(item.get("vote") or {}),
            position=position,
        )
        for position, item in enumerate(data.get("titles", ()))
    ]


def titles_in_force(on: date) -> list[Title]:
    """The titles of the rule version in force on `on`, highest first."""
    return titles_of(rule_data(KIND, on))


def title_named(titles: Iterable[Title], code: str) -> Title | None:
    return next((title for title in titles if title.code == code), None)


def _names(titles: Sequence[Title]) -> dict[str, str]:
    return {title.code: title.name for title in titles}


def _number(value: Decimal | int | float) -> str:
    text = f"{Decimal(str(value)).normalize():f}"
    return text.replace(".", ",")


def condition_check(
    condition: Mapping[str, Any], title: Title, facts: Facts, names: Mapping[str, str]
) -> Check:
    kind = str(condition.get("kind", ""))
    row = facts.row
    if kind == "pledged":
        if facts.pledge_titles is None:
            return Check(kind, False, _("Đơn vị không đăng ký thi đua."))
        # A pledge for a higher title of the list counts for the lower ones.
        order = list(names)
        reach = set(order[: order.index(title.code) + 1]) if title.code in order else {title.code}
        met = bool(facts.pledge_titles & reach)
        if met:
            return Check(kind, True, _("Đã đăng ký thi đua."))
        return Check(kind, False, _("Đăng ký thi đua không có danh hiệu này hay cao hơn."))
    if kind == "complete_scores":
        if row is None:
            return Check(kind, False, _("Chưa có kết quả chấm điểm."))
        if row.complete:
            return Check(kind, True, _("Đã chấm đủ các vòng."))
        return Check(kind, False, _("Chưa chấm đủ các tiêu chí, các vòng."))
    if kind == "rank_at_most":
        limit = int(condition["value"])
        if row is None or row.rank is None:
            return Check(
                kind, False, _("Chưa được xếp hạng (cần hạng %(n)d trở lên).") % {"n": limit}
            )
        tied = _("đồng hạng")
        tie = f" ({tied})" if row.tied else ""
        detail = _("Xếp hạng %(rank)d%(tie)s; cần hạng %(n)d trở lên.") % {
            "rank": row.rank,
            "tie": tie,
            "n": limit,
        }
        return Check(kind, row.rank <= limit, detail)
    if kind == "total_at_least":
        minimum = Decimal(str(condition["value"]))
        if row is None:
            return Check(
                kind, False, _("Chưa có tổng điểm (cần từ %(min)s).") % {"min": _number(minimum)}
            )
        detail = _("Tổng điểm %(total)s; cần từ %(min)s.") % {
            "total": _number(row.total),
            "min": _number(minimum),
        }
        return Check(kind, row.total >= minimum, detail)
    if kind == "not_title":
        other = str(condition["title"])
        name = names.get(other, other)
        if other in facts.qualified:
            return Check(kind, False, _("Đã đạt %(title)s; không xét đồng thời.") % {"title": name})
        return Check(kind, True, _("Không đạt %(title)s.") % {"title": name})
    if kind == "held_title":
        other = str(condition["title"])
        years = int(condition.get("years", 1))
        wanted = range(facts.year - years + 1, facts.year + 1)
        missing = [year for year in wanted if other not in facts.held.get(year, frozenset())]
        name = names.get(other, other)
        if missing:
            return Check(
                kind,
                False,
                _("Chưa có danh hiệu %(title)s năm %(years)s.")
                % {"title": name, "years": ", ".join(str(y) for y in missing)},
            )
        return Check(
            kind,
            True,
            _("Có danh hiệu %(title)s năm %(years)s.")
            % {"title": name, "years": ", ".join(str(y) for y in wanted)},
        )
    if kind == "initiative":
        if facts.initiative:
            return Check(kind, True, _("Có sáng kiến, giải pháp được công nhận."))
        return Check(kind, False, _("Chưa ghi nhận sáng kiến, giải pháp được công nhận."))
    if kind == "achievements":
        if facts.achievements.strip():
            return Check(kind, True, _("Có tóm tắt thành tích."))
        return Check(kind, False, _("Chưa có tóm tắt thành tích."))
    return Check(kind or "?", False, _("Điều kiện “%(kind)s” chưa được hỗ trợ.") % {"kind": kind})


def check(title: Title, facts: Facts, titles: Sequence[Title] = ()) -> list[Check]:
    """The checks of each of the title's conditions, in the rule's order."""
    names = _names(titles) if titles else {title.code: title.name}
    return [condition_check(condition, title, facts, names) for condition in title.conditions]


def check_unit(
    title: Title,
    row: RankLike | None,
    *,
    year: int,
    pledge_titles: Collection[str] | None,
    qualified: Collection[str] = (),
    held: Mapping[int, frozenset[str]] | None = None,
    titles: Sequence[Title] = (),
) -> list[Check]:
    facts = Facts(
        year=year,
        row=row,
        pledge_titles=frozenset(pledge_titles) if pledge_titles is not None else None,
        qualified=frozenset(qualified),
        held=held or {},
    )
    return check(title, facts, titles)


def check_person(
    title: Title,
    *,
    year: int,
    held: Mapping[int, frozenset[str]],
    initiative: bool,
    achievements: str,
    titles: Sequence[Title] = (),
) -> list[Check]:
    facts = Facts(year=year, held=held, initiative=initiative, achievements=achievements)
    return check(title, facts, titles)


def quota_limit(title: Title, *, base: int = 0) -> int | None:
    """How many the title's quota allows (None: no quota); `base` the count a share is of."""
    if "per_bloc" in title.quota:
        return int(title.quota["per_bloc"])
    if "share_of" in title.quota:
        share = Decimal(str(title.quota.get("max", 0)))
        return math.floor(share * base)
    return None


def quota_check(title: Title, *, taken: int, base: int = 0, base_name: str = "") -> Check | None:
    """Whether one more of the title fits its quota, `taken` already proposed or awarded."""
    limit = quota_limit(title, base=base)
    if limit is None:
        return None
    if "per_bloc" in title.quota:
        detail = _("Khối đã có %(taken)d/%(limit)d đơn vị được đề nghị %(title)s.") % {
            "taken": taken,
            "limit": limit,
            "title": title.name,
        }
    else:
        detail = _(
            "Đã đề nghị %(taken)d %(title)s; tối đa %(share)s%% của %(base)d %(of)s, tức %(limit)d."
        ) % {
            "taken": taken,
            "title": title.name,
            "share": _number(Decimal(str(title.quota.get("max", 0))) * 100),
            "base": base,
            "of": base_name or str(title.quota.get("share_of", "")),
            "limit": limit,
        }
    return Check("quota", taken < limit, detail)


def vote_check(title: Title, *, voters: int, votes_for: int) -> Check:
    """Whether the votes reach the title's threshold: votes_for / voters ≥ num / den."""
    num, den = title.vote_share
    met = voters > 0 and votes_for * den >= num * voters
    percent = Decimal(votes_for * 100) / voters if voters else Decimal(0)
    detail = _(
        "%(votes)d/%(voters)d phiếu đồng ý (%(pct)s%%); ngưỡng %(num)d/%(den)d (%(need)s%%)."
    ) % {
        "votes": votes_for,
        "voters": voters,
        "pct": _number(percent.quantize(Decimal("0.1"))),
        "num": num,
        "den": den,
        "need": _number((Decimal(num * 100) / den).quantize(Decimal("0.1"))),
    }
    return Check("vote", met, detail)


@dataclass
class UnitQualification:
    """One unit's line of a movement's qualification table: each title's checks."""

    unit: Unit
    row: RankLike | None
    checks: dict[str, list[Check]] = field(default_factory=dict)

    @property
    def titles(self) -> list[str]:
        return [code for code, found in self.checks.items() if all(c.met for c in found)]


def qualify(
    rows: Sequence[RankLike],
    *,
    year: int,
    titles: Sequence[Title],
    pledges: Mapping[int, Collection[str]],
    held: Mapping[int, Mapping[int, frozenset[str]]] | None = None,
) -> list[UnitQualification]:
    """Every unit of a ranking against every unit title, highest title first; a per-bloc quota
    goes to the best ranked that meet the conditions, and units tied at the quota's edge all
    fail it (the council decides between them)."""
    lines = [UnitQualification(unit=row.unit, row=row) for row in rows]
    for title in (t for t in titles if t.level == UNIT):
        meeting: list[UnitQualification] = []
        for line in lines:
            found = check_unit(
                title,
                line.row,
                year=year,
                pledge_titles=pledges.get(line.unit.pk),
                qualified=line.titles,
                held=(held or {}).get(line.unit.pk),
                titles=titles,
            )
            line.checks[title.code] = found
            if all(c.met for c in found):
                meeting.append(line)
        limit = quota_limit(title)
        if limit is None:
            continue
        meeting.sort(key=lambda line: line.row.rank if line.row and line.row.rank else 10**6)
        edge_rank = None
        if len(meeting) > limit and limit > 0:
            inside, outside = meeting[limit - 1], meeting[limit]
            if inside.row and outside.row and inside.row.rank == outside.row.rank:
                edge_rank = inside.row.rank
        for index, line in enumerate(meeting):
            rank = line.row.rank if line.row else None
            if edge_rank is not None and rank == edge_rank:
                detail = _(
                    "Đồng hạng %(rank)d với đơn vị khác; chỉ %(limit)d %(title)s mỗi khối: Hội "
                    "đồng xét chọn."
                ) % {"rank": rank, "limit": limit, "title": title.name}
                line.checks[title.code].append(Check("quota", False, detail))
            elif index < limit:
                detail = _("Trong chỉ tiêu %(limit)d %(title)s mỗi khối.") % {
                    "limit": limit,
                    "title": title.name,
                }
                line.checks[title.code].append(Check("quota", True, detail))
            else:
                detail = _("Ngoài chỉ tiêu %(limit)d %(title)s mỗi khối.") % {
                    "limit": limit,
                    "title": title.name,
                }
                line.checks[title.code].append(Check("quota", False, detail))
    return lines
