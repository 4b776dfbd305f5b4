"""What each app puts in the search index, through one small interface.

An app describes each kind of searchable object with a `Provider` and registers it from its
AppConfig.ready(). The index and the queries know nothing else about the app: they read
`Entry` values, and the visibility filter is built from the provider's `Grants` — the same
rules its selectors use, so a search cannot show what a page would 404.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol
from uuid import UUID

from django.db import models

if TYPE_CHECKING:
    from vanphong.org.models import Person


@dataclass(frozen=True)
class Entry:
    """One object as the index sees it."""

    kind: str
    uuid: UUID
    unit_id: int
    confidentiality: int
    people: tuple[int, ...]  # involved people: they see it whatever their units
    title: str  # the line a result shows: number, symbol, type
    text: str  # everything searchable, as typed (original tones and marks)
    moment: datetime  # what "sort by date" sorts on
    url: str
    symbol_key: str = ""  # normalised number-symbol (`NumberSymbol.key`)
    type_symbol: str = ""
    status: str = ""
    status_label: str = ""
    unit_name: str = ""
    # People who see it through a last day (a reading request): (person id, last day). The
    # query compares the day, so the grant ends at midnight without waiting for a re-index.
    readers: tuple[tuple[int, date], ...] = ()

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.uuid}"


@dataclass(frozen=True)
class Grants:
    """Who sees what: objects of `units[level]` at exactly that confidentiality level, plus
    objects the person is involved in."""

    units: dict[int, tuple[int, ...]]  # confidentiality level -> unit ids


class Provider(Protocol):
    kind: str
    label: str  # the kind's name in the filters and on results

    def keys_for(self, target: models.Model, action: str) -> Sequence[UUID]:
        """The objects of this kind an audited change of `target` makes stale."""

    def entries(self, uuids: Sequence[UUID]) -> Iterable[Entry]:
        """Current entries for the given objects; one missing from the answer is gone."""

    def batches(self, size: int, after: int = 0) -> Iterator[tuple[int, list[Entry]]]:
        """Every object in primary-key order from `after`, `size` at a time, with the last
        primary key of each batch (rebuilding resumes from it)."""

    def grants(self, person: Person) -> Grants: ...


_providers: dict[str, Provider] = {}


def register(provider: Provider) -> None:
    _providers[provider.kind] = provider


def providers() -> list[Provider]:
    return list(_providers.values())


def provider(kind: str) -> Provider | None:
    return _providers.get(kind)
