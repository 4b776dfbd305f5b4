from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from vanphong.directives import jobs, reminders


class Command(BaseCommand):
    help = (
        "`remind`: tell lead units of tasks due within VANPHONG_REMINDER_WORKING_DAYS working "
        "days and of overdue ones, once per task per day (run it daily, e.g. from cron); "
        "`--enqueue` hands it to the background worker instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["remind"])
        parser.add_argument("--enqueue", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            result = jobs.reminders_send.enqueue()
            self.stdout.write(f"reminder job enqueued: {result.id}")
            return
        sent = reminders.send(today=timezone.localdate())
        self.stdout.write(
            f"{sent.tasks} tasks reminded: {sent.notices} notices, {sent.emails} emails"
        )
