"""A tracked work programme follows its items: moving an item (planning) moves its task."""

from __future__ import annotations

from django.db import models

from vanphong.core.models import AuditEvent
from vanphong.org.models import Person
from vanphong.planning.models import ProgrammeItem


def item_changed(target: models.Model, action: str) -> None:
    """Audit listener, inside the planning change's transaction: a refusal (an open sub-task
    due later) rolls the move back with its reason."""
    if action != "programme.item_moved" or not isinstance(target, ProgrammeItem):
        return
    from vanphong.directives import services

    # The listener is told the target, not who moved it: the event just recorded says.
    actor_id = (
        AuditEvent.objects.filter(object_id=str(target.uuid), action=action)
        .order_by("-seq")
        .values_list("actor_id", flat=True)
        .first()
    )
    actor = Person.objects.filter(pk=actor_id).first() if actor_id else None
    services.programme_item_follow(actor=actor, item=target)
