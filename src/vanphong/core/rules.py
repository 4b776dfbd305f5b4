"""Rules that change with the years, looked up by the date they apply to.

Each rule kind has versions with an effective date, stored as data (RuleSet rows) so that a new
regulation is a new row, not a code change; the versions known when this was written ship as
DEFAULT_RULESETS, and core's initial migration seeds a copy of them. A lookup for a date takes
the latest version in force on that date, so a 2012 petition keeps the 2012 deadline after the
law changes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanphong.core.models import RuleSet
from vanphong.core.rules_emulation import EMULATION_TITLES
from vanphong.core.vietnamese import GOVERNMENT_TYPES, PARTY_TYPES

Style = Literal["party", "government"]

# The sources of the petition clocks (RULES.md §5). "Ngày" in these laws are calendar days
# unless the text says "ngày làm việc"; a period ending on a day off runs to the next working
# day (Bộ luật Dân sự 2015, Điều 148).
PROCESSING_1998 = (
    "Luật Khiếu nại, tố cáo 1998 (có hiệu lực 01/01/1999): xử lý đơn trong 10 ngày làm việc "
    "kể từ ngày nhận (*chưa kiểm chứng*)"
)
PROCESSING_2013 = (
    "Luật Tiếp công dân 2013 (có hiệu lực 01/7/2014); Thông tư 07/2014/TT-TTCP, Điều 5: xử lý "
    "đơn trong 10 ngày làm việc kể từ ngày nhận"
)
COMPLAINT_1998 = (
    "Luật Khiếu nại, tố cáo 1998 (sửa đổi 2004, 2005), Điều 34, 36, 43: thụ lý trong 10 ngày; "
    "giải quyết lần đầu 30 ngày (phức tạp 45; vùng sâu, vùng xa 45, 60), lần hai 45 ngày "
    "(60; 60, 70)"
)
COMPLAINT_2011 = (
    "Luật Khiếu nại 2011, Điều 27, 28, 36, 37: thụ lý trong 10 ngày; giải quyết lần đầu 30 ngày "
    "(phức tạp 45; vùng sâu, vùng xa 45, 60), lần hai 45 ngày (60; 60, 70)"
)
DENUNCIATION_1998 = (
    "Luật Khiếu nại, tố cáo 1998 (sửa đổi 2004, 2005), Điều 59, 60: thụ lý trong 10 ngày; "
    "giải quyết 60 ngày, phức tạp không quá 90 ngày; không gia hạn"
)
DENUNCIATION_2011 = (
    "Luật Tố cáo 2011, Điều 20, 21: thụ lý trong 10 ngày; giải quyết 60 ngày (phức tạp 90); "
    "khi cần thiết gia hạn một lần không quá 30 ngày (phức tạp không quá 60)"
)
DENUNCIATION_2018 = (
    "Luật Tố cáo 2018, Điều 24, 30: thụ lý trong 7 ngày làm việc; giải quyết 30 ngày; phức tạp "
    "gia hạn một lần, đặc biệt phức tạp hai lần, mỗi lần không quá 30 ngày"
)

DEFAULT_RULESETS: list[dict[str, Any]] = [
    {
        "kind": "numbering.party",
        "effective_from": "2004-01-01",
        "source": "Hướng dẫn thể thức văn bản của Đảng trước 2017 (mặc định, chưa kiểm chứng)",
        "data": {
            "scope": "term",
            "secret_series": "same",
            "types": {
                **{k: v for k, v in PARTY_TYPES.items() if k != "QĐi"},
                "QĐ": "Quyết định / Quy định",
            },
        },
    },
    {
        "kind": "numbering.party",
        "effective_from": "2017-09-29",
        "source": "Quy định 66-QĐ/TW (2017); Hướng dẫn 36-HD/VPTW (2018)",
        "data": {
            "scope": "term",
            "secret_series": "same",
            "types": dict(PARTY_TYPES),
        },
    },
    {
        "kind": "numbering.government",
        "effective_from": "2011-03-05",
        "source": "Thông tư 01/2011/TT-BNV",
        "data": {"scope": "year", "secret_series": "separate", "types": dict(GOVERNMENT_TYPES)},
    },
    {
        "kind": "numbering.government",
        "effective_from": "2020-03-05",
        "source": "Nghị định 30/2020/NĐ-CP, điều 15",
        "data": {"scope": "year", "secret_series": "separate", "types": dict(GOVERNMENT_TYPES)},
    },
    {
        "kind": "deadline.complaint",
        "effective_from": "1999-01-01",
        "source": COMPLAINT_1998,
        "data": {
            "acceptance_days": 10,
            "acceptance_working_days": False,
            "working_days": False,
            "limitation_days": 90,
            "first": {"normal": 30, "complex": 45, "remote": 45, "remote_complex": 60},
            "second": {"normal": 45, "complex": 60, "remote": 60, "remote_complex": 70},
        },
    },
    {
        "kind": "deadline.complaint",
        "effective_from": "2012-07-01",
        "source": COMPLAINT_2011,
        "data": {
            "acceptance_days": 10,
            "acceptance_working_days": False,
            "working_days": False,
            "limitation_days": 90,
            "first": {"normal": 30, "complex": 45, "remote": 45, "remote_complex": 60},
            "second": {"normal": 45, "complex": 60, "remote": 60, "remote_complex": 70},
        },
    },
    {
        "kind": "deadline.denunciation",
        "effective_from": "1999-01-01",
        "source": DENUNCIATION_1998,
        "data": {
            "acceptance_days": 10,
            "acceptance_working_days": False,
            "working_days": False,
            "cases": {
                "normal": {"days": 60, "extensions": []},
                "complex": {"days": 90, "extensions": []},
                "especially_complex": {"days": 90, "extensions": []},
            },
        },
    },
    {
        "kind": "deadline.denunciation",
        "effective_from": "2019-01-01",
        "source": DENUNCIATION_2018,
        "data": {
            "acceptance_days": 7,
            "acceptance_working_days": True,
            "working_days": False,
            "cases": {
                "normal": {"days": 30, "extensions": []},
                "complex": {"days": 30, "extensions": [30]},
                "especially_complex": {"days": 30, "extensions": [30, 30]},
            },
        },
    },
    # The public holidays fixed on a solar date. Tết, Giỗ Tổ Hùng Vương (lunar dates), the day
    # next to 2 September (chosen each year since 2021) and the swapped days are decided year
    # by year and entered in the working-day calendar (CalendarDay), not here.
    *(
        {
            "kind": "calendar.fixed_holidays",
            "effective_from": effective_from,
            "source": f"{code}: danh sách ngày nghỉ lễ theo Bộ luật Lao động (ngày dương lịch); "
            "nghỉ bù vào ngày làm việc kế tiếp khi ngày lễ trùng ngày nghỉ hằng tuần",
            "data": {
                "holidays": [
                    {"month": 1, "day": 1, "name": "Tết Dương lịch"},
                    {"month": 4, "day": 30, "name": "Ngày Chiến thắng"},
                    {"month": 5, "day": 1, "name": "Ngày Quốc tế lao động"},
                    {"month": 9, "day": 2, "name": "Quốc khánh"},
                ],
                "compensate_weekend": True,
            },
        }
        for effective_from, code in (
            ("1995-01-01", "Bộ luật Lao động 1994, Điều 73"),
            ("2013-05-01", "Bộ luật Lao động 2012, Điều 115"),
            ("2021-01-01", "Bộ luật Lao động 2019, Điều 112"),
        )
    ),
    # How often the head of a committee receives citizens in person, by the committee's level.
    # None before the first Politburo text on it: no month is flagged before 26/05/2014.
    {
        "kind": "reception.head_days",
        "effective_from": "2014-05-26",
        "source": "Chỉ thị 35-CT/TW ngày 26/5/2014 của Bộ Chính trị",
        "data": {"per_month": {"provincial": 1, "district": 1, "commune": 2}},
    },
    {
        "kind": "reception.head_days",
        "effective_from": "2019-02-18",
        "source": "Quy định 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị",
        "data": {"per_month": {"provincial": 1, "district": 1, "commune": 2}},
    },
    # How long a letter's personal data is kept after the letter is closed, before it may be
    # purged (the statistical record stays).
    {
        "kind": "petitions.retention",
        "effective_from": "2023-07-01",
        "source": "Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân; thời hạn theo bảng "
        "thời hạn bảo quản hồ sơ đơn thư (chưa kiểm chứng)",
        "data": {"years": 5},
    },
    # Appended after the rows above, in the order core's migration 0004 inserts them (the
    # seed test compares the rows by id).
    {
        "kind": "deadline.denunciation",
        "effective_from": "2012-07-01",
        "source": DENUNCIATION_2011,
        "data": {
            "acceptance_days": 10,
            "acceptance_working_days": False,
            "working_days": False,
            "cases": {
                "normal": {"days": 60, "extensions": [30]},
                "complex": {"days": 90, "extensions": [60]},
                "especially_complex": {"days": 90, "extensions": [60]},
            },
        },
    },
    {
        "kind": "deadline.processing",
        "effective_from": "1999-01-01",
        "source": PROCESSING_1998,
        "data": {"days": 10, "working_days": True},
    },
    {
        "kind": "deadline.processing",
        "effective_from": "2014-07-01",
        "source": PROCESSING_2013,
        "data": {"days": 10, "working_days": True},
    },
    # The emulation titles by law version (core.rules_emulation), in the order core's migration
    # 0005 inserts them.
    *EMULATION_TITLES,
]


class NoRuleInForce(LookupError):
    pass


def rule_data(kind: str, on: date) -> dict[str, Any]:
    """The data of the version of `kind` in force on `on`."""
    version = (
        RuleSet.objects.filter(kind=kind, effective_from__lte=on)
        .order_by("-effective_from")
        .values_list("data", flat=True)
        .first()
    )
    if version is None:
        raise NoRuleInForce(
            _("Chưa có quy tắc “%(kind)s” có hiệu lực vào ngày %(date)s")
            % {"kind": kind, "date": on.strftime("%d/%m/%Y")}
        )
    return dict(version)


@dataclass(frozen=True)
class NumberingPolicy:
    style: Style
    scope: Literal["term", "year"]
    secret_series: Literal["same", "separate"]
    types: dict[str, str]

    def series(
        self, *, issuer: str, type_symbol: str, term: str | None, year: int, secret: bool
    ) -> str:
        """The counter series a new number of this kind is taken from."""
        if type_symbol not in self.types:
            raise ValueError(_("Loại văn bản không có trong quy tắc: %s") % type_symbol)
        if self.scope == "term":
            if not term:
                raise ValueError(_("Đánh số theo nhiệm kỳ cần có nhiệm kỳ"))
            period = f"term:{term}"
        else:
            period = f"year:{year}"
        separate = secret and self.secret_series == "separate"  # noqa: S105
        secrecy = ":secret" if separate else ""
        return f"{self.style}:{issuer}:{type_symbol}:{period}{secrecy}"


def numbering_policy(style: Style, on: date) -> NumberingPolicy:
    data = rule_data(f"numbering.{style}", on)
    return NumberingPolicy(
        style=style,
        scope=data["scope"],
        secret_series=data["secret_series"],
        types=dict(data["types"]),
    )


# --- the petition clocks -------------------------------------------------------------------

PROCESSING = "deadline.processing"
COMPLAINT = "deadline.complaint"
DENUNCIATION = "deadline.denunciation"
DEADLINE_KINDS = (PROCESSING, COMPLAINT, DENUNCIATION)

# What each kind is about, for the message of a date before its first version.
_DEADLINE_LABELS = {
    PROCESSING: gettext_lazy("thời hạn xử lý đơn"),
    COMPLAINT: gettext_lazy("thời hạn thụ lý, giải quyết khiếu nại"),
    DENUNCIATION: gettext_lazy("thời hạn thụ lý, giải quyết tố cáo"),
}

Complexity = Literal["normal", "complex", "especially_complex"]


@dataclass(frozen=True)
class RuleVersion:
    kind: str
    effective_from: date
    source: str
    data: Mapping[str, Any]


@dataclass(frozen=True)
class Period:
    """A legal period: `days` (working days or calendar days) from the version of `kind` in
    force since `effective_from`; `extensions`: the longest each extension the version allows
    may be, in order (none: no extension)."""

    kind: str
    effective_from: date
    source: str
    days: int
    working_days: bool
    extensions: tuple[int, ...] = ()

    @property
    def longest_days(self) -> int:
        return self.days + sum(self.extensions)


class RuleBook:
    """The versions of some rule kinds, loaded in one query, answering for any date."""

    def __init__(self, versions: Iterable[RuleVersion]) -> None:
        self._versions: dict[str, list[RuleVersion]] = {}
        for version in sorted(versions, key=lambda v: v.effective_from):
            self._versions.setdefault(version.kind, []).append(version)

    @classmethod
    def load(cls, kinds: Iterable[str] = DEADLINE_KINDS) -> RuleBook:
        rows = RuleSet.objects.filter(kind__in=list(kinds)).values_list(
            "kind", "effective_from", "source", "data"
        )
        return cls(RuleVersion(*row) for row in rows)

    def version(self, kind: str, on: date) -> RuleVersion:
        versions = self._versions.get(kind, [])
        index = bisect_right([v.effective_from for v in versions], on) - 1
        if index < 0:
            label = _DEADLINE_LABELS.get(kind, kind)
            if versions:
                raise NoRuleInForce(
                    _(
                        "Ngày %(date)s trước khi có quy định về %(what)s (quy định đầu tiên có "
                        "hiệu lực từ %(first)s)."
                    )
                    % {
                        "date": on.strftime("%d/%m/%Y"),
                        "what": label,
                        "first": versions[0].effective_from.strftime("%d/%m/%Y"),
                    }
                )
            raise NoRuleInForce(
                _("Chưa có quy định về %(what)s có hiệu lực vào ngày %(date)s.")
                % {"what": label, "date": on.strftime("%d/%m/%Y")}
            )
        return versions[index]

    def _period(
        self, version: RuleVersion, days: Any, working: Any, extensions: Any = ()
    ) -> Period:
        return Period(
            kind=version.kind,
            effective_from=version.effective_from,
            source=version.source,
            days=int(days),
            working_days=bool(working),
            extensions=tuple(int(d) for d in extensions),
        )

    def processing(self, on: date) -> Period:
        """Processing a letter received on `on`: classify, decide, reply or forward."""
        version = self.version(PROCESSING, on)
        return self._period(version, version.data["days"], version.data.get("working_days"))

    def acceptance(self, on: date, *, denunciation: bool) -> Period:
        """Accepting (thụ lý) or refusing a complaint or denunciation received on `on`."""
        version = self.version(DENUNCIATION if denunciation else COMPLAINT, on)
        data = version.data
        return self._period(version, data["acceptance_days"], data.get("acceptance_working_days"))

    def complaint(
        self, on: date, *, second: bool = False, complex_case: bool = False, remote: bool = False
    ) -> Period:
        """Settling a complaint accepted on `on` (no extension: the law has none)."""
        version = self.version(COMPLAINT, on)
        key = {
            (False, False): "normal",
            (True, False): "complex",
            (False, True): "remote",
            (True, True): "remote_complex",
        }[(complex_case, remote)]
        days = version.data["second" if second else "first"][key]
        return self._period(version, days, version.data.get("working_days"))

    def denunciation(self, on: date, *, complexity: Complexity = "normal") -> Period:
        """Settling a denunciation accepted on `on`, with the extensions allowed."""
        version = self.version(DENUNCIATION, on)
        case = version.data["cases"][complexity]
        return self._period(
            version, case["days"], version.data.get("working_days"), case.get("extensions", ())
        )


def processing_period(on: date) -> Period:
    return RuleBook.load([PROCESSING]).processing(on)


def complaint_period(
    on: date, *, second: bool = False, complex_case: bool = False, remote: bool = False
) -> Period:
    return RuleBook.load([COMPLAINT]).complaint(
        on, second=second, complex_case=complex_case, remote=remote
    )


def denunciation_period(on: date, *, complexity: Complexity = "normal") -> Period:
    return RuleBook.load([DENUNCIATION]).denunciation(on, complexity=complexity)


FIXED_HOLIDAYS = "calendar.fixed_holidays"


@dataclass(frozen=True)
class FixedHoliday:
    month: int
    day: int
    name: str


@dataclass(frozen=True)
class FixedHolidays:
    """One version of the solar-date holidays, in force from `effective_from`."""

    effective_from: date
    holidays: tuple[FixedHoliday, ...]
    compensate_weekend: bool  # a holiday on a weekend gives the next working day off


def fixed_holiday_versions(
    versions: Iterable[tuple[date, Mapping[str, Any]]],
) -> list[FixedHolidays]:
    """Typed versions from (effective_from, data) pairs, oldest first."""
    return sorted(
        (
            FixedHolidays(
                effective_from=effective_from,
                holidays=tuple(
                    FixedHoliday(int(h["month"]), int(h["day"]), str(h["name"]))
                    for h in data.get("holidays", ())
                ),
                compensate_weekend=bool(data.get("compensate_weekend", True)),
            )
            for effective_from, data in versions
        ),
        key=lambda version: version.effective_from,
    )


def seed_defaults(ruleset_model: type[RuleSet] = RuleSet) -> int:
    """Insert the shipped versions that are not there yet; edited rows are left alone."""
    created = 0
    for spec in DEFAULT_RULESETS:
        _, was_created = ruleset_model.objects.get_or_create(
            kind=spec["kind"],
            effective_from=date.fromisoformat(spec["effective_from"]),
            defaults={"data": spec["data"], "source": spec["source"]},
        )
        created += int(was_created)
    return created


Level = Literal["provincial", "district", "commune"]


def reception_head_days(on: date, level: Level) -> int | None:
    """Days a month the head of a committee of `level` must receive citizens in the month of
    `on`, or None when no rule was in force then."""
    try:
        data = rule_data("reception.head_days", on)
    except NoRuleInForce:
        return None
    return int(data["per_month"][level])


def petitions_retention_years(on: date) -> int:
    """Years a closed letter's personal data is kept (rule in force on the closing date)."""
    return int(rule_data("petitions.retention", on)["years"])
