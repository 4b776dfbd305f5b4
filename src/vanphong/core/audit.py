"""The keyed, hash-chained audit log.

Every service writes one event per state change inside its own transaction, so an event exists
exactly when the change committed. Each event's hash is an HMAC-SHA256 of its content and the
previous event's hash, under a key kept outside the database (`VANPHONG_AUDIT_KEY`), and the
event names that key by its id, so keys can be rotated while old events stay verifiable.
`AuditHead`, one row updated in the same transaction, holds the last event's number and hash:
an event removed from the end no longer matches it. `vanphong audit verify` recomputes the
chain, checks that it ends at the head, and says what that proves (docs/operations.md).

Events written before the chain was keyed are plain SHA-256 (`key_id` empty); the migration that
keyed the chain (core 0009, squashed since) closed them with a keyed event, so they can only be
a prefix of the chain.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.models import Subquery
from django.utils import timezone

from vanphong.core import rows
from vanphong.core.models import AuditEvent, AuditHead
from vanphong.core.numbering import NotInTransaction

GENESIS = "0" * 64
UNKEYED = ""  # the key id of the plain SHA-256 events written before the chain was keyed
_HEAD = AuditHead._meta.db_table
# The head's row lock (PostgreSQL) or BEGIN IMMEDIATE's database lock (SQLite) serialises
# appends until commit. A statement that waited for the lock returns the row as the
# transaction before it left it, so the previous hash is the one that committed last.
_ADVANCE = f"UPDATE {_HEAD} SET seq = seq + 1 RETURNING seq, hash"  # noqa: S608
_ANCHOR = f"UPDATE {_HEAD} SET hash = %s"  # noqa: S608


# Called with each event's target and action inside the transaction that records it: the
# search outbox hangs here, so every audited change reaches it without each service naming it.
Listener = Callable[[models.Model, str], None]
_listeners: list[Listener] = []


def on_record(listener: Listener) -> None:
    """Call `listener(target, action)` for every event, inside the event's transaction."""
    if listener not in _listeners:
        _listeners.append(listener)


@functools.lru_cache(maxsize=16)
def key_id(key: str) -> str:
    """The public name of a key: derived from it, so a key brings its id along."""
    return hmac.new(key.encode(), b"vanphong audit key id", hashlib.sha256).hexdigest()[:16]


def keyring() -> dict[str, bytes]:
    """Every key verify knows, by id: the current one and the old ones kept for verifying."""
    keys = [settings.VANPHONG_AUDIT_KEY, *settings.VANPHONG_AUDIT_OLD_KEYS]
    return {key_id(key): key.encode() for key in keys}


