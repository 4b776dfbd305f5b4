"""What the apps above planning hang on a programme item's move.

planning knows nothing of directives, yet a programme followed as tasks must move an item's
task when the item moves to another month or quarter: directives subscribes here from its
AppConfig.ready(), and planning calls every subscriber inside the transaction of the move,
before the move's audit event, so the task's row is locked before the audit chain (as in
every other write) and the task's new deadline commits or rolls back with the move.
"""

from __future__ import annotations

from typing import Protocol

from vanphong.org.models import Person
from vanphong.planning.models import ProgrammeItem


class ItemMovedListener(Protocol):
    def __call__(self, *, actor: Person, item: ProgrammeItem) -> object: ...


_listeners: list[ItemMovedListener] = []


def on_programme_item_moved(listener: ItemMovedListener) -> None:
    """Call `listener(actor=, item=)` whenever an item of an approved programme is moved."""
    if listener not in _listeners:
        _listeners.append(listener)


def programme_item_moved(*, actor: Person, item: ProgrammeItem) -> None:
    """Tell the subscribers that `item` now has its new month or quarter (call inside the
    transaction of the move, before its audit event)."""
    for listener in _listeners:
        listener(actor=actor, item=item)
