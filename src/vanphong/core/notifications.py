"""In-app notices: a line of text and a link for one person, read or not, of one kind.

`key` makes a notice idempotent: the same key for the same person is stored once, so a job
that is retried, or a change published twice, never tells anyone twice.

A person chooses per kind whether a notice also comes by email (`NoticePreference`; without
a row, `EMAIL_BY_DEFAULT`). The emails of the notices a transaction creates are sent by a job
enqueued when it commits: a rolled-back change mails nobody, and no request waits on the mail
server. Whoever sends a notice has already made sure its person may see what it names; the
email carries the same text.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from functools import partial

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.models import EMAIL_BY_DEFAULT, NoticeKind, NoticePreference, Notification


def send(
    *,
    person_ids: Sequence[int],
    text: str,
    url: str = "",
    key: str = "",
    kind: str = NoticeKind.OTHER,
) -> int:
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
    if not person_ids:
        return 0
    Notification.objects.bulk_create(
        [
            Notification(person_id=pk, text=text[:500], url=url[:300], key=key[:200], kind=kind)
            for pk in person_ids
        ],
        ignore_conflicts=bool(key),  # a concurrent send with the same key
    )
    mail_on_commit(kind=kind, person_ids=wanting_email(kind, person_ids), text=text, url=url)
    return len(person_ids)


def send_many(rows: Sequence[tuple[int, str, str, str, str]]) -> None:
    """Many notices at once — (person id, text, url, key, kind), keys required — for a job
    that has already made sure it sends each key once and mails them itself (see
    directives.reminders); a repeated key is skipped by the unique constraint."""
    Notification.objects.bulk_create(
        [
            Notification(person_id=person, text=text[:500], url=url[:300], key=key[:200], kind=kind)
            for person, text, url, key, kind in rows
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )


# --- email ----------------------------------------------------------------------------------


def email_choices(person_ids: Collection[int]) -> dict[int, dict[str, bool]]:
    """Person -> kind -> whether they get it by email, for every kind (one query)."""
    stored: dict[int, dict[str, bool]] = {pk: {} for pk in person_ids}
    for person, kind, email in NoticePreference.objects.filter(
        person_id__in=list(person_ids)
    ).values_list("person_id", "kind", "email"):
        stored[person][kind] = email
    return {
        pk: {kind: chosen.get(kind, kind in EMAIL_BY_DEFAULT) for kind in NoticeKind.values}
        for pk, chosen in stored.items()
    }


def wanting_email(kind: str, person_ids: Collection[int]) -> list[int]:
    """Those of `person_ids` who get notices of `kind` by email too (one query)."""
    if not person_ids:
        return []
    overridden = dict(
        NoticePreference.objects.filter(person_id__in=list(person_ids), kind=kind).values_list(
            "person_id", "email"
        )
    )
    default = kind in EMAIL_BY_DEFAULT
    return sorted(pk for pk in person_ids if overridden.get(pk, default))


def mail_on_commit(*, kind: str, person_ids: Sequence[int], text: str, url: str) -> None:
    """Mail the notice to those people once the caller's transaction commits (core.jobs)."""
    if not person_ids:
        return
    from vanphong.core.jobs import notice_email_send

    transaction.on_commit(
        partial(
            notice_email_send.enqueue,
            kind=kind,
            person_ids=list(person_ids),
            text=text[:500],
            url=url[:300],
        )
    )


@transaction.atomic
def notice_preferences_set(
    *, actor: AbstractBaseUser, email: Mapping[str, bool]
) -> dict[str, bool]:
    """The actor's own choice, per kind, of getting notices by email too; kinds not named
    keep their choice. Audited: who turned which emails on or off. Returns every kind's
    choice now."""
    if set(email) - set(NoticeKind.values):
        raise ValidationError({"kinds": _("Loại thông báo không hợp lệ.")})
    before = email_choices([actor.pk])[actor.pk]
    changed = {kind: wanted for kind, wanted in email.items() if before[kind] != wanted}
    if not changed:
        return before
    for kind, wanted in changed.items():
        NoticePreference.objects.update_or_create(
            person_id=actor.pk, kind=kind, defaults={"email": wanted}
        )
    audit.record(
        actor=actor,
        action="notice_preferences.set",
        target=actor,
        before={kind: before[kind] for kind in changed},
        after=changed,
    )
    return {**before, **changed}


# --- reading --------------------------------------------------------------------------------


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


def link(path: str) -> str:
    """A page's address for an email: absolute under VANPHONG_SITE_URL when it is set (a mail
    reader cannot follow a bare path), the path itself otherwise."""
    base = getattr(settings, "VANPHONG_SITE_URL", "")
    return f"{base}{path}" if base and path.startswith("/") else path
