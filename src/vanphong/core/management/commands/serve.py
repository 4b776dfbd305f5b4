from __future__ import annotations

import signal
import subprocess
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve vanphong with gunicorn and run the background worker beside it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument(
            "--no-worker", action="store_true", help="do not start the background worker"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        worker = None
        if not options["no_worker"]:
            worker = subprocess.Popen(
                [sys.executable, "-m", "vanphong.cli", "db_worker", "--queue-name", "default"]
            )
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
            if worker is not None:
                worker.send_signal(signal.SIGTERM)
                worker.wait(timeout=30)
