"""Factories for deep graphs; they write rows directly, without services or audit events."""

from __future__ import annotations

from datetime import date
from typing import Any

import factory

from vanphong.core.vietnamese import fold
from vanphong.org.models import Clearance, CommitteeTerm, Membership, Person, Unit, UnitKind


class UnitFactory(factory.django.DjangoModelFactory[Unit]):
    class Meta:
        model = Unit

    kind = UnitKind.OFFICE
    name = factory.Sequence(lambda n: f"Văn phòng số {n}")
    symbol = factory.Sequence(lambda n: f"VP{n}")
    name_folded = factory.LazyAttribute(lambda unit: fold(unit.name))


class TermFactory(factory.django.DjangoModelFactory[CommitteeTerm]):
    class Meta:
        model = CommitteeTerm

    committee = factory.SubFactory(UnitFactory, kind=UnitKind.PROVINCIAL_COMMITTEE)
    name = "Nhiệm kỳ 2010–2015"
    congress = "IX"
    starts_on = date(2010, 10, 15)
    ends_on = date(2015, 10, 15)


class PersonFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"canbo{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    name_folded = factory.LazyAttribute(lambda person: fold(person.full_name))
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu")

    @classmethod
    def _after_postgeneration(cls, instance: Person, create: bool, results: Any = None) -> None:
        if create:
            instance.save()


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    unit = factory.SubFactory(UnitFactory)
    role = "specialist"
    clearance = Clearance.UNCLASSIFIED
    starts_on = date(2010, 1, 1)
