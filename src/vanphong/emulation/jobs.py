"""Background work of emulation (django-tasks), thin tasks calling the services: the measured
criteria of a movement recomputed (a province's blocs take a few seconds)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django_tasks import task

from vanphong.emulation import services_measure
from vanphong.emulation.models import Movement
from vanphong.org.models import Person


@task()
def measurements_recompute(movement: str, actor: int, as_of: str | None = None) -> int:
    """Recompute the movement's (UUID) measurements as `actor` (a person's id); how many rows."""
    return services_measure.measurements_compute(
        movement=Movement.objects.select_related("bloc").get(uuid=movement),
        actor=Person.objects.get(pk=actor),
        as_of=date.fromisoformat(as_of) if as_of else None,
    )


def measurements_recompute_later(
    *, movement: Movement, actor: Person, as_of: date | None = None
) -> None:
    """Enqueue the recomputation once the current transaction has committed."""
    movement_uuid, actor_id = str(movement.uuid), actor.pk
    day = as_of.isoformat() if as_of else None
    transaction.on_commit(
        lambda: measurements_recompute.enqueue(movement=movement_uuid, actor=actor_id, as_of=day)
    )
