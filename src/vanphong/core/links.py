"""Links from an object's page to the objects of other apps that refer to it.

A lower app's page (a document's) cannot name what an upper app built on it (the letter a
forwarding note was drafted for): it may not import that app. So each app registers a provider
from its AppConfig.ready() saying which of *its* objects refer to a given object, and the page
asks `links_for` and renders the "Liên quan" block. A provider answers through its app's own
visibility-scoped selectors — what the person may not see is neither linked nor named — in one
query at most, and titles a link with nothing the page's reader may not read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Link:
    title: str
    url: str


Provider = Callable[[Any, Any], list[Link]]  # (person, obj) -> links the person may follow

_registered: dict[str, Provider] = {}


def register(key: str, provider: Provider) -> None:
    """Register (or replace) the provider `key`, from an AppConfig.ready()."""
    _registered[key] = provider


def unregister(key: str) -> None:
    _registered.pop(key, None)


def links_for(person: Any, obj: Any) -> list[Link]:
    """Every provider's links for `obj`, in the order of the providers' keys."""
    links: list[Link] = []
    for key in sorted(_registered):
        links.extend(_registered[key](person, obj))
    return links


# Actions other apps offer on an object's page (a button, not a "Liên quan" line): "Đưa vào hồ
# sơ" on a document's page. Same contract as the links: answered for the person, at most one
# query, nothing the reader may not do.
_actions: dict[str, Provider] = {}


def register_action(key: str, provider: Provider) -> None:
    _actions[key] = provider


def unregister_action(key: str) -> None:
    _actions.pop(key, None)


def actions_for(person: Any, obj: Any) -> list[Link]:
    found: list[Link] = []
    for key in sorted(_actions):
        found.extend(_actions[key](person, obj))
    return found
