"""The scheduled purge: every unit's letters past retention, as the system."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from tests.support.petitions import build_petition_world, letter_row
from vanphong.core.models import AuditEvent
from vanphong.petitions.jobs import purge_due
from vanphong.petitions.models import Citizen, Letter, LetterStatus


@pytest.mark.django_db
def test_the_daily_job_purges_every_units_letters_past_retention() -> None:
    world = build_petition_world()
    long_ago = date(2012, 6, 1)
    for unit in (world.province_office, world.chau_thanh_office):
        letter_row(world, unit=unit, status=LetterStatus.CLOSED, closed_on=long_ago)
    kept = letter_row(world, status=LetterStatus.CLOSED, closed_on=timezone.localdate())
    purge_due.call()
    assert Letter.objects.filter(purged_at__isnull=False).count() == 2
    assert list(Citizen.objects.values_list("letter_id", flat=True)) == [kept.pk]
    events = AuditEvent.objects.filter(action="letters.purged")
    assert {(e.actor_id, (e.after or {}).get("letters")) for e in events} == {(None, 1)}
    assert events.count() == 2


@pytest.mark.django_db
def test_the_purge_runs_daily_from_the_command_line() -> None:
    from io import StringIO

    from django.core.management import call_command

    world = build_petition_world()
    letter_row(world, status=LetterStatus.CLOSED, closed_on=date(2012, 6, 1))
    out = StringIO()
    call_command("petitions", "purge", stdout=out)
    assert "purged in 1 units" in out.getvalue()
    assert Letter.objects.get().purged_at is not None
