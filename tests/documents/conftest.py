"""The document world: the common personas plus the leaders and terms documents need."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from tests.factories import MembershipFactory, PersonFactory, TermFactory
from tests.personas import Personas, build_personas
from vanphong.org.models import Clearance, CommitteeTerm, Person, Role, Unit


@dataclass
class DocWorld:
    p: Personas
    chau_thanh_term: CommitteeTerm
    province_office_leader: Person
    province_specialist: Person
    chau_thanh_office_leader: Person
    chau_thanh_leader: Person

    def __getattr__(self, name: str) -> Any:  # the personas' fields, typed loosely
        return getattr(self.p, name)


def _person(username: str, full_name: str, unit: Unit, role: str, clearance: int) -> Person:
    person = PersonFactory.create(username=username, full_name=full_name)
    MembershipFactory.create(person=person, unit=unit, role=role, clearance=clearance)
    return person


def build_world() -> DocWorld:
    p = build_personas()
    return DocWorld(
        p=p,
        chau_thanh_term=TermFactory.create(
            committee=p.chau_thanh, starts_on=date(2010, 7, 20), ends_on=date(2015, 7, 19)
        ),
        province_office_leader=_person(
            "cvp.tinh",
            "Trương Chánh Văn",
            p.province_office,
            Role.OFFICE_LEADER,
            Clearance.TOP_SECRET,
        ),
        province_specialist=_person(
            "cv.tinh", "Phan Thị Soạn", p.province_office, Role.SPECIALIST, Clearance.UNCLASSIFIED
        ),
        chau_thanh_office_leader=_person(
            "cvp.chauthanh",
            "Lý Chánh Huyện",
            p.chau_thanh_office,
            Role.OFFICE_LEADER,
            Clearance.SECRET,
        ),
        chau_thanh_leader=_person(
            "bt.chauthanh", "Hồ Bí Thư", p.chau_thanh, Role.COMMITTEE_LEADER, Clearance.TOP_SECRET
        ),
    )


@pytest.fixture
def world(db: None) -> DocWorld:
    return build_world()
