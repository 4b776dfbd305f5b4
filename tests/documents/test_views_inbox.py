"""The handler's inbox and assignment page, and the leader's lists (presented to me, what I
assigned): deadlines first, overdue and due-soon highlighted, scoped to the person."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.conf import LazySettings
from django.test import Client
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from tests.support.documents import DocWorld, register_2011, url
from tests.support.web import login, messages_of, page_queries
from vanphong.core.models import CalendarDay
from vanphong.core.workdays import WorkCalendar
from vanphong.documents import services_handling, services_incoming, services_outgoing
from vanphong.documents.models import (
    Assignment,
    AssignmentStatus,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    Urgency,
)
from vanphong.documents.services_delivery import Recipient
from vanphong.documents.services_incoming import Handler
from vanphong.org.models import Clearance, Person


@pytest.fixture(autouse=True)
def _media(settings: LazySettings, tmp_path: object) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def directed(
    world: DocWorld,
    *,
    deadline: date | None = None,
    to: Person | None = None,
    supporting: list[Person] | None = None,
    **register_overrides: Any,
) -> Assignment:
    """A registered document the office leader directs; the lead assignment."""
    document = register_2011(world, **register_overrides)
    services_incoming.direction_give(
        actor=world.chau_thanh_office_leader,
        document=document,
        text="Đề nghị nghiên cứu, tham mưu văn bản trả lời",
        lead=Handler(person=to or world.chau_thanh_specialist),
        supporting=[Handler(person=p) for p in supporting or []],
        deadline=deadline,
    )
    return document.assignments.get(role="lead")


def _numbered(world: DocWorld, n: int, **overrides: Any) -> dict[str, Any]:
    return {
        "number_symbol": f"{n}-CV/TU",
        "received_at": datetime(2011, 3, 7, 2, 0, tzinfo=UTC) + timedelta(minutes=n),
        **overrides,
    }


# --- the inbox ------------------------------------------------------------------------------


def test_the_inbox_lists_open_work_by_deadline_with_overdue_and_due_soon_marked(
    client: Client, world: DocWorld
) -> None:
    today = timezone.localdate()
    calendar = WorkCalendar.load(today)
    later = directed(world, deadline=today + timedelta(days=20), **_numbered(world, 1))
    overdue = directed(world, deadline=calendar.overdue_through(today), **_numbered(world, 2))
    soon = directed(
        world,
        deadline=calendar.add_working_days(today, 3),  # the last day of the window
        urgency=Urgency.URGENT,
        **_numbered(world, 3),
    )
    undated = directed(world, **_numbered(world, 4))
    login(client, world.chau_thanh_specialist)
    response = client.get(url("inbox"))
    rows = list(response.context["page"].object_list)
    assert rows == [overdue, soon, later, undated]
    body = response.content.decode()
    assert body.count('data-deadline="overdue"') == 1
    assert body.count('data-deadline="soon"') == 1
    assert "quá hạn" in body
    assert "sắp đến hạn" in body
    assert body.count("vp-urgent") >= 2
    assert "KHẨN" in body
    assert url("assignment_detail", later.uuid) in body


def test_due_soon_and_overdue_count_working_days_so_a_holiday_is_skipped(
    client: Client, world: DocWorld
) -> None:
    today = timezone.localdate()
    # A week off just behind and one just ahead: only days off pass in either.
    for offset in [*range(-7, 0), *range(1, 8)]:
        CalendarDay.objects.update_or_create(
            day=today + timedelta(days=offset), defaults={"is_working": False, "name": "Nghỉ"}
        )
    calendar = WorkCalendar.load(today)
    directed(world, deadline=today - timedelta(days=7), **_numbered(world, 1))
    directed(world, deadline=today + timedelta(days=8), **_numbered(world, 2))
    directed(world, deadline=calendar.add_working_days(today, 4), **_numbered(world, 3))
    login(client, world.chau_thanh_specialist)
    body = client.get(url("inbox")).content.decode()
    # Seven calendar days past its deadline, but no working day: not overdue yet.
    assert 'data-deadline="overdue"' not in body
    # Eight calendar days ahead, yet within three working days: due soon; the fourth is not.
    assert body.count('data-deadline="soon"') == 2
    assert body.count('data-deadline=""') == 1


def test_done_work_is_shown_only_when_asked(client: Client, world: DocWorld) -> None:
    assignment = directed(world)
    services_handling.assignment_complete(
        actor=world.chau_thanh_specialist, assignment=assignment, result="Đã báo cáo"
    )
    login(client, world.chau_thanh_specialist)
    assert list(client.get(url("inbox")).context["page"].object_list) == []
    shown = client.get(url("inbox"), {"xong": "1"})
    assert list(shown.context["page"].object_list) == [assignment]
    assert 'data-deadline=""' in shown.content.decode()


def test_the_inbox_shows_only_the_persons_own_work(client: Client, world: DocWorld) -> None:
    directed(world)
    login(client, world.hoa_thanh_clerk)
    assert list(client.get(url("inbox")).context["page"].object_list) == []


def test_the_inbox_query_count_does_not_grow_with_the_rows(
    client: Client, world: DocWorld, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    directed(world, **_numbered(world, 1))
    login(client, world.chau_thanh_specialist)
    few = page_queries(client, url("inbox"))
    for n in range(2, 30):
        directed(world, deadline=timezone.localdate() + timedelta(days=n), **_numbered(world, n))
    assert page_queries(client, url("inbox")) == few
    with django_assert_max_num_queries(7):  # 6 + the unit tree, for the units' labels
        client.get(url("inbox"))


# --- an assignment's page -------------------------------------------------------------------


def test_the_handler_records_progress_then_completes(client: Client, world: DocWorld) -> None:
    assignment = directed(world)
    login(client, world.chau_thanh_specialist)
    page = client.get(url("assignment_detail", assignment.uuid))
    body = page.content.decode()
    assert page.context["can_handle"]
    assert "Đề nghị nghiên cứu, tham mưu văn bản trả lời" in body
    response = client.post(url("assignment_progress", assignment.uuid), {"text": ""})
    assert response.status_code == 200
    assert "text" in response.context["progress_form"].errors

    response = client.post(
        url("assignment_progress", assignment.uuid), {"text": "Đã xin ý kiến các ban"}
    )
    assert response["Location"] == url("assignment_detail", assignment.uuid)
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.IN_PROGRESS
    assert "Đã xin ý kiến các ban" in client.get(response["Location"]).content.decode()

    response = client.post(
        url("assignment_complete", assignment.uuid), {"result": "Đã tham mưu xong", "reply": ""}
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert (assignment.status, assignment.result) == (AssignmentStatus.DONE, "Đã tham mưu xong")
    assignment.document.refresh_from_db()
    assert assignment.document.status == IncomingStatus.DONE
    page = client.get(url("assignment_detail", assignment.uuid))
    assert not page.context["can_handle"]
    assert 'data-testid="complete-form"' not in page.content.decode()


def test_completing_without_result_or_reply_is_refused_on_the_form(
    client: Client, world: DocWorld
) -> None:
    assignment = directed(world)
    login(client, world.chau_thanh_specialist)
    response = client.post(url("assignment_complete", assignment.uuid), {"result": " "})
    assert response.status_code == 200
    assert "Cần nêu kết quả" in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.OPEN


def _issued_reply(world: DocWorld, document: IncomingDocument) -> OutgoingDocument:
    reply = services_outgoing.outgoing_create(
        actor=world.chau_thanh_specialist,
        unit=world.chau_thanh_office,
        type_symbol="BC",
        subject="Báo cáo kết quả lãnh đạo bầu cử",
        reply_to=document,
    )
    services_outgoing.outgoing_submit(actor=world.chau_thanh_specialist, document=reply)
    services_outgoing.outgoing_approve(actor=world.chau_thanh_office_leader, document=reply)
    services_outgoing.outgoing_sign(
        actor=world.chau_thanh_office_leader,
        document=reply,
        position="Chánh Văn phòng",
    )
    return services_outgoing.outgoing_issue(
        actor=world.chau_thanh_clerk,
        document=reply,
        recipients=[Recipient(unit=world.province_office)],
        issued_on=date(2012, 3, 1),
    )


def test_the_handler_completes_by_choosing_an_issued_reply_of_the_unit(
    client: Client, world: DocWorld
) -> None:
    assignment = directed(world)
    reply = _issued_reply(world, assignment.document)
    draft_only = services_outgoing.outgoing_create(
        actor=world.chau_thanh_specialist,
        unit=world.chau_thanh_office,
        type_symbol="BC",
        subject="Dự thảo chưa phát hành",
    )
    login(client, world.chau_thanh_specialist)
    form = client.get(url("assignment_detail", assignment.uuid)).context["complete_form"]
    offered = list(form.fields["reply"].queryset)
    assert offered == [reply]
    assert draft_only not in offered
    response = client.post(
        url("assignment_complete", assignment.uuid), {"result": "", "reply": str(reply.uuid)}
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.reply == reply
    page = client.get(url("incoming_detail", assignment.document.uuid)).content.decode()
    assert reply.number_symbol in page


def test_the_handler_hands_over_to_a_colleague_of_the_unit(client: Client, world: DocWorld) -> None:
    assignment = directed(world)
    login(client, world.chau_thanh_specialist)
    form = client.get(url("assignment_detail", assignment.uuid)).context["hand_over_form"]
    colleagues = set(form.fields["to"].queryset)
    assert world.chau_thanh_clerk in colleagues
    assert world.chau_thanh_specialist not in colleagues
    assert world.hoa_thanh_clerk not in colleagues
    response = client.post(
        url("assignment_hand_over", assignment.uuid),
        {"to": str(world.chau_thanh_clerk.uuid), "note": "Đồng chí nghỉ phép"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == url("inbox")
    assert any("Đã chuyển việc cho Đặng Thị Đến" in m for m in messages_of(response))
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.HANDED_OVER
    successor = Assignment.objects.get(assignee=world.chau_thanh_clerk)
    assert successor.deadline == assignment.deadline
    login(client, world.chau_thanh_clerk)
    assert list(client.get(url("inbox")).context["page"].object_list) == [successor]


def test_handing_over_to_someone_outside_the_unit_is_refused(
    client: Client, world: DocWorld
) -> None:
    assignment = directed(world)
    login(client, world.chau_thanh_specialist)
    response = client.post(
        url("assignment_hand_over", assignment.uuid), {"to": str(world.hoa_thanh_clerk.uuid)}
    )
    assert response.status_code == 200
    assert "to" in response.context["hand_over_form"].errors
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.OPEN


def test_others_who_see_the_document_read_the_assignment_without_forms(
    client: Client, world: DocWorld
) -> None:
    assignment = directed(world)
    login(client, world.chau_thanh_office_leader)
    page = client.get(url("assignment_detail", assignment.uuid))
    assert page.status_code == 200
    assert not page.context["can_handle"]
    response = client.post(url("assignment_progress", assignment.uuid), {"text": "Thay"})
    assert response.status_code == 302
    assert any(
        "không được giao cho bạn" in m for m in messages_of(client.get(response["Location"]))
    )
    assert not assignment.notes.exists()


def test_an_assignment_of_another_district_is_a_404(client: Client, world: DocWorld) -> None:
    assignment = directed(world)
    login(client, world.hoa_thanh_clerk)
    assert client.get(url("assignment_detail", assignment.uuid)).status_code == 404
    for name in ("assignment_progress", "assignment_complete", "assignment_hand_over"):
        assert client.post(url(name, assignment.uuid), {"text": "x"}).status_code == 404
    assert not assignment.notes.exists()


def test_a_secret_assignment_page_records_the_read(client: Client, world: DocWorld) -> None:
    from vanphong.core.models import AuditEvent

    assignment = directed(world, confidentiality=Clearance.SECRET)
    login(client, world.chau_thanh_specialist)
    assert client.get(url("assignment_detail", assignment.uuid)).status_code == 200
    assert AuditEvent.objects.filter(
        action="document.read", actor=world.chau_thanh_specialist
    ).exists()


# --- the leader's lists ---------------------------------------------------------------------


def test_presented_to_me_lists_only_what_waits_for_this_leader_urgent_first(
    client: Client, world: DocWorld
) -> None:
    normal = register_2011(world, **_numbered(world, 1))
    urgent = register_2011(world, urgency=Urgency.FLASH, **_numbered(world, 2))
    to_other = register_2011(world, **_numbered(world, 3))
    for document in (normal, urgent):
        services_incoming.incoming_present(
            actor=world.chau_thanh_clerk, document=document, leader=world.chau_thanh_office_leader
        )
    services_incoming.incoming_present(
        actor=world.chau_thanh_clerk, document=to_other, leader=world.chau_thanh_leader
    )
    login(client, world.chau_thanh_office_leader)
    response = client.get(url("presented_to_me"))
    assert [d.pk for d in response.context["documents"]] == [urgent.pk, normal.pk]
    body = response.content.decode()
    assert url("incoming_direct", urgent.uuid) in body
    assert "HỎA TỐC" in body
    login(client, world.chau_thanh_specialist)
    assert client.get(url("presented_to_me")).context["documents"] == []


def test_assigned_by_me_shows_open_work_with_overdue_and_due_soon_marked(
    client: Client, world: DocWorld
) -> None:
    today = timezone.localdate()
    calendar = WorkCalendar.load(today)
    overdue = directed(world, deadline=calendar.overdue_through(today), **_numbered(world, 1))
    soon = directed(world, deadline=calendar.add_working_days(today, 1), **_numbered(world, 2))
    done = directed(world, deadline=today + timedelta(days=30), **_numbered(world, 3))
    services_handling.assignment_complete(
        actor=world.chau_thanh_specialist, assignment=done, result="Xong"
    )
    login(client, world.chau_thanh_office_leader)
    response = client.get(url("assigned_by_me"))
    assert response.context["assignments"] == [overdue, soon]
    body = response.content.decode()
    assert 'data-deadline="overdue"' in body
    assert 'data-deadline="soon"' in body
    assert "Huỳnh Chuyên Viên" in body
    login(client, world.hoa_thanh_clerk)
    assert client.get(url("assigned_by_me")).context["assignments"] == []


def test_the_leaders_lists_query_count_does_not_grow_with_the_rows(
    client: Client, world: DocWorld
) -> None:
    directed(world, **_numbered(world, 1))
    login(client, world.chau_thanh_office_leader)
    few = page_queries(client, url("assigned_by_me"))
    for n in range(2, 12):
        directed(world, **_numbered(world, n))
    assert page_queries(client, url("assigned_by_me")) == few
