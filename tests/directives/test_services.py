"""Directives turned into tasks: assignment, cascade, every state transition, extensions,
and the refusals the issue names."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.directives import district_task, province_directive, sub_task
from tests.support.documents import DocWorld, register
from vanphong.core.models import AuditEvent
from vanphong.directives import selectors, services, services_decisions, services_reports
from vanphong.directives.models import TRANSITIONS, Task, TaskState


def test_only_directive_types_are_tracked(world: DocWorld) -> None:
    memo = register(world, number_symbol="Số 12/UBND-VP", sender_name="UBND tỉnh")
    with pytest.raises(ValidationError):
        services.directive_track(
            actor=world.chau_thanh_office_leader, unit=world.chau_thanh, incoming=memo
        )


def test_tracking_the_same_document_twice_gives_the_same_directive(world: DocWorld) -> None:
    directive = province_directive(world)
    again = services.directive_track(
        actor=world.province_office_leader, unit=world.province, incoming=directive.incoming
    )
    assert again == directive


def test_a_task_is_assigned_with_its_units_and_an_audit_event(world: DocWorld) -> None:
    task = district_task(world, supporting_units=[world.hoa_thanh])
    assert task.assigning_unit == world.province
    assert list(task.supporting_units.all()) == [world.hoa_thanh]
    assert AuditEvent.objects.filter(action="task.assign", object_id=str(task.uuid)).exists()


def test_a_deadline_before_the_document_date_is_refused(world: DocWorld) -> None:
    with pytest.raises(ValidationError) as refused:
        district_task(world, deadline=date(2010, 12, 31))
    assert "deadline" in refused.value.message_dict
    assert not Task.objects.exists()


def test_only_the_assigning_unit_assigns_and_moves_deadlines(world: DocWorld) -> None:
    directive = province_directive(world)
    with pytest.raises(PermissionDenied):
        district_task(world, actor=world.chau_thanh_office_leader, directive=directive)
    assert not Task.objects.exists()
    task = district_task(world, directive=directive)
    with pytest.raises(PermissionDenied):
        services_decisions.task_set_deadline(
            actor=world.chau_thanh_office_leader, task=task, deadline=date(2011, 5, 1)
        )
    services_decisions.task_set_deadline(
        actor=world.province_leader, task=task, deadline=date(2011, 5, 1)
    )


def test_a_district_breaks_its_task_down_and_a_subtask_may_not_outlast_its_parent(
    world: DocWorld,
) -> None:
    task = district_task(world)
    child = services.task_assign(
        actor=world.chau_thanh_office_leader,
        directive=task.directive,
        parent=task,
        lead_unit=world.chau_thanh_office,
        content="Tổng hợp danh sách cử tri các xã",
        deadline=date(2011, 4, 10),
    )
    assert child.assigning_unit == world.chau_thanh
    with pytest.raises(ValidationError) as refused:
        services.task_assign(
            actor=world.chau_thanh_office_leader,
            directive=task.directive,
            parent=task,
            lead_unit=world.chau_thanh_office,
            content="Việc quá hạn cha",
            deadline=date(2011, 4, 20),
        )
    assert "deadline" in refused.value.message_dict


def test_the_province_sees_its_task_but_not_the_districts_own_subtasks(world: DocWorld) -> None:
    task = district_task(world)
    child = services.task_assign(
        actor=world.chau_thanh_office_leader,
        directive=task.directive,
        parent=task,
        lead_unit=world.chau_thanh_office,
        content="Tổng hợp danh sách cử tri các xã",
    )
    province = set(selectors.tasks_visible(world.province_office_leader))
    district = set(selectors.tasks_visible(world.chau_thanh_clerk))
    assert province == {task}
    assert district == {task, child}
    assert set(selectors.tasks_visible(world.hoa_thanh_clerk)) == set()


def test_a_task_goes_from_assignment_through_progress_to_accepted_completion(
    world: DocWorld,
) -> None:
    task = district_task(world)
    services_reports.task_report(actor=world.chau_thanh_clerk, task=task, text="Đã họp triển khai")
    task.refresh_from_db()
    assert task.state == TaskState.IN_PROGRESS
    services_reports.task_complete(
        actor=world.chau_thanh_clerk, task=task, text="Đã niêm yết", done_on=date(2011, 4, 14)
    )
    task.refresh_from_db()
    assert task.state == TaskState.SUBMITTED
    services_decisions.completion_accept(actor=world.province_leader, task=task)
    task.refresh_from_db()
    assert (task.state, task.done_on) == (TaskState.DONE, date(2011, 4, 14))
    assert task.closed_at is not None


def test_a_returned_completion_is_in_progress_again_with_the_reason(world: DocWorld) -> None:
    task = district_task(world)
    services_reports.task_complete(actor=world.chau_thanh_clerk, task=task, text="Xong")
    with pytest.raises(PermissionDenied):
        services_decisions.completion_return(
            actor=world.chau_thanh_clerk, task=task, reason="Tự trả"
        )
    services_decisions.completion_return(
        actor=world.province_leader, task=task, reason="Thiếu danh sách xã Hảo Đước"
    )
    task.refresh_from_db()
    assert task.state == TaskState.IN_PROGRESS
    assert task.done_on is None
    assert task.state_reason == "Thiếu danh sách xã Hảo Đước"


def test_cannot_be_done_needs_the_reason_and_closes_the_task(world: DocWorld) -> None:
    task = district_task(world)
    services_reports.task_report(
        actor=world.chau_thanh_clerk,
        task=task,
        text="Địa bàn sáp nhập, không còn đối tượng",
        state=TaskState.CANNOT_DO,
    )
    task.refresh_from_db()
    assert task.state == TaskState.CANNOT_DO
    with pytest.raises(ValidationError, match="kết thúc"):
        services_reports.task_report(actor=world.chau_thanh_clerk, task=task, text="Báo cáo thêm")


def test_a_report_on_a_closed_task_is_refused(world: DocWorld) -> None:
    task = district_task(world)
    services_reports.task_complete(actor=world.chau_thanh_clerk, task=task, text="Xong")
    services_decisions.completion_accept(actor=world.province_leader, task=task)
    with pytest.raises(ValidationError, match="kết thúc"):
        services_reports.task_report(actor=world.chau_thanh_clerk, task=task, text="Thêm")
    with pytest.raises(ValidationError):
        services_reports.task_complete(actor=world.chau_thanh_clerk, task=task, text="Lại")


@pytest.mark.parametrize(
    ("start", "move"),
    [
        (start, move)
        for start in TaskState.values
        for move in ("accept", "submit")
        if (move == "accept" and TaskState.DONE not in TRANSITIONS[start])
        or (move == "submit" and TaskState.SUBMITTED not in TRANSITIONS[start])
    ],
)
def test_a_move_outside_the_transitions_is_refused(world: DocWorld, start: str, move: str) -> None:
    task = district_task(world)
    Task.objects.filter(pk=task.pk).update(state=start)
    with pytest.raises(ValidationError):
        if move == "accept":
            services_decisions.completion_accept(actor=world.province_leader, task=task)
        else:
            services_reports.task_complete(actor=world.chau_thanh_clerk, task=task, text="x")
    assert Task.objects.get(pk=task.pk).state == start


def test_only_the_lead_unit_asks_for_more_time(world: DocWorld) -> None:
    task = district_task(world, supporting_units=[world.hoa_thanh])
    with pytest.raises(PermissionDenied):
        services_reports.extension_request(
            actor=world.hoa_thanh_clerk, task=task, new_deadline=date(2011, 5, 1), reason="Chậm"
        )


def test_an_approved_extension_moves_the_deadline_and_a_refusal_needs_a_reason(
    world: DocWorld,
) -> None:
    task = district_task(world)
    request = services_reports.extension_request(
        actor=world.chau_thanh_clerk,
        task=task,
        new_deadline=date(2011, 4, 30),
        reason="Chờ số liệu xã",
    )
    with pytest.raises(ValidationError):
        services_reports.extension_request(
            actor=world.chau_thanh_clerk, task=task, new_deadline=date(2011, 5, 5), reason="Nữa"
        )
    with pytest.raises(PermissionDenied):
        services_decisions.extension_decide(
            actor=world.chau_thanh_clerk, request=request, approve=True
        )
    with pytest.raises(ValidationError):
        services_decisions.extension_decide(
            actor=world.province_leader, request=request, approve=False
        )
    services_decisions.extension_decide(actor=world.province_leader, request=request, approve=True)
    task.refresh_from_db()
    assert task.deadline == date(2011, 4, 30)


def test_a_leader_who_follows_a_task_must_lead_the_assigning_unit(world: DocWorld) -> None:
    task = district_task(world, leader=world.province_leader)
    assert task.leader == world.province_leader
    with pytest.raises(ValidationError) as refused:
        district_task(world, leader=world.chau_thanh_leader)
    assert "leader" in refused.value.message_dict


def test_a_task_goes_only_to_a_unit_below_the_assigning_one(world: DocWorld) -> None:
    with pytest.raises(ValidationError) as refused:
        district_task(world, lead_unit=world.province)
    assert "lead_unit" in refused.value.message_dict
    task = district_task(world)
    with pytest.raises(ValidationError):
        services.task_assign(
            actor=world.chau_thanh_clerk,
            directive=task.directive,
            parent=task,
            lead_unit=world.hoa_thanh_office,
            content="Không phải đơn vị của huyện",
        )
    assert Task.objects.count() == 1


def test_a_report_keeps_its_files_and_a_refused_file_saves_nothing(world: DocWorld) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from vanphong.directives.models import ProgressReport, ReportFile

    task = district_task(world)
    pdf = SimpleUploadedFile("Báo cáo tiến độ.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n")
    report = services_reports.task_report(
        actor=world.chau_thanh_clerk, task=task, text="Đã niêm yết", attachments=[pdf]
    )
    assert [f.filename for f in report.files.all()] == ["Báo cáo tiến độ.pdf"]
    script = SimpleUploadedFile("virus.pdf", b"#!/bin/sh\nrm -rf /\n")
    with pytest.raises(ValidationError):
        services_reports.task_report(
            actor=world.chau_thanh_clerk, task=task, text="Lần hai", attachments=[script]
        )
    assert ProgressReport.objects.count() == 1
    assert ReportFile.objects.count() == 1


@pytest.mark.parametrize(
    ("deadline", "recurrence", "expected"),
    [
        (date(2011, 3, 31), "quarterly", date(2011, 6, 30)),
        (date(2011, 6, 30), "half_yearly", date(2011, 12, 31)),
        (date(2011, 1, 31), "monthly", date(2011, 2, 28)),
        (date(2011, 2, 28), "monthly", date(2011, 3, 31)),
        (date(2011, 1, 15), "monthly", date(2011, 2, 15)),
        (date(2011, 12, 20), "yearly", date(2012, 12, 20)),
    ],
)
def test_the_next_period_keeps_a_month_end_at_the_month_end(
    deadline: date, recurrence: str, expected: date
) -> None:
    assert services_decisions.next_deadline(deadline, recurrence) == expected


def test_accepting_a_recurring_report_assigns_the_next_period_until_its_end(
    world: DocWorld,
) -> None:
    first = district_task(
        world,
        deadline=date(2011, 3, 31),
        recurrence="quarterly",
        recur_until=date(2011, 9, 30),
        leader=world.province_leader,
        supporting_units=[world.hoa_thanh],
    )
    due = []
    task: Task | None = first
    while task is not None:
        services_reports.task_complete(actor=world.chau_thanh_clerk, task=task, text="Báo cáo quý",
                               done_on=task.deadline)  # fmt: skip
        services_decisions.completion_accept(actor=world.province_leader, task=task)
        due.append(task.deadline)
        task = Task.objects.filter(previous=task).first()
    assert due == [date(2011, 3, 31), date(2011, 6, 30), date(2011, 9, 30)]
    last = Task.objects.get(deadline=date(2011, 9, 30))
    assert (last.leader, list(last.supporting_units.all())) == (
        world.province_leader,
        [world.hoa_thanh],
    )


def test_a_recurring_task_needs_a_first_deadline(world: DocWorld) -> None:
    with pytest.raises(ValidationError) as refused:
        district_task(world, deadline=None, recurrence="monthly")
    assert "deadline" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        district_task(world, recur_until=date(2011, 12, 31))
    assert "recur_until" in refused.value.message_dict


def test_the_lead_unit_cannot_take_back_its_own_completion_report(world: DocWorld) -> None:
    task = district_task(world)
    services_reports.task_complete(
        actor=world.chau_thanh_clerk, task=task, text="Xong", done_on=date(2011, 4, 14)
    )
    with pytest.raises(ValidationError):
        services_reports.task_report(actor=world.chau_thanh_clerk, task=task, text="Chưa xong")
    task.refresh_from_db()
    assert task.state == TaskState.SUBMITTED


def test_the_one_who_reported_completion_does_not_confirm_it(world: DocWorld) -> None:
    # The province's Office leads this task, and its head decides for the province, which
    # assigned it, by a delegation: still not both sides of one task.
    task = district_task(world, lead_unit=world.province_office)
    services_decisions.delegation_create(
        actor=world.province_leader, unit=world.province, delegate=world.province_office_leader
    )
    services_reports.task_complete(
        actor=world.province_office_leader, task=task, text="Xong", done_on=date(2011, 4, 14)
    )
    with pytest.raises(PermissionDenied, match="không tự xác nhận"):
        services_decisions.completion_accept(actor=world.province_office_leader, task=task)
    services_decisions.completion_accept(actor=world.province_leader, task=task)


def test_supporting_units_come_from_below_the_assigning_unit(world: DocWorld) -> None:
    parent = district_task(world)
    with pytest.raises(ValidationError) as refused:
        services.task_assign(
            actor=world.chau_thanh_clerk,
            directive=parent.directive,
            parent=parent,
            lead_unit=world.chau_thanh_office,
            supporting_units=[world.hoa_thanh],  # a neighbouring district
            content="Nhiệm vụ riêng của huyện",
        )
    assert "supporting_units" in refused.value.message_dict


def test_a_sub_task_stays_in_its_parents_directive(world: DocWorld) -> None:
    parent = district_task(world)
    document = register(world, number_symbol="Số 46-CT/TU", document_date=date(2011, 1, 10))
    other = services.directive_track(
        actor=world.chau_thanh_clerk, unit=world.chau_thanh, incoming=document
    )
    with pytest.raises(ValidationError):
        services.task_assign(
            actor=world.chau_thanh_clerk,
            directive=other,
            parent=parent,
            lead_unit=world.chau_thanh_office,
            content="x",
        )


def test_closing_a_task_refuses_its_waiting_extension_request(world: DocWorld) -> None:
    from vanphong.directives.models import ExtensionRequest

    task = district_task(world, deadline=date(2011, 4, 8))
    asked = services_reports.extension_request(
        actor=world.chau_thanh_clerk, task=task, new_deadline=date(2011, 4, 30), reason="Bận"
    )
    services_reports.task_complete(
        actor=world.chau_thanh_clerk, task=task, text="x", done_on=date(2011, 4, 13)
    )
    services_decisions.completion_accept(actor=world.province_leader, task=task)
    asked.refresh_from_db()
    assert asked.status == "refused"
    with pytest.raises(ValidationError):
        services_decisions.extension_decide(
            actor=world.province_leader,
            request=ExtensionRequest.objects.get(pk=asked.pk),
            approve=True,
        )
    task.refresh_from_db()
    assert task.deadline == date(2011, 4, 8)


def test_a_parents_deadline_does_not_move_before_an_open_sub_task(world: DocWorld) -> None:
    parent = district_task(world, deadline=date(2011, 4, 15))
    sub_task(world, parent, content="Tổng hợp các xã", deadline=date(2011, 4, 14))
    with pytest.raises(ValidationError) as refused:
        services_decisions.task_set_deadline(
            actor=world.province_leader, task=parent, deadline=date(2011, 4, 1)
        )
    assert "14/04/2011" in refused.value.message_dict["deadline"][0]


def test_a_recurring_sub_task_is_still_confirmed_after_its_parent_closed(
    world: DocWorld,
) -> None:
    parent = district_task(world, deadline=date(2011, 12, 31))
    child = sub_task(
        world, parent, content="Báo cáo tháng", deadline=date(2011, 3, 31), recurrence="monthly"
    )
    services_reports.task_report(
        actor=world.chau_thanh_clerk, task=parent, text="Không còn đối tượng", state="cannot_do"
    )
    services_reports.task_complete(
        actor=world.chau_thanh_clerk, task=child, text="x", done_on=date(2011, 4, 14)
    )
    services_decisions.completion_accept(actor=world.chau_thanh_leader, task=child)
    child.refresh_from_db()
    assert child.state == TaskState.DONE
    assert not Task.objects.filter(previous=child).exists()


def test_a_monthly_series_keeps_the_day_it_began_on() -> None:
    first = date(2011, 1, 30)
    second = services_decisions.next_deadline(first, "monthly", first=first)
    assert second == date(2011, 2, 28)
    assert services_decisions.next_deadline(second, "monthly", first=first) == date(2011, 3, 30)


def test_a_former_leader_is_not_offered_as_leader(world: DocWorld) -> None:
    from tests.support.factories import MembershipFactory
    from vanphong.org.models import Membership, Role

    former = world.chau_thanh_leader
    Membership.objects.filter(person=former).update(ends_on=date(2011, 1, 1))
    MembershipFactory.create(person=former, unit=world.chau_thanh_office, role=Role.SPECIALIST)
    assert not selectors.leaders_of(world.chau_thanh).filter(pk=former.pk).exists()


def test_a_reported_completion_counts_open_unless_it_was_reported_late(world: DocWorld) -> None:
    from vanphong.directives import stats

    in_time = district_task(world, deadline=date(2011, 4, 15))
    late = district_task(world, deadline=date(2011, 4, 8))
    services_reports.task_complete(
        actor=world.chau_thanh_clerk, task=in_time, text="x", done_on=date(2011, 4, 15)
    )
    services_reports.task_complete(
        actor=world.chau_thanh_clerk, task=late, text="x", done_on=date(2011, 4, 13)
    )
    today = date(2011, 5, 20)
    board = stats.dashboard(Task.objects.all(), by="lead_unit_id", today=today)
    assert (board.total.open, board.total.overdue) == (1, 1)
    tasks = list(Task.objects.order_by("deadline"))
    assert stats.statuses(tasks, today) == ["overdue", "open"]


def test_a_task_is_reported_done_only_once_its_sub_tasks_are_closed(world: DocWorld) -> None:
    parent = district_task(world, deadline=date(2011, 4, 15))
    child = sub_task(world, parent, content="Tổng hợp các xã", deadline=date(2011, 4, 14))
    with pytest.raises(ValidationError) as refused:
        services_reports.task_complete(
            actor=world.chau_thanh_clerk, task=parent, text="x", done_on=date(2011, 4, 14)
        )
    assert "Còn 1 nhiệm vụ con chưa kết thúc" in refused.value.messages[0]
    services_reports.task_report(
        actor=world.chau_thanh_office_leader, task=child, text="Gộp vào báo cáo chung",
        state="cannot_do",
    )  # fmt: skip
    services_reports.task_complete(
        actor=world.chau_thanh_clerk, task=parent, text="x", done_on=date(2011, 4, 14)
    )


def test_an_extended_period_does_not_shift_the_rest_of_its_series(world: DocWorld) -> None:
    task = district_task(world, deadline=date(2011, 2, 15), recurrence="monthly")
    services_reports.extension_request(
        actor=world.chau_thanh_clerk, task=task, new_deadline=date(2011, 3, 5), reason="Chờ xã"
    )
    services_decisions.extension_decide(
        actor=world.province_leader, request=task.extensions.get(), approve=True
    )
    services_reports.task_complete(
        actor=world.chau_thanh_clerk, task=task, text="x", done_on=date(2011, 3, 4)
    )
    services_decisions.completion_accept(actor=world.province_leader, task=task)
    assert Task.objects.get(previous=task).deadline == date(2011, 3, 15)


def test_no_sub_task_is_added_once_completion_is_reported(world: DocWorld) -> None:
    parent = district_task(world)
    services_reports.task_complete(
        actor=world.chau_thanh_clerk, task=parent, text="Xong", done_on=date(2011, 4, 10)
    )
    with pytest.raises(ValidationError):
        services.task_assign(
            actor=world.chau_thanh_clerk,
            directive=parent.directive,
            parent=parent,
            lead_unit=world.chau_thanh_office,
            content="Tổng hợp các xã",
        )


def test_an_approved_extension_never_brings_a_deadline_back(world: DocWorld) -> None:
    task = district_task(world, deadline=date(2011, 4, 15))
    services_reports.extension_request(
        actor=world.chau_thanh_clerk, task=task, new_deadline=date(2011, 4, 29), reason="Bận"
    )
    services_decisions.task_set_deadline(
        actor=world.province_leader, task=task, deadline=date(2011, 5, 31)
    )
    with pytest.raises(ValidationError):
        services_decisions.extension_decide(
            actor=world.province_leader, request=task.extensions.get(), approve=True
        )
    task.refresh_from_db()
    assert task.deadline == date(2011, 5, 31)
