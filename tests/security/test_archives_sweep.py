"""Every archives address (pages under /luu-tru/, the API under /api/v1/luu-tru/) names a
district Office's file plan, files, documents filed, transfers, requests to read, disposals and
holds only to the Office's own people: to everyone else its addresses answer 404 — on GET and
on every write, never a 403 that confirms the thing, never a 500 — and no list, register,
export or record names them. The Office's people are the positive control: the same addresses
answer them, and each thing's page shows its marker.

The world is the secrecy sweep's (sweep_world.py) with its archives part (sweep_archives.py):
no persona of the sweep holds a post in Tân Biên.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.security import sweep as machinery
from tests.security.sweep import Route
from tests.security.sweep_archives import KINDS
from tests.security.sweep_world import CLEARED, SweepWorld, world
from tests.security.test_emulation_sweep import Caller, _body, quiet
from vanphong.org.models import Person

__all__ = ["quiet", "world"]  # the fixtures, used by name

# One of each kind of outsider (the secrecy sweep fetches every route, these included, as all
# of its personas, the province's clerk and the administrator among them): another district's
# clerk, the superuser (administration opens nothing), the province Office's leader cleared Tối
# mật (a clearance opens nothing in another unit).
OUTSIDERS = ["chau_thanh_clerk", "superuser", CLEARED]
# The retention tables are the installation's public rules: their editing form answers who may
# edit it and refuses the others (403), naming nothing secret.
PUBLIC = {"rule_uuid"}
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _is_archives(route: Route) -> bool:
    return route.name.startswith("archives:") or route.pattern.startswith("api/v1/luu-tru/")


@pytest.fixture(scope="module")
def routes() -> list[Route]:
    found, _write_only = machinery.routes()
    return [r for r in found if _is_archives(r) and r.name not in machinery.ALLOWED]


def _api_writes() -> list[tuple[str, Route, dict[str, Any]]]:
    """(method, route, operation) of every /api/v1/luu-tru write with a path parameter."""
    schema = machinery.openapi()
    found = []
    for path, operations in schema["paths"].items():
        if not path.startswith("/api/v1/luu-tru/") or "{" not in path:
            continue
        pattern = path.lstrip("/").replace("{", "<").replace("}", ">")
        for method, operation in operations.items():
            if method != "get":
                found.append((method, Route(f"api:{operation['operationId']}", pattern), operation))
    return found


def _part_uuids(world: SweepWorld) -> set[str]:
    return {str(o.uuid) for objects in world.archives.objects().values() for o in objects}


def _bound(world: SweepWorld, urls: list[str]) -> list[str]:
    """The addresses that name only the archives part's things (the other objects the sweep
    fills a parameter with answer 404 to everyone: not this test's)."""
    mine = _part_uuids(world)
    return [url for url in urls if set(_UUID.findall(url.split("?")[0])) <= mine]


def _is_public(route: Route) -> bool:
    return set(machinery.path_names(route)) <= PUBLIC | {"file_format"}


def _calls(
    world: SweepWorld, persona: str, routes: list[Route]
) -> Iterator[tuple[str, str, str, int, bool]]:
    """(route, method, url, status, public) of every call naming a thing of the part."""
    caller = Caller(world.person(persona))
    for route in routes:
        if not machinery.path_names(route):
            continue
        urls = _bound(world, machinery.urls(world, persona, route))
        for url in urls:
            if route.api:
                yield route.name, "get", url, caller.api("get", url, {}), _is_public(route)
                continue
            for method in ("get", "post"):
                yield route.name, method, url, caller.page(method, url), _is_public(route)
    for method, route, operation in _api_writes():
        body = _body(world, operation)
        for url in _bound(world, machinery.urls(world, persona, route)):
            yield route.name, method, url, caller.api(method, url, body), _is_public(route)


def _report(leaks: list[machinery.Leak]) -> str:
    return "\n".join(["the district's archives named:", *map(str, leaks)])


