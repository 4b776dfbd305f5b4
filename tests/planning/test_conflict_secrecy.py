"""A clash names the other entry only to a reader who would see it on the week page: a secret
entry is "Bận" in the ConflictError, the API's 409, the entry form, the room clash, the
approval's re-check and the page's list of open clashes — and its form is not theirs."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from tests.support.api import api
from tests.support.factories import MembershipFactory, PersonFactory
from tests.support.planning import MONDAY, PlanWorld, entry
from vanphong.org.models import Clearance, Person, Role
from vanphong.planning import services_schedule
from vanphong.planning.conflicts import ConflictError
from vanphong.planning.models import Entry, EntryLeader, ScheduleVersion

SECRET = "Bàn phương án nhân sự Đại hội (mật)"


def _office_person(world: PlanWorld, username: str, role: str) -> Person:
    """Someone of the provincial Office without any clearance."""
    person = PersonFactory.create(username=username, full_name=f"Người {username}")
    MembershipFactory.create(
        person=person, unit=world.province_office, role=role, clearance=Clearance.UNCLASSIFIED
    )
    return person


@pytest.fixture
def uncleared(world: PlanWorld) -> Person:
    return _office_person(world, "cv.khongmat", Role.SPECIALIST)


def _secret(world: PlanWorld, version: ScheduleVersion, **changes: Any) -> Entry:
    return services_schedule.entry_add(
        actor=world.specialist,  # cleared Tối mật in the Office
        version=version,
        data=world.data(content=SECRET, confidentiality=Clearance.SECRET, **changes),
    )


def test_a_leader_clash_with_a_secret_entry_does_not_name_it_to_an_uncleared_compiler(
    world: PlanWorld, uncleared: Person
) -> None:
    version = world.week()
    _secret(world, version)
    with pytest.raises(ConflictError) as clash:
        services_schedule.entry_add(
            actor=uncleared,
            version=version,
            data=world.data(starts_at=time(9, 0), room=world.small_room, content="Tiếp khách"),
        )
    [conflict] = clash.value.conflicts
    assert conflict.kind == "leader"
    assert SECRET not in " ".join(clash.value.messages)
    assert "Bận (nội dung mật)" in conflict.message
    # What the week page shows of a busy entry: the leader and the time.
    assert "Nguyễn Bí Thư" in conflict.message
    assert "08:00" in conflict.message


def test_a_cleared_compiler_still_reads_what_the_secret_entry_is(world: PlanWorld) -> None:
    version = world.week()
    _secret(world, version)
    with pytest.raises(ConflictError) as clash:
        services_schedule.entry_add(
            actor=world.chief,
            version=version,
            data=world.data(starts_at=time(9, 0), room=world.small_room, content="Tiếp khách"),
        )
    assert SECRET in clash.value.conflicts[0].message


def test_a_room_clash_with_a_secret_entry_names_the_room_and_time_only(
    world: PlanWorld, uncleared: Person
) -> None:
    version = world.week()
    _secret(world, version)
    with pytest.raises(ConflictError) as clash:
        services_schedule.entry_add(
            actor=uncleared,
            version=version,
            data=world.data(leaders=[world.deputy], content="Hội nghị giao ban"),
        )
    [conflict] = clash.value.conflicts
    assert conflict.kind == "room"
    assert "Hội trường A" in conflict.message
    assert SECRET not in conflict.message
    assert "Bận (nội dung mật)" in conflict.message


def test_the_api_409_does_not_name_a_secret_entry(
    client: Client, world: PlanWorld, uncleared: Person
) -> None:
    version = world.week()
    _secret(world, version)
    clash = api(client, uncleared).post(
        f"/lich/ban/{version.uuid}/muc", entry(world, content="Tiếp khách")
    )
    assert clash.status_code == 409
    assert SECRET not in clash.content.decode()
    assert {c["kind"] for c in clash.json()["conflicts"]} == {"leader", "room"}
    assert all("Bận (nội dung mật)" in c["message"] for c in clash.json()["conflicts"])
    assert Entry.objects.count() == 1


def test_the_entry_form_does_not_name_a_secret_entry(
    client: Client, world: PlanWorld, uncleared: Person
) -> None:
    version = world.week()
    _secret(world, version)
    client.force_login(uncleared)
    shown = client.post(
        f"/ke-hoach/lich/ban/{version.uuid}/them/",
        {
            "day": MONDAY.isoformat(),
            "session": "morning",
            "starts_at": "08:30",
            "content": "Tiếp đoàn công tác",
            "leaders": [str(world.secretary.uuid)],
            "room": str(world.small_room.uuid),
            "confidentiality": "0",
        },
    )
    assert shown.status_code == 200
    html = shown.content.decode()
    assert 'data-testid="conflicts"' in html
    assert "Bận (nội dung mật)" in html
    assert SECRET not in html


def _clash_appears_later(world: PlanWorld, uncleared: Person) -> ScheduleVersion:
    """A non-secret entry in the Office's week and a secret one in the leaders' week, on
    different days; then the secret one is moved onto the other's day (as if a day were
    swapped): a clash nobody has given a reason for, found by the approval's re-check."""
    office_week = services_schedule.schedule_open(
        actor=world.specialist, committee=world.province, kind="office", day=MONDAY
    )
    services_schedule.entry_add(
        actor=uncleared,
        version=office_week,
        data=world.data(content="Giao ban Văn phòng", room=world.small_room),
    )
    secret = _secret(world, world.week(), day=MONDAY.replace(day=14))
    Entry.objects.filter(pk=secret.pk).update(day=MONDAY)
    EntryLeader.objects.filter(entry=secret).update(day=MONDAY)
    return office_week


