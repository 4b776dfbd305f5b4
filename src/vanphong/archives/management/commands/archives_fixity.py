from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from vanphong.archives import services_preservation as services
from vanphong.archives.jobs_preservation import fixity_run_continue
from vanphong.archives.models import FixityRun, FixityRunStatus


class Command(BaseCommand):
    help = (
        "Check the SHA-256 of every stored file in the foreground, printing progress: a new "
        "run, or the one already running (killed earlier) from its cursor. --resume only "
        "continues a running one. Weekly from cron: `vanphong archives_fixity`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--resume", action="store_true", help="continue the running run")
        parser.add_argument("--batch", type=int, default=services.BATCH)
        parser.add_argument(
            "--enqueue", action="store_true", help="start and hand the walk to the worker"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["resume"]:
            run = FixityRun.objects.filter(status=FixityRunStatus.RUNNING).first()
            if run is None:
                raise CommandError("no fixity run is running")
        else:
            run = services.fixity_run_start(actor=None)
        if options["enqueue"]:
            fixity_run_continue.enqueue(run_uuid=str(run.uuid))
            self.stdout.write(f"fixity run {run.uuid} enqueued")
            return

        def progress(current: FixityRun) -> None:
            rate = current.bytes_read / current.seconds / 1e6 if current.seconds else 0.0
            self.stdout.write(
                f"{services.progress_percent(current):3d}%  {current.checked}/{current.total} "
                f"files  {current.failures} failures  {rate:.0f} MB/s"
            )

        services.fixity_run_walk(run=run, batch=options["batch"], progress=progress)
        self.stdout.write(
            f"done: {run.checked} files, {run.bytes_read} bytes, {run.failures} failures"
        )
        if run.failures:
            raise CommandError(f"{run.failures} stored files changed or missing: see the report")
