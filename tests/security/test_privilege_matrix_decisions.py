"""Who decides for the assigning side of a task, page and API, persona by persona.

Each row is a persona — clerk, specialist, Office leader, emulation officer (the Office's
staff), committee leader, quản trị (the committee's) — placed relative to the task; each test
tries one decision (extension decide, deadline move, completion accept, completion return)
through the page and through the API. Expected, by the rule of directives/selectors.py:

- a task the province assigned (led by Châu Thành, supported by nobody): the province's
  committee leader decides (and a delegate of his); the province's Office staff and everyone
  of the lead district see the task but are refused; the quản trị and the other district do not
  see it (404);
- a task Châu Thành gave its own Office: Châu Thành's committee leader decides; its Office
  staff are refused; the province (even its leader: a district's own sub-task is not the
  province's) and the other district do not see it (404).

A refused attempt changes nothing: the task, the request, the audit chain and the notices are
as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from tests.support.api import caller
from tests.support.factories import MembershipFactory, PersonFactory
from tests.support.personas import Personas, build_personas
from vanphong.core.models import AuditEvent, Notification
from vanphong.directives import services, services_decisions, services_reports
from vanphong.directives.models import Directive, Task
from vanphong.documents import services_incoming as documents_incoming
from vanphong.org.models import Clearance, Person, Role, Unit

ALLOWED, REFUSED, HIDDEN = "allowed", "refused", "404"
ROLES = ("clerk", "specialist", "office_leader", "emulation", "committee_leader", "admin")
OFFICE_ROLES = {
    "clerk": Role.CLERK,
    "specialist": Role.SPECIALIST,
    "office_leader": Role.OFFICE_LEADER,
    "emulation": Role.EMULATION,
}
ACTIONS = ("extension_decide", "deadline_move", "completion_accept", "completion_return")


@dataclass
class World:
    p: Personas
    people: dict[tuple[str, str], Person]  # (place, role) -> person
    directive: Directive

    def person(self, place: str, role: str) -> Person:
        return self.people[(place, role)]


def _staff(p: Personas) -> dict[tuple[str, str], Person]:
    places = {
        "province": (p.province, p.province_office),
        "chau_thanh": (p.chau_thanh, p.chau_thanh_office),
        "hoa_thanh": (p.hoa_thanh, p.hoa_thanh_office),
    }
    people: dict[tuple[str, str], Person] = {}
    for place, (committee, office) in places.items():
        for role in ROLES:
            person = PersonFactory.create(username=f"m.{role}.{place}")
            unit: Unit = office if role in OFFICE_ROLES else committee
            MembershipFactory.create(
                person=person,
                unit=unit,
                role=OFFICE_ROLES.get(role)
                or (Role.COMMITTEE_LEADER if role == "committee_leader" else Role.ADMIN),
                clearance=Clearance.SECRET,
            )
            people[(place, role)] = person
    return people


@pytest.fixture
def world(db: None) -> World:
    p = build_personas()
    people = _staff(p)
    document = documents_incoming.incoming_register(
        actor=people[("province", "clerk")],
        unit=p.province_office,
        medium="paper",
        sender_name="Ban Chấp hành Trung ương",
        number_symbol="Số 01-CT/TW",
        document_date=date(2011, 1, 5),
        subject="Về lãnh đạo cuộc bầu cử đại biểu Quốc hội khóa XIII",
    )
    directive = services.directive_track(
        actor=people[("province", "specialist")], unit=p.province, incoming=document
    )
    return World(p, people, directive)


def _task(world: World, scenario: str, action: str) -> Task:
    """A fresh task of the scenario, in the state the action decides on."""
    province_task = services.task_assign(
        actor=world.person("province", "specialist"),
        directive=world.directive,
        lead_unit=world.p.chau_thanh,
        content="Lập danh sách cử tri",
        deadline=date(2011, 4, 12),
    )
    task = province_task
    if scenario == "district":
        task = services.task_assign(
            actor=world.person("chau_thanh", "clerk"),
            directive=world.directive,
            parent=province_task,
            lead_unit=world.p.chau_thanh_office,
            content="Tổng hợp danh sách các xã",
            deadline=date(2011, 4, 8),
        )
    worker = world.person("chau_thanh", "specialist")
    if action == "extension_decide":
        assert task.deadline is not None
        services_reports.extension_request(
            actor=worker, task=task, new_deadline=task.deadline + timedelta(days=2), reason="Chờ"
        )
    elif action in ("completion_accept", "completion_return"):
        services_reports.task_complete(
            actor=worker, task=task, text="Xong", done_on=date(2011, 4, 7)
        )
    return Task.objects.get(pk=task.pk)


def _state(task: Task) -> tuple[Any, ...]:
    task.refresh_from_db()
    return (
        task.state,
        task.deadline,
        task.done_on,
        task.state_reason,
        tuple(task.extensions.values_list("status", flat=True)),
        AuditEvent.objects.count(),
        Notification.objects.count(),
    )


def _web(client: Client, task: Task, action: str) -> Any:
    base = f"/nhiem-vu/{task.uuid}/"
    if action == "extension_decide":
        pending = task.extensions.get()
        return client.post(f"/nhiem-vu/gia-han/{pending.uuid}/quyet-dinh/", {"approve": "1"})
    if action == "deadline_move":
        return client.post(f"{base}thoi-han/", {"deadline": "2011-04-11"})
    if action == "completion_accept":
        return client.post(f"{base}xac-nhan/")
    return client.post(f"{base}tra-lai/", {"reason": "Thiếu danh sách xã Hảo Đước"})


def _api(call: Any, task: Task, action: str) -> Any:
    if action == "extension_decide":
        return call.post(f"/gia-han/{task.extensions.get().uuid}/quyet-dinh", {"approve": True})
    if action == "deadline_move":
        return call.post(f"/{task.uuid}/thoi-han", {"deadline": "2011-04-11"})
    if action == "completion_accept":
        return call.post(f"/{task.uuid}/xac-nhan")
    return call.post(f"/{task.uuid}/tra-lai", {"reason": "Thiếu danh sách xã Hảo Đước"})


def _expected(scenario: str, place: str, role: str) -> str:
    """The rule, as the table the module docstring states."""
    if role == "delegate":
        return ALLOWED
    if scenario == "province":
        assigning, sees = "province", {"province", "chau_thanh"}
    else:
        assigning, sees = "chau_thanh", {"chau_thanh"}
    if place not in sees or role == "admin":
        return HIDDEN
    if place == assigning and role == "committee_leader":
        return ALLOWED
    return REFUSED


# (scenario, where the persona works, role); "delegate": the assigning committee's Office
# leader holding a delegation from its committee leader.
ROWS = [
    (scenario, place, role)
    for scenario in ("province", "district")
    for place in ("province", "chau_thanh", "hoa_thanh")
    for role in ROLES
] + [("province", "province", "delegate"), ("district", "chau_thanh", "delegate")]


def _label(scenario: str, place: str) -> str:
    assigning = "province" if scenario == "province" else "chau_thanh"
    if place == assigning:
        return "own unit"
    if place == "province":
        return "province"
    return "lead district" if place == "chau_thanh" else "other district"


@pytest.mark.parametrize(
    ("scenario", "place", "role"),
    ROWS,
    ids=[f"{s}-task/{_label(s, p)}/{r}" for s, p, r in ROWS],
)
def test_a_decision_is_taken_only_by_the_assigning_units_leader_or_delegate(
    world: World, client: Client, scenario: str, place: str, role: str
) -> None:
    if role == "delegate":
        person = world.person(place, "office_leader")
        committee = world.p.province if place == "province" else world.p.chau_thanh
        services_decisions.delegation_create(
            actor=world.person(place, "committee_leader"), unit=committee, delegate=person
        )
    else:
        person = world.person(place, role)
    expected = _expected(scenario, place, role)
    api = caller(client, person)  # its token is made before anything is measured
    client.force_login(person)
    wrong: list[tuple[str, str, Any]] = []
    for action in ACTIONS:
        for channel, ok, refused in (("web", {302}, {400, 403}), ("api", {200}, {403})):
            task = _task(world, scenario, action)
            before = _state(task)
            answer = _web(client, task, action) if channel == "web" else _api(api, task, action)
            changed = _state(task) != before
            if expected == ALLOWED:
                if answer.status_code not in ok or not changed:
                    wrong.append((action, channel, answer.status_code))
                continue
            wanted = {404} if expected == HIDDEN else refused
            said = answer.json()["detail"] if channel == "api" else answer.content.decode()
            if (
                answer.status_code not in wanted
                or changed
                or (answer.status_code == 400 and "Chỉ lãnh đạo của" not in said)
                or (channel == "api" and answer.status_code == 403 and "lãnh đạo" not in said)
            ):
                wrong.append((action, channel, answer.status_code))
    assert wrong == [], f"expected {expected}"


def test_the_table_has_a_row_for_every_persona_and_place() -> None:
    places = {(s, _label(s, p)) for s, p, _r in ROWS}
    assert places == {
        ("province", "own unit"),
        ("province", "lead district"),
        ("province", "other district"),
        ("district", "own unit"),
        ("district", "province"),
        ("district", "other district"),
    }
    assert {r for _s, _p, r in ROWS} == {*ROLES, "delegate"}
    assert [row for row in ROWS if _expected(*row) == ALLOWED] == [
        ("province", "province", "committee_leader"),
        ("district", "chau_thanh", "committee_leader"),
        ("province", "province", "delegate"),
        ("district", "chau_thanh", "delegate"),
    ]
