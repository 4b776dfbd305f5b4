"""The planning section of the home page's inbox (core.inbox): today's and tomorrow's entries
of the published weeks that I attend or that my units attend or prepare.

A secret entry is listed only to who may read it (attending it, or cleared at its level for
the committee or its Office: selectors.cleared) — the inbox does not show "Bận" lines, it
leaves them out, so nothing here names or counts what the person may not read."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Case, Q, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy

from vanphong.core.inbox import FIRST, Item, Section, Shown, Today, register
from vanphong.documents.workflow import DOCUMENT_ROLES
from vanphong.org.models import Clearance, Person, Role, Unit, UnitKind
from vanphong.org.selectors import scope_for
from vanphong.planning.models import Entry, EntryLeader, Session, VersionStatus


def _working_units(person: Person) -> list[int]:
    """The units where the person holds a working post themselves (not those below them: a
    province's leader is not every district's)."""
    scope = scope_for(person)
    return sorted(unit for unit, roles in scope.roles_by_unit.items() if roles - {Role.ADMIN})


def _applies(person: Person) -> bool:
    return bool(_working_units(person))


def _readable(person: Person) -> Q:
    """Entries whose content the person may read, as selectors.cleared decides for one: not
    secret, or attended, or cleared at the level by a working post in the committee or its
    Office."""
    scope = scope_for(person)
    working = scope.units_with_role(*DOCUMENT_ROLES)
    rule = Q(confidentiality=Clearance.UNCLASSIFIED) | Q(attendance__person=person)
    for level in Clearance.values:
        if level == Clearance.UNCLASSIFIED:
            continue
        units = sorted(u for u in working if scope.sees(u, level))
        if units:
            offices_of = Unit.objects.filter(id__in=units, kind=UnitKind.OFFICE).values("parent_id")
            rule |= Q(confidentiality=level) & (
                Q(version__schedule__committee_id__in=units)
                | Q(version__schedule__committee_id__in=offices_of)
            )
    return rule


def my_entries(person: Person, today: Today) -> Shown:
    days = (today.day, today.day + timedelta(days=1))
    units = _working_units(person)
    # The staff of a committee's Office work for the committee too.
    committees = Unit.objects.filter(id__in=units, kind=UnitKind.OFFICE).values("parent_id")
    attending = EntryLeader.objects.filter(person=person, day__range=days).values("entry_id")
    mine = (
        Q(pk__in=attending)
        | Q(units__in=units)
        | Q(units__in=committees)
        | Q(preparing_unit_id__in=units)
    )
    ids = (
        Entry.objects.filter(version__status=VersionStatus.PUBLISHED, day__range=days)
        .filter(mine)
        .filter(_readable(person))
        .values("pk")
        .distinct()
    )
    entries = Entry.objects.filter(pk__in=ids).select_related("version__schedule")
    in_the_day = Case(
        *(When(session=session, then=Value(i)) for i, session in enumerate(Session.values)),
        default=Value(len(Session.values)),
    )
    first = list(entries.order_by("day", in_the_day, "starts_at", "id")[:FIRST])
    items = []
    for entry in first:
        when = [f"{entry.day:%d/%m}", str(Session(entry.session).label)]
        if entry.starts_at is not None:
            when.append(f"{entry.starts_at:%H:%M}")
        items.append(
            Item(
                entry.content[:160],
                reverse("planning:schedule", args=[entry.version.schedule.uuid]),
                " ".join(when),
            )
        )
    count = entries.count()
    return Shown(count, items, reverse("planning:schedules"))


SECTION = Section(
    "my_entries",
    gettext_lazy("Lịch hôm nay và ngày mai"),
    70,
    gettext_lazy("Hôm nay và ngày mai không có lịch của đồng chí hoặc đơn vị."),
    _applies,
    my_entries,
)


def register_sections() -> None:
    register(SECTION)