def test_the_approval_recheck_does_not_name_a_secret_entry_to_an_uncleared_approver(
    world: PlanWorld, uncleared: Person
) -> None:
    office_week = _clash_appears_later(world, uncleared)
    approver = _office_person(world, "pcvp.khongmat", Role.OFFICE_LEADER)
    with pytest.raises(ConflictError) as clash:
        services_schedule.schedule_approve(actor=approver, version=office_week)
    assert SECRET not in " ".join(clash.value.messages)
    assert "Bận (nội dung mật)" in " ".join(clash.value.messages)
    with pytest.raises(ConflictError) as seen:
        services_schedule.schedule_approve(actor=world.chief, version=office_week)
    assert SECRET in " ".join(seen.value.messages)


def test_the_approval_refusal_on_the_page_and_in_the_api_does_not_name_a_secret_entry(
    client: Client, world: PlanWorld, uncleared: Person
) -> None:
    office_week = _clash_appears_later(world, uncleared)
    approver = _office_person(world, "pcvp.khongmat", Role.OFFICE_LEADER)
    refused = api(client, approver).post(f"/lich/ban/{office_week.uuid}/duyet")
    assert refused.status_code == 409
    assert SECRET not in refused.content.decode()
    client.force_login(approver)
    page = client.post(f"/ke-hoach/lich/ban/{office_week.uuid}/duyet/", follow=True)
    assert "Chưa duyệt được" in page.content.decode()
    assert SECRET not in page.content.decode()


def test_the_weeks_list_of_open_clashes_shows_a_secret_entry_as_busy(
    client: Client, world: PlanWorld, uncleared: Person
) -> None:
    _clash_appears_later(world, uncleared)
    leaders_week = world.week()
    client.force_login(uncleared)
    page = client.get(f"/ke-hoach/lich/{leaders_week.schedule.uuid}/")
    html = page.content.decode()
    assert 'data-testid="open-conflicts"' in html
    assert SECRET not in html
    secret = Entry.objects.get(content=SECRET)
    assert f"/ke-hoach/lich/muc/{secret.uuid}/sua/" not in html


def test_an_uncleared_compiler_neither_opens_nor_changes_a_secret_entry(
    client: Client, world: PlanWorld, uncleared: Person
) -> None:
    version = world.week()
    secret = _secret(world, version)
    client.force_login(uncleared)
    assert client.get(f"/ke-hoach/lich/muc/{secret.uuid}/sua/").status_code == 404
    assert client.post(f"/ke-hoach/lich/muc/{secret.uuid}/bo/").status_code == 404
    with pytest.raises(PermissionDenied):
        services_schedule.entry_update(
            actor=uncleared, entry=secret, data=world.data(content="Khác")
        )
    with pytest.raises(PermissionDenied):
        services_schedule.entry_remove(actor=uncleared, entry=secret)
    changed = api(client, uncleared).put(
        f"/lich/muc/{secret.uuid}", entry(world, content="Khác", confidentiality=0)
    )
    assert changed.status_code == 403
    assert Entry.objects.get(pk=secret.pk).content == SECRET
