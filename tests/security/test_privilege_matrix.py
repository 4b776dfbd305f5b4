"""The privilege-escalation matrix: for every page and API action that changes memberships,
passwords, clearances, tokens (and, as their rows are added, approval chains and decisions),
each persona acts on a person of their own district, of the other district, of the province,
and on themselves — and the action is applied, sent for confirmation, or refused as the rules
say (docs/architecture.md, "Permission rules"). A refused attempt changes nothing: neither the
state the action is about nor the audit log.

To add an action, add a `Case` to `CASES`: how to attempt it over HTTP, the state it changes,
and the outcome per persona (personas not named are refused everywhere).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import transaction
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import reverse

from tests.support.factories import MembershipFactory, PersonFactory
from tests.support.personas import Personas, build_personas, cast
from vanphong.api.models import ApiToken
from vanphong.api.services import token_create
from vanphong.core.models import AuditEvent
from vanphong.org.models import (
    Clearance,
    Membership,
    MembershipRequest,
    Person,
    RequestStatus,
    Role,
    Unit,
)
from vanphong.planning import services as planning
from vanphong.planning.models import FeedToken

APPLIED, PENDING, REFUSED = "applied", "pending", "refused"
A, P, R = APPLIED, PENDING, REFUSED

# Whom the persona acts on: someone of Châu Thành (the district personas' own), of Hòa Thành,
# of the province (who also holds a post in Châu Thành: finding 3), and the persona himself.
TARGETS = ("own district", "other district", "province", "self")
PERSONAS = (
    "clerk",
    "specialist",
    "office_leader",
    "committee_leader",
    "emulation_officer",
    "district_admin",
    "province_admin",
    "superuser",
)
NEW_PASSWORD = "Mat-khau-moi-2012!"


@dataclass
class World:
    p: Personas
    personas: dict[str, Person]
    targets: dict[str, Person]
    hoa_thanh_admin: Person

    def target(self, column: str, actor: Person) -> Person:
        return actor if column == "self" else self.targets[column]

    def committee(self, column: str, actor: Person) -> Unit:
        """Where a new post goes: the target's committee (the actor's own, for himself)."""
        if column == "self":
            return (
                self.p.province if actor == self.personas["province_admin"] else self.p.chau_thanh
            )
        return {
            "own district": self.p.chau_thanh,
            "other district": self.p.hoa_thanh,
            "province": self.p.province,
        }[column]

    def post(self, target: Person) -> Membership:
        """The target's post at home (his first)."""
        return target.memberships.order_by("pk").first()  # type: ignore[return-value]

    def admin_of(self, column: str, actor: Person) -> Person:
        """Who administers the target's district: the author of a request about him."""
        return {
            "own district": self.p.chau_thanh_admin,
            "other district": self.hoa_thanh_admin,
            "province": self.p.province_admin,
            "self": self.p.province_admin
            if actor != self.p.province_admin
            else self.p.chau_thanh_admin,
        }[column]


def _person(
    username: str, unit: Unit, role: str, clearance: int = Clearance.UNCLASSIFIED
) -> Person:
    person = PersonFactory.create(username=username)
    MembershipFactory.create(person=person, unit=unit, role=role, clearance=clearance)
    return person


def build_world() -> World:
    p = build_personas()
    # The superuser holds a post too, so that "himself" has one to change.
    MembershipFactory.create(person=p.superuser, unit=p.chau_thanh_office, role=Role.SPECIALIST)
    province_target = _person("muctieu.tinh", p.province_office, Role.SPECIALIST)
    MembershipFactory.create(person=province_target, unit=p.chau_thanh_office, role=Role.SPECIALIST)
    return World(
        p=p,
        personas={
            "clerk": p.chau_thanh_clerk,
            "specialist": p.chau_thanh_specialist,
            "office_leader": cast(p, "cvp.chauthanh"),
            "committee_leader": cast(p, "bt.chauthanh"),
            "emulation_officer": _person("td.chauthanh", p.chau_thanh_office, Role.EMULATION),
            "district_admin": p.chau_thanh_admin,
            "province_admin": p.province_admin,
            "superuser": p.superuser,
        },
        targets={
            "own district": _person("muctieu.chauthanh", p.chau_thanh_office, Role.SPECIALIST),
            "other district": _person("muctieu.hoathanh", p.hoa_thanh_office, Role.SPECIALIST),
            "province": province_target,
        },
        hoa_thanh_admin=_person("qt.hoathanh", p.hoa_thanh, Role.ADMIN),
    )


@dataclass(frozen=True)
class Attempt:
    client: Client
    world: World
    actor: Person
    target: Person
    column: str
    prepared: Any
    bearer: dict[str, str]  # the actor's, for API calls


@dataclass(frozen=True)
class Case:
    name: str
    attempt: Callable[[Attempt], HttpResponseBase]
    state: Callable[[Attempt], object]
    expected: Mapping[str, tuple[str, ...]]
    prepare: Callable[[World, Person, Person, str], Any] = field(default=lambda *a: None)
    targets: tuple[str, ...] = TARGETS

    def outcome_for(self, persona: str) -> dict[str, str]:
        row = self.expected.get(persona, (REFUSED,) * len(self.targets))
        return dict(zip(self.targets, row, strict=True))


