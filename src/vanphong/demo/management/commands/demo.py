from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from vanphong.demo.scenario import DEMO_PASSWORD, load


class Command(BaseCommand):
    help = "Load the Tây Ninh 2011–2012 demo scenario (safe to run again) and list its logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet", action="store_true", help="do not list the logins")

    def handle(self, *args: Any, **options: Any) -> None:
        logins = load()
        if options["quiet"]:
            return
        self.stdout.write(f"Demo logins (mật khẩu / password for all: {DEMO_PASSWORD})")
        width = max(len(login.username) for login in logins)
        for login in logins:
            self.stdout.write(
                f"  {login.username:<{width}}  {login.role} — {login.unit} ({login.clearance})"
            )
