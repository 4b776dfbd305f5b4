from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from vanphong.petitions import jobs, reminders


class Command(BaseCommand):
    help = (
        "`remind`: tell handlers (or the reception officers) of letters' legal clocks due "
        "within VANPHONG_REMINDER_WORKING_DAYS working days and of overdue ones, once per clock "
        "per day (run it daily with `directives remind`); `purge`: remove the personal data "
        "of closed letters and visits past their retention (run it daily); `--enqueue` hands "
        "either to the worker."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["remind", "purge"])
        parser.add_argument("--enqueue", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "purge":
            if options["enqueue"]:
                self.stdout.write(f"purge job enqueued: {jobs.purge_due.enqueue().id}")
                return
            units = jobs.purge_all(timezone.localdate())
            self.stdout.write(f"personal data past retention purged in {units} units")
            return
        if options["enqueue"]:
            result = jobs.reminders_send.enqueue()
            self.stdout.write(f"reminder job enqueued: {result.id}")
            return
        sent = reminders.send(today=timezone.localdate())
        self.stdout.write(
            f"{sent.clocks} letter clocks reminded: {sent.notices} notices, {sent.emails} emails"
        )
