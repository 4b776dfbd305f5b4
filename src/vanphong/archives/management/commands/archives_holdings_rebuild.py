from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from vanphong.archives import holdings


class Command(BaseCommand):
    help = (
        "Count every unit's files again into the holdings summary the statistics page reads "
        "(after a bulk write outside the services, or to repair it). Safe to run at any time."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        rows = holdings.rebuild()
        self.stdout.write(f"holdings summary rebuilt: {rows} rows")
