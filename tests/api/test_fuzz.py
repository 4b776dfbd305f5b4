"""Every operation of `/api/v1/openapi.json`, fuzzed: whatever is sent, the answer is never 5xx.

The operations are read from the schema the app serves, so a new endpoint is fuzzed without
being named here. Requests are drawn from each operation's own schema (`from_schema` below
covers what pydantic emits: objects, arrays, enums, anyOf, strings by format, bounded
numbers; every date from year 1 to 9999; text of any character and, at times, of exactly its
maximum length), and one in three then has a value replaced by something no schema allows
(huge numbers, year 1 or 9999, malformed times, control characters, long text). Path
parameters and identifiers in bodies are mostly real objects of the demo's year (documents
in every state, schedules, programmes, directives), so requests reach the services, not only
the 404s. Each request is sent as one of several people, each with a bearer token.

The normal suite runs a few examples per operation, the same ones every time; `make fuzz`
runs VANPHONG_FUZZ_EXAMPLES (500) random ones per operation.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_django import DjangoDbBlocker

from vanphong.api.services import token_create
from vanphong.api_root import api
from vanphong.demo import directives, documents, scenario
from vanphong.org.models import Person, Role

LONG_RUN = "VANPHONG_FUZZ_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("VANPHONG_FUZZ_EXAMPLES", "6"))
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
PREFIX = "/api/v1"
pytestmark = pytest.mark.django_db

# Names a body or path uses for a kind of object, where the name is not the model's own.
ALIASES = {
    "committee": "unit",
    "leader": "person",
    "signer": "person",
    "to": "person",
    "reply": "outgoingdocument",
    "reply_to": "incomingdocument",
    "incoming": "incomingdocument",
    "outgoing": "outgoingdocument",
    "parent": "task",
    "lead_unit": "unit",
    "preparing_unit": "unit",
    "supporting_units": "unit",
    "don_vi": "unit",
    "van_ban": "directive",
}
# Values outside any schema: what the issue's eleven 500s were made of, and more.
NASTY: list[Any] = [
    2**31,
    2**63,
    2**64 + 1,
    -(2**63) - 1,
    10**40,
    -1,
    0,
    "0001-01-01",
    "9999-12-31",
    "0001-01-01T00:00:00",
    "9999-12-31T23:59:59+14:00",
    "24:00",
    "25:61",
    "23:59:60",
    "8h30",
    "-1",
    "1e400",
    "NaN",
    "\x00\x1b\x7f",
    '=HYPERLINK("http://x")',
    "ạ" * 70_000,
    "",
    " ",
    None,
    [],
    {},
    True,
]


def _schema() -> dict[str, Any]:
    # Read at collection, before pytest-django has let the test client's host in.
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        response = Client().get(f"{PREFIX}/openapi.json")
    assert response.status_code == 200
    schema: dict[str, Any] = response.json()
    return schema


SCHEMA = _schema()
OPERATIONS = [
    (method.upper(), path, operation)
    for path, methods in SCHEMA["paths"].items()
    for method, operation in methods.items()
]


# --- the world ------------------------------------------------------------------------------


class World:
    def __init__(self, tokens: list[str], pools: dict[str, list[str]]) -> None:
        self.tokens = tokens
        self.pools = pools
        self.everything = sorted({uuid for pool in pools.values() for uuid in pool})

    def pool_for(self, name: str) -> list[str]:
        stem = name.removesuffix("_uuid").removesuffix("s")
        stem = ALIASES.get(name, ALIASES.get(stem, stem)).replace("_", "")
        return [uuid for model, pool in self.pools.items() if stem in model for uuid in pool]


def _people() -> list[Person]:
    """One person per role, from the province and from a district, and a superuser."""
    chosen: list[Person] = []
    for role in Role.values:
        found = Person.objects.filter(memberships__role=role, is_active=True).order_by("pk")
        chosen += list(found.filter(memberships__unit__parent=None)[:1])
        chosen += list(found.exclude(memberships__unit__parent=None).order_by("-pk")[:1])
    root = Person.objects.filter(is_superuser=True).first()
    return [*dict.fromkeys(chosen), *([root] if root else [])]


def _pools() -> dict[str, list[str]]:
    pools: dict[str, list[str]] = {}
    for model in apps.get_models():
        if any(field.name == "uuid" for field in model._meta.get_fields()):
            found = model._default_manager.order_by("-pk").values_list("uuid", flat=True)[:40]
            pools[model.__name__.lower()] = [str(uuid) for uuid in found]
    return pools


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[World]:
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(VANPHONG_DEMO_SCALE=0, PASSWORD_HASHERS=FAST_HASHERS):
            scenario.load()
        documents.load(scale=0.02, districts=1)
        directives.load()
        tokens = [token_create(actor=None, person=p, name="fuzz").token for p in _people()]
        yield World(tokens, _pools())
        transaction.set_rollback(True)


# --- requests from the schema ---------------------------------------------------------------

DEMO_DAYS = [date(2011, 1, 3) + timedelta(days=n * 5) for n in range(150)]


def _resolve(node: Any) -> Any:
    """The schema with its references inlined (ninja's components have no cycles)."""
    if isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            return _resolve(SCHEMA["components"]["schemas"][name])
        return {key: _resolve(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_resolve(value) for value in node]
    return node


def _realistic(node: Any, world: World, name: str = "") -> Any:
    """Identifiers mostly of real objects, dates mostly in the demo's years."""
    if isinstance(node, list):
        return [_realistic(value, world, name) for value in node]
    if not isinstance(node, dict):
        return node
    if node.get("type") == "string" and node.get("format") == "uuid":
        real = world.pool_for(name) or world.everything
        return {"anyOf": [{"enum": real}, {"enum": world.everything}, node]}
    if node.get("type") == "string" and node.get("format") == "date":
        return {"anyOf": [{"enum": [d.isoformat() for d in DEMO_DAYS]}, node]}
    out = {}
    for key, value in node.items():
        if key == "properties":
            out[key] = {prop: _realistic(sub, world, prop) for prop, sub in value.items()}
        else:
            out[key] = _realistic(value, world, name)
    return out


def _text(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    short = st.text(min_size=low, max_size=max(low, min(high or 40, 40)))
    if high is None or high > 5000:
        return short
    # At the limit, in letters whose folded or upper-case form is longer than they are.
    return st.one_of(short, st.sampled_from(["ạ", "ŉ", "ß", "ﬃ", "İ"]).map(lambda c: c * high))


# Where bugs live: the ends of the calendar and of machine integers.
EDGE_DAYS = [date.min, date(1, 1, 2), date(1899, 12, 31), date(2101, 1, 1), date.max]
EDGE_INTEGERS = [0, -1, 2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**30]

FORMATS: dict[str, st.SearchStrategy[Any]] = {
    "uuid": st.uuids().map(str),
    "date": st.one_of(st.sampled_from(EDGE_DAYS), st.dates()).map(date.isoformat),
    "date-time": st.datetimes(
        timezones=st.one_of(st.none(), st.just(UTC), st.just(timezone(timedelta(hours=-12))))
    ).map(datetime.isoformat),
    "time": st.times().map(time.isoformat),
    "binary": st.binary(max_size=64),
}


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values that `schema` (inlined, as `_resolve` returns it) accepts."""
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "const" in schema:
        return st.just(schema["const"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return st.one_of([from_schema(option) for option in schema[key]])
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            merged.update(part)
        return from_schema({**merged, **{k: v for k, v in schema.items() if k != "allOf"}})
    kind = schema.get("type", "object" if "properties" in schema else None)
    if kind == "object":
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))
        extra = schema.get("additionalProperties")
        fixed = st.fixed_dictionaries(
            {name: from_schema(sub) for name, sub in properties.items() if name in required},
            optional={
                name: from_schema(sub) for name, sub in properties.items() if name not in required
            },
        )
        if isinstance(extra, dict):
            more = st.dictionaries(st.text(max_size=20), from_schema(extra), max_size=3)
            return st.tuples(fixed, more).map(lambda pair: {**pair[1], **pair[0]})
        return fixed
    if kind == "array":
        low = schema.get("minItems", 0)
        high = min(schema.get("maxItems", low + 3), low + 3)
        return st.lists(from_schema(schema.get("items", {})), min_size=low, max_size=high)
    if kind == "string":
        return FORMATS.get(schema.get("format", ""), _text(schema))
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        edges = [
            n for n in EDGE_INTEGERS if (low is None or n >= low) and (high is None or n <= high)
        ]
        integers = st.integers(min_value=low, max_value=high)
        return st.one_of(st.sampled_from(edges), integers) if edges else integers
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    return st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20))


def _object(parameters: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {p["name"]: _resolve(p["schema"]) for p in parameters},
        "required": [p["name"] for p in parameters if p.get("required")],
        "additionalProperties": False,
    }


@st.composite
def _mutated(draw: st.DrawFn, values: dict[str, Any]) -> dict[str, Any]:
    """One value replaced by something no schema allows, or one added."""
    if not values or draw(st.booleans()):
        key = draw(st.sampled_from([*values, "unexpected"] if values else ["unexpected"]))
    else:
        key = draw(st.sampled_from(sorted(values)))
    return {**values, key: draw(st.sampled_from(NASTY))}


def _flat(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return [_flat(item) for item in value]
    if isinstance(value, dict):
        return json.dumps(value)
    return "" if value is None else str(value)


@st.composite
def _request(draw: st.DrawFn, world: World, path: str, operation: dict[str, Any]) -> dict[str, Any]:
    parameters = operation.get("parameters", [])
    path_values = {}
    for parameter in (p for p in parameters if p["in"] == "path"):
        schema = _realistic(_resolve(parameter["schema"]), world, parameter["name"])
        path_values[parameter["name"]] = draw(from_schema(schema))
    query_params = [p for p in parameters if p["in"] == "query"]
    query = draw(from_schema(_realistic(_object(query_params), world))) if query_params else {}
    if query_params and draw(st.integers(0, 2)) == 0:
        query = draw(_mutated(query))
    url = PREFIX + re.sub(r"\{(\w+)\}", lambda m: str(path_values[m[1]]), path)
    query_string = urlencode({k: _flat(v) for k, v in query.items()}, doseq=True)
    kwargs: dict[str, Any] = {"path": f"{url}?{query_string}" if query_string else url}
    content = operation.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        body_schema = _realistic(_resolve(content["application/json"]["schema"]), world)
        body = draw(from_schema(body_schema))
        if isinstance(body, dict) and draw(st.integers(0, 2)) == 0:
            body = draw(_mutated(body))
        kwargs.update(data=json.dumps(body), content_type="application/json")
    elif "multipart/form-data" in content:
        form_schema = _resolve(content["multipart/form-data"]["schema"])
        fields: dict[str, Any] = {}
        for name, sub in form_schema.get("properties", {}).items():
            if "binary" in json.dumps(sub):
                content_bytes = draw(st.binary(max_size=64))
                fields[name] = SimpleUploadedFile("tep.pdf", b"%PDF-1.4\n" + content_bytes)
            else:
                fields[name] = _flat(draw(from_schema(_realistic(sub, world, name))))
        if draw(st.integers(0, 2)) == 0:
            fields = {
                k: v if isinstance(v, SimpleUploadedFile) else _flat(v)
                for k, v in draw(_mutated(fields)).items()
            }
        kwargs["data"] = fields
    token = draw(st.sampled_from(world.tokens))
    kwargs["headers"] = {"Authorization": f"Bearer {token}"}
    return kwargs


def _send(client: Client, method: str, kwargs: dict[str, Any]) -> int:
    if "content_type" not in kwargs and "data" in kwargs:  # multipart
        response = client.post(**kwargs)
    else:
        response = client.generic(method, **kwargs)
    if os.environ.get("VANPHONG_FUZZ_TRACE"):
        print(response.status_code, method, kwargs["path"][:100], response.content[:150])
    return response.status_code


@pytest.mark.parametrize(
    ("method", "path", "operation"),
    OPERATIONS,
    ids=[f"{method} {path.removeprefix(PREFIX)}" for method, path, _ in OPERATIONS],
)
def test_no_request_to_the_operation_is_answered_with_a_server_error(
    world: World, method: str, path: str, operation: dict[str, Any]
) -> None:
    client = Client()
    relative = path.removeprefix(PREFIX)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=not LONG_RUN,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def fuzz(data: st.DataObject) -> None:
        kwargs = data.draw(_request(world, relative, operation))
        status = _send(client, method, kwargs)
        assert status < 500, f"{method} {kwargs['path'][:300]} answered {status}"

    fuzz()


def test_the_fuzzer_reads_every_operation_the_api_routes() -> None:
    routed = sum(
        len(operation.methods)
        for _prefix, router in api._routers
        for view in router.path_operations.values()
        for operation in view.operations
    )
    assert len(OPERATIONS) == routed
