"""Rules that change with the years, looked up by the date they apply to.

Each rule kind has versions with an effective date, stored as data (RuleSet rows) so that a new
regulation is a new row, not a code change; the versions known when this was written ship as
DEFAULT_RULESETS, and core's initial migration seeds a copy of them. A lookup for a date takes
the latest version in force on that date, so a 2012 petition keeps the 2012 deadline after the
law changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from django.utils.translation import gettext as _

from vanphong.core.models import RuleSet
from vanphong.core.vietnamese import GOVERNMENT_TYPES, PARTY_TYPES

Style = Literal["party", "government"]

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
        "effective_from": "2005-06-01",
        "source": "Luật Khiếu nại, tố cáo 1998 (sửa đổi 2004, 2005)",
        "data": {
            "acceptance_days": 10,
            "limitation_days": 90,
            "first": {"normal": 30, "complex": 45, "remote": 45, "remote_complex": 60},
            "second": {"normal": 45, "complex": 60, "remote": 60, "remote_complex": 70},
        },
    },
    {
        "kind": "deadline.complaint",
        "effective_from": "2012-07-01",
        "source": "Luật Khiếu nại 2011",
        "data": {
            "acceptance_days": 10,
            "limitation_days": 90,
            "first": {"normal": 30, "complex": 45, "remote": 45, "remote_complex": 60},
            "second": {"normal": 45, "complex": 60, "remote": 60, "remote_complex": 70},
        },
    },
    {
        "kind": "deadline.denunciation",
        "effective_from": "2005-06-01",
        "source": "Luật Khiếu nại, tố cáo 1998 (sửa đổi 2004, 2005); Luật Tố cáo 2011",
        "data": {
            "days": 60,
            "extension_days": 30,
            "max_extensions": {"normal": 0, "complex": 1, "especially_complex": 1},
        },
    },
    {
        "kind": "deadline.denunciation",
        "effective_from": "2019-01-01",
        "source": "Luật Tố cáo 2018",
        "data": {
            "days": 30,
            "extension_days": 30,
            "max_extensions": {"normal": 0, "complex": 1, "especially_complex": 2},
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


def complaint_deadline_days(
    on: date, *, second: bool = False, complex_case: bool = False, remote: bool = False
) -> int:
    """Days to settle a complaint accepted on `on` (Luật Khiếu nại)."""
    data = rule_data("deadline.complaint", on)
    table = data["second" if second else "first"]
    key = {
        (False, False): "normal",
        (True, False): "complex",
        (False, True): "remote",
        (True, True): "remote_complex",
    }[(complex_case, remote)]
    return int(table[key])


@dataclass(frozen=True)
class DenunciationDeadline:
    days: int
    extension_days: int
    max_extensions: int

    @property
    def longest_days(self) -> int:
        return self.days + self.extension_days * self.max_extensions


Complexity = Literal["normal", "complex", "especially_complex"]


def denunciation_deadline(on: date, *, complexity: Complexity = "normal") -> DenunciationDeadline:
    """The settlement period for a denunciation accepted on `on` (Luật Tố cáo)."""
    data = rule_data("deadline.denunciation", on)
    return DenunciationDeadline(
        days=int(data["days"]),
        extension_days=int(data["extension_days"]),
        max_extensions=int(data["max_extensions"][complexity]),
    )


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
