"""Background work of petitions: thin tasks that call the services."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from vanphong.org.models import Unit
from vanphong.petitions.models import Letter, Visit
from vanphong.petitions.services_purge import letters_purge


@task()
def purge_due() -> None:
    """Purge, in every unit keeping petitions books, the personal data whose retention passed."""
    today = timezone.localdate()
    units = Unit.objects.filter(
        Q(pk__in=Letter.objects.values("unit_id")) | Q(pk__in=Visit.objects.values("unit_id"))
    ).order_by("pk")
    for unit in units:
        letters_purge(actor=None, unit=unit, on=today)
