"""Background work of petitions (django-tasks), thin tasks calling the services: the daily
reminder of letters' clocks, the clocks recomputed when a day of the working-day calendar
changes, and the daily purge of personal data past retention."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from vanphong.org.models import Unit
from vanphong.petitions import clocks, reminders
from vanphong.petitions.models import Deadline, Letter, Visit
from vanphong.petitions.services_purge import letters_purge

# A calendar-day period ending near a changed day may move to the next working day: the clocks
# due up to this long before the day are looked at too.
REACH = timedelta(days=14)
CHUNK = 500


@task()
def reminders_send() -> dict[str, int]:
    sent = reminders.send(today=timezone.localdate())
    return {"clocks": sent.clocks, "notices": sent.notices, "emails": sent.emails}


@task()
def clocks_recompute(day: str) -> int:
    """Refresh the letters whose open clocks run over `day` (ISO date); how many."""
    changed = date.fromisoformat(day)
    letter_ids = sorted(
        set(
            Deadline.objects.filter(
                met_on__isnull=True, starts_on__lte=changed, due_on__gte=changed - REACH
            ).values_list("letter_id", flat=True)
        )
    )
    for start in range(0, len(letter_ids), CHUNK):
        with transaction.atomic():
            for letter in Letter.objects.filter(pk__in=letter_ids[start : start + CHUNK]):
                clocks.refresh(letter)
    return len(letter_ids)


def calendar_changed(target: models.Model, action: str) -> None:
    """Audit listener: a day of the working-day calendar was added, changed or removed; the
    clocks over it are recomputed in the background once the change has committed."""
    if not action.startswith("calendar_day.") or not hasattr(target, "day"):
        return
    day = target.day.isoformat()
    transaction.on_commit(lambda: clocks_recompute.enqueue(day=day))


def purge_all(today: date) -> int:
    """Purge, in every unit keeping petitions books, the personal data whose retention passed
    by `today`; how many units were looked at."""
    units = Unit.objects.filter(
        Q(pk__in=Letter.objects.values("unit_id")) | Q(pk__in=Visit.objects.values("unit_id"))
    ).order_by("pk")
    count = 0
    for unit in units:
        letters_purge(actor=None, unit=unit, on=today)
        count += 1
    return count


@task()
def purge_due() -> None:
    """The daily purge, in the background (`vanphong petitions purge --enqueue`)."""
    purge_all(timezone.localdate())
