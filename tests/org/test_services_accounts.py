"""Authority over an account (finding 3): password, profile, (de)activation and tokens of a
person need an administrator of every unit where that person works."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tests.support.factories import MembershipFactory
from tests.support.personas import PASSWORD, Personas
from vanphong.api.models import ApiToken
from vanphong.api.services import token_create, token_revoke
from vanphong.core.models import AuditEvent
from vanphong.org import services_memberships, services_people
from vanphong.org.models import Person, Role

NEW_PASSWORD = "Mat-khau-moi-2012!"

Action = Callable[[Person, Person], object]

ACTIONS: dict[str, Action] = {
    "password": lambda actor, person: services_people.person_set_password(
        actor=actor, person=person, password=NEW_PASSWORD
    ),
    "deactivate": lambda actor, person: services_people.person_deactivate(
        actor=actor, person=person, reason="Thử"
    ),
    "profile": lambda actor, person: services_people.person_update(
        actor=actor, person=person, full_name="Tên Bị Đổi"
    ),
    "revoke credentials": lambda actor, person: services_people.person_credentials_revoke(
        actor=actor, person=person
    ),
    "revoke a token": lambda actor, person: token_revoke(
        actor=actor, token=ApiToken.objects.get(person=person)
    ),
}


def _also_in_province(people: Personas) -> Person:
    """The province's clerk, who also holds a post in Châu Thành."""
    person = people.province_clerk
    MembershipFactory.create(person=person, unit=people.chau_thanh_office, role=Role.SPECIALIST)
    return person


@pytest.mark.parametrize("action", ACTIONS)
def test_a_district_admin_cannot_take_over_a_province_account_with_a_post_in_his_district(
    people: Personas, action: str
) -> None:
    person = _also_in_province(people)
    token_create(actor=None, person=person, name="máy")
    events = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied):
        ACTIONS[action](people.chau_thanh_admin, person)
    person.refresh_from_db()
    assert person.check_password(PASSWORD)
    assert person.is_active
    assert person.full_name == "Phạm Văn Thư"
    assert not ApiToken.objects.filter(revoked_at__isnull=False).exists()
    assert AuditEvent.objects.count() == events


@pytest.mark.parametrize("action", ACTIONS)
def test_the_province_admin_administers_every_post_and_may_act(
    people: Personas, action: str
) -> None:
    person = _also_in_province(people)
    token_create(actor=None, person=person, name="máy")
    ACTIONS[action](people.province_admin, person)


def test_an_admin_of_every_unit_of_the_person_may_reset_the_password(people: Personas) -> None:
    person = people.chau_thanh_specialist
    MembershipFactory.create(person=person, unit=people.chau_thanh, role=Role.RECEPTION)
    services_people.person_set_password(
        actor=people.chau_thanh_admin, person=person, password=NEW_PASSWORD
    )


def test_a_post_starting_later_counts_already(people: Personas) -> None:
    person = people.chau_thanh_specialist
    MembershipFactory.create(
        person=person,
        unit=people.province_office,
        role=Role.SPECIALIST,
        starts_on=timezone.localdate() + timedelta(days=30),
    )
    with pytest.raises(PermissionDenied):
        services_people.person_set_password(
            actor=people.chau_thanh_admin, person=person, password=NEW_PASSWORD
        )


def test_a_retired_person_is_administered_by_whoever_administers_all_their_former_units(
    people: Personas,
) -> None:
    person = people.chau_thanh_clerk
    MembershipFactory.create(person=person, unit=people.province_office, role=Role.CLERK)
    person.memberships.update(ends_on=date(2011, 12, 31))
    with pytest.raises(PermissionDenied):
        services_people.person_reactivate(actor=people.chau_thanh_admin, person=person)
    services_people.person_deactivate(actor=people.province_admin, person=person, reason="Nghỉ hưu")
    services_people.person_reactivate(actor=people.province_admin, person=person)


def test_a_superuser_with_a_district_post_is_managed_by_superusers_only(people: Personas) -> None:
    MembershipFactory.create(person=people.superuser, unit=people.chau_thanh, role=Role.CLERK)
    for actor in (people.chau_thanh_admin, people.province_admin):
        with pytest.raises(PermissionDenied):
            services_people.person_deactivate(actor=actor, person=people.superuser, reason="Thử")
    other = Person.objects.create_superuser("root2", "Mat-khau-goc-2012!", full_name="Gốc Hai")
    services_people.person_set_password(actor=other, person=people.superuser, password=NEW_PASSWORD)


def test_a_post_awaiting_confirmation_counts_as_one_of_the_persons_units(
    people: Personas,
) -> None:
    """Else the district admin could reset the password now and hold the province post the
    person is about to receive."""
    person = people.chau_thanh_specialist
    services_memberships.membership_create(
        actor=people.province_admin,
        person=person,
        unit=people.province_office,
        role=Role.SPECIALIST,
    )
    with pytest.raises(PermissionDenied):
        services_people.person_set_password(
            actor=people.chau_thanh_admin, person=person, password=NEW_PASSWORD
        )


def test_the_creator_keeps_the_account_whose_first_post_was_refused(people: Personas) -> None:
    person = services_people.person_create(
        actor=people.chau_thanh_admin,
        username="vt.moi",
        full_name="Nguyễn Thị Mới",
        password=NEW_PASSWORD,
        unit=people.chau_thanh_office,
        role=Role.CLERK,
    )
    request = person.membership_requests.get()
    services_memberships.membership_request_refuse(
        actor=people.province_admin, request=request, reason="Không"
    )
    services_people.person_deactivate(
        actor=people.chau_thanh_admin, person=person, reason="Không nhận"
    )
    with pytest.raises(PermissionDenied):
        services_people.person_reactivate(actor=people.hoa_thanh_clerk, person=person)
