"""Background work of directives: the daily reminder (django-tasks)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from vanphong.directives import reminders


@task()
def reminders_send() -> dict[str, int]:
    sent = reminders.send(today=timezone.localdate())
    return {"tasks": sent.tasks, "notices": sent.notices, "emails": sent.emails}
