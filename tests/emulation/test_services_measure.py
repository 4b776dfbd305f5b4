"""Computing a movement's measured criteria: every member, one batch per measure, written in
bulk and audited once; refused to others than the convenor and for a closed movement."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.emulation_measures import (
    ARCHIVES,
    MEASURES,
    EmulationWorld,
    bloc_of,
    build_emulation_world,
    launch,
    measured_set,
)
from tests.support.factories import UnitFactory
from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from vanphong.core.models import AuditEvent
from vanphong.emulation.jobs import measurements_recompute_later
from vanphong.emulation.models import BlocMember, Measurement, MovementStatus
from vanphong.emulation.services_measure import measurements_compute
from vanphong.org.models import Unit
from vanphong.petitions.models import ClockKind, Deadline

PETITIONS = "petitions.handled_within_clock"


@pytest.fixture
def petitions(db: None) -> PetitionWorld:
    return build_petition_world()


@pytest.fixture
def world(petitions: PetitionWorld) -> EmulationWorld:
    return build_emulation_world(petitions.d.p)


def clock(petitions: PetitionWorld, unit: Unit, due_on: date, met_on: date | None) -> None:
    letter = letter_row(petitions, unit=unit, received_on=due_on - timedelta(days=10))
    Deadline.objects.create(
        letter=letter,
        kind=ClockKind.PROCESSING,
        starts_on=letter.received_on,
        due_on=due_on,
        days=10,
        rule_kind="petitions.processing",
        rule_from=date(2010, 1, 1),
        source="Quy định",
        met_on=met_on,
        unit=unit,
    )


def test_every_measured_criterion_is_computed_for_every_member(
    world: EmulationWorld, petitions: PetitionWorld
) -> None:
    office = world.chau_thanh_office
    clock(petitions, office, date(2011, 9, 22), date(2011, 9, 20))
    clock(petitions, office, date(2011, 10, 3), None)
    clock(petitions, office, date(2011, 10, 4), None)
    rows = measurements_compute(movement=world.movement, actor=world.officer)
    assert rows == len(MEASURES) * 2  # the archives' criterion has no measure yet
    assert not Measurement.objects.filter(criterion=world.criteria[ARCHIVES]).exists()
    found = Measurement.objects.get(unit=office, criterion=world.criteria[PETITIONS])
    assert (found.done, found.counted, found.points) == (1, 3, Decimal("3.33"))
    assert found.as_of == date(2011, 12, 31)  # the year is over
    quiet = Measurement.objects.get(
        unit=world.hoa_thanh_office, criterion=world.criteria[PETITIONS]
    )
    assert (quiet.done, quiet.counted, quiet.points) == (0, 0, Decimal("10.00"))


def test_recomputing_updates_the_rows_and_audits_once_with_the_counts(
    world: EmulationWorld, petitions: PetitionWorld
) -> None:
    office = world.chau_thanh_office
    clock(petitions, office, date(2011, 3, 10), None)
    measurements_compute(movement=world.movement, actor=world.officer, as_of=date(2011, 6, 30))
    Deadline.objects.update(met_on=date(2011, 3, 9))
    before = AuditEvent.objects.count()
    measurements_compute(movement=world.movement, actor=world.officer, as_of=date(2011, 6, 30))
    assert Measurement.objects.count() == len(MEASURES) * 2
    found = Measurement.objects.get(unit=office, criterion=world.criteria[PETITIONS])
    assert (found.done, found.counted, found.as_of) == (1, 1, date(2011, 6, 30))
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.order_by("-seq").first()
    assert event is not None
    assert event.action == "emulation.measurements_compute"
    assert event.after == {
        "as_of": "2011-06-30",
        "units": 2,
        "criteria": len(MEASURES) + 1,
        "rows": len(MEASURES) * 2,
        "removed": 0,
        "no_data": [ARCHIVES],
    }


def test_only_members_in_the_year_are_measured_and_others_rows_removed(
    world: EmulationWorld,
) -> None:
    measurements_compute(movement=world.movement, actor=world.officer)
    BlocMember.objects.filter(unit=world.hoa_thanh_office).update(left_on=date(2011, 1, 1))
    BlocMember.objects.create(bloc=world.bloc, unit=world.province, joined_on=date(2012, 1, 1))
    measurements_compute(movement=world.movement, actor=world.officer)
    assert set(Measurement.objects.values_list("unit_id", flat=True)) == {
        world.chau_thanh_office.pk
    }


def test_a_closed_movement_is_not_recomputed(world: EmulationWorld) -> None:
    world.movement.status = MovementStatus.CLOSED
    world.movement.save()
    with pytest.raises(ValidationError, match="đã kết thúc"):
        measurements_compute(movement=world.movement, actor=world.officer)


def test_only_the_convenors_emulation_officers_compute(world: EmulationWorld) -> None:
    with pytest.raises(PermissionDenied):
        measurements_compute(movement=world.movement, actor=world.member_officer)
    assert not Measurement.objects.exists()


def test_a_criterion_with_a_broken_scale_is_named_and_nothing_is_written(
    world: EmulationWorld,
) -> None:
    criterion = world.criteria[PETITIONS]
    criterion.scale = {"kind": "bands", "bands": [[0.5, 5], [0.9, 8]]}
    criterion.save()
    with pytest.raises(ValidationError, match=criterion.code):
        measurements_compute(movement=world.movement, actor=world.officer)
    assert not Measurement.objects.exists()


def test_the_number_of_queries_does_not_grow_with_the_number_of_members(
    world: EmulationWorld,
) -> None:
    """Besides the inserts, which the database driver splits by its limit on parameters."""

    def queries(members: int, year: int) -> int:
        units = UnitFactory.create_batch(members, parent=world.province)
        bloc = bloc_of(world.province_office, units, name=f"Khối {members}")
        movement = launch(bloc, measured_set(year), world.officer, year=year)
        with CaptureQueriesContext(connection) as captured:
            assert measurements_compute(movement=movement, actor=world.officer) == members * 6
        inserts = [q for q in captured if 'INSERT INTO "emulation_measurement"' in q["sql"]]
        assert len(inserts) <= members * 6 // 100 + 1
        return len(captured) - len(inserts)

    measurements_compute(movement=world.movement, actor=world.officer)  # who the officer is
    assert queries(10, 2012) == queries(50, 2013)


def test_the_background_job_recomputes_once_the_request_has_committed(
    world: EmulationWorld, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        measurements_recompute_later(
            movement=world.movement, actor=world.officer, as_of=date(2011, 6, 30)
        )
        assert not Measurement.objects.exists()  # not before the commit
    assert len(callbacks) == 1
    assert set(Measurement.objects.values_list("as_of", flat=True)) == {date(2011, 6, 30)}
