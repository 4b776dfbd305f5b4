"""Each side of a task hears in the app what the other side did to it."""

from __future__ import annotations

from datetime import date

from tests.support.directives import district_task
from tests.support.documents import DocWorld
from vanphong.core.models import Notification
from vanphong.directives import services_decisions, services_reports
from vanphong.org.models import Person


def told(person: Person) -> list[str]:
    return list(Notification.objects.filter(person=person).values_list("text", flat=True))


def test_the_lead_unit_hears_of_a_new_task_and_the_assigner_does_not(world: DocWorld) -> None:
    task = district_task(world)
    assert told(world.chau_thanh_clerk) == [
        f"Nhiệm vụ mới do Tỉnh ủy Tây Ninh giao: {task.content}"
    ]
    assert told(world.chau_thanh_leader)  # the committee's own leader acts for it too
    assert told(world.province_office_leader) == []
    assert told(world.hoa_thanh_clerk) == []


def test_the_assigning_side_hears_of_requests_and_completions_and_the_lead_of_decisions(
    world: DocWorld,
) -> None:
    task = district_task(world)
    Notification.objects.all().delete()
    services_reports.extension_request(
        actor=world.chau_thanh_clerk, task=task, new_deadline=date(2011, 4, 30), reason="Bận"
    )
    assert told(world.province_office_leader) == [
        f"Huyện ủy Châu Thành đề nghị gia hạn đến 30/04/2011: {task.content}"
    ]
    assert told(world.chau_thanh_clerk) == []
    services_decisions.extension_decide(
        actor=world.province_leader, request=task.extensions.get(), approve=True
    )
    services_reports.task_complete(
        actor=world.chau_thanh_clerk, task=task, text="x", done_on=date(2011, 4, 28)
    )
    services_decisions.completion_return(
        actor=world.province_leader, task=task, reason="Thiếu số liệu"
    )
    assert told(world.chau_thanh_specialist) == [
        f"Báo cáo hoàn thành bị trả lại (Thiếu số liệu): {task.content}",
        f"Đồng ý gia hạn đến 30/04/2011: {task.content}",
    ]
