"""The query string the programmes and weekly schedules lists narrow by, as an emulation figure
links to them (planning.measures): `don-vi`, a unit whose committee's programmes or weeks are
shown (an Office's are its committee's), and `nam`, a year. A value that does not parse or
names no unit is not applied; the lists stay scoped to what the reader sees."""

from __future__ import annotations

from datetime import date
from typing import TypeVar
from uuid import UUID

from django.db.models import Model, QuerySet
from django.http import QueryDict

from vanphong.org.models import Unit
from vanphong.org.selectors import committee_of

M = TypeVar("M", bound=Model)


def _committee(raw: str) -> Unit | None:
    try:
        uuid = UUID(raw.strip())
    except ValueError:
        return None
    unit = Unit.objects.filter(uuid=uuid).first()
    return committee_of(unit) if unit is not None else None


def _year(raw: str) -> int | None:
    raw = raw.strip()
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else None


def programmes_narrowed(found: QuerySet[M], params: QueryDict) -> QuerySet[M]:
    committee, year = _committee(params.get("don-vi", "")), _year(params.get("nam", ""))
    if committee is not None:
        found = found.filter(committee=committee)
    if year is not None:
        found = found.filter(year=year)
    return found


def schedules_narrowed(found: QuerySet[M], params: QueryDict) -> QuerySet[M]:
    """Weeks whose Monday falls in the year (as planning.schedules_on_time counts them)."""
    committee, year = _committee(params.get("don-vi", "")), _year(params.get("nam", ""))
    if committee is not None:
        found = found.filter(committee=committee)
    if year is not None:
        found = found.filter(monday__gte=date(year, 1, 1), monday__lte=date(year, 12, 31))
    return found