def _named(leaks: list[machinery.Leak]) -> list[machinery.Leak]:
    return [leak for leak in leaks if leak.kind in KINDS]


def test_every_archives_route_is_filled_with_the_districts_things(
    world: SweepWorld, db: None, routes: list[Route]
) -> None:
    with_parameters = [r for r in routes if machinery.path_names(r)]
    assert len(with_parameters) > 40
    unfilled = [
        r.name for r in with_parameters if not _bound(world, machinery.urls(world, CLEARED, r))
    ]
    assert unfilled == []


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_no_archives_output_names_the_districts_things_to_an_outsider(
    world: SweepWorld, db: None, quiet: None, routes: list[Route], persona: str
) -> None:
    leaks, fetched = machinery.sweep(world, persona, routes)
    assert sum(fetched.values()) > 100
    assert _named(leaks) == [], _report(_named(leaks))


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_every_address_of_the_districts_things_answers_404_to_an_outsider(
    world: SweepWorld, db: None, quiet: None, routes: list[Route], persona: str
) -> None:
    calls, wrong = machinery.not_404(_calls(world, persona, routes))
    assert calls > 100
    assert wrong == [], "\n".join(["answered other than 404:", *wrong])


def _insider_sweep(
    world: SweepWorld, person: Person, routes: list[Route]
) -> Iterator[tuple[str, str, int, set[str]]]:
    """(route, url, status, kinds named) of every GET of the part's addresses as `person`."""
    caller = Caller(person)
    for route in routes:
        urls = _bound(world, machinery.urls(world, CLEARED, route))
        for url in urls:
            if route.api:
                response = caller.client.get(url, headers=caller.headers)
            else:
                response = caller.client.get(url)
            text = machinery.text_of(response)
            yield route.name, url, response.status_code, machinery.kinds_in(text) & set(KINDS)


def test_the_offices_people_reach_every_address_and_see_each_things_marker(
    world: SweepWorld, db: None, quiet: None, routes: list[Route]
) -> None:
    """The positive control: each GET route answers one of the Office's people, and each
    thing's own page names it."""
    a = world.archives
    statuses: dict[str, set[int]] = {}
    with_parameters = {r.name for r in routes if set(machinery.path_names(r)) - {"file_format"}}
    seen: set[tuple[str, str]] = set()
    for person in a.insiders:
        for name, url, status, kinds in _insider_sweep(world, person, routes):
            # A route with a parameter is real if one of its addresses answers someone: a
            # request to read is asked of a transferred file only, an index of a file only...
            if name in with_parameters and set(_UUID.findall(url)) <= _part_uuids(world):
                statuses.setdefault(name, set()).add(status)
            seen |= {(name, kind) for kind in kinds}
    unreached = sorted(name for name, found in statuses.items() if found <= {404})
    assert unreached == []
    assert set(statuses) == with_parameters
    for expected in [
        ("archives:plan_detail", "LTDM"),
        ("archives:plan_pdf", "LTDM"),
        ("archives:plan_docx", "LTDM"),
        ("archives:file_detail", "LTHS"),
        ("archives:file_detail", "LTVB"),
        ("archives:file_detail", "LTKT"),
        ("archives:file_detail", "LTNL"),
        ("archives:file_index_export", "LTVB"),
        ("archives:transfer_detail", "LTNL"),
        ("archives:transfer_record", "LTNL"),
        ("archives:access_request", "LTYC"),
        ("archives:disposal_detail", "LTTH"),
        ("archives:disposal_record", "LTTH"),
        ("archives:hold_detail", "LTTG"),
        ("archives:preservation_run", "LTHS"),  # the finding's file, to its keeper
        ("archives:preservation_bag", "LTNL"),
        ("api:vanphong_archives_api_ocr_get", "LTVB"),
        ("api:vanphong_archives_api_file_get", "LTHS"),
    ]:
        assert expected in seen, expected
    assert {kind for _name, kind in seen} == set(KINDS)