# --- the actions -----------------------------------------------------------------------------


def _posts(a: Attempt) -> object:
    return sorted(
        a.target.memberships.values_list("unit_id", "role", "clearance", "position", "ends_on")
    )


def _add_post(role: str) -> Callable[[Attempt], HttpResponseBase]:
    def attempt(a: Attempt) -> HttpResponseBase:
        unit = a.world.committee(a.column, a.actor)
        data = {"unit": str(unit.uuid), "role": role, "clearance": "0", "position": "Mới"}
        return a.client.post(reverse("org:membership_create", args=[a.target.uuid]), data)

    return attempt


def _update_post(clearance: int | None, position: str) -> Callable[[Attempt], HttpResponseBase]:
    def attempt(a: Attempt) -> HttpResponseBase:
        post = a.world.post(a.target)
        data = {"clearance": str(post.clearance if clearance is None else clearance)}
        data["position"] = position
        return a.client.post(reverse("org:membership_update", args=[post.uuid]), data)

    return attempt


def _end_post(a: Attempt) -> HttpResponseBase:
    post = a.world.post(a.target)
    url = reverse("org:membership_end", args=[post.uuid])
    return a.client.post(url, {"ends_on": "2012-02-17"})


def _person_page(name: str, **data: str) -> Callable[[Attempt], HttpResponseBase]:
    def attempt(a: Attempt) -> HttpResponseBase:
        return a.client.post(reverse(f"org:{name}", args=[a.target.uuid]), data)

    return attempt


def _password(a: Attempt) -> object:
    a.target.refresh_from_db()
    return a.target.password


def _active(a: Attempt) -> object:
    a.target.refresh_from_db()
    return a.target.is_active


def _name(a: Attempt) -> object:
    a.target.refresh_from_db()
    return a.target.full_name


def _deactivated(world: World, actor: Person, target: Person, column: str) -> None:
    Person.objects.filter(pk=target.pk).update(is_active=False)


def _a_token(world: World, actor: Person, target: Person, column: str) -> ApiToken:
    return token_create(actor=None, person=target, name="của mục tiêu").record


def _a_feed(world: World, actor: Person, target: Person, column: str) -> FeedToken:
    return planning.feed_create(actor=target, scope="leader", person=target).feed


def _tokens(a: Attempt) -> object:
    return sorted(
        ApiToken.objects.filter(person=a.target, name="của mục tiêu").values_list(
            "uuid", "revoked_at"
        )
    )


def _feeds(a: Attempt) -> object:
    return sorted(FeedToken.objects.filter(owner=a.target).values_list("uuid", "revoked_at"))


def _a_request(world: World, actor: Person, target: Person, column: str) -> MembershipRequest:
    """A pending post for the target in his committee, asked by the admin of his district."""
    return MembershipRequest.objects.create(
        person=target,
        unit=world.committee(column, actor),
        role=Role.RECEPTION,
        requested_by=world.admin_of(column, actor),
    )


def _request_status(a: Attempt) -> object:
    a.prepared.refresh_from_db()
    return a.prepared.status


def _decide(verb: str, **data: str) -> Callable[[Attempt], HttpResponseBase]:
    def attempt(a: Attempt) -> HttpResponseBase:
        return a.client.post(reverse(f"org:request_{verb}", args=[a.prepared.uuid]), data)

    return attempt


ADMINS_ONLY_DIRECT = {  # applied by whoever administers every post of the target
    "district_admin": (A, R, R, R),
    "province_admin": (A, A, A, R),
    "superuser": (A, A, A, R),
}

