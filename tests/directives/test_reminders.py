"""The daily reminder: due soon and overdue tasks, in the app and by email, once a day."""

from __future__ import annotations

from datetime import date

from django.core import mail
from django.urls import reverse

from tests.support.directives import district_task, province_directive
from tests.support.documents import DocWorld
from vanphong.core import notifications
from vanphong.core.models import Notification
from vanphong.directives import reminders, services_reports

MONDAY = date(2011, 4, 11)


def test_due_soon_and_overdue_tasks_are_told_to_the_lead_unit_once_a_day(
    world: DocWorld,
) -> None:
    directive = province_directive(world)
    world.chau_thanh_clerk.email = "vt.chauthanh@example.invalid"
    world.chau_thanh_clerk.save(update_fields=["email"])
    soon = district_task(world, directive=directive, deadline=date(2011, 4, 13))
    late = district_task(world, directive=directive, deadline=date(2011, 4, 7))
    district_task(world, directive=directive, deadline=date(2011, 5, 20))  # not yet
    done = district_task(world, directive=directive, deadline=date(2011, 4, 12))
    services_reports.task_report(
        actor=world.chau_thanh_clerk, task=done, text="Không còn đối tượng", state="cannot_do"
    )

    Notification.objects.all().delete()  # the notices of assignment
    sent = reminders.send(today=MONDAY, within=3)
    assert sent.tasks == 2
    texts = sorted(
        Notification.objects.filter(person=world.chau_thanh_clerk).values_list("text", flat=True)
    )
    assert texts == [
        f"Quá hạn (hạn 07/04/2011): {late.content}",
        f"Sắp đến hạn (13/04/2011): {soon.content}",
    ]
    # Overdue comes by email unless turned off; due soon only when turned on.
    assert [m.body for m in mail.outbox] == [
        f"Quá hạn (hạn 07/04/2011): {late.content}\n\n"
        + reverse("directives:task", args=[late.uuid])
    ]
    assert mail.outbox[0].to == ["vt.chauthanh@example.invalid"]

    again = reminders.send(today=MONDAY, within=3)  # a retried job
    assert (again.tasks, again.notices, again.emails) == (0, 0, 0)
    assert len(mail.outbox) == 1
    tomorrow = reminders.send(today=date(2011, 4, 12), within=3)
    assert tomorrow.tasks == 2


def test_a_province_task_is_not_told_to_other_districts(world: DocWorld) -> None:
    district_task(world, deadline=date(2011, 4, 12))
    reminders.send(today=MONDAY, within=3)
    assert not Notification.objects.filter(person=world.hoa_thanh_clerk).exists()
    assert Notification.objects.filter(person=world.chau_thanh_office_leader).exists()


def test_reminder_emails_follow_each_persons_choice_per_kind(world: DocWorld) -> None:
    directive = province_directive(world)
    world.chau_thanh_clerk.email = "vt.chauthanh@example.invalid"
    world.chau_thanh_clerk.save(update_fields=["email"])
    district_task(world, directive=directive, deadline=date(2011, 4, 13))  # due soon
    district_task(world, directive=directive, deadline=date(2011, 4, 7))  # overdue
    notifications.notice_preferences_set(
        actor=world.chau_thanh_clerk, email={"due_soon": True, "overdue": False}
    )
    reminders.send(today=MONDAY, within=3)
    assert [m.subject for m in mail.outbox] == ["[vanphong] Nhắc việc"]
    assert mail.outbox[0].body.startswith("Sắp đến hạn (13/04/2011)")
    kinds = set(
        Notification.objects.filter(person=world.chau_thanh_clerk).values_list("kind", flat=True)
    )
    assert {"due_soon", "overdue"} <= kinds
