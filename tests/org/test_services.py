"""Organisation services: who may do what, what is refused, and what each write leaves behind."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from tests.support.personas import PASSWORD, Personas
from vanphong.core import audit
from vanphong.core.models import AuditEvent
from vanphong.org import services, services_memberships, services_people
from vanphong.org.models import (
    Clearance,
    CommitteeTerm,
    Membership,
    MembershipRequest,
    Person,
    Role,
    Unit,
    UnitKind,
)

NEW_PASSWORD = "Mat-khau-moi-2012!"


def _events(action: str, target: Any) -> int:
    return AuditEvent.objects.filter(action=action, object_id=str(target.uuid)).count()


def _new_person(people: Personas, actor: Person | None, unit: Unit, **kw: Any) -> Person:
    data: dict[str, Any] = {
        "username": "vt.moi",
        "full_name": "Nguyễn Thị Mới",
        "password": NEW_PASSWORD,
        "role": Role.CLERK,
    }
    data.update(kw)
    return services_people.person_create(actor=actor, unit=unit, **data)


def _sent_to_login(client: Client) -> bool:
    response = client.get(reverse("web:home"))
    return response.status_code == 302 and response["Location"].startswith(reverse("web:login"))


# --- units ------------------------------------------------------------------------------------


def test_unit_create_normalises_text_and_records_the_event(people: Personas) -> None:
    unit = services.unit_create(
        actor=people.chau_thanh_admin,
        parent=people.chau_thanh,
        kind=UnitKind.BOARD,
        name="  Ban Tổ chức   Huyện ủy ",
        symbol="BTCHU",
    )
    assert unit.name == "Ban Tổ chức Huyện ủy"
    assert unit.name_folded == "ban to chuc huyen uy"
    event = AuditEvent.objects.get(action="unit.create")
    assert event.object_id == str(unit.uuid)
    assert event.actor_id == people.chau_thanh_admin.pk
    assert event.after is not None
    assert event.after["parent"] == people.chau_thanh.pk


def test_district_admin_cannot_create_a_unit_in_another_district(people: Personas) -> None:
    with pytest.raises(PermissionDenied):
        services.unit_create(
            actor=people.chau_thanh_admin,
            parent=people.hoa_thanh,
            kind=UnitKind.BOARD,
            name="Ban lạ",
            symbol="BL",
        )
    assert not Unit.objects.filter(name="Ban lạ").exists()
    assert not AuditEvent.objects.exists()


def test_only_a_superuser_creates_a_root_unit(people: Personas) -> None:
    kwargs: dict[str, Any] = {"parent": None, "kind": UnitKind.PROVINCIAL_COMMITTEE}
    with pytest.raises(PermissionDenied):
        services.unit_create(actor=people.province_admin, name="Tỉnh ủy A", symbol="TU", **kwargs)
    unit = services.unit_create(actor=people.superuser, name="Tỉnh ủy A", symbol="TU", **kwargs)
    assert unit.parent is None


def test_a_clerk_administers_nothing(people: Personas) -> None:
    with pytest.raises(PermissionDenied):
        services.unit_update(
            actor=people.hoa_thanh_clerk,
            unit=people.hoa_thanh_office,
            parent=people.hoa_thanh,
            kind=UnitKind.OFFICE,
            name="Đổi tên",
            symbol="VPHU",
        )


def test_duplicate_unit_names_are_refused_ignoring_marks_and_tone_placement(
    people: Personas,
) -> None:
    with pytest.raises(ValidationError) as caught:
        services.unit_create(
            actor=people.province_admin,
            parent=people.province,
            kind=UnitKind.DISTRICT_COMMITTEE,
            name="Huyện ủy Hòa Thành",  # stored as "Huyện uỷ Hoà Thành"
            symbol="HU",
        )
    assert "name" in caught.value.message_dict


def test_unit_without_symbol_is_refused(people: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        services.unit_create(
            actor=people.province_admin,
            parent=people.province,
            kind=UnitKind.BOARD,
            name="Ban Dân vận",
            symbol=" ",
        )
    assert "symbol" in caught.value.message_dict


def test_a_unit_cannot_move_below_itself(people: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        services.unit_update(
            actor=people.province_admin,
            unit=people.chau_thanh,
            parent=people.chau_thanh_office,
            kind=UnitKind.DISTRICT_COMMITTEE,
            name="Huyện ủy Châu Thành",
            symbol="HU",
        )
    assert "parent" in caught.value.message_dict


def test_unit_update_without_changes_writes_no_event(people: Personas) -> None:
    unit = people.chau_thanh_office
    services.unit_update(
        actor=people.chau_thanh_admin,
        unit=unit,
        parent=unit.parent,
        kind=unit.kind,
        name=unit.name,
        symbol=unit.symbol,
    )
    assert not AuditEvent.objects.exists()


# --- audit in the same transaction ------------------------------------------------------------


def test_a_change_whose_audit_event_fails_is_rolled_back(
    people: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_record(**kwargs: Any) -> None:
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(audit, "record", broken_record)
    with pytest.raises(RuntimeError):
        services.unit_create(
            actor=people.province_admin,
            parent=people.province,
            kind=UnitKind.BOARD,
            name="Ban Nội chính",
            symbol="BNC",
        )
    assert not Unit.objects.filter(name="Ban Nội chính").exists()


def test_an_event_of_a_write_that_fails_later_is_rolled_back_with_it(people: Personas) -> None:
    """person_create writes its event, then the first membership is refused: nothing stays."""
    with pytest.raises(ValidationError):
        _new_person(people, people.chau_thanh_admin, people.chau_thanh_office, role="khong-co")
    assert not Person.objects.filter(username="vt.moi").exists()
    assert not AuditEvent.objects.exists()


def test_every_write_leaves_an_event_and_the_chain_verifies(people: Personas) -> None:
    actor = people.chau_thanh_admin
    unit = services.unit_create(
        actor=actor, parent=people.chau_thanh, kind=UnitKind.BOARD, name="Ban A", symbol="BA"
    )
    term = services.term_create(
        actor=actor, committee=people.chau_thanh, name="Nhiệm kỳ X", starts_on=date(2010, 8, 1)
    )
    services.term_update(
        actor=actor, term=term, name="Nhiệm kỳ X", starts_on=date(2010, 8, 2), congress="X"
    )
    person = _new_person(people, actor, unit, role=Role.ADMIN)
    services_people.person_update(actor=actor, person=person, full_name="Nguyễn Thị Mới Sửa")
    services_people.person_set_password(actor=actor, person=person, password="Mat-khau-khac-2012!")
    services_people.person_deactivate(actor=actor, person=person, reason="Chuyển công tác")
    services_people.person_reactivate(actor=actor, person=person)
    services_people.person_credentials_revoke(actor=actor, person=person)
    request = services_memberships.membership_create(
        actor=actor, person=person, unit=people.chau_thanh_office, role=Role.SPECIALIST
    )
    assert isinstance(request, MembershipRequest)
    confirmer = people.province_admin
    membership = services_memberships.membership_request_confirm(actor=confirmer, request=request)
    raise_ = services_memberships.membership_update(
        actor=actor, membership=membership, clearance=Clearance.SECRET, position="Chuyên viên"
    )
    assert isinstance(raise_, MembershipRequest)
    services_memberships.membership_request_refuse(
        actor=confirmer, request=raise_, reason="Chưa cần"
    )
    services_memberships.membership_update(
        actor=actor, membership=membership, clearance=Clearance.UNCLASSIFIED, position="CV"
    )
    services_memberships.membership_end(actor=actor, membership=membership)
    assert _events("unit.create", unit) == 1
    assert _events("term.create", term) == 1
    assert _events("term.update", term) == 1
    for action in (
        "person.create",
        "person.update",
        "person.set_password",
        "person.deactivate",
        "person.reactivate",
        "person.revoke_credentials",
    ):
        assert _events(action, person) == 1, action
    for action in ("membership.create", "membership.update", "membership.end"):
        assert _events(action, membership) == 1, action
    assert _events("membership_request.create", request) == 1
    assert _events("membership_request.confirm", request) == 1
    assert _events("membership_request.create", raise_) == 1
    assert _events("membership_request.refuse", raise_) == 1
    assert set(AuditEvent.objects.values_list("actor_id", flat=True)) == {actor.pk, confirmer.pk}
    assert (
        AuditEvent.objects.get(action="membership.create", object_id=str(membership.uuid)).actor_id
        == confirmer.pk
    )
    assert audit.verify().ok


# --- terms ------------------------------------------------------------------------------------


def test_terms_belong_to_committees_only(people: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        services.term_create(
            actor=people.province_admin,
            committee=people.province_office,
            name="Nhiệm kỳ",
            starts_on=date(2010, 1, 1),
        )
    assert "committee" in caught.value.message_dict


def test_overlapping_terms_are_refused(people: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        services.term_create(
            actor=people.province_admin,
            committee=people.province,
            name="Nhiệm kỳ chồng",
            starts_on=date(2015, 1, 1),
        )
    assert "starts_on" in caught.value.message_dict
    assert CommitteeTerm.objects.count() == 1


def test_district_admin_cannot_touch_the_provinces_term(people: Personas) -> None:
    with pytest.raises(PermissionDenied):
        services.term_update(
            actor=people.chau_thanh_admin,
            term=people.province_term,
            name="Bị sửa",
            starts_on=date(2010, 10, 15),
        )


# --- people -----------------------------------------------------------------------------------


def test_person_create_makes_the_first_membership_and_normalises(people: Personas) -> None:
    person = _new_person(
        people,
        people.superuser,
        people.chau_thanh_office,
        username=" VT.Moi ",
        email="VT.Moi@Example.VN",
        clearance=Clearance.SECRET,
    )
    assert person.username == "vt.moi"
    assert person.email == "vt.moi@example.vn"
    assert person.check_password(NEW_PASSWORD)
    membership = person.memberships.get()
    assert (membership.unit, membership.clearance) == (people.chau_thanh_office, Clearance.SECRET)


def test_a_district_admins_new_clerk_waits_for_the_province_to_confirm_the_post(
    people: Personas,
) -> None:
    person = _new_person(people, people.chau_thanh_admin, people.chau_thanh_office)
    assert not person.memberships.exists()
    request = MembershipRequest.objects.get(person=person)
    assert (request.unit, request.role, request.requested_by) == (
        people.chau_thanh_office,
        Role.CLERK,
        people.chau_thanh_admin,
    )
    membership = services_memberships.membership_request_confirm(
        actor=people.province_admin, request=request
    )
    assert (membership.person, membership.role) == (person, Role.CLERK)


def test_person_create_refuses_a_taken_username_whatever_its_case(people: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        _new_person(people, people.chau_thanh_admin, people.chau_thanh, username="VT.ChauThanh")
    assert "username" in caught.value.message_dict


def test_person_create_refuses_a_weak_password_on_the_password_field(people: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        _new_person(people, people.chau_thanh_admin, people.chau_thanh, password="12345678")
    assert "password" in caught.value.message_dict


def test_district_admin_cannot_create_a_person_in_another_district(people: Personas) -> None:
    with pytest.raises(PermissionDenied):
        _new_person(people, people.chau_thanh_admin, people.hoa_thanh_office)
    assert not Person.objects.filter(username="vt.moi").exists()


def test_district_admin_cannot_update_a_person_of_another_district(people: Personas) -> None:
    with pytest.raises(PermissionDenied):
        services_people.person_update(
            actor=people.chau_thanh_admin, person=people.hoa_thanh_clerk, full_name="Bị sửa"
        )


def test_setting_a_password_ends_the_persons_sessions(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_clerk)
    assert not _sent_to_login(client)
    services_people.person_set_password(
        actor=people.chau_thanh_admin, person=people.chau_thanh_clerk, password=NEW_PASSWORD
    )
    assert _sent_to_login(client)
    login = reverse("web:login")
    old = client.post(login, {"username": "vt.chauthanh", "password": PASSWORD})
    assert old.status_code == 200  # the form again: the old password is gone
    new = client.post(login, {"username": "vt.chauthanh", "password": NEW_PASSWORD})
    assert new.status_code == 302
    assert not _sent_to_login(client)


def test_anyone_may_set_their_own_password(people: Personas) -> None:
    services_people.person_set_password(
        actor=people.hoa_thanh_clerk, person=people.hoa_thanh_clerk, password=NEW_PASSWORD
    )
    with pytest.raises(PermissionDenied):
        services_people.person_set_password(
            actor=people.hoa_thanh_clerk, person=people.chau_thanh_clerk, password=NEW_PASSWORD
        )


def test_deactivation_ends_the_persons_sessions(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_clerk)
    assert not _sent_to_login(client)
    services_people.person_deactivate(
        actor=people.chau_thanh_admin, person=people.chau_thanh_clerk, reason="Nghỉ hưu"
    )
    assert _sent_to_login(client)
    client.force_login(people.chau_thanh_specialist)  # a colleague's session is untouched
    assert not _sent_to_login(client)


def test_deactivation_needs_a_reason_and_not_oneself(people: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        services_people.person_deactivate(
            actor=people.chau_thanh_admin, person=people.chau_thanh_clerk, reason="  "
        )
    assert "reason" in caught.value.message_dict
    with pytest.raises(ValidationError):
        services_people.person_deactivate(
            actor=people.chau_thanh_admin, person=people.chau_thanh_admin, reason="Thử"
        )
    assert not AuditEvent.objects.exists()


def test_deactivating_twice_or_reactivating_an_active_person_is_refused(
    people: Personas,
) -> None:
    services_people.person_deactivate(
        actor=people.chau_thanh_admin, person=people.chau_thanh_clerk, reason="Nghỉ hưu"
    )
    with pytest.raises(ValidationError):
        services_people.person_deactivate(
            actor=people.chau_thanh_admin, person=people.chau_thanh_clerk, reason="Nghỉ hưu"
        )
    with pytest.raises(ValidationError):
        services_people.person_reactivate(
            actor=people.chau_thanh_admin, person=people.chau_thanh_admin
        )


def test_district_admin_cannot_deactivate_a_person_of_another_district(
    people: Personas,
) -> None:
    with pytest.raises(PermissionDenied):
        services_people.person_deactivate(
            actor=people.chau_thanh_admin, person=people.hoa_thanh_clerk, reason="Thử"
        )
    people.hoa_thanh_clerk.refresh_from_db()
    assert people.hoa_thanh_clerk.is_active


def test_the_admin_of_a_unit_someone_left_no_longer_administers_them(
    people: Personas,
) -> None:
    moved = people.province_admin
    Membership.objects.create(
        person=moved,
        unit=people.chau_thanh_office,
        role=Role.CLERK,
        starts_on=date(2005, 1, 1),
        ends_on=date(2009, 12, 31),
    )
    with pytest.raises(PermissionDenied):
        services_people.person_set_password(
            actor=people.chau_thanh_admin, person=moved, password=NEW_PASSWORD
        )


def test_the_last_units_admin_still_administers_a_retired_person(people: Personas) -> None:
    retired = people.chau_thanh_clerk.memberships.get()
    services_memberships.membership_end(actor=people.chau_thanh_admin, membership=retired)
    Membership.objects.filter(pk=retired.pk).update(ends_on=date(2011, 12, 31))
    services_people.person_deactivate(
        actor=people.chau_thanh_admin, person=people.chau_thanh_clerk, reason="Nghỉ hưu"
    )


def test_a_superuser_is_administered_by_superusers_only(people: Personas) -> None:
    Membership.objects.create(person=people.superuser, unit=people.chau_thanh, role=Role.CLERK)
    with pytest.raises(PermissionDenied):
        services_people.person_set_password(
            actor=people.chau_thanh_admin, person=people.superuser, password=NEW_PASSWORD
        )


# --- memberships ------------------------------------------------------------------------------


def test_district_admin_cannot_pull_a_stranger_into_their_unit(people: Personas) -> None:
    """Placing someone in your unit would make them yours, password and all."""
    for stranger in (people.superuser, people.province_admin, people.hoa_thanh_clerk):
        with pytest.raises(PermissionDenied):
            services_memberships.membership_create(
                actor=people.chau_thanh_admin,
                person=stranger,
                unit=people.chau_thanh_office,
                role=Role.CLERK,
            )
    with pytest.raises(PermissionDenied):
        services_memberships.membership_create(
            actor=people.chau_thanh_admin,
            person=people.unassigned,
            unit=people.chau_thanh_office,
            role=Role.CLERK,
        )
    assert not Membership.objects.filter(unit=people.chau_thanh_office, role=Role.CLERK).exclude(
        person=people.chau_thanh_clerk
    )


def test_superuser_places_an_unassigned_person(people: Personas) -> None:
    membership = services_memberships.membership_create(
        actor=people.superuser,
        person=people.unassigned,
        unit=people.hoa_thanh_office,
        role=Role.SPECIALIST,
    )
    assert membership.starts_on is not None
    assert _events("membership.create", membership) == 1


def test_district_admin_cannot_place_their_own_person_in_another_district(
    people: Personas,
) -> None:
    with pytest.raises(PermissionDenied):
        services_memberships.membership_create(
            actor=people.chau_thanh_admin,
            person=people.chau_thanh_clerk,
            unit=people.hoa_thanh_office,
            role=Role.CLERK,
        )


def test_the_same_role_cannot_be_open_twice_in_a_unit(people: Personas) -> None:
    with pytest.raises(ValidationError):
        services_memberships.membership_create(
            actor=people.chau_thanh_admin,
            person=people.chau_thanh_clerk,
            unit=people.chau_thanh_office,
            role=Role.CLERK,
        )


def test_a_new_membership_widens_the_persons_scope(people: Personas) -> None:
    from vanphong.org.selectors import scope_for

    person = Person.objects.get(pk=people.chau_thanh_specialist.pk)
    assert not scope_for(person).administers(people.chau_thanh_office.id)
    services_memberships.membership_create(
        actor=people.chau_thanh_admin,
        person=person,
        unit=people.chau_thanh_office,
        role=Role.ADMIN,
    )
    assert scope_for(person).administers(people.chau_thanh_office.id)


def test_unknown_clearance_is_refused_on_its_field(people: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        services_memberships.membership_update(
            actor=people.chau_thanh_admin,
            membership=people.chau_thanh_clerk.memberships.get(),
            clearance=7,
        )
    assert "clearance" in caught.value.message_dict


def test_membership_end_checks_dates_and_scope(people: Personas) -> None:
    membership = people.chau_thanh_clerk.memberships.get()
    with pytest.raises(ValidationError) as caught:
        services_memberships.membership_end(
            actor=people.chau_thanh_admin, membership=membership, ends_on=date(2000, 1, 1)
        )
    assert "ends_on" in caught.value.message_dict
    with pytest.raises(PermissionDenied):
        services_memberships.membership_end(
            actor=people.chau_thanh_admin,
            membership=people.hoa_thanh_clerk.memberships.get(),
        )
    ended = services_memberships.membership_end(
        actor=people.chau_thanh_admin, membership=membership, ends_on=date(2012, 2, 17)
    )
    assert ended.ends_on == date(2012, 2, 17)
    with pytest.raises(ValidationError):
        services_memberships.membership_end(actor=people.chau_thanh_admin, membership=membership)


def test_system_work_needs_no_actor(people: Personas) -> None:
    unit = services.unit_create(
        actor=None, parent=None, kind=UnitKind.PROVINCIAL_COMMITTEE, name="Tỉnh ủy B", symbol="TU"
    )
    assert AuditEvent.objects.get(object_id=str(unit.uuid)).actor_label == "system"
