"""Telling the other side of a task what just happened to it, in the app.

The lead unit hears of a new task, of a decision on its request for more time, and of its
completion accepted or returned; the assigning unit hears of a request for more time and of a
reported completion. Sent inside the service's transaction, to the people who act for the
unit (as the daily reminder finds them) who may see the task (a task of a secret directive
only to those cleared for it, see selectors.py), never to the one who did it.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from vanphong.core import notifications
from vanphong.core.models import NoticeKind
from vanphong.directives.models import Task
from vanphong.directives.reminders import people_of
from vanphong.directives.selectors import task_seen_by
from vanphong.org.models import Person, Unit


def unit_told(
    *, unit: Unit, actor: Person, task: Task, text: str, kind: str = NoticeKind.TASK
) -> int:
    people = people_of({unit.pk}, timezone.localdate()).get(unit.pk, [])
    return notifications.send(
        person_ids=task_seen_by(task, {person for person, _email in people} - {actor.pk}),
        text=f"{text}: {task.content[:200]}",
        url=reverse("directives:task", args=[task.uuid]),
        kind=kind,
    )
