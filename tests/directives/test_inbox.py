"""The directives' section of the home page's inbox: the tasks my units lead that are due
within a few working days or overdue, overdue marked; a secret directive's tasks only to
the cleared."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from tests.support.directives import district_task, province_directive
from tests.support.documents import DocWorld
from vanphong.core.inbox import Today
from vanphong.core.workdays import WorkCalendar
from vanphong.directives import services_reports
from vanphong.directives.inbox import units_tasks_due
from vanphong.directives.models import Directive
from vanphong.org.models import Clearance

MONDAY = date(2011, 4, 11)


def today() -> Today:
    return Today(MONDAY, WorkCalendar.load(MONDAY))


def test_the_lead_units_people_see_tasks_due_soon_and_overdue_first(world: DocWorld) -> None:
    directive = province_directive(world)
    soon = district_task(world, directive=directive, deadline=date(2011, 4, 13), content="Sắp")
    late = district_task(world, directive=directive, deadline=date(2011, 4, 7), content="Trễ")
    district_task(world, directive=directive, deadline=date(2011, 5, 20), content="Còn xa")
    done = district_task(world, directive=directive, deadline=date(2011, 4, 12), content="Xong")
    services_reports.task_report(
        actor=world.chau_thanh_clerk, task=done, text="Không còn đối tượng", state="cannot_do"
    )
    shown = units_tasks_due(world.chau_thanh_clerk, today())
    assert shown.count == 2
    assert [(item.title, item.late) for item in shown.items] == [
        (late.content, True),
        (soon.content, False),
    ]
    assert units_tasks_due(world.hoa_thanh_clerk, today()).count == 0
    # The province assigned them; it does not lead them.
    assert units_tasks_due(world.province_office_leader, today()).count == 0


def test_a_secret_directives_tasks_are_not_counted_for_the_uncleared(world: DocWorld) -> None:
    task = district_task(world, deadline=date(2011, 4, 12))
    Directive.objects.filter(pk=task.directive_id).update(confidentiality=Clearance.TOP_SECRET)
    assert units_tasks_due(world.chau_thanh_specialist, today()).count == 0  # Không mật
    assert units_tasks_due(world.chau_thanh_leader, today()).count == 1  # Tối mật


def test_see_all_opens_the_task_list_narrowed_to_the_same_tasks(
    world: DocWorld, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timezone, "localdate", lambda *a: MONDAY)
    directive = province_directive(world)
    late = district_task(world, directive=directive, deadline=date(2011, 4, 7), content="Trễ")
    soon = district_task(world, directive=directive, deadline=date(2011, 4, 13), content="Sắp")
    district_task(world, directive=directive, deadline=date(2011, 5, 20), content="Còn xa")
    shown = units_tasks_due(world.chau_thanh_clerk, today())
    assert shown.more_url == "/nhiem-vu/?han=sap-den"
    client.force_login(world.chau_thanh_clerk)
    listed = client.get(shown.more_url)
    assert listed.context["tasks"] == [late, soon]
    assert listed.context["narrowed"] == "Đơn vị tôi chủ trì, sắp đến hạn hoặc quá hạn"
    assert 'value="sap-den" selected' in listed.content.decode()
    # The province assigned them and sees them on its list, but does not lead them.
    client.force_login(world.province_office_leader)
    assert client.get(shown.more_url).context["tasks"] == []
    assert len(client.get("/nhiem-vu/").context["tasks"]) == 3
