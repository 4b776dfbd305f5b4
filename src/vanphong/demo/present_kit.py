"""What the living present's flows share: its clock (a timeline of steps dated around today,
run in the order of their dates), the demo's people it acts as, and the keys that make a load
idempotent.

A step runs through the services at the real time; its rows then carry that real time on the
columns the services stamp (registered_at, presented_at, given_at, signed_at, created_at, ...).
The clock remembers the real interval each step ran in and, at the end, moves every such stamp
of the rows created during the load to the step's date (`restamp`) — as the 2011–2012 loaders
do with their `_Stamps`, in the demo loader only. Audit events keep the real time of loading:
the hash chain is not rewritten.
"""

from __future__ import annotations

import heapq
import uuid
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import F, Max, Q
from django.utils import timezone

from vanphong.core.models import Notification
from vanphong.core.workdays import WorkCalendar
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.org.models import Membership, Person, Role, Unit, UnitKind
from vanphong.search import outbox

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
# uuid5 namespace of the present's registrations (submission ids): one key per day and item.
NAMESPACE = uuid.UUID("5a1c3e9d-7b2f-4d6e-9a80-2026c0ffee14")
# Numbering a day from this Monday in working days gives each day a stable rank: which
# variant of each flow is born on a day depends on the day, never on when the demo ran.
EPOCH = date(2024, 1, 1)
# Apps whose rows the present writes; the datetime columns its steps stamped are restamped.
STAMPED_APPS = ("documents", "directives")


