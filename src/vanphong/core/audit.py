"""The hash-chained audit log.

Every service writes one event per state change inside its own transaction, so an event exists
exactly when the change committed. Each event's hash covers its content and the previous hash;
changing, deleting or reordering any stored event breaks the chain from there on, and
`vanphong audit verify` names the first broken event.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models
from django.utils import timezone

from vanphong.core import rows
from vanphong.core.models import AuditEvent
from vanphong.core.numbering import _bump

GENESIS = "0" * 64
_SERIES = "core.audit"
# Read after the bump, in its own statement: on PostgreSQL a statement that waited for the
# counter's lock still reads with the snapshot it started with, so a subquery in the bump's
# RETURNING would miss the event committed while it waited.
_PREVIOUS_HASH = f"SELECT hash FROM {AuditEvent._meta.db_table} WHERE seq = %s"  # noqa: S608


# Called with each event's target and action inside the transaction that records it: the
# search outbox hangs here, so every audited change reaches it without each service naming it.
Listener = Callable[[models.Model, str], None]
_listeners: list[Listener] = []


def on_record(listener: Listener) -> None:
    """Call `listener(target, action)` for every event, inside the event's transaction."""
    if listener not in _listeners:
        _listeners.append(listener)


def _plain(value: Any) -> Any:
    """JSON-native copy, so what is hashed is exactly what the JSON column gives back."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False))


def _digest(fields: Mapping[str, Any]) -> str:
    body = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _content(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "occurred_at": event.occurred_at.astimezone(UTC).isoformat(),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "object_label": event.object_label,
        "before": event.before,
        "after": event.after,
        "prev_hash": event.prev_hash,
    }


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The named fields of `instance` as JSON-native values (foreign keys by id)."""
    data: dict[str, Any] = {}
    for name in fields:
        field = instance._meta.get_field(name)
        attname = getattr(field, "attname", name)
        data[name] = getattr(instance, attname)
    return dict(_plain(data))


def _next_link() -> tuple[int, str | None]:
    """The next sequence number and the hash it links to; the chain stays locked to commit."""
    seq = _bump(_SERIES)
    if seq == 1:
        return seq, GENESIS
    with connection.cursor() as cursor:
        cursor.execute(_PREVIOUS_HASH, [seq - 1])
        row = cursor.fetchone()
    return seq, row[0] if row else None


def record(
    *,
    actor: AbstractBaseUser | None,
    action: str,
    target: models.Model,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    label: str | None = None,
) -> AuditEvent:
    """Append one event; call it inside the transaction that makes the change."""
    seq, prev = _next_link()
    if prev is None:
        raise RuntimeError(f"audit chain has no event #{seq - 1}")
    event = AuditEvent(
        seq=seq,
        occurred_at=timezone.now().astimezone(UTC),
        actor_id=actor.pk if actor is not None else None,
        actor_label=str(actor) if actor is not None else "system",
        action=action,
        object_type=target._meta.label_lower,
        object_id=str(getattr(target, "uuid", None) or target.pk),
        object_label=(label if label is not None else str(target))[:500],
        before=_plain(dict(before)) if before is not None else None,
        after=_plain(dict(after)) if after is not None else None,
        prev_hash=prev,
    )
    event.hash = _digest(_content(event))
    rows.insert(event)
    for listener in _listeners:
        listener(target, action)
    return event


@dataclass(frozen=True)
class VerifyResult:
    checked: int
    broken_seq: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_seq is None


def verify(*, chunk_size: int = 2000) -> VerifyResult:
    """Recompute the chain from the first event; stop at the first one that does not hold."""
    expected_prev = GENESIS
    expected_seq = 1
    checked = 0
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=chunk_size):
        if event.seq != expected_seq:
            return VerifyResult(checked, expected_seq, f"event #{expected_seq} is missing")
        if event.prev_hash != expected_prev:
            return VerifyResult(checked, event.seq, "previous-hash link does not match")
        if _digest(_content(event)) != event.hash:
            return VerifyResult(checked, event.seq, "content does not match its hash")
        expected_prev = event.hash
        expected_seq += 1
        checked += 1
    return VerifyResult(checked)
