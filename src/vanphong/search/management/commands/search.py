from __future__ import annotations

import signal
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from vanphong.search import engine


class Command(BaseCommand):
    help = (
        "Search index tools: `rebuild` (from the database, resumable), `verify` (index against "
        "database), `drain` (apply the outbox once), `follow` (keep applying it; serve runs "
        "it), `prune` (delete applied outbox rows older than VANPHONG_SEARCH_OUTBOX_DAYS)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["rebuild", "verify", "drain", "follow", "prune"])
        parser.add_argument("--batch", type=int, default=1000)
        parser.add_argument("--interval", type=float, default=0.2, help="follow: seconds")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "rebuild":

            def progress(kind: str, count: int) -> None:
                self.stdout.write(f"  {count:,} indexed ({kind})")

            report = engine.rebuild(batch=options["batch"], progress=progress)
            self.stdout.write(
                f"search index rebuilt: {report.documents:,} documents in {report.seconds:.1f} s"
            )
        elif action == "verify":
            result = engine.verify(batch=options["batch"])
            if not result.ok:
                shown = (result.missing + result.stale + result.extra)[:10]
                raise CommandError(
                    f"search index drifts from the database: {len(result.missing)} missing, "
                    f"{len(result.stale)} stale, {len(result.extra)} extra (e.g. {shown}); "
                    "run `vanphong search rebuild`"
                )
            self.stdout.write(f"search index matches the database: {result.checked:,} checked")
        elif action == "prune":
            self.stdout.write(f"{engine.prune()} outbox rows deleted")
        elif action == "drain":
            self.stdout.write(f"{engine.drain(batch=options['batch'])} changes applied")
        else:
            stop = threading.Event()
            signal.signal(signal.SIGTERM, lambda *_: stop.set())
            signal.signal(signal.SIGINT, lambda *_: stop.set())
            self.stdout.write("search: following the outbox")
            engine.follow(interval=options["interval"], stop=stop)
