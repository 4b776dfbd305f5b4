"""Every emulation address that names a bloc's thing (a movement, its sheets and evidence, a
proposal and its nominee, a member's measurements and annual review) answers 404 to whoever may
not see it — on GET and on every write, pages and API alike; never a 403 that confirms it, never
a 500. The bloc's own people are the positive control: the same addresses answer them.

The world is the secrecy sweep's (sweep_world.py) with its emulation part (sweep_emulation.py):
none of the sweep's personas reads the bloc's units.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from tests.security import sweep as machinery
from tests.security.sweep import Route
from tests.security.sweep_world import CLEARED, UNCLEARED, SweepWorld, world
from vanphong.api.services import token_create
from vanphong.org.models import Person

# One of each kind of outsider (the sweep's other personas read what these read): the
# province's emulation officer (edits the province's criteria), a district's clerk, the
# administrator and the superuser (administration opens nothing), the Office's leader.
__all__ = ["world"]  # the sweep's world (a fixture), built once for this module

OUTSIDERS = ["emulation_officer", "chau_thanh_clerk", "secret_admin", "superuser", CLEARED]
# Criteria sets are the province's public rules: whoever reads emulation anywhere reads them.
PUBLIC = {"set_uuid", "criterion_uuid"}
NO_READER = {"secret_admin", "superuser"}  # hold no post that reads emulation
WRITES = ("post", "put", "patch", "delete")


def _emulation_pages() -> list[Route]:
    found, _write_only = machinery.routes()
    return [r for r in found if r.name.startswith("emulation:") and machinery.path_names(r)]


def _api_operations() -> list[tuple[str, Route, dict[str, Any]]]:
    """(method, route, operation) of every /api/v1/thi-dua operation with a path parameter."""
    schema = machinery.openapi()
    found = []
    for path, operations in schema["paths"].items():
        if not path.startswith("/api/v1/thi-dua/") or "{" not in path:
            continue
        pattern = path.lstrip("/").replace("{", "<").replace("}", ">")
        for method, operation in operations.items():
            route = Route(f"api:{operation['operationId']}", pattern)
            found.append((method, route, operation))
    return found


def _is_public(route: Route) -> bool:
    return set(machinery.path_names(route)) <= PUBLIC | {"year"}


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        found: Any = schema
        for part in node["$ref"].lstrip("#/").split("/"):
            found = found[part]
        node = found
    return node


def _sample(world: SweepWorld, schema: dict[str, Any], node: dict[str, Any]) -> Any:
    """A value the schema accepts, so that the call reaches the view (not the body's 422)."""
    node = _resolve(schema, node)
    if "anyOf" in node:
        node = _resolve(schema, node["anyOf"][0])
    if "enum" in node:
        return node["enum"][0]
    kind = node.get("type")
    if kind == "object":
        required = node.get("required", [])
        return {
            name: _sample(world, schema, prop)
            for name, prop in node.get("properties", {}).items()
            if name in required
        }
    if kind == "array":
        return []
    if kind == "integer":
        return 1
    if kind == "number":
        return 1
    if kind == "boolean":
        return True
    if node.get("format") == "uuid":
        return str(world.emulation.member.uuid)
    if node.get("format") == "date":
        return world.today.isoformat()
    return "x"


def _body(world: SweepWorld, operation: dict[str, Any]) -> dict[str, Any]:
    schema = machinery.openapi()
    content = operation.get("requestBody", {}).get("content", {})
    node = content.get("application/json", {}).get("schema")
    if node is None:
        return {}
    found = _sample(world, schema, node)
    return found if isinstance(found, dict) else {}


class Caller:
    def __init__(self, person: Person) -> None:
        self.client = Client()
        self.client.force_login(person)
        token = token_create(actor=None, person=person, name="quét thi đua").token
        self.headers = {"Authorization": f"Bearer {token}"}

    def page(self, method: str, url: str) -> int:
        call = self.client.get if method == "get" else self.client.post
        return int(call(url).status_code)

    def api(self, method: str, url: str, body: dict[str, Any]) -> int:
        call = getattr(self.client, method)
        if method == "get":
            return int(call(url, headers=self.headers).status_code)
        response = call(url, body, content_type="application/json", headers=self.headers)
        return int(response.status_code)


@pytest.fixture
def quiet() -> Iterator[None]:
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # the 404s and 405s are the point
    try:
        yield
    finally:
        logger.setLevel(level)


def _bound(world: SweepWorld, urls: list[str], only: list[Any] | None = None) -> list[str]:
    """The addresses whose units are the bloc's (`only` of them if given): the sweep's other
    units are read by some personas, and their pages are not this test's."""
    units = {str(u.uuid) for u in machinery._uuid_values(world, CLEARED)["unit_uuid"]}
    mine = {str(u.uuid) for u in (only or world.emulation.units)}
    return [url for url in urls if not any(u in url for u in units - mine)]


def _calls(world: SweepWorld, persona: str) -> Iterator[tuple[str, str, str, int, bool]]:
    """(route, method, url, status, public) of every call the persona makes."""
    caller = Caller(world.person(persona))
    for route in _emulation_pages():
        urls = _bound(world, machinery.urls(world, persona, route))
        for url, method in itertools.product(urls, ("get", "post")):
            yield route.name, method, url, caller.page(method, url), _is_public(route)
    for method, route, operation in _api_operations():
        body = _body(world, operation)
        for url in _bound(world, machinery.urls(world, persona, route)):
            yield route.name, method, url, caller.api(method, url, body), _is_public(route)


assert set(OUTSIDERS) <= {*UNCLEARED, CLEARED}


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_every_emulation_address_answers_404_to_who_may_not_see_its_object(
    world: SweepWorld,
    db: None,
    quiet: None,
    persona: str,
) -> None:
    # A public rule is readable to whoever reads emulation: refused or answered, never a crash.
    calls, wrong = machinery.not_404(
        (name, method, url, status, public and persona not in NO_READER)
        for name, method, url, status, public in _calls(world, persona)
    )
    assert calls > 60
    assert wrong == [], "\n".join(["answered other than 404:", *wrong])


def test_the_blocs_own_people_reach_every_address_the_outsiders_are_refused(
    world: SweepWorld,
    db: None,
    quiet: None,
) -> None:
    """The positive control: each GET address answers the bloc's convenor or the member."""
    e = world.emulation
    callers = [Caller(e.insider), Caller(e.convenor_officer)]
    unreached = []
    for route in _emulation_pages():
        for url in _bound(world, machinery.urls(world, CLEARED, route), [e.member]):
            statuses = {caller.page("get", url) for caller in callers}
            if statuses <= {404}:
                unreached.append(f"{route.name} {url}")
    for method, route, _operation in _api_operations():
        if method != "get":
            continue
        for url in _bound(world, machinery.urls(world, CLEARED, route), [e.member]):
            statuses = {caller.api("get", url, {}) for caller in callers}
            if statuses <= {404}:
                unreached.append(f"{route.name} {url}")
    assert unreached == []
