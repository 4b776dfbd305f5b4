"""What changed between two versions of a week: entries matched by lineage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from vanphong.planning.models import Entry, ScheduleVersion

# What a reader of the schedule would call a change of the entry.
COMPARED = (
    "day",
    "session",
    "starts_at",
    "ends_at",
    "content",
    "room_id",
    "place",
    "preparing_unit_id",
    "note",
    "confidentiality",
)


def fingerprint(entry: Entry) -> tuple[Any, ...]:
    """Uses the prefetched attendance and units (see selectors.entries)."""
    return (
        *(getattr(entry, name) for name in COMPARED),
        tuple(a.person_id for a in entry.attending()),
        tuple(sorted(u.pk for u in entry.unit_list())),
        tuple(sorted(d.pk for d in entry.incoming_list())),
        tuple(sorted(d.pk for d in entry.outgoing_list())),
    )


@dataclass
class Changes:
    added: set[UUID] = field(default_factory=set)
    changed: set[UUID] = field(default_factory=set)
    removed: list[Entry] = field(default_factory=list)  # entries of the older version
    previous: dict[UUID, Entry] = field(default_factory=dict)

    def is_new(self, entry: Entry) -> bool:
        return entry.lineage in self.added

    def is_changed(self, entry: Entry) -> bool:
        return entry.lineage in self.changed

    def marked(self, entry: Entry) -> bool:
        return entry.lineage in self.added or entry.lineage in self.changed

    def summary(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "changed": len(self.changed),
            "removed": len(self.removed),
        }

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def compare(older: ScheduleVersion, newer: ScheduleVersion) -> Changes:
    from vanphong.planning.selectors import entries

    before = {entry.lineage: entry for entry in entries([older])}
    after = {entry.lineage: entry for entry in entries([newer])}
    changes = Changes(previous=before)
    for lineage, entry in after.items():
        old = before.get(lineage)
        if old is None:
            changes.added.add(lineage)
        elif fingerprint(old) != fingerprint(entry):
            changes.changed.add(lineage)
    changes.removed = [entry for lineage, entry in before.items() if lineage not in after]
    return changes


def previous_version(version: ScheduleVersion) -> ScheduleVersion | None:
    """The version this one amends: the latest published or superseded one before it."""
    return (
        ScheduleVersion.objects.filter(
            schedule_id=version.schedule_id,
            number__lt=version.number,
            status__in=["published", "superseded"],
        )
        .order_by("-number")
        .first()
    )
