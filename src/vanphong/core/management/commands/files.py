from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from vanphong.core import files


class Command(BaseCommand):
    help = (
        "`sweep`: delete stored bytes no file record names (uploads whose transaction was "
        "rolled back) and abandoned temporary uploads, older than --hours (24); run it daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["sweep"])
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = files.sweep(older_than=timedelta(hours=options["hours"]))
        self.stdout.write(f"{deleted} files deleted")
