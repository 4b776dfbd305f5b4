"""Sensitive grants: nobody grants themselves anything, and a grant that opens documents, made by
an administrator, waits for a second administrator above him (finding 2)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.factories import MembershipFactory, PersonFactory
from tests.support.personas import Personas
from vanphong.core.models import AuditEvent
from vanphong.org import services_memberships
from vanphong.org.models import (
    Clearance,
    Membership,
    MembershipRequest,
    Person,
    RequestStatus,
    Role,
    Unit,
)
from vanphong.org.selectors import forget_scope, scope_for


def _admin(username: str, unit: Unit, clearance: int = Clearance.UNCLASSIFIED) -> Person:
    person = PersonFactory.create(username=username)
    MembershipFactory.create(person=person, unit=unit, role=Role.ADMIN, clearance=clearance)
    return person


def _request(people: Personas, **kw: Any) -> MembershipRequest:
    """The Châu Thành admin asks for a post for the Châu Thành specialist."""
    data: dict[str, Any] = {
        "actor": people.chau_thanh_admin,
        "person": people.chau_thanh_specialist,
        "unit": people.chau_thanh_office,
        "role": Role.OFFICE_LEADER,
        "clearance": Clearance.UNCLASSIFIED,
    }
    data.update(kw)
    made = services_memberships.membership_create(**data)
    assert isinstance(made, MembershipRequest)
    return made


def _posts(person: Person) -> list[tuple[int, str, int]]:
    return sorted(person.memberships.values_list("unit_id", "role", "clearance"))


# --- nobody grants themselves ----------------------------------------------------------------


def test_a_district_admin_cannot_grant_himself_an_ultra_secret_committee_leader_post(
    people: Personas,
) -> None:
    admin = people.chau_thanh_admin
    before = _posts(admin)
    with pytest.raises(PermissionDenied):
        services_memberships.membership_create(
            actor=admin,
            person=admin,
            unit=people.chau_thanh,
            role=Role.COMMITTEE_LEADER,
            clearance=Clearance.ULTRA_SECRET,
            position="Bí thư",
        )
    assert _posts(admin) == before
    assert not MembershipRequest.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize("who", ["chau_thanh_admin", "superuser"])
def test_nobody_creates_changes_or_ends_a_membership_of_their_own(
    people: Personas, who: str
) -> None:
    actor: Person = getattr(people, who)
    own = MembershipFactory.create(person=actor, unit=people.chau_thanh_office)
    with pytest.raises(PermissionDenied):
        services_memberships.membership_create(
            actor=actor, person=actor, unit=people.chau_thanh_office, role=Role.ADMIN
        )
    with pytest.raises(PermissionDenied):
        services_memberships.membership_update(
            actor=actor, membership=own, clearance=Clearance.UNCLASSIFIED, position="Tự sửa"
        )
    with pytest.raises(PermissionDenied):
        services_memberships.membership_end(actor=actor, membership=own)
    own.refresh_from_db()
    assert (own.position, own.ends_on) == ("", None)
    assert not AuditEvent.objects.exists()


def test_a_superusers_sensitive_grant_applies_at_once(people: Personas) -> None:
    made = services_memberships.membership_create(
        actor=people.superuser,
        person=people.chau_thanh_specialist,
        unit=people.chau_thanh,
        role=Role.COMMITTEE_LEADER,
        clearance=Clearance.ULTRA_SECRET,
    )
    assert isinstance(made, Membership)
    assert not MembershipRequest.objects.exists()


def test_the_system_grants_directly(people: Personas) -> None:
    made = services_memberships.membership_create(
        actor=None, person=people.unassigned, unit=people.province_office, role=Role.CLERK
    )
    assert isinstance(made, Membership)


# --- what is sensitive -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "clearance", "waits"),
    [
        (Role.ADMIN, Clearance.UNCLASSIFIED, False),
        (Role.ADMIN, Clearance.SECRET, True),
        (Role.SPECIALIST, Clearance.UNCLASSIFIED, True),
        (Role.EMULATION, Clearance.UNCLASSIFIED, True),
        (Role.RECEPTION, Clearance.UNCLASSIFIED, True),
        (Role.CLERK, Clearance.SECRET, True),
        (Role.COMMITTEE_LEADER, Clearance.ULTRA_SECRET, True),
    ],
)
def test_every_role_that_reads_documents_and_every_clearance_above_unclassified_waits(
    people: Personas, role: str, clearance: int, waits: bool
) -> None:
    made = services_memberships.membership_create(
        actor=people.chau_thanh_admin,
        person=people.chau_thanh_specialist,
        unit=people.chau_thanh,
        role=role,
        clearance=clearance,
    )
    assert isinstance(made, MembershipRequest) is waits
    assert people.chau_thanh_specialist.memberships.filter(unit=people.chau_thanh).exists() is (
        not waits
    )


def test_a_raised_clearance_waits_and_a_lowered_one_applies(people: Personas) -> None:
    post = people.chau_thanh_clerk.memberships.get()
    raised = services_memberships.membership_update(
        actor=people.chau_thanh_admin, membership=post, clearance=Clearance.TOP_SECRET
    )
    assert isinstance(raised, MembershipRequest)
    post.refresh_from_db()
    assert post.clearance == Clearance.SECRET
    lowered = services_memberships.membership_update(
        actor=people.chau_thanh_admin, membership=post, clearance=Clearance.UNCLASSIFIED
    )
    assert isinstance(lowered, Membership)
    assert lowered.clearance == Clearance.UNCLASSIFIED
    confirmed = services_memberships.membership_request_confirm(
        actor=people.superuser, request=raised
    )
    assert confirmed.clearance == Clearance.TOP_SECRET


def test_a_second_request_for_the_same_post_is_refused_while_one_waits(
    people: Personas,
) -> None:
    _request(people)
    with pytest.raises(ValidationError):
        _request(people, clearance=Clearance.SECRET)
    assert MembershipRequest.objects.count() == 1


def test_a_request_with_an_unknown_role_is_refused_on_its_field(people: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        _request(people, role="khong-co")
    assert "role" in caught.value.message_dict
    assert not MembershipRequest.objects.exists()


# --- who confirms ----------------------------------------------------------------------------


def test_the_province_admin_confirms_a_district_request_and_it_is_audited(
    people: Personas,
) -> None:
    request = _request(people)
    membership = services_memberships.membership_request_confirm(
        actor=people.province_admin, request=request
    )
    assert (membership.person, membership.unit, membership.role) == (
        people.chau_thanh_specialist,
        people.chau_thanh_office,
        Role.OFFICE_LEADER,
    )
    request.refresh_from_db()
    assert (request.status, request.decided_by) == (RequestStatus.CONFIRMED, people.province_admin)
    actors = dict(AuditEvent.objects.values_list("action", "actor_id"))
    assert actors == {
        "membership_request.create": people.chau_thanh_admin.pk,
        "membership.create": people.province_admin.pk,
        "membership_request.confirm": people.province_admin.pk,
    }


def test_the_requester_a_fellow_admin_or_another_districts_admin_cannot_confirm(
    people: Personas,
) -> None:
    request = _request(people)
    fellow = _admin("qt2.chauthanh", people.chau_thanh)
    below = _admin("qt.vpchauthanh", people.chau_thanh_office)
    stranger = _admin("qt.hoathanh", people.hoa_thanh)
    for actor in (people.chau_thanh_admin, fellow, below, stranger, people.chau_thanh_clerk):
        with pytest.raises(PermissionDenied):
            services_memberships.membership_request_confirm(actor=actor, request=request)
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING
    assert not people.chau_thanh_specialist.memberships.filter(role=Role.OFFICE_LEADER).exists()


def test_nobody_confirms_a_request_about_themselves(people: Personas) -> None:
    about_him = MembershipRequest.objects.create(
        person=people.province_admin,
        unit=people.chau_thanh_office,
        role=Role.CLERK,
        requested_by=people.chau_thanh_admin,
    )
    for actor in (people.province_admin, people.superuser):
        about_him.person = actor
        about_him.save()
        with pytest.raises(PermissionDenied):
            services_memberships.membership_request_confirm(actor=actor, request=about_him)
    assert not Membership.objects.filter(unit=people.chau_thanh_office, role=Role.CLERK).exclude(
        person=people.chau_thanh_clerk
    )


def test_the_confirmer_needs_the_requested_clearance_over_the_unit(people: Personas) -> None:
    request = _request(people, clearance=Clearance.TOP_SECRET)
    with pytest.raises(PermissionDenied):
        services_memberships.membership_request_confirm(
            actor=people.province_admin, request=request
        )
    Membership.objects.filter(person=people.province_admin).update(clearance=Clearance.TOP_SECRET)
    forget_scope(people.province_admin)
    membership = services_memberships.membership_request_confirm(
        actor=people.province_admin, request=request
    )
    assert membership.clearance == Clearance.TOP_SECRET


def test_a_province_admins_own_sensitive_grant_needs_a_superuser(people: Personas) -> None:
    request = _request(people, actor=people.province_admin)
    other_province_admin = _admin("qt2.tinh", people.province, Clearance.ULTRA_SECRET)
    for actor in (other_province_admin, people.chau_thanh_admin):
        with pytest.raises(PermissionDenied):
            services_memberships.membership_request_confirm(actor=actor, request=request)
    services_memberships.membership_request_confirm(actor=people.superuser, request=request)


def test_an_admin_of_the_district_and_the_province_is_confirmed_from_above_the_province(
    people: Personas,
) -> None:
    both = _admin("qt.ca.hai", people.chau_thanh)
    MembershipFactory.create(person=both, unit=people.province, role=Role.ADMIN)
    request = _request(people, actor=both)
    with pytest.raises(PermissionDenied):
        services_memberships.membership_request_confirm(
            actor=people.province_admin, request=request
        )


def test_a_request_whose_requester_no_longer_administers_the_unit_needs_a_superuser(
    people: Personas,
) -> None:
    request = _request(people)
    Membership.objects.filter(person=people.chau_thanh_admin).update(ends_on=date(2011, 1, 1))
    with pytest.raises(PermissionDenied):
        services_memberships.membership_request_confirm(
            actor=people.province_admin, request=request
        )
    services_memberships.membership_request_confirm(actor=people.superuser, request=request)


def test_a_confirmation_is_refused_when_the_post_was_given_meanwhile(people: Personas) -> None:
    request = _request(people)
    MembershipFactory.create(
        person=people.chau_thanh_specialist, unit=people.chau_thanh_office, role=Role.OFFICE_LEADER
    )
    with pytest.raises(ValidationError):
        services_memberships.membership_request_confirm(
            actor=people.province_admin, request=request
        )
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING


# --- refusal ---------------------------------------------------------------------------------


def test_a_refusal_needs_a_reason_changes_nothing_and_is_final(people: Personas) -> None:
    request = _request(people)
    with pytest.raises(ValidationError) as caught:
        services_memberships.membership_request_refuse(
            actor=people.province_admin, request=request, reason=" "
        )
    assert "reason" in caught.value.message_dict
    with pytest.raises(PermissionDenied):
        services_memberships.membership_request_refuse(
            actor=people.chau_thanh_admin, request=request, reason="Tự rút"
        )
    services_memberships.membership_request_refuse(
        actor=people.province_admin, request=request, reason="Chưa đủ tiêu chuẩn"
    )
    request.refresh_from_db()
    assert (request.status, request.reason) == (RequestStatus.REFUSED, "Chưa đủ tiêu chuẩn")
    event = AuditEvent.objects.get(action="membership_request.refuse")
    assert event.actor_id == people.province_admin.pk
    with pytest.raises(ValidationError):
        services_memberships.membership_request_confirm(actor=people.superuser, request=request)
    assert not people.chau_thanh_specialist.memberships.filter(role=Role.OFFICE_LEADER).exists()


# --- administration opens nothing --------------------------------------------------------------


def test_an_admin_posts_clearance_opens_nothing_secret(people: Personas) -> None:
    from vanphong.planning.selectors import cleared

    admin = people.chau_thanh_admin
    Membership.objects.filter(person=admin).update(clearance=Clearance.ULTRA_SECRET)
    forget_scope(admin)
    scope = scope_for(admin)
    office = people.chau_thanh_office.pk
    assert scope.administers(office)
    assert scope.sees(office)  # the unit stays in view, by name
    assert not scope.sees(office, Clearance.SECRET)
    assert not cleared(admin, Clearance.SECRET, (people.chau_thanh.pk, office), attends=False)
