"""In-app notices: a line of text and a link for one person, read or not.

`key` makes a notice idempotent: the same key for the same person is stored once, so a job
that is retried, or a change published twice, never tells anyone twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from vanphong.core.models import Notification


def send(*, person_ids: Sequence[int], text: str, url: str = "", key: str = "") -> int:
    """Create the notices (inside the caller's transaction); returns how many are new."""
    if not person_ids:
        return 0
    if key:
        already = set(
            Notification.objects.filter(key=key, person_id__in=person_ids).values_list(
                "person_id", flat=True
            )
        )
        person_ids = [pk for pk in person_ids if pk not in already]
    Notification.objects.bulk_create(
        [
            Notification(person_id=pk, text=text[:500], url=url[:300], key=key[:200])
            for pk in person_ids
        ],
        ignore_conflicts=bool(key),  # a concurrent send with the same key
    )
    return len(person_ids)


def send_many(rows: Sequence[tuple[int, str, str, str]]) -> None:
    """Many notices at once — (person id, text, url, key), keys required — for a job that has
    already made sure it sends each key once (see directives.reminders); a repeated key is
    skipped by the unique constraint."""
    Notification.objects.bulk_create(
        [
            Notification(person_id=person, text=text[:500], url=url[:300], key=key[:200])
            for person, text, url, key in rows
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )


def unread(person: AbstractBaseUser) -> QuerySet[Notification]:
    return Notification.objects.filter(person_id=person.pk, read_at__isnull=True)


def recent(person: AbstractBaseUser) -> QuerySet[Notification]:
    return Notification.objects.filter(person_id=person.pk).order_by("-created_at", "-id")


@transaction.atomic
def mark_read(*, person: AbstractBaseUser, uuids: Sequence[str] | None = None) -> int:
    """Mark the person's notices read (all of them when `uuids` is None). Reading a notice is
    not a state change of anything audited, so no audit event."""
    notices = unread(person)
    if uuids is not None:
        notices = notices.filter(uuid__in=list(uuids))
    return notices.update(read_at=timezone.now())
