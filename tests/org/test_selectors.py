from __future__ import annotations

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from tests.support.factories import MembershipFactory
from tests.support.personas import Personas
from vanphong.org.models import Clearance, Person, Role
from vanphong.org.selectors import (
    committee_of,
    people_administered,
    people_list,
    people_search,
    scope_for,
    term_in_force,
    unit_get_administered,
    unit_tree,
    units_visible,
)


def _fresh(person: Person) -> Person:
    return Person.objects.get(pk=person.pk)


def test_a_district_clerk_sees_only_their_own_office(people: Personas) -> None:
    scope = scope_for(people.chau_thanh_clerk)
    assert scope.unit_ids == {people.chau_thanh_office.id}
    assert scope.sees(people.chau_thanh_office.id, Clearance.SECRET)
    assert not scope.sees(people.chau_thanh_office.id, Clearance.TOP_SECRET)
    assert not scope.sees(people.hoa_thanh_office.id)


def test_a_province_committee_leader_sees_every_unit_below_at_their_clearance(
    people: Personas,
) -> None:
    scope = scope_for(people.province_leader)
    for unit in (people.province, people.chau_thanh_office, people.hoa_thanh_office):
        assert scope.sees(unit.id, Clearance.ULTRA_SECRET)


def test_overlapping_memberships_grant_the_highest_clearance(people: Personas) -> None:
    MembershipFactory.create(
        person=people.chau_thanh_specialist,
        unit=people.chau_thanh,
        role=Role.SPECIALIST,
        clearance=Clearance.TOP_SECRET,
    )
    scope = scope_for(_fresh(people.chau_thanh_specialist))
    assert scope.clearance_by_unit[people.chau_thanh_office.id] == Clearance.TOP_SECRET


def test_ended_and_future_memberships_grant_nothing(people: Personas) -> None:
    today = timezone.localdate()
    person = people.unassigned
    MembershipFactory.create(
        person=person, unit=people.province, role=Role.CLERK, ends_on=today - timedelta(days=1)
    )
    MembershipFactory.create(
        person=person, unit=people.hoa_thanh, role=Role.CLERK, starts_on=today + timedelta(days=1)
    )
    assert scope_for(_fresh(person)).unit_ids == frozenset()


def test_a_deactivated_person_has_an_empty_scope(people: Personas) -> None:
    person = people.chau_thanh_clerk
    person.is_active = False
    assert scope_for(person).unit_ids == frozenset()


def test_a_superuser_sees_and_administers_everything(people: Personas) -> None:
    scope = scope_for(people.superuser)
    assert scope.everything
    assert scope.administers(people.hoa_thanh_office.id)
    assert set(units_visible(people.superuser)) >= {people.province, people.hoa_thanh_office}


def test_an_admin_administers_their_subtree_and_nothing_beside_it(people: Personas) -> None:
    scope = scope_for(people.chau_thanh_admin)
    assert scope.administers(people.chau_thanh.id)
    assert scope.administers(people.chau_thanh_office.id)
    assert not scope.administers(people.province.id)
    assert not scope.administers(people.hoa_thanh.id)
    with pytest.raises(Http404):
        unit_get_administered(people.chau_thanh_admin, people.hoa_thanh.uuid)
    with pytest.raises(Http404):
        unit_get_administered(people.chau_thanh_admin, "not-a-uuid")


def test_people_administered_are_those_with_a_membership_in_the_subtree(
    people: Personas,
) -> None:
    visible = set(people_administered(people.chau_thanh_admin))
    assert people.chau_thanh_clerk in visible
    assert people.hoa_thanh_clerk not in visible


def test_people_search_ignores_marks_and_tone_placement(people: Personas) -> None:
    everyone = people_administered(people.superuser)
    assert list(people_search(everyone, "bui thi hoa")) == [people.hoa_thanh_clerk]
    assert list(people_search(everyone, "Bùi Thị Hòa")) == [people.hoa_thanh_clerk]
    assert list(people_search(everyone, "dang den")) == [people.chau_thanh_clerk]


def test_the_tree_lists_parents_before_children(people: Personas) -> None:
    rows = unit_tree(units_visible(people.province_leader))
    order = [row.unit for row in rows]
    assert order.index(people.province) < order.index(people.chau_thanh)
    assert order.index(people.chau_thanh) < order.index(people.chau_thanh_office)
    depth = {row.unit.id: row.depth for row in rows}
    assert depth[people.chau_thanh_office.id] == 2


def test_an_office_numbers_in_its_committees_term(people: Personas) -> None:
    assert committee_of(people.province_office) == people.province
    term = term_in_force(people.province, people.province_term.starts_on + timedelta(days=400))
    assert term == people.province_term
    assert (
        term_in_force(people.province, people.province_term.starts_on - timedelta(days=1)) is None
    )


def test_people_list_filtered_by_a_committee_includes_the_people_of_its_office(
    people: Personas,
) -> None:
    found = list(people_list(people.province_admin, unit=people.chau_thanh))
    assert people.chau_thanh_clerk in found
    assert people.chau_thanh_admin in found
    assert people.hoa_thanh_clerk not in found
    rows = {person.username: person.current_memberships for person in found}  # type: ignore[attr-defined]
    assert [m.unit for m in rows["vt.chauthanh"]] == [people.chau_thanh_office]


def test_people_list_filters_by_activity(people: Personas) -> None:
    people.hoa_thanh_clerk.is_active = False
    people.hoa_thanh_clerk.save()
    inactive = list(people_list(people.province_admin, active=False))
    assert inactive == [people.hoa_thanh_clerk]
