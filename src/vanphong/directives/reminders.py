"""The daily reminder: lead units are told of their tasks due within a few working days and of
their overdue ones, in the app and by email, once per task per day.

Memory stays bounded: open tasks are read in chunks of CHUNK as plain rows (id, uuid, lead
unit, deadline, content), and the people of the units in a chunk in one query. Each chunk's
`Reminder` rows are inserted first, in their own transaction, and only the tasks whose row
was new are told — a job retried after a crash tells nobody twice (and, having committed the
rows, may leave a chunk untold rather than tell it twice). A task of a secret directive is
told only to those of the unit who may see it (selectors.task_seen_by), in the app and by mail
— by mail only to those who want that kind of notice by email (`core.notifications`: overdue
on unless turned off, due soon off unless turned on).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from vanphong.core import notifications
from vanphong.core.models import NoticeKind
from vanphong.core.workdays import WorkCalendar
from vanphong.directives.models import CLOSED_STATES, Reminder, Task, TaskState
from vanphong.directives.selectors import task_seen_by
from vanphong.org.models import Membership, Role, Unit, UnitKind

CHUNK = 2_000


@dataclass
class Sent:
    tasks: int = 0
    notices: int = 0
    emails: int = 0


def people_of(units: set[int], today: date) -> dict[int, list[tuple[int, str]]]:
    """Unit -> (person id, email) of those who act for it: working roles in the unit, and the
    staff of its Office when it is a committee."""
    offices = dict(
        Unit.objects.filter(parent_id__in=units, kind=UnitKind.OFFICE).values_list(
            "id", "parent_id"
        )
    )
    rows = (
        Membership.objects.current(today)
        .filter(unit_id__in=units | set(offices))
        .exclude(role=Role.ADMIN)
        .filter(person__is_active=True)
        .values_list("unit_id", "person_id", "person__email")
        .distinct()
    )
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for unit, person, email in rows:
        found[offices.get(unit, unit)].append((person, email or ""))
    return found


def send(*, today: date, within: int | None = None) -> Sent:
    within = within if within is not None else settings.VANPHONG_REMINDER_WORKING_DAYS
    calendar = WorkCalendar.load(today)
    horizon = calendar.add_working_days(today, within)
    overdue_before = calendar.overdue_through(today)
    sent = Sent()
    after = 0
    while True:
        chunk = list(
            Task.objects.filter(pk__gt=after, deadline__lte=horizon)
            # A reported completion waits on the assigning side, not on the lead unit.
            .exclude(state__in=(*CLOSED_STATES, TaskState.SUBMITTED))
            .order_by("pk")
            .values_list(
                "pk", "uuid", "lead_unit_id", "deadline", "content", "directive__confidentiality"
            )[:CHUNK]
        )
        if not chunk:
            return sent
        after = chunk[-1][0]
        # deadline__lte leaves no task without a deadline; say so to the type checker.
        chunk = [row for row in chunk if row[3] is not None]
        with transaction.atomic():
            already = set(
                Reminder.objects.filter(
                    task_id__in=[row[0] for row in chunk], day=today
                ).values_list("task_id", flat=True)
            )
            fresh = [row for row in chunk if row[0] not in already]
            Reminder.objects.bulk_create(
                [
                    Reminder(task_id=pk, day=today, overdue=deadline <= overdue_before)
                    for pk, _uuid, _unit, deadline, _content, _secret in fresh
                    if deadline is not None
                ],
                ignore_conflicts=True,
            )
        people = people_of({row[2] for row in fresh}, today)
        everyone = {person for found in people.values() for person, _email in found}
        mailed = {
            kind: set(notifications.wanting_email(kind, everyone))
            for kind in (NoticeKind.DUE_SOON, NoticeKind.OVERDUE)
        }
        mails = []
        notices: list[tuple[int, str, str, str, str]] = []
        for pk, uuid, unit, deadline, content, secret in fresh:
            assert deadline is not None  # noqa: S101 (filtered above)
            late = deadline <= overdue_before
            text = (
                _("Quá hạn (hạn %(day)s): %(task)s")
                if late
                else _("Sắp đến hạn (%(day)s): %(task)s")
            ) % {"day": deadline.strftime("%d/%m/%Y"), "task": content[:200]}
            recipients = people.get(unit, [])
            if secret:
                # Rare: the rule of the pages, person by person.
                seeing = set(
                    task_seen_by(
                        Task.objects.select_related("directive").get(pk=pk),
                        [person for person, _email in recipients],
                    )
                )
                recipients = [(person, email) for person, email in recipients if person in seeing]
            url = reverse("directives:task", args=[uuid])
            key = f"task-reminder:{uuid}:{today.isoformat()}"
            kind = NoticeKind.OVERDUE if late else NoticeKind.DUE_SOON
            notices += [(person, text, url, key, kind) for person, _email in recipients]
            addresses = [email for person, email in recipients if email and person in mailed[kind]]
            if addresses:
                body = f"{text}\n\n{notifications.link(url)}"
                mails.append((_("[vanphong] Nhắc việc"), body, None, addresses))
            sent.tasks += 1
        notifications.send_many(notices)
        sent.notices += len(notices)
        if mails:
            sent.emails += send_mass_mail(tuple(mails), fail_silently=False)