CASES: tuple[Case, ...] = (
    Case(
        "add a post that reads documents (chuyên viên, Không mật)",
        attempt=_add_post(Role.SPECIALIST),
        state=_posts,
        expected={
            "district_admin": (P, R, R, R),
            "province_admin": (P, P, P, R),
            "superuser": (A, A, A, R),
        },
    ),
    Case(
        "add a quản trị post, Không mật",
        attempt=_add_post(Role.ADMIN),
        state=_posts,
        expected=ADMINS_ONLY_DIRECT,
    ),
    Case(
        "raise a post's clearance to Tuyệt mật",
        attempt=_update_post(Clearance.ULTRA_SECRET, ""),
        state=_posts,
        expected={
            "district_admin": (P, R, R, R),
            "province_admin": (P, P, P, R),
            "superuser": (A, A, A, R),
        },
    ),
    Case(
        "change a post's position",
        attempt=_update_post(None, "Chức vụ mới"),
        state=_posts,
        expected=ADMINS_ONLY_DIRECT,
    ),
    Case("end a post", attempt=_end_post, state=_posts, expected=ADMINS_ONLY_DIRECT),
    Case(
        "set the password (administration page)",
        attempt=_person_page(
            "person_password", password=NEW_PASSWORD, password_confirm=NEW_PASSWORD
        ),
        state=_password,
        expected={
            "district_admin": (A, R, R, A),
            "province_admin": (A, A, A, A),
            "superuser": (A, A, A, A),
        },
    ),
    Case(
        "change one's own password (account page)",
        attempt=lambda a: a.client.post(
            reverse("account:password"),
            {
                "current_password": "mat-khau-thu",
                "password": NEW_PASSWORD,
                "password_confirm": NEW_PASSWORD,
            },
        ),
        state=_password,
        expected=dict.fromkeys(PERSONAS, (A,)),
        targets=("self",),
    ),
    Case(
        "edit the profile",
        attempt=_person_page("person_update", full_name="Tên Bị Đổi"),
        state=_name,
        expected={
            "district_admin": (A, R, R, A),
            "province_admin": (A, A, A, A),
            "superuser": (A, A, A, A),
        },
    ),
    Case(
        "deactivate",
        attempt=_person_page("person_deactivate", reason="Thử"),
        state=_active,
        expected=ADMINS_ONLY_DIRECT,
    ),
    Case(
        "reactivate",
        attempt=_person_page("person_reactivate"),
        state=_active,
        prepare=_deactivated,
        expected={
            "district_admin": (A, R, R),
            "province_admin": (A, A, A),
            "superuser": (A, A, A),
        },
        targets=TARGETS[:3],
    ),
    Case(
        "revoke every token and calendar link (administration page)",
        attempt=_person_page("person_credentials_revoke"),
        state=_tokens,
        prepare=_a_token,
        expected={
            "district_admin": (A, R, R, A),
            "province_admin": (A, A, A, A),
            "superuser": (A, A, A, A),
        },
    ),
    Case(
        "revoke a token (account page)",
        attempt=lambda a: a.client.post(reverse("account:token_revoke", args=[a.prepared.uuid])),
        state=_tokens,
        prepare=_a_token,
        expected=dict.fromkeys(PERSONAS, (R, R, R, A)),
    ),
    Case(
        "revoke a token (API)",
        attempt=lambda a: a.client.post(
            f"/api/v1/me/ma-truy-cap/{a.prepared.uuid}/thu-hoi", headers=a.bearer
        ),
        state=_tokens,
        prepare=_a_token,
        expected=dict.fromkeys(PERSONAS, (R, R, R, A)),
    ),
    Case(
        "revoke a calendar link (account page)",
        attempt=lambda a: a.client.post(reverse("account:feed_revoke", args=[a.prepared.uuid])),
        state=_feeds,
        prepare=_a_feed,
        expected=dict.fromkeys(PERSONAS, (R, R, R, A)),
    ),
    Case(
        "revoke a calendar link (API)",
        attempt=lambda a: a.client.post(
            f"/api/v1/ke-hoach/lien-ket-lich/{a.prepared.uuid}/thu-hoi", headers=a.bearer
        ),
        state=_feeds,
        prepare=_a_feed,
        expected=dict.fromkeys(PERSONAS, (R, R, R, A)),
    ),
    Case(
        "confirm a request for a post",
        attempt=_decide("confirm"),
        state=_request_status,
        prepare=_a_request,
        expected={"province_admin": (A, A, R, R), "superuser": (A, A, A, R)},
    ),
    Case(
        "refuse a request for a post",
        attempt=_decide("refuse", reason="Không đủ tiêu chuẩn"),
        state=_request_status,
        prepare=_a_request,
        expected={"province_admin": (A, A, R, R), "superuser": (A, A, A, R)},
    ),
)


def _pending() -> int:
    return MembershipRequest.objects.filter(status=RequestStatus.PENDING).count()


def _try(client: Client, world: World, case: Case, persona: str, column: str) -> str:
    actor = world.personas[persona]
    target = world.target(column, actor)
    prepared = case.prepare(world, actor, target, column)
    client.force_login(actor)
    bearer = {
        "Authorization": f"Bearer {token_create(actor=None, person=actor, name='ma trận').token}"
    }
    attempt = Attempt(client, world, actor, target, column, prepared, bearer)
    before = (case.state(attempt), AuditEvent.objects.count(), _pending())
    response = case.attempt(attempt)
    after = (case.state(attempt), AuditEvent.objects.count(), _pending())
    if after[0] != before[0]:
        return APPLIED
    if after[2] == before[2] + 1 and after[1] == before[1] + 1:
        return PENDING
    if after[1:] != before[1:]:
        return f"refused ({response.status_code}) but wrote {after[1] - before[1]} event(s)"
    return REFUSED


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_persona_may_do_only_what_the_rules_say_and_a_refusal_changes_nothing(
    client: Client, db: None, case: Case
) -> None:
    world = build_world()
    found: dict[str, dict[str, str]] = {}
    for persona in PERSONAS:
        for column in case.targets:
            savepoint = transaction.savepoint()
            try:
                found.setdefault(persona, {})[column] = _try(client, world, case, persona, column)
            finally:
                transaction.savepoint_rollback(savepoint)
    assert found == {persona: case.outcome_for(persona) for persona in PERSONAS}
