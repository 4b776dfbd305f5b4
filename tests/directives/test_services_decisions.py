"""Deciding for the assigning side — an extension, a deadline, accepting or returning a
completion — is for the assigning unit's current leaders or whom one of them delegated to;
the unit's other staff prepare. Delegations: given by a leader only, never to oneself, not
passed on, ended by the leader, lapsing with the leader's post; every one audited."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.support.directives import district_task, sub_task
from tests.support.documents import DocWorld
from tests.support.factories import MembershipFactory, PersonFactory
from vanphong.core.models import AuditEvent
from vanphong.directives import selectors, services_decisions, services_reports
from vanphong.directives.models import Delegation, ExtensionRequest, Task, TaskState
from vanphong.org.models import Membership, Person, Role


def _submitted(world: DocWorld) -> Task:
    task = district_task(world)
    services_reports.task_complete(
        actor=world.chau_thanh_clerk, task=task, text="Xong", done_on=date(2011, 4, 14)
    )
    return Task.objects.get(pk=task.pk)


def _asked(world: DocWorld) -> ExtensionRequest:
    task = district_task(world)
    return services_reports.extension_request(
        actor=world.chau_thanh_clerk, task=task, new_deadline=date(2011, 4, 30), reason="Chờ xã"
    )


def test_office_staff_do_not_decide_for_their_committee(world: DocWorld) -> None:
    for staff in (world.province_office_leader, world.province_specialist, world.province_clerk):
        task = _submitted(world)
        with pytest.raises(PermissionDenied, match="lãnh đạo của Tỉnh ủy Tây Ninh"):
            services_decisions.completion_accept(actor=staff, task=task)
        with pytest.raises(PermissionDenied):
            services_decisions.completion_return(actor=staff, task=task, reason="Thiếu")
        with pytest.raises(PermissionDenied):
            services_decisions.task_set_deadline(actor=staff, task=task, deadline=date(2011, 5, 31))
        assert Task.objects.get(pk=task.pk).state == TaskState.SUBMITTED
    asked = _asked(world)
    with pytest.raises(PermissionDenied):
        services_decisions.extension_decide(
            actor=world.province_office_leader, request=asked, approve=True
        )
    assert ExtensionRequest.objects.get(pk=asked.pk).status == "pending"


def test_the_committees_leader_decides_and_the_audit_says_as_leader(world: DocWorld) -> None:
    task = _submitted(world)
    services_decisions.completion_accept(actor=world.province_leader, task=task)
    event = AuditEvent.objects.filter(action="task.accept").get()
    assert event.after is not None
    assert event.after["authority"] == {"as": "leader"}


def test_a_leader_of_a_unit_above_does_not_decide_a_districts_own_sub_task(
    world: DocWorld,
) -> None:
    child = sub_task(world, district_task(world), deadline=date(2011, 4, 10))
    services_reports.task_complete(
        actor=world.chau_thanh_office_leader, task=child, text="x", done_on=date(2011, 4, 9)
    )
    with pytest.raises(PermissionDenied):
        services_decisions.completion_accept(actor=world.chau_thanh_clerk, task=child)
    services_decisions.completion_accept(actor=world.chau_thanh_leader, task=child)
    assert Task.objects.get(pk=child.pk).state == TaskState.DONE


def test_a_delegate_decides_and_the_audit_names_the_delegation(world: DocWorld) -> None:
    delegation = services_decisions.delegation_create(
        actor=world.province_leader,
        unit=world.province,
        delegate=world.province_office_leader,
        note="Chánh Văn phòng xử lý gia hạn khi Bí thư đi công tác",
    )
    asked = _asked(world)
    services_decisions.extension_decide(
        actor=world.province_office_leader, request=asked, approve=True
    )
    assert ExtensionRequest.objects.get(pk=asked.pk).status == "approved"
    event = AuditEvent.objects.filter(action="task.extension_approved").get()
    assert event.after is not None
    assert event.after["authority"] == {
        "as": "delegate",
        "delegation": str(delegation.uuid),
        "for": world.province_leader.pk,
    }
    created = AuditEvent.objects.filter(action="delegation.create").get()
    assert created.actor_id == world.province_leader.pk


def test_only_a_leader_of_the_unit_delegates(world: DocWorld) -> None:
    for outsider in (world.province_office_leader, world.province_clerk, world.province_admin):
        with pytest.raises(PermissionDenied):
            services_decisions.delegation_create(
                actor=outsider, unit=world.province, delegate=world.province_specialist
            )
    assert not Delegation.objects.exists()


def test_a_delegate_cannot_delegate_further(world: DocWorld) -> None:
    services_decisions.delegation_create(
        actor=world.province_leader, unit=world.province, delegate=world.province_office_leader
    )
    with pytest.raises(PermissionDenied):
        services_decisions.delegation_create(
            actor=world.province_office_leader,
            unit=world.province,
            delegate=world.province_specialist,
        )
    assert Delegation.objects.count() == 1


def test_a_leader_cannot_delegate_to_himself_or_to_someone_outside_the_unit(
    world: DocWorld,
) -> None:
    with pytest.raises(ValidationError) as refused:
        services_decisions.delegation_create(
            actor=world.province_leader, unit=world.province, delegate=world.province_leader
        )
    assert "delegate" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services_decisions.delegation_create(
            actor=world.province_leader, unit=world.province, delegate=world.hoa_thanh_clerk
        )
    assert "delegate" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services_decisions.delegation_create(
            actor=world.province_leader,
            unit=world.province,
            delegate=world.province_office_leader,
            starts_on=timezone.localdate() - timedelta(days=1),
        )
    assert "starts_on" in refused.value.message_dict
    assert not Delegation.objects.exists()


def test_an_ended_delegation_decides_nothing_and_only_its_leader_ends_it(
    world: DocWorld,
) -> None:
    delegation = services_decisions.delegation_create(
        actor=world.province_leader, unit=world.province, delegate=world.province_office_leader
    )
    with pytest.raises(PermissionDenied):
        services_decisions.delegation_end(actor=world.province_office_leader, delegation=delegation)
    services_decisions.delegation_end(actor=world.province_leader, delegation=delegation)
    asked = _asked(world)
    with pytest.raises(PermissionDenied):
        services_decisions.extension_decide(
            actor=world.province_office_leader, request=asked, approve=True
        )
    assert AuditEvent.objects.filter(action="delegation.end").count() == 1


def test_a_delegation_starting_later_or_past_its_end_decides_nothing(world: DocWorld) -> None:
    today = timezone.localdate()
    services_decisions.delegation_create(
        actor=world.province_leader,
        unit=world.province,
        delegate=world.province_office_leader,
        starts_on=today + timedelta(days=3),
    )
    assert selectors.decision_authority(world.province_office_leader, world.province) is None
    Delegation.objects.update(starts_on=today - timedelta(days=10), ends_on=today - timedelta(1))
    assert selectors.decision_authority(world.province_office_leader, world.province) is None
    Delegation.objects.update(ends_on=today)
    assert selectors.decision_authority(world.province_office_leader, world.province) is not None


def test_a_delegation_lapses_when_its_leader_leaves_the_post(world: DocWorld) -> None:
    services_decisions.delegation_create(
        actor=world.province_leader, unit=world.province, delegate=world.province_office_leader
    )
    Membership.objects.filter(person=world.province_leader, unit=world.province).update(
        ends_on=timezone.localdate() - timedelta(days=1)
    )
    asked = _asked(world)
    with pytest.raises(PermissionDenied):
        services_decisions.extension_decide(
            actor=world.province_office_leader, request=asked, approve=True
        )


def test_a_leader_who_left_decides_nothing(world: DocWorld) -> None:
    former = PersonFactory.create(username="bt.cu", full_name="Bí Thư Cũ")
    MembershipFactory.create(
        person=former,
        unit=world.province,
        role=Role.COMMITTEE_LEADER,
        clearance=3,
        ends_on=timezone.localdate() - timedelta(days=1),
    )
    task = _submitted(world)
    with pytest.raises(PermissionDenied):
        services_decisions.completion_accept(actor=Person.objects.get(pk=former.pk), task=task)
    assert Task.objects.get(pk=task.pk).state == TaskState.SUBMITTED


def test_whoever_asked_for_more_time_does_not_grant_it_even_as_a_delegate(
    world: DocWorld,
) -> None:
    """The Chief of Office leads a task of the committee's and holds its leader's delegation:
    he asks for the extension as the lead unit, and the decision stays someone else's."""
    services_decisions.delegation_create(
        actor=world.province_leader, unit=world.province, delegate=world.province_office_leader
    )
    task = district_task(world, lead_unit=world.province_office)
    asked = services_reports.extension_request(
        actor=world.province_office_leader,
        task=task,
        new_deadline=date(2011, 4, 30),
        reason="Chờ số liệu",
    )
    decisions = AuditEvent.objects.filter(action__startswith="task.extension_").count()
    for approve in (True, False):
        with pytest.raises(PermissionDenied, match="không tự quyết định"):
            services_decisions.extension_decide(
                actor=world.province_office_leader, request=asked, approve=approve, note="x"
            )
    assert ExtensionRequest.objects.get(pk=asked.pk).status == "pending"
    assert AuditEvent.objects.filter(action__startswith="task.extension_").count() == decisions
    services_decisions.extension_decide(actor=world.province_leader, request=asked, approve=True)
    assert Task.objects.get(pk=task.pk).deadline == date(2011, 4, 30)
