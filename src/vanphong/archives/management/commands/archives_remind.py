from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from vanphong.archives import jobs_transfers


class Command(BaseCommand):
    help = (
        "The archives' daily reminder (run it daily, e.g. from cron): approvals past their "
        "day expire; units are told of files due in the archive within 30 days and overdue; "
        "archivists of files whose retention has run out; borrowers and archivists of overdue "
        "loans — each once; the holdings summary is counted again. `--enqueue` hands it to the "
        "background worker instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enqueue", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            result = jobs_transfers.archives_remind_send.enqueue()
            self.stdout.write(f"archives reminder job enqueued: {result.id}")
            return
        sent = jobs_transfers.remind(today=timezone.localdate())
        self.stdout.write(
            f"{sent.expired} approvals expired; {sent.due_soon} due soon, {sent.overdue} "
            f"overdue, {sent.retention} retention ended, {sent.loans} loans overdue: "
            f"{sent.notices} notices; holdings summary: {sent.holdings_rows} rows"
        )
