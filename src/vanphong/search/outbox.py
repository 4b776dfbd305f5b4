"""The transactional outbox: a row per change, committed with the change."""

from __future__ import annotations

from uuid import UUID

from django.db import models, transaction

from vanphong.core import rows
from vanphong.search import registry
from vanphong.search.models import OutboxEntry


def enqueue(kind: str, object_uuid: UUID) -> None:
    """Mark one object for reindexing; call inside the transaction that changes it."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("the outbox is written inside the transaction of the change")
    rows.insert(OutboxEntry(kind=kind, object_uuid=object_uuid))


def audit_listener(target: models.Model, action: str) -> None:
    for provider in registry.providers():
        for object_uuid in dict.fromkeys(provider.keys_for(target, action)):
            enqueue(provider.kind, object_uuid)
