"""Who sees which document: role × unit × clearance, and involvement."""

from __future__ import annotations

import pytest

from tests.support.documents import DocWorld, register_2011
from tests.support.factories import MembershipFactory, PersonFactory
from vanphong.documents import services_incoming, services_outgoing
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.documents.services_incoming import Handler
from vanphong.org.models import Clearance, Role

OPEN_VIEWERS = {
    "chau_thanh_clerk": True,
    "chau_thanh_specialist": True,
    "chau_thanh_office_leader": True,
    "chau_thanh_leader": True,
    "province_leader": True,
    "province_clerk": False,
    "province_admin": False,
    "chau_thanh_admin": False,
    "hoa_thanh_clerk": False,
    "unassigned": False,
    "superuser": False,
}
SECRET_VIEWERS = {
    **OPEN_VIEWERS,
    "chau_thanh_specialist": False,
}


@pytest.mark.parametrize(("persona", "sees"), OPEN_VIEWERS.items())
def test_an_unclassified_document_is_seen_by_the_units_members_and_those_above(
    world: DocWorld, persona: str, sees: bool
) -> None:
    document = register_2011(world)
    person = getattr(world, persona)
    assert incoming_visible(person).filter(pk=document.pk).exists() is sees


@pytest.mark.parametrize(("persona", "sees"), SECRET_VIEWERS.items())
def test_a_secret_document_needs_the_clearance_and_a_clerk_or_leader_role(
    world: DocWorld, persona: str, sees: bool
) -> None:
    document = register_2011(world, confidentiality=Clearance.SECRET)
    person = getattr(world, persona)
    assert incoming_visible(person).filter(pk=document.pk).exists() is sees


def test_a_clearance_is_not_lent_from_one_post_to_the_role_of_another(world: DocWorld) -> None:
    """A Tối mật specialist of the provincial committee (whose post covers the districts) who
    is also a Không mật clerk of a district's Office reads the district's ordinary documents,
    and no secret one: the province post's clearance does not make the district clerk cleared."""
    person = PersonFactory.create(username="cv.tinh.kiem")
    MembershipFactory.create(
        person=person,
        unit=world.province,
        role=Role.SPECIALIST,
        clearance=Clearance.TOP_SECRET,
    )
    MembershipFactory.create(
        person=person, unit=world.chau_thanh_office, role=Role.CLERK, clearance=0
    )
    ordinary = register_2011(world)
    secret = register_2011(world, confidentiality=Clearance.SECRET, number_symbol="Số 46-CV/TU")
    visible = set(incoming_visible(person).values_list("pk", flat=True))
    assert ordinary.pk in visible
    assert secret.pk not in visible


def test_a_secret_document_opens_to_the_specialist_it_is_assigned_to(world: DocWorld) -> None:
    document = register_2011(world, confidentiality=Clearance.SECRET)
    specialist = world.chau_thanh_specialist
    assert not incoming_visible(specialist).filter(pk=document.pk).exists()
    services_incoming.direction_give(
        actor=world.chau_thanh_office_leader,
        document=document,
        text="Đồng chí Huỳnh xử lý.",
        lead=Handler(person=specialist),
    )
    assert incoming_visible(specialist).filter(pk=document.pk).exists()


def test_a_top_secret_document_is_beyond_a_leader_cleared_for_secret(world: DocWorld) -> None:
    document = register_2011(world, confidentiality=Clearance.SECRET)
    type(document).objects.filter(pk=document.pk).update(confidentiality=Clearance.TOP_SECRET)
    assert not incoming_visible(world.chau_thanh_office_leader).filter(pk=document.pk).exists()
    assert incoming_visible(world.chau_thanh_leader).filter(pk=document.pk).exists()
    assert incoming_visible(world.chau_thanh_clerk).filter(pk=document.pk).exists(), (
        "the clerk who registered it is involved"
    )


def test_drafts_follow_the_same_rule(world: DocWorld) -> None:
    draft = services_outgoing.outgoing_create(
        actor=world.chau_thanh_clerk,
        unit=world.chau_thanh_office,
        type_symbol="BC",
        subject="Báo cáo mật",
        confidentiality=Clearance.SECRET,
    )
    assert outgoing_visible(world.chau_thanh_office_leader).filter(pk=draft.pk).exists()
    assert not outgoing_visible(world.chau_thanh_specialist).filter(pk=draft.pk).exists()
    assert not outgoing_visible(world.hoa_thanh_clerk).filter(pk=draft.pk).exists()
