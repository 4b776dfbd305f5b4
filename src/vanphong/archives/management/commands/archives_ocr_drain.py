from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from vanphong.archives import services_preservation as services
from vanphong.archives.jobs_preservation import ocr_drain


class Command(BaseCommand):
    help = (
        "Recognise the scans waiting for OCR without a job (beyond VANPHONG_OCR_QUEUE_LIMIT, "
        "or whose job was lost), oldest first; run it every 15 minutes (cron). --enqueue "
        "hands it to the background worker."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enqueue", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            ocr_drain.enqueue()
            self.stdout.write("ocr drain enqueued")
            return
        originals = services.ocr_backlog()
        for original_id in originals:
            services.ocr_perform(original_id=original_id)
        self.stdout.write(f"{len(originals)} scans recognised")
