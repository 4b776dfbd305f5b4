"""People and unit fields: grouped by unit, "Name — position", in the organisation's order,
in a fixed number of queries, validated against the queryset they are given."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.factories import MembershipFactory, PersonFactory
from tests.support.personas import Personas, build_personas
from vanphong.org.models import Person, Role, Unit
from vanphong.org.pickers import (
    PeopleChoiceField,
    PersonChoiceField,
    UnitChoiceField,
    UnitsChoiceField,
    people_grouped,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def p() -> Personas:
    return build_personas()


def staff(unit: Unit, name: str, role: str = Role.SPECIALIST, position: str = "") -> Person:
    person = PersonFactory.create(full_name=name)
    MembershipFactory.create(person=person, unit=unit, role=role, position=position)
    return person


def choices(field: forms.Field) -> list[Any]:
    """The field's choices as a rendering reads them: iterated once (list() would count
    first)."""
    return [choice for choice in field.choices]  # type: ignore[attr-defined]  # noqa: C416


def flat(groups: list[tuple[str, list[tuple[Person, str]]]]) -> list[tuple[str, list[str]]]:
    return [(group, [label for _p, label in members]) for group, members in groups]


def test_people_are_grouped_by_unit_in_tree_order_leaders_first(p: Personas) -> None:
    staff(p.chau_thanh_office, "Âu Văn Bảy", position="Chuyên viên tổng hợp")
    staff(p.chau_thanh_office, "Lê Chánh", Role.OFFICE_LEADER, "Chánh Văn phòng")
    everyone = Person.objects.exclude(pk__in=[p.superuser.pk, p.unassigned.pk])
    groups = flat(people_grouped(everyone))
    assert [group for group, _labels in groups] == [
        "Tỉnh ủy Tây Ninh",
        "Văn phòng Tỉnh ủy Tây Ninh",
        "Huyện ủy Châu Thành",
        "Văn phòng Huyện ủy Châu Thành",
        "Văn phòng Huyện uỷ Hoà Thành",
    ]
    assert dict(groups)["Văn phòng Huyện ủy Châu Thành"] == [
        "Lê Chánh — Chánh Văn phòng",
        "Âu Văn Bảy — Chuyên viên tổng hợp",
        "Đặng Thị Đến — Văn thư",  # no position: the role says what she does
        "Huỳnh Chuyên Viên — Chuyên viên",
    ]
    assert dict(groups)["Tỉnh ủy Tây Ninh"] == [
        "Lê Lãnh Đạo — Lãnh đạo cấp ủy",
        "Trần Quản Trị — Quản trị hệ thống",
    ]


def test_a_person_with_two_posts_is_listed_once_under_the_working_one(p: Personas) -> None:
    MembershipFactory.create(person=p.chau_thanh_clerk, unit=p.chau_thanh, role=Role.ADMIN)
    groups = flat(people_grouped([p.chau_thanh_clerk]))
    assert groups == [("Văn phòng Huyện ủy Châu Thành", ["Đặng Thị Đến — Văn thư"])]


def test_an_ended_post_does_not_place_a_person_and_no_post_goes_last(p: Personas) -> None:
    gone = staff(p.province_office, "Cao Văn Cũ")
    gone.memberships.update(ends_on=date(2011, 1, 1))
    groups = flat(people_grouped([gone, p.chau_thanh_clerk]))
    assert groups == [
        ("Văn phòng Huyện ủy Châu Thành", ["Đặng Thị Đến — Văn thư"]),
        ("Chưa có công tác", ["Cao Văn Cũ"]),
    ]


def test_grouping_costs_the_same_queries_for_three_people_or_thirty(p: Personas) -> None:
    field = PeopleChoiceField(queryset=Person.objects.all(), required=False)

    def counted() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert choices(field)
        return len(queries)

    few = counted()
    for n in range(30):
        staff((p.province_office, p.hoa_thanh_office)[n % 2], f"Cán bộ {n}")
    assert counted() == few == 3  # the people, their posts, the unit tree


class Direct(forms.Form):
    lead = PersonChoiceField(required=False, to_field_name="uuid")
    supporting = PeopleChoiceField(required=False, to_field_name="uuid")
    unit = UnitChoiceField(to_field_name="uuid")
    units = UnitsChoiceField(required=False, to_field_name="uuid")


def scoped_form(p: Personas, data: dict[str, object] | None = None) -> Direct:
    form = Direct(data=data)
    people = Person.objects.filter(memberships__unit=p.chau_thanh_office)
    for name in ("lead", "supporting"):
        form.fields[name].queryset = people  # type: ignore[attr-defined]
    units = Unit.objects.filter(pk__in=[p.chau_thanh.pk, p.chau_thanh_office.pk])
    for name in ("unit", "units"):
        form.fields[name].queryset = units  # type: ignore[attr-defined]
    return form


def test_the_fields_accept_only_their_scoped_querysets(p: Personas) -> None:
    outside = scoped_form(
        p,
        {
            "lead": str(p.hoa_thanh_clerk.uuid),
            "supporting": [str(p.chau_thanh_clerk.uuid), str(p.province_clerk.uuid)],
            "unit": str(p.hoa_thanh_office.uuid),
            "units": [str(p.province.uuid)],
        },
    )
    assert set(outside.errors) == {"lead", "supporting", "unit", "units"}
    inside = scoped_form(
        p,
        {
            "lead": str(p.chau_thanh_specialist.uuid),
            "supporting": [str(p.chau_thanh_clerk.uuid)],
            "unit": str(p.chau_thanh_office.uuid),
            "units": [str(p.chau_thanh_office.uuid), str(p.chau_thanh.uuid)],
        },
    )
    assert inside.is_valid(), inside.errors
    assert inside.cleaned_data["lead"] == p.chau_thanh_specialist
    assert set(inside.cleaned_data["units"]) == {p.chau_thanh, p.chau_thanh_office}


def test_an_optional_person_has_a_nobody_choice_a_required_one_has_none(p: Personas) -> None:
    optional = scoped_form(p)
    assert choices(optional.fields["lead"])[0] == ("", "(Không chọn)")
    required = PersonChoiceField(queryset=Person.objects.filter(pk=p.chau_thanh_clerk.pk))
    first_group, _members = choices(required)[0]
    assert first_group == "Văn phòng Huyện ủy Châu Thành"


def test_unit_choices_are_in_tree_order_with_labels_and_grouped_by_committee(p: Personas) -> None:
    single = UnitChoiceField(queryset=Unit.objects.order_by("-name"), required=False)
    assert [label for _v, label in choices(single)] == [
        "---------",
        "Tỉnh ủy Tây Ninh",
        "Văn phòng Tỉnh ủy Tây Ninh",
        "Huyện ủy Châu Thành",
        "Văn phòng Huyện ủy Châu Thành",
        "Huyện uỷ Hoà Thành",
        "Văn phòng Huyện uỷ Hoà Thành",
    ]
    several = UnitsChoiceField(queryset=Unit.objects.exclude(pk=p.chau_thanh_office.pk))
    assert [(group, [label for _v, label in units]) for group, units in choices(several)] == [
        ("Tỉnh ủy Tây Ninh", ["Tỉnh ủy Tây Ninh", "Văn phòng Tỉnh ủy Tây Ninh"]),
        ("Huyện ủy Châu Thành", ["Huyện ủy Châu Thành"]),
        ("Huyện uỷ Hoà Thành", ["Huyện uỷ Hoà Thành", "Văn phòng Huyện uỷ Hoà Thành"]),
    ]
