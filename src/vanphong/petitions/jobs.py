"""Background work of petitions: the daily reminder of letters' clocks (django-tasks)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from vanphong.petitions import reminders


@task()
def reminders_send() -> dict[str, int]:
    sent = reminders.send(today=timezone.localdate())
    return {"clocks": sent.clocks, "notices": sent.notices, "emails": sent.emails}
