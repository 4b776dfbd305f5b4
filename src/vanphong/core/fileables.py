"""The things a file (hồ sơ) may hold, asked of every app without naming it.

The archives app files documents of the apps below it (incoming and outgoing documents, weekly
schedules, directives, letters) and may not be imported by them; nor may it reach into their
visibility rules. So each app registers a `Fileable` per kind from its AppConfig.ready(): its
provider describes one of its objects *as the asking person may see it* (its own scoped
selector), or answers None — unknown and not visible alike, so the caller cannot tell them
apart. The description is what a line of a file's document index (mục lục văn bản) needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID


@dataclass(frozen=True)
class FileableInfo:
    """One fileable thing, as a line of a document index describes it."""

    kind: str
    uuid: UUID
    unit_id: int
    number_symbol: str
    document_date: date | None
    author: str  # tác giả: the issuing body
    title: str  # trích yếu nội dung; never a name the kind's lists keep back
    page_count: int | None
    confidentiality: int
    url: str
    # The retention the kind itself suggests (a weekly schedule: 5 years); None: none known.
    retention_years: int | None = None
    permanent: bool = False


# (person, uuids) -> {uuid: info} for those of `uuids` the person may see, in one query.
DescribeMany = Callable[[Any, Iterable[UUID]], Mapping[UUID, FileableInfo]]


@dataclass(frozen=True)
class Fileable:
    kind: str  # archives.models.ItemKind's value: "incoming", "outgoing", ...
    label: str  # the kind's name in the pages: "Văn bản đến"
    describe_many: DescribeMany

    def describe(self, person: Any, uuid: UUID | str) -> FileableInfo | None:
        """The thing as `person` may see it, or None (unknown, or not theirs to see)."""
        key = as_uuid(uuid)
        if key is None:
            return None
        return self.describe_many(person, [key]).get(key)


_registered: dict[str, Fileable] = {}


def as_uuid(value: UUID | str) -> UUID | None:
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except ValueError:
        return None


def register(fileable: Fileable) -> None:
    """Register (or replace) the kind, from an AppConfig.ready()."""
    _registered[fileable.kind] = fileable


def unregister(kind: str) -> None:
    _registered.pop(kind, None)


def fileable(kind: str) -> Fileable | None:
    return _registered.get(kind)


def fileables() -> list[Fileable]:
    return sorted(_registered.values(), key=lambda f: f.kind)


def describe(person: Any, kind: str, uuid: UUID | str) -> FileableInfo | None:
    """The thing of `kind` as `person` may see it; None for an unknown kind too."""
    found = _registered.get(kind)
    return found.describe(person, uuid) if found is not None else None


def describe_many(
    person: Any, wanted: Iterable[tuple[str, UUID]]
) -> dict[tuple[str, UUID], FileableInfo]:
    """Every (kind, uuid) of `wanted` the person may see: one query per kind at most."""
    by_kind: dict[str, set[UUID]] = {}
    for kind, uuid in wanted:
        by_kind.setdefault(kind, set()).add(uuid)
    found: dict[tuple[str, UUID], FileableInfo] = {}
    for kind, uuids in sorted(by_kind.items()):
        provider = _registered.get(kind)
        if provider is None:
            continue
        for uuid, info in provider.describe_many(person, sorted(uuids)).items():
            found[(kind, uuid)] = info
    return found
