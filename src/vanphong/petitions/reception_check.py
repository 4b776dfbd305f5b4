"""The rule "the head of a provincial or district committee receives citizens at least one day a
month" (core.rules `reception.head_days`), checked month by month, and the inbox section that
shows the Office's leaders the past months the head missed.

A month is checked against the rule version in force on its first day: a rule that comes into
force mid-month (Chỉ thị 35-CT/TW, 26/05/2014) binds from the first whole month after it, so
no month before June 2014 is ever flagged. The head's days are the distinct days of the
committee's held head sessions (`SessionKind.HEAD`), in any of its Offices.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanphong.core.inbox import FIRST, Item, Section, Shown, Today, register
from vanphong.core.models import RuleSet
from vanphong.core.rules import Level, reception_head_days
from vanphong.org.models import Person, Role, Unit, UnitKind
from vanphong.org.selectors import scope_for
from vanphong.petitions.models import ReceptionSession, SessionKind

RULE = "reception.head_days"
LEVELS: dict[str, Level] = {
    UnitKind.PROVINCIAL_COMMITTEE: "provincial",
    UnitKind.DISTRICT_COMMITTEE: "district",
    UnitKind.TOWN_COMMITTEE: "district",
}


@dataclass(frozen=True)
class MonthCheck:
    month: date  # its first day
    required: int | None  # days the head must receive; None: no rule in force then
    held: int  # distinct days with a held head session
    ended: bool  # the month is over: a shortfall is final

    @property
    def label(self) -> str:
        return f"{self.month:%m/%Y}"

    @property
    def lacking(self) -> bool:
        return self.ended and self.required is not None and self.held < self.required

    @property
    def verdict(self) -> str:
        if self.required is None:
            return _("chưa có quy định")
        if self.held >= self.required:
            return _("đạt")
        return _("chưa tiếp đủ") if self.ended else _("đang trong tháng")


def committee_for(unit: Unit) -> Unit | None:
    """The committee whose head is checked: the unit itself, or an Office's committee."""
    if unit.kind == UnitKind.OFFICE:
        return unit.parent
    return unit if unit.is_committee else None


def _next_month(month: date) -> date:
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def _required(months: list[date], level: Level) -> dict[date, int | None]:
    """Each month's required days, one rule lookup per version in force (not per month)."""
    starts = sorted(RuleSet.objects.filter(kind=RULE).values_list("effective_from", flat=True))
    by_version: dict[date | None, int | None] = {}
    found: dict[date, int | None] = {}
    for month in months:
        version = max((start for start in starts if start <= month), default=None)
        if version not in by_version:
            by_version[version] = None if version is None else reception_head_days(month, level)
        found[month] = by_version[version]
    return found


def _checks(committee: Unit, months: list[date], today: date) -> list[MonthCheck]:
    level = LEVELS.get(committee.kind)
    if level is None or not months:
        return []
    first, last = min(months), _next_month(max(months))
    days: dict[date, set[date]] = defaultdict(set)
    held = ReceptionSession.objects.filter(
        Q(unit=committee) | Q(unit__parent=committee),
        kind=SessionKind.HEAD,
        held=True,
        day__gte=first,
        day__lt=last,
    ).values_list("day", flat=True)
    for day in held:
        days[day.replace(day=1)].add(day)
    required = _required(months, level)
    return [
        MonthCheck(
            month=month,
            required=required[month],
            held=len(days[month]),
            ended=_next_month(month) <= today,
        )
        for month in months
    ]


def head_months(
    unit_or_committee: Unit, year: int, *, today: date | None = None
) -> list[MonthCheck]:
    """Each month of `year` up to the current one: the head's days held against the rule."""
    today = today or timezone.localdate()
    committee = committee_for(unit_or_committee)
    if committee is None:
        return []
    months = [date(year, m, 1) for m in range(1, 13) if date(year, m, 1) <= today]
    return _checks(committee, months, today)


# --- the Office leader's inbox --------------------------------------------------------------


def _led_offices(person: Person) -> list[Unit]:
    ids = scope_for(person).roles_by_unit
    led = [unit_id for unit_id, roles in ids.items() if Role.OFFICE_LEADER in roles]
    return list(
        Unit.objects.filter(pk__in=led, kind=UnitKind.OFFICE, parent__isnull=False)
        .select_related("parent")
        .order_by("sort_order", "id")
    )


def _applies(person: Person) -> bool:
    return any(Role.OFFICE_LEADER in roles for roles in scope_for(person).roles_by_unit.values())


def missed_months(person: Person, today: Today) -> Shown:
    """The past months of this year, and the month just ended, without the head's days."""
    current = today.day.replace(day=1)
    previous = date(current.year - (current.month == 1), (current.month - 2) % 12 + 1, 1)
    months = sorted({previous, *(date(current.year, m, 1) for m in range(1, current.month))})
    items: list[Item] = []
    for office in _led_offices(person):
        committee = office.parent
        assert committee is not None  # noqa: S101 (filtered above)
        for check in _checks(committee, months, today.day):
            if check.lacking:
                items.append(
                    Item(
                        _("Tháng %(month)s: người đứng đầu %(committee)s chưa tiếp công dân")
                        % {"month": check.label, "committee": committee.name},
                        f"{reverse('petitions:sessions')}?nam={check.month.year}",
                        _("%(held)d/%(required)d ngày")
                        % {
                            "held": check.held,
                            "required": check.required or 0,
                        },
                        late=True,
                    )
                )
    return Shown(len(items), items[:FIRST], reverse("petitions:sessions"))


SECTION = Section(
    "reception_head_months",
    gettext_lazy("Tiếp công dân của người đứng đầu"),
    70,
    gettext_lazy("Người đứng đầu cấp ủy đã tiếp công dân đủ các tháng."),
    _applies,
    missed_months,
)


def register_reception_section() -> None:
    register(SECTION)