def _plain(value: Any) -> Any:
    """JSON-native copy, so what is hashed is exactly what the JSON column gives back."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False))


def _digest(fields: Mapping[str, Any], key: bytes | None) -> str:
    body = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    if key is None:
        return hashlib.sha256(body.encode("utf-8")).hexdigest()
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()


def _content(event: Any) -> dict[str, Any]:
    """What an event's hash covers (`event` is an AuditEvent, or its historical model)."""
    content = {
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
    # Unkeyed events keep the content they were hashed with; a keyed one binds its key id.
    if event.key_id != UNKEYED:
        content["key_id"] = event.key_id
    return content


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The named fields of `instance` as JSON-native values (foreign keys by id)."""
    data: dict[str, Any] = {}
    for name in fields:
        field_ = instance._meta.get_field(name)
        attname = getattr(field_, "attname", name)
        data[name] = getattr(instance, attname)
    return dict(_plain(data))


def _advance() -> tuple[int, str]:
    """The next sequence number and the hash it links to; the chain stays locked to commit."""
    if not transaction.get_connection().in_atomic_block:
        raise NotInTransaction("audit events are written only inside the change's transaction")
    with connection.cursor() as cursor:
        cursor.execute(_ADVANCE)
        row = cursor.fetchone()
        if row is None:
            # Core's initial migration seeds the row; only an emptied database lacks it.
            if AuditEvent.objects.exists():
                raise RuntimeError("the audit head is missing; run `vanphong audit verify`")
            AuditHead.objects.bulk_create(
                [AuditHead(pk=1, seq=0, hash=GENESIS)], ignore_conflicts=True
            )
            cursor.execute(_ADVANCE)
            row = cursor.fetchone()
    if row is None:
        raise RuntimeError("the audit head vanished inside the transaction")
    return int(row[0]), str(row[1])


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
    seq, prev = _advance()
    key = settings.VANPHONG_AUDIT_KEY
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
        key_id=key_id(key),
    )
    event.hash = _digest(_content(event), key.encode())
    rows.insert(event)
    with connection.cursor() as cursor:
        cursor.execute(_ANCHOR, [event.hash])
    for listener in _listeners:
        listener(target, action)
    return event


def seal_unkeyed(event_model: Any, head_model: Any) -> None:
    """Anchor a log written before the chain was keyed (run once, by core's migration 0009,
    squashed since).

    The unkeyed events are closed by one keyed event that links to the last of them, so
    rewriting any of them now breaks a link that only the key can remake."""
    last = event_model.objects.order_by("-seq").first()
    if last is None:
        head_model.objects.create(pk=1, seq=0, hash=GENESIS)
        return
    key = settings.VANPHONG_AUDIT_KEY
    seal = event_model(
        seq=last.seq + 1,
        occurred_at=timezone.now().astimezone(UTC),
        actor_id=None,
        actor_label="system",
        action="audit.keyed",
        object_type="core.audithead",
        object_id="1",
        object_label="audit chain keyed",
        before=None,
        after={"unkeyed_through": last.seq},
        prev_hash=last.hash,
        key_id=key_id(key),
    )
    seal.hash = _digest(_content(seal), key.encode())
    seal.save()
    head_model.objects.create(pk=1, seq=seal.seq, hash=seal.hash)


@dataclass(frozen=True)
class VerifyResult:
    checked: int
    broken_seq: int | None = None
    reason: str = ""
    # The anchored head (seq, hash) as read with the events; None when its row is missing.
    head: tuple[int, str] | None = None
    # Events verified per key id (UNKEYED: plain SHA-256 events from before the keys).
    keys: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.broken_seq is None


def verify(*, chunk_size: int = 2000, witness: tuple[int, str] | None = None) -> VerifyResult:
    """Recompute the chain from the first event, stop at the first one that does not hold, and
    check that it ends at the anchored head (and passes through `witness`, a head an earlier
    run recorded outside the database)."""
    ring = keyring()
    # Read before the events: events are never deleted, so if this head names events and
    # the query below finds none, they were removed (not appended since).
    head: tuple[int, str] | None = AuditHead.objects.values_list("seq", "hash").first()
    # The head also comes with each event, from the same statement and so the same snapshot
    # as the events: an append committed meanwhile cannot look like a mismatch.
    events = AuditEvent.objects.annotate(
        head_seq=Subquery(AuditHead.objects.values("seq")[:1]),
        head_hash=Subquery(AuditHead.objects.values("hash")[:1]),
    ).order_by("seq")
    counts: Counter[str] = Counter()
    expected_prev, expected_seq, keyed = GENESIS, 1, False

    def broken(seq: int, reason: str) -> VerifyResult:
        return VerifyResult(expected_seq - 1, seq, reason, head, dict(counts))

    for event in events.iterator(chunk_size=chunk_size):
        head = None if event.head_seq is None else (event.head_seq, event.head_hash)
        if head is None:
            return broken(event.seq, "the anchored head (core_audithead) is missing")
        if event.seq > head[0]:
            return broken(event.seq, f"event #{event.seq} lies beyond the anchored head")
        if event.seq != expected_seq:
            return broken(expected_seq, f"event #{expected_seq} is missing")
        if event.prev_hash != expected_prev:
            return broken(event.seq, "previous-hash link does not match")
        key: bytes | None = None
        if event.key_id == UNKEYED:
            if keyed:
                return broken(event.seq, "an unkeyed event follows keyed ones")
        else:
            key = ring.get(event.key_id)
            if key is None:
                return broken(
                    event.seq,
                    f"its key {event.key_id} is not among the configured keys "
                    "(VANPHONG_AUDIT_KEY, VANPHONG_AUDIT_OLD_KEYS)",
                )
            keyed = True
        if not hmac.compare_digest(_digest(_content(event), key), event.hash):
            return broken(event.seq, "content does not match its hash")
        if witness is not None and event.seq == witness[0] and event.hash != witness[1]:
            return broken(event.seq, "it is not the event the witness recorded")
        counts[event.key_id] += 1
        expected_prev = event.hash
        expected_seq += 1
    last = expected_seq - 1
    if head is None:
        # No events and no head: an emptied database, which is no more and no less than a
        # head moved back to the start.
        head = (0, GENESIS)
    if head[0] > last:
        return broken(
            last + 1,
            f"events #{last + 1}–#{head[0]} are missing: the chain ends at #{last} "
            f"but the anchored head is #{head[0]}",
        )
    if head[1] != expected_prev:
        return broken(last, "the last event does not match the anchored head's hash")
    if last and not keyed:
        return broken(last, "no keyed event closes the chain")
    if witness is not None and witness[0] > last:
        return broken(
            last + 1,
            f"the chain ends at #{last}, before #{witness[0]} that the witness recorded",
        )
    return VerifyResult(last, None, "", head, dict(counts))
