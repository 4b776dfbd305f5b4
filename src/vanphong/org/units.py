"""How units are named and ordered wherever a person reads or chooses them.

- Order: the organisation's, a walk of the tree — the province, its Office, its boards, then
  each district committee followed by its Office and boards; siblings by `sort_order`, then
  the Office before boards before committees, then by folded name, so "Huyện uỷ Hoà Thành"
  and "Huyện ủy Hòa Thành" sort alike and never by the accident of where a tone mark sits.
- Label: a name no one mistakes for another. An Office or a board is often named for its
  function only ("Văn phòng", "Ban Tổ chức Tỉnh ủy"); its label adds what its committee's name
  does not already say ("Văn phòng Huyện ủy Châu Thành", "Ban Tổ chức Tỉnh ủy Tây Ninh"), so
  "Huyện ủy X" and "Văn phòng Huyện ủy X" are told apart. A unit under an Office or a board
  (a department) names that unit after a comma.

Both come from one query over the unit table (a few dozen rows), whatever the number of units
shown: `directory()` once per request (kept while `org.middleware.UnitDirectoryMiddleware`
answers it, so the unit fields of a form and the lists of a page share it), or once per call
outside a request.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from vanphong.core.vietnamese import fold
from vanphong.org.models import COMMITTEE_KINDS, Unit, UnitKind

U = TypeVar("U", bound=Unit)


def merged_name(name: str, committee: str) -> str:
    """`name` completed by the committee's name, sharing the words they have in common:
    ("Văn phòng Tỉnh ủy", "Tỉnh ủy Tây Ninh") → "Văn phòng Tỉnh ủy Tây Ninh";
    ("Văn phòng", "Huyện ủy Châu Thành") → "Văn phòng Huyện ủy Châu Thành"."""
    if fold(committee) in fold(name):
        return name
    words, theirs = name.split(), committee.split()
    folded, folded_theirs = [fold(w) for w in words], [fold(w) for w in theirs]
    shared = next(
        (n for n in range(min(len(words), len(theirs)), 0, -1) if folded[-n:] == folded_theirs[:n]),
        0,
    )
    return " ".join([*words, *theirs[shared:]])


@dataclass(frozen=True)
class Directory:
    """Every unit's place in the organisation's order and its unmistakable label."""

    position: Mapping[int, int]
    labels: Mapping[int, str]
    depth: Mapping[int, int]
    committee: Mapping[int, int]  # the nearest committee at or above (the root without one)

    def label(self, unit: Unit | int) -> str:
        unit_id = unit if isinstance(unit, int) else unit.pk
        return self.labels.get(unit_id, "" if isinstance(unit, int) else unit.name)

    def key(self, unit_id: int) -> int:
        return self.position.get(unit_id, len(self.position))

    def by_committee(self, units: Iterable[U]) -> list[tuple[str, list[U]]]:
        """`units` in order, in groups under the label of their committee: each committee
        with its Office and boards, as the organisation is read."""
        groups: dict[int, list[U]] = {}
        for unit in self.ordered(units):
            groups.setdefault(self.committee.get(unit.pk, unit.pk), []).append(unit)
        return [(self.label(committee), members) for committee, members in groups.items()]

    def ordered(self, units: Iterable[U]) -> list[U]:
        """`units` in the organisation's order, each with its `label` set (no query)."""
        found = sorted(units, key=lambda unit: self.key(unit.pk))
        for unit in found:
            unit.__dict__["label"] = self.label(unit)
        return found


@dataclass(frozen=True)
class _Row:
    id: int
    parent_id: int | None
    kind: str
    name: str
    name_folded: str
    sort_order: int


_request = threading.local()
# Among siblings of one `sort_order` (left at 0 unless set): the Office, then boards and
# departments, then the committees below, as the organisation is read.
_KIND_RANK: dict[str, int] = {UnitKind.OFFICE: 0, **dict.fromkeys(COMMITTEE_KINDS, 2)}


def request_began() -> None:
    """Called by `org.middleware.UnitDirectoryMiddleware` around each request."""
    _request.active, _request.directory = True, None


def request_ended() -> None:
    _request.active, _request.directory = False, None


def directory() -> Directory:
    """The whole tree's order and labels: one query, once per request."""
    if not getattr(_request, "active", False):
        return _build()
    if _request.directory is None:
        _request.directory = _build()
    found: Directory = _request.directory
    return found


def _build() -> Directory:
    rows = {
        row[0]: _Row(*row)
        for row in Unit.objects.order_by().values_list(
            "id", "parent_id", "kind", "name", "name_folded", "sort_order"
        )
    }
    children: dict[int | None, list[_Row]] = defaultdict(list)
    for row in rows.values():
        children[row.parent_id if row.parent_id in rows else None].append(row)
    for group in children.values():
        group.sort(key=lambda r: (r.sort_order, _KIND_RANK.get(r.kind, 1), r.name_folded, r.id))
    position: dict[int, int] = {}
    depth: dict[int, int] = {}
    labels: dict[int, str] = {}
    committee: dict[int, int] = {}
    stack: list[tuple[_Row, int]] = [(row, 0) for row in reversed(children[None])]
    while stack:
        row, level = stack.pop()
        if row.id in position:  # a cycle would be a broken tree; never loop on it
            continue
        position[row.id] = len(position)
        depth[row.id] = level
        labels[row.id] = _label(row, rows.get(row.parent_id or 0), labels)
        above = committee.get(row.parent_id or 0)
        committee[row.id] = row.id if row.kind in COMMITTEE_KINDS or above is None else above
        stack.extend((child, level + 1) for child in reversed(children.get(row.id, [])))
    return Directory(position=position, labels=labels, depth=depth, committee=committee)


def _label(row: _Row, parent: _Row | None, labels: Mapping[int, str]) -> str:
    if row.kind in COMMITTEE_KINDS or parent is None:
        return row.name
    if parent.kind in COMMITTEE_KINDS:
        return merged_name(row.name, parent.name)
    above = labels.get(parent.id, parent.name)
    return row.name if fold(above) in fold(row.name) else f"{row.name}, {above}"


def units_in_order(units: Iterable[U]) -> list[U]:
    """`units` (a queryset is evaluated) in the organisation's order, labelled."""
    return directory().ordered(units)