def key(day: date, item: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{day.isoformat()}/{item}")


Action = Callable[[datetime], None]


class Clock:
    """The present's timeline: steps dated in working days after the day a flow was born,
    run in date order up to today (later steps are left for a later load to skip: a flow is
    born once)."""

    def __init__(
        self, today: date, calendar: WorkCalendar, stamped: tuple[str, ...] = STAMPED_APPS
    ) -> None:
        self.today = today
        self.calendar = calendar
        # A step dated later today than the moment of loading happens "now" (never in the
        # future: services refuse a future arrival or issue date).
        self.now = min(timezone.now(), datetime.combine(today, time(23, 59), tzinfo=ZONE))
        self.queue: list[tuple[datetime, int, Action]] = []
        self.current = datetime.min.replace(tzinfo=ZONE)  # the moment of the step running
        self.seq = 0
        self.spans: list[tuple[datetime, datetime, datetime]] = []
        self.baseline = {
            model: model._default_manager.aggregate(last=Max("pk"))["last"] or 0
            for model in _stamped_models(stamped)
        }

    def day(self, born: date, offset: int) -> date:
        return self.calendar.add_working_days(born, offset)

    def at(self, born: date, offset: int, hour: int, minute: int, action: Action) -> None:
        """Queue `action` for `offset` working days after `born`, at hour:minute; dropped
        when that day is after today."""
        day = self.day(born, offset)
        if day > self.today:
            return
        moment = min(datetime.combine(day, time(hour, minute), tzinfo=ZONE), self.now)
        # What a step leads to never happens before it (the step may have waited: `defer`).
        self._push(max(moment, self.current), action)

    def resume(
        self, born: date, offset: int, hour: int, minute: int, action: Action, *, after: date
    ) -> None:
        """Queue a step of a flow born in an earlier load, when its day came after `after` (the
        last day that load covered). It runs only if it still fits: a step refused because
        people acted since is skipped, in its own savepoint."""
        if self.day(born, offset) <= after:
            return

        def guarded(moment: datetime) -> None:
            try:
                with transaction.atomic():
                    action(moment)
            except (ValidationError, PermissionDenied):
                pass

        self.at(born, offset, hour, minute, guarded)

    def defer(self, moment: datetime, until: datetime | None, action: Action) -> bool:
        """Put `action` off to `until` when that is later than `moment` (the register already
        holds a later entry, made by a person between two loads); dropped if `until` is after
        now. Returns whether it was put off."""
        if until is None or until <= moment:
            return False
        if until <= self.now:
            self._push(until, action)
        return True

    def _push(self, moment: datetime, action: Action) -> None:
        heapq.heappush(self.queue, (moment, self.seq, action))
        self.seq += 1

    def run(self) -> None:
        while self.queue:
            moment, _seq, action = heapq.heappop(self.queue)
            self.current = moment
            started = timezone.now()
            action(moment)
            self.spans.append((started, timezone.now(), moment))

    def restamp(self) -> None:
        """Move the real times the services stamped during each step to the step's date."""
        if not self.spans:
            return
        starts = [span[0] for span in self.spans]
        reindex: dict[type[models.Model], set[int]] = defaultdict(set)
        for model, last_pk in self.baseline.items():
            names = [
                f.attname
                for f in model._meta.concrete_fields
                if isinstance(f, models.DateTimeField)
            ]
            if not names:
                continue
            # New rows, and older ones a step changed (a draft of an earlier load signed now).
            touched = Q(pk__gt=last_pk)
            for name in names:
                touched |= Q(**{f"{name}__gte": starts[0]})
            moves: dict[tuple[str, datetime], list[int]] = defaultdict(list)
            for pk, *values in model._default_manager.filter(touched).values_list("pk", *names):
                for name, value in zip(names, values, strict=True):
                    if value is None:
                        continue
                    i = bisect_right(starts, value) - 1
                    if i >= 0 and value <= self.spans[i][1]:
                        moves[(name, self.spans[i][2])].append(pk)
                        reindex[model].add(pk)
            for (name, moment), pks in moves.items():
                model._default_manager.filter(pk__in=pks).update(**{name: moment})
        # The registry's dates are indexed for search: tell the index, as a service would.
        for document_model, kind in (
            (IncomingDocument, "incoming"),
            (OutgoingDocument, "outgoing"),
        ):
            changed = document_model._default_manager.filter(pk__in=reindex[document_model])
            for object_uuid in changed.values_list("uuid", flat=True):
                outbox.enqueue(kind, object_uuid)

    def read_before(self, day: date) -> None:
        """The notices of this load dated before `day` were read then: the bell counts the
        news of the last days, as for someone who uses vanphong every day."""
        start = datetime.combine(day, time(0), tzinfo=ZONE)
        Notification.objects.filter(
            pk__gt=self.baseline[Notification], created_at__lt=start, read_at=None
        ).update(read_at=F("created_at"))


def _stamped_models(stamped: tuple[str, ...]) -> list[type[models.Model]]:
    found: list[type[models.Model]] = [Notification]
    for label in stamped:
        found += list(apps.get_app_config(label).get_models())
    return found


@dataclass(eq=False)
class District:
    """A district committee's Office and its people (the scenario names them by the key)."""

    key: str
    committee: Unit
    office: Unit
    clerk: Person
    chief: Person
    specialist: Person
    secretary: Person | None


@dataclass
class Cast:
    province: Unit
    office: Unit
    secretary: Person  # bithu.tinhuy
    deputy: Person  # pbt.tinhuy
    chief: Person  # cvp.tinhuy
    deputy_chief: Person  # pcvp.tinhuy
    clerk: Person  # vt.tinhuy
    specialist: Person  # cv.tinhuy
    specialist2: Person  # cv2.tinhuy
    districts: list[District] = field(default_factory=list)
    boards: list[tuple[Unit, Person]] = field(default_factory=list)

    def district(self, key: str) -> District:
        return next(d for d in self.districts if d.key == key)

    @staticmethod
    def find() -> Cast | None:
        """The scenario's people, or None when the organisation is not (fully) there."""
        people = {p.username: p for p in Person.objects.filter(username__contains=".")}
        province = Unit.objects.filter(parent=None, kind=UnitKind.PROVINCIAL_COMMITTEE).first()
        office = (
            Unit.objects.filter(parent=province, kind=UnitKind.OFFICE).first() if province else None
        )
        wanted = ("bithu", "pbt", "cvp", "pcvp", "vt", "cv", "cv2")
        if province is None or office is None or any(f"{w}.tinhuy" not in people for w in wanted):
            return None
        cast = Cast(
            province=province,
            office=office,
            secretary=people["bithu.tinhuy"],
            deputy=people["pbt.tinhuy"],
            chief=people["cvp.tinhuy"],
            deputy_chief=people["pcvp.tinhuy"],
            clerk=people["vt.tinhuy"],
            specialist=people["cv.tinhuy"],
            specialist2=people["cv2.tinhuy"],
        )
        committees = Unit.objects.filter(
            parent=province, kind__in=[UnitKind.DISTRICT_COMMITTEE, UnitKind.TOWN_COMMITTEE]
        ).order_by("sort_order", "pk")
        offices = {
            u.parent_id: u for u in Unit.objects.filter(parent__in=committees, kind=UnitKind.OFFICE)
        }
        # Each district's clerk holds the Office's Role.CLERK: the username's key names it.
        keys = {
            m.unit_id: m.person.username.removeprefix("vt.")
            for m in Membership.objects.filter(
                unit__in=offices.values(), role=Role.CLERK, person__username__startswith="vt."
            ).select_related("person")
        }
        for committee in committees:
            district_office = offices.get(committee.pk)
            name = keys.get(district_office.pk) if district_office else None
            needed = [f"{w}.{name}" for w in ("vt", "cvp", "cv")]
            if district_office is None or name is None or any(n not in people for n in needed):
                continue
            cast.districts.append(
                District(
                    key=name,
                    committee=committee,
                    office=district_office,
                    clerk=people[f"vt.{name}"],
                    chief=people[f"cvp.{name}"],
                    specialist=people[f"cv.{name}"],
                    secretary=people.get(f"bithu.{name}"),
                )
            )
        for board in Unit.objects.filter(parent=province, kind=UnitKind.BOARD).order_by(
            "sort_order", "pk"
        ):
            member = Membership.objects.filter(
                unit=board, role=Role.SPECIALIST, person__is_active=True
            ).first()
            if member is not None:
                cast.boards.append((board, member.person))
        if not cast.districts:
            return None
        return cast
