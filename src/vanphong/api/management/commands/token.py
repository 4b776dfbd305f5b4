from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from vanphong.api.services import token_create
from vanphong.org.models import Person


class Command(BaseCommand):
    help = "API tokens: `token create USERNAME [--name NAME]` prints a new bearer token once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["create"])
        parser.add_argument("username")
        parser.add_argument("--name", default="cli")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            person = Person.objects.get(username=options["username"])
        except Person.DoesNotExist:
            raise CommandError(f"no such user: {options['username']}") from None
        try:
            issued = token_create(actor=None, person=person, name=options["name"])
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(issued.token)
