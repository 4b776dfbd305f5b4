"""Credentials other apps issue to a person (calendar links, …), shown and revoked on the
person's account page beside their API tokens. An app registers its kind from its
`AppConfig.ready()`: the api app sits below the apps and never imports them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern

from vanphong.org.models import Person


@dataclass(frozen=True)
class OtherCredentials:
    template: str  # the page's section for them, a fragment rendered with the page's context
    context: Callable[[Person], dict[str, Any]]  # what the fragment reads, for the person
    urls: Sequence[URLPattern]  # its actions, mounted under `account:`


_registered: list[OtherCredentials] = []


def register(credentials: OtherCredentials) -> None:
    if credentials not in _registered:
        _registered.append(credentials)


def registered() -> tuple[OtherCredentials, ...]:
    return tuple(_registered)
