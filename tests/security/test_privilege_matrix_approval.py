"""Who may change an approval chain, allow self-approval and sign — every persona against the
same target, Châu Thành's Office (its chain, an approved draft of it).

A persona is a role (clerk, specialist, Office leader, committee leader, administrator,
emulation officer) held in the target's own district, in another district (Hòa Thành) or in
the province: the Office roles in that place's Office, the leader and administrator roles in
its committee (a district administrator below, the province administrator above). Each
action goes through the page and, where there is one, the API; what the rules refuse is
refused there, and a refused attempt changes nothing — no row, no state, no audit event.

The rules: a chain's steps are set by the unit's leaders (its own or a committee's above it)
and its administrators, and name only leader roles; self-approval is changed only by a
leader of the unit's own committee; the signer recorded is the leader who signs, never a
person named by someone else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from tests.support.factories import MembershipFactory
from tests.support.personas import build_personas
from vanphong.api.services import token_create
from vanphong.core.models import AuditEvent
from vanphong.documents import services_outgoing
from vanphong.documents.models import ApprovalChain, OutgoingDocument, OutgoingStatus
from vanphong.org.models import Clearance, Person, Role, Unit

ROLES = {
    "clerk": Role.CLERK,
    "specialist": Role.SPECIALIST,
    "office_leader": Role.OFFICE_LEADER,
    "committee_leader": Role.COMMITTEE_LEADER,
    "admin": Role.ADMIN,
    "emulation": Role.EMULATION,
}
PLACES = ("own", "other_district", "province")
PERSONAS = [f"{role}@{place}" for place in PLACES for role in ROLES]

# What the rules allow; every other persona is refused.
SETS_STEPS = {
    "office_leader@own",
    "committee_leader@own",
    "admin@own",
    "committee_leader@province",  # a leader of the committee above leads the unit too
    "admin@province",  # administers the whole subtree
}
ALLOWS_SELF_APPROVAL = {"committee_leader@own"}  # the Office's own committee, nobody else
SIGNS = {"office_leader@own", "committee_leader@own", "committee_leader@province"}

DEFAULT_STEPS = [{"role": Role.OFFICE_LEADER, "at": "unit"}]
COMMITTEE_STEPS = [{"role": Role.COMMITTEE_LEADER, "at": "committee"}]


@dataclass
class Matrix:
    target: Unit
    people: dict[str, Person]
    draft: OutgoingDocument

    def person(self, persona: str) -> Person:
        return self.people[persona]


@pytest.fixture
def matrix(db: None) -> Matrix:
    p = build_personas()
    places = {
        "own": (p.chau_thanh, p.chau_thanh_office),
        "other_district": (p.hoa_thanh, p.hoa_thanh_office),
        "province": (p.province, p.province_office),
    }
    people: dict[str, Person] = {}
    for place, (committee, office) in places.items():
        for name, role in ROLES.items():
            unit = committee if role in {Role.COMMITTEE_LEADER, Role.ADMIN} else office
            membership = MembershipFactory.create(unit=unit, role=role, clearance=Clearance.SECRET)
            people[f"{name}@{place}"] = membership.person
    # The draft's drafter and approver are not personas: a persona's own draft is no test.
    drafter, approver = (
        MembershipFactory.create(unit=p.chau_thanh_office, role=role).person
        for role in (Role.SPECIALIST, Role.OFFICE_LEADER)
    )
    draft = services_outgoing.outgoing_create(
        actor=drafter, unit=p.chau_thanh_office, type_symbol="CV", subject="V/v thử ma trận quyền"
    )
    services_outgoing.outgoing_submit(actor=drafter, document=draft)
    services_outgoing.outgoing_approve(actor=approver, document=draft)
    return Matrix(target=p.chau_thanh_office, people=people, draft=draft)


def _events(action: str) -> int:
    return AuditEvent.objects.filter(action=action).count()


def _chain_post(steps: list[dict[str, str]], *, allow_self: bool = False) -> dict[str, str]:
    data = {f"at_{i}": "unit" for i in range(5)}
    for i, step in enumerate(steps):
        data[f"role_{i}"], data[f"at_{i}"] = step["role"], step["at"]
    if allow_self:
        data["allow_self_approval"] = "on"
    return data


def _api(client: Client, person: Person, path: str, data: dict[str, Any]) -> Any:
    token = token_create(actor=None, person=person, name="matrix").token
    return client.post(
        f"/api/v1/van-ban{path}",
        data,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


# --- the chain's steps ------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_setting_a_chains_steps_on_the_page(client: Client, matrix: Matrix, persona: str) -> None:
    person = matrix.person(persona)
    client.force_login(person)
    address = reverse("documents:approval_chain", args=[matrix.target.uuid])
    response = client.post(address, _chain_post(COMMITTEE_STEPS))
    chain = ApprovalChain.objects.filter(unit=matrix.target).first()
    if persona in SETS_STEPS:
        assert response.status_code == 302
        assert chain is not None
        assert chain.steps == COMMITTEE_STEPS
        event = AuditEvent.objects.get(action="approval_chain.set")
        assert event.actor_id == person.pk
    else:
        assert response.status_code == 404
        assert chain is None
        assert _events("approval_chain.set") == 0


@pytest.mark.parametrize("persona", PERSONAS)
def test_nobody_names_a_role_other_than_a_leader_in_a_step(
    client: Client, matrix: Matrix, persona: str
) -> None:
    person = matrix.person(persona)
    client.force_login(person)
    address = reverse("documents:approval_chain", args=[matrix.target.uuid])
    for role in (Role.SPECIALIST, Role.CLERK, Role.EMULATION, Role.RECEPTION, Role.ADMIN):
        steps = [*DEFAULT_STEPS, {"role": role, "at": "unit"}]
        assert client.post(address, _chain_post(steps)).status_code in {200, 404}
        with pytest.raises((PermissionDenied, ValidationError)):
            services_outgoing.approval_chain_set(actor=person, unit=matrix.target, steps=steps)
    assert not ApprovalChain.objects.exists()
    assert _events("approval_chain.set") == 0


# --- self-approval ----------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_allowing_self_approval(client: Client, matrix: Matrix, persona: str) -> None:
    person = matrix.person(persona)
    client.force_login(person)
    address = reverse("documents:approval_chain", args=[matrix.target.uuid])
    client.post(address, _chain_post(DEFAULT_STEPS, allow_self=True))
    chain = ApprovalChain.objects.filter(unit=matrix.target).first()
    if persona in ALLOWS_SELF_APPROVAL:
        assert chain is not None
        assert (chain.allow_self_approval, chain.self_approval_by) == (True, person)
        event = AuditEvent.objects.get(action="approval_chain.set")
        assert event.actor_id == person.pk
        assert event.before == {"steps": [], "allow_self_approval": False}
        assert event.after == {"steps": DEFAULT_STEPS, "allow_self_approval": True}
        return
    # The page leaves self-approval as it was (an entitled persona may still save the steps).
    assert chain is None or (chain.allow_self_approval, chain.self_approval_by) == (False, None)
    # The service refuses it outright, and writes nothing.
    before = (ApprovalChain.objects.count(), AuditEvent.objects.count())
    with pytest.raises(PermissionDenied):
        services_outgoing.approval_chain_set(
            actor=person, unit=matrix.target, steps=DEFAULT_STEPS, allow_self_approval=True
        )
    assert (ApprovalChain.objects.count(), AuditEvent.objects.count()) == before
    assert not ApprovalChain.objects.filter(allow_self_approval=True).exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_stopping_self_approval(matrix: Matrix, persona: str) -> None:
    services_outgoing.approval_chain_set(
        actor=matrix.person("committee_leader@own"),
        unit=matrix.target,
        steps=DEFAULT_STEPS,
        allow_self_approval=True,
    )
    events = _events("approval_chain.set")
    person = matrix.person(persona)
    if persona in ALLOWS_SELF_APPROVAL:
        services_outgoing.approval_chain_set(
            actor=person, unit=matrix.target, steps=DEFAULT_STEPS, allow_self_approval=False
        )
        assert ApprovalChain.objects.get().allow_self_approval is False
        return
    with pytest.raises(PermissionDenied):
        services_outgoing.approval_chain_set(
            actor=person, unit=matrix.target, steps=DEFAULT_STEPS, allow_self_approval=False
        )
    chain = ApprovalChain.objects.get()
    assert (chain.allow_self_approval, chain.self_approval_by) == (
        True,
        matrix.person("committee_leader@own"),
    )
    assert _events("approval_chain.set") == events


# --- signing ----------------------------------------------------------------------------------


def _unsigned(matrix: Matrix) -> None:
    matrix.draft.refresh_from_db()
    assert (matrix.draft.status, matrix.draft.signer, matrix.draft.signed_at) == (
        OutgoingStatus.APPROVED,
        None,
        None,
    )
    assert _events("outgoing.sign") == 0


def _signed_by(matrix: Matrix, person: Person) -> None:
    matrix.draft.refresh_from_db()
    assert (matrix.draft.status, matrix.draft.signer) == (OutgoingStatus.SIGNED, person)
    assert AuditEvent.objects.get(action="outgoing.sign").actor_id == person.pk


@pytest.mark.parametrize("persona", PERSONAS)
def test_signing_on_the_page(client: Client, matrix: Matrix, persona: str) -> None:
    person = matrix.person(persona)
    client.force_login(person)
    address = reverse("documents:outgoing_sign", args=[matrix.draft.uuid])
    response = client.post(address, {"position": "Bí thư", "authority": "T/M"})
    if persona in SIGNS:
        assert response.status_code == 302
        _signed_by(matrix, person)
    else:
        assert response.status_code in {302, 404}  # refused with a message, or not visible
        _unsigned(matrix)


@pytest.mark.parametrize("persona", PERSONAS)
def test_signing_through_the_api(client: Client, matrix: Matrix, persona: str) -> None:
    person = matrix.person(persona)
    response = _api(client, person, f"/di/{matrix.draft.uuid}/ky", {"position": "Bí thư"})
    if persona in SIGNS:
        assert response.status_code == 200
        _signed_by(matrix, person)
    else:
        assert response.status_code in {403, 404}
        _unsigned(matrix)


@pytest.mark.parametrize("persona", PERSONAS)
def test_nobody_records_someone_else_as_the_signer(
    client: Client, matrix: Matrix, persona: str
) -> None:
    person = matrix.person(persona)
    other = next(p for name, p in matrix.people.items() if name in SIGNS and p.pk != person.pk)
    response = _api(
        client,
        person,
        f"/di/{matrix.draft.uuid}/ky",
        {"signer": str(other.uuid), "position": "Bí thư"},
    )
    assert response.status_code in {403, 404, 422}
    client.force_login(person)
    client.post(
        reverse("documents:outgoing_sign", args=[matrix.draft.uuid]),
        {"signer": str(other.uuid), "position": "Bí thư"},
    )
    matrix.draft.refresh_from_db()
    assert matrix.draft.signer in {None, person}, "only ever the person who acted"
    if matrix.draft.signer is None:
        _unsigned(matrix)
