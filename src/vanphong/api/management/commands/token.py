from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import QuerySet
from django.utils import timezone

from vanphong.api.models import ApiToken
from vanphong.api.services import token_create, token_revoke, tokens_revoke_all
from vanphong.org.models import Person


def _person(username: str) -> Person:
    try:
        return Person.objects.get(username=username)
    except Person.DoesNotExist:
        raise CommandError(f"no such user: {username}") from None


def _token(key: str) -> ApiToken:
    """A token by its id (UUID) or by the prefix `token list` shows, when only one has it."""
    try:
        found: QuerySet[ApiToken] = ApiToken.objects.filter(uuid=UUID(key))
    except ValueError:
        found = ApiToken.objects.filter(prefix=key.removesuffix("…"))
    tokens = list(found[:2])
    if not tokens:
        raise CommandError(f"no such token: {key}")
    if len(tokens) > 1:
        raise CommandError(f"several tokens start with {key}; give its id")
    return tokens[0]


def _when(moment: Any) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else "-"


class Command(BaseCommand):
    help = (
        "API tokens: `token create USERNAME [--name NAME]` prints a new bearer token once; "
        "`token list [USERNAME]`; `token revoke TOKEN_ID` or `token revoke --user USERNAME --all`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="issue a token (printed once)")
        create.add_argument("username")
        create.add_argument("--name", default="cli")
        listing = actions.add_parser("list", help="tokens, of one person or of everyone")
        listing.add_argument("username", nargs="?")
        revoke = actions.add_parser("revoke", help="revoke one token, or all of a person's")
        revoke.add_argument("token", nargs="?", help="the id (or prefix) `token list` shows")
        revoke.add_argument("--user", dest="username")
        revoke.add_argument("--all", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action']}")(options)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None

    def _create(self, options: dict[str, Any]) -> None:
        issued = token_create(actor=None, person=_person(options["username"]), name=options["name"])
        self.stdout.write(issued.token)

    def _list(self, options: dict[str, Any]) -> None:
        tokens = ApiToken.objects.select_related("person").order_by(
            "person__username", "-created_at"
        )
        if options["username"]:
            tokens = tokens.filter(person=_person(options["username"]))
        for token in tokens:
            state = f"revoked {_when(token.revoked_at)}" if token.revoked_at else "active"
            self.stdout.write(
                "\t".join(
                    [
                        str(token.uuid),
                        f"{token.prefix}…",
                        token.person.username,
                        token.name,
                        f"created {_when(token.created_at)}",
                        f"used {_when(token.last_used_at)}",
                        state,
                    ]
                )
            )

    def _revoke(self, options: dict[str, Any]) -> None:
        if options["all"]:
            if not options["username"] or options["token"]:
                raise CommandError("use either TOKEN_ID or --user USERNAME --all")
            count = tokens_revoke_all(actor=None, person=_person(options["username"]))
            self.stdout.write(f"revoked {count} token(s) of {options['username']}")
            return
        if not options["token"] or options["username"]:
            raise CommandError("use either TOKEN_ID or --user USERNAME --all")
        token = token_revoke(actor=None, token=_token(options["token"]))
        self.stdout.write(f"revoked {token.prefix}… ({token.person.username})")
