"""planning 0002 rewrites the programme bodies and the entry sessions stored before values were
English, and back."""

from __future__ import annotations

from importlib import import_module

from django.apps import apps

from tests.support.planning import PlanWorld
from vanphong.planning import services_programme, services_schedule
from vanphong.planning.models import Entry, ProgrammeItem, WorkProgramme

migration = import_module("vanphong.planning.migrations.0002_english_values")


def test_bodies_and_sessions_stored_in_vietnamese_become_english_and_back(
    world: PlanWorld,
) -> None:
    programme = services_programme.programme_create(
        actor=world.specialist, committee=world.province, body="standing_committee", year=2011
    )
    services_programme.programme_item_add(
        actor=world.specialist,
        programme=programme,
        topic="Kinh tế",
        content="Sơ kết 6 tháng",
        body="conference",
        lead_unit=world.province_office,
        quarter=2,
    )
    services_schedule.entry_add(
        actor=world.specialist, version=world.week(), data=world.data(session="morning")
    )
    WorkProgramme.objects.update(body="ban_thuong_vu")
    ProgrammeItem.objects.update(body="hoi_nghi")
    Entry.objects.update(session="sang")

    migration.forwards(apps, None)
    assert list(WorkProgramme.objects.values_list("body", flat=True)) == ["standing_committee"]
    assert list(ProgrammeItem.objects.values_list("body", flat=True)) == ["conference"]
    assert list(Entry.objects.values_list("session", flat=True)) == ["morning"]

    migration.backwards(apps, None)
    assert list(WorkProgramme.objects.values_list("body", flat=True)) == ["ban_thuong_vu"]
    assert list(ProgrammeItem.objects.values_list("body", flat=True)) == ["hoi_nghi"]
    assert list(Entry.objects.values_list("session", flat=True)) == ["sang"]
