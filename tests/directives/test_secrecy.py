"""A directive tracked from a secret document carries its secrecy wherever it is named: lists,
the task page, the API, the review, dashboards, notices and reminders follow the documents'
rule (a clerk or leader cleared at that level in one of the task's units, or whoever may open
the document). Someone who acts for a task but is not cleared does not see the task at all."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from tests.support.api import caller
from tests.support.documents import DocWorld, register
from vanphong.core import notifications
from vanphong.core.models import Notification
from vanphong.directives import reminders, selectors, services, services_reports
from vanphong.directives.models import Directive, Task
from vanphong.documents.models import IncomingDocument, Participant
from vanphong.org.models import Clearance

TITLE = "Về công tác bảo vệ chính trị nội bộ năm 2011"
CONTENT = "Rà soát hồ sơ cán bộ diện quy hoạch"


def secret_directive(world: DocWorld, level: int = Clearance.SECRET) -> Directive:
    """The provincial Office registers a secret directive; the province follows it."""
    document = register(
        world,
        actor=world.province_clerk,
        unit=world.province_office,
        sender_name="Ban Bí thư Trung ương",
        number_symbol=f"Số {10 + level}-CT/TW",
        document_date=date(2011, 1, 5),
        subject=TITLE,
        confidentiality=Clearance.SECRET,
    )
    # Above the clerk's own clearance: set on the row (the rule under test is the tracking's).
    IncomingDocument.objects.filter(pk=document.pk).update(confidentiality=level)
    document.refresh_from_db()
    return services.directive_track(
        actor=world.province_office_leader, unit=world.province, incoming=document
    )


def secret_task(world: DocWorld, level: int = Clearance.SECRET, **changes: Any) -> Task:
    fields: dict[str, Any] = {
        "actor": world.province_office_leader,
        "directive": secret_directive(world, level),
        "lead_unit": world.chau_thanh,
        "supporting_units": [world.hoa_thanh],
        "content": CONTENT,
        "deadline": date(2011, 4, 15),
        "leader": world.province_leader,
    }
    fields.update(changes)
    return services.task_assign(**fields)


def sees(person: Any, task: Task) -> bool:
    return selectors.tasks_visible(person).filter(pk=task.pk).exists()


def test_a_directive_carries_its_documents_secrecy(world: DocWorld) -> None:
    assert secret_directive(world).confidentiality == Clearance.SECRET


def test_the_cleared_see_the_task_and_the_uncleared_of_the_same_units_do_not(
    world: DocWorld,
) -> None:
    task = secret_task(world)
    cleared = (
        world.province_leader,
        world.province_office_leader,
        world.province_clerk,
        world.chau_thanh_clerk,  # Mật, in the lead district's Office
        world.chau_thanh_leader,
        world.chau_thanh_office_leader,
        world.hoa_thanh_clerk,  # Mật, in the supporting district's Office
    )
    assert [p.username for p in cleared if not sees(p, task)] == []
    uncleared = (world.province_specialist, world.chau_thanh_specialist, world.province_admin)
    assert [p.username for p in uncleared if sees(p, task)] == []
    assert not selectors.directives_visible(world.chau_thanh_specialist).exists()
    assert not selectors.directives_visible(world.province_specialist).exists()


def test_a_higher_level_needs_the_higher_clearance(world: DocWorld) -> None:
    task = secret_task(world, Clearance.TOP_SECRET)
    assert sees(world.chau_thanh_leader, task)  # Tối mật
    assert not sees(world.chau_thanh_clerk, task)  # Mật only
    assert not sees(world.hoa_thanh_clerk, task)
    # The clerk who registered the document is involved in it: he opens it, and so this.
    assert sees(world.province_clerk, task)


def test_whoever_may_open_the_document_sees_the_directive(world: DocWorld) -> None:
    task = secret_task(world)
    assert not sees(world.province_specialist, task)
    Participant.objects.create(person=world.province_specialist, incoming=task.directive.incoming)
    assert sees(world.province_specialist, task)
    assert (
        selectors.directives_visible(world.province_specialist)
        .filter(pk=task.directive.pk)
        .exists()
    )


@pytest.mark.parametrize("who", ["province_specialist", "chau_thanh_specialist"])
def test_the_pages_neither_name_nor_open_it_for_the_uncleared(
    world: DocWorld, client: Client, who: str
) -> None:
    task = secret_task(world)
    directive = task.directive
    client.force_login(getattr(world, who))
    for page in ("/nhiem-vu/", "/nhiem-vu/van-ban/", "/nhiem-vu/lanh-dao/"):
        answer = client.get(page)
        assert answer.status_code == 200
        assert TITLE not in answer.content.decode()
        assert CONTENT not in answer.content.decode()
    assert client.get(f"/nhiem-vu/{task.uuid}/").status_code == 404
    assert client.get(f"/nhiem-vu/van-ban/{directive.uuid}/").status_code == 404
    assert client.get(f"/nhiem-vu/van-ban/{directive.uuid}/bao-cao/").status_code == 404
    assert client.get(f"/nhiem-vu/?van-ban={directive.uuid}").status_code == 404
    refused = client.post(f"/nhiem-vu/{task.uuid}/bao-cao/", {"text": "x", "state": "in_progress"})
    assert refused.status_code == 404
    assert not task.reports.exists()


def test_the_cleared_district_clerk_sees_the_title_on_the_task_page(
    world: DocWorld, client: Client
) -> None:
    task = secret_task(world)
    client.force_login(world.chau_thanh_clerk)
    page = client.get(f"/nhiem-vu/{task.uuid}/")
    assert page.status_code == 200
    assert TITLE in page.content.decode()


def test_the_api_neither_names_nor_opens_it_for_the_uncleared(
    client: Client, world: DocWorld
) -> None:
    task = secret_task(world)
    outsider = caller(client, world.chau_thanh_specialist)
    assert outsider.get("/").json() == []
    assert outsider.get(f"/{task.uuid}").status_code == 404
    assert outsider.get(f"/van-ban/{task.directive.uuid}/thong-ke").status_code == 404
    assert outsider.get("/lanh-dao/thong-ke").json()["rows"] == []
    review = outsider.get(
        f"/van-ban/{task.directive.uuid}/bao-cao?loai=so-ket&tu=2011-01-05&den=2011-04-15"
    )
    assert review.status_code == 404
    assert outsider.post(f"/{task.uuid}/bao-cao", {"text": "x"}).status_code == 404
    cleared = caller(client, world.chau_thanh_clerk)
    assert [t["uuid"] for t in cleared.get("/").json()] == [str(task.uuid)]


def test_a_service_called_directly_refuses_the_uncleared(world: DocWorld) -> None:
    from django.core.exceptions import PermissionDenied

    task = secret_task(world)
    with pytest.raises(PermissionDenied):
        services_reports.task_report(actor=world.chau_thanh_specialist, task=task, text="Đang làm")
    with pytest.raises(PermissionDenied):
        services.task_assign(
            actor=world.province_specialist,
            directive=task.directive,
            lead_unit=world.hoa_thanh,
            content="Nhiệm vụ khác",
        )
    assert not task.reports.exists()


def test_a_units_dashboard_counts_the_secret_tasks_without_naming_them(
    world: DocWorld, client: Client
) -> None:
    task = secret_task(world)
    client.force_login(world.province_specialist)  # the province's Office: the districts' figures
    page = client.get(f"/nhiem-vu/don-vi/{world.chau_thanh.uuid}/?nam=2011")
    assert page.status_code == 200
    html = page.content.decode()
    assert TITLE not in html
    assert str(task.directive.number_symbol) not in html
    assert 'data-testid="secret-tasks"' in html
    assert page.context["total"].total == 1
    client.force_login(world.province_clerk)
    cleared = client.get(f"/nhiem-vu/don-vi/{world.chau_thanh.uuid}/?nam=2011").content.decode()
    assert task.directive.number_symbol in cleared
    assert 'data-testid="secret-tasks"' not in cleared


def test_notices_of_a_secret_task_reach_only_the_cleared(world: DocWorld) -> None:
    task = secret_task(world)
    told = set(Notification.objects.values_list("person_id", flat=True))
    assert world.chau_thanh_clerk.pk in told
    assert world.chau_thanh_specialist.pk not in told
    services_reports.task_complete(actor=world.chau_thanh_clerk, task=task, text="Xong")
    to_province = set(
        Notification.objects.filter(text__contains="báo cáo hoàn thành").values_list(
            "person_id", flat=True
        )
    )
    assert world.province_office_leader.pk in to_province
    assert world.province_specialist.pk not in to_province


def test_the_reminder_tells_only_the_cleared_in_the_app_and_by_mail(world: DocWorld) -> None:
    for person, address in (
        (world.chau_thanh_clerk, "vt@example.invalid"),
        (world.chau_thanh_specialist, "cv@example.invalid"),
    ):
        person.email = address
        person.save(update_fields=["email"])
        notifications.notice_preferences_set(actor=person, email={"due_soon": True})
    secret_task(world, deadline=date(2011, 4, 12))
    Notification.objects.all().delete()
    reminders.send(today=date(2011, 4, 11), within=3)
    told = set(Notification.objects.values_list("person_id", flat=True))
    assert world.chau_thanh_clerk.pk in told
    assert world.chau_thanh_specialist.pk not in told
    addresses = {address for message in mail.outbox for address in message.to}
    assert "vt@example.invalid" in addresses
    assert "cv@example.invalid" not in addresses
    assert all(CONTENT not in m.body for m in mail.outbox if "cv@example.invalid" in m.to)
