from __future__ import annotations

import signal
import subprocess
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve vanphong with gunicorn; run the task worker and the search indexer beside it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument(
            "--no-worker", action="store_true", help="start neither the task worker nor the indexer"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # The task worker, and the search indexer that applies the outbox to this node's index.
        children = []
        if not options["no_worker"]:
            cli = [sys.executable, "-m", "vanphong.cli"]
            children = [
                subprocess.Popen([*cli, "db_worker", "--queue-name", "default"]),  # noqa: S603
                subprocess.Popen([*cli, "search", "follow"]),  # noqa: S603
            ]
        try:
            from gunicorn.app.wsgiapp import WSGIApplication  # type: ignore[import-untyped]

            sys.argv = [
                "gunicorn",
                "--bind",
                options["bind"],
                "--workers",
                str(options["workers"]),
                "--access-logfile",
                "-",
                "vanphong.wsgi:application",
            ]
            WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]").run()
        finally:
            for child in children:
                child.send_signal(signal.SIGTERM)
            for child in children:
                child.wait(timeout=30)
