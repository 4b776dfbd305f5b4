"""The machinery of the secrecy sweep: every GET route of the URL conf and of the API schema,
filled with the world's objects, fetched as a persona, decoded by content type and searched
for the secret markers.

Routes come from `get_resolver()` (pages) and `/api/v1/openapi.json` (the API's GET
operations and their query parameters); a route whose path parameters cannot be filled from
the world must be in `ALLOWED` with a reason, so a new endpoint is swept the day it is added.
"""

from __future__ import annotations

import functools
import io
import itertools
import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import unquote_plus, urlencode

from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.security.sweep_world import CLEARED, FOUND, SweepWorld, marker
from vanphong.api.models import ApiToken
from vanphong.api_root import api
from vanphong.core.models import CalendarDay
from vanphong.directives.models import Delegation
from vanphong.documents.models import IncomingDocument
from vanphong.org.models import Membership, MembershipRequest
from vanphong.petitions.models import Field, Letter, LetterFile, ReceptionSession, Visit
from vanphong.planning.models import FeedToken, MonthlyPlanItem

# Routes the sweep does not fetch, each with the reason.
ALLOWED = {
    "web:logout": "ends the session the sweep is using; it names nothing",
    "set_language": "a redirect that sets a cookie; it names nothing",
    "api:openapi-view": "the Swagger page loads the schema in the browser; it names nothing",
    "api:openapi-json": "the same schema for everyone, read by the sweep itself to list the API",
    "petitions:letter_extension_add": "POST only (a GET is 405); it answers with a redirect",
    "petitions:letter_suspension_add": "POST only (a GET is 405); it answers with a redirect",
    "petitions:letter_suspension_end": "POST only (a GET is 405); it answers with a redirect",
}
API_PREFIX = "api/v1/"


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"; the API's GET operations are "api:<operation id>"
    pattern: str  # the path as the URL conf writes it, without the leading slash
    api: bool = False
    parameters: tuple[dict[str, Any], ...] = ()  # the API operation's (OpenAPI objects)


@dataclass(frozen=True)
class Leak:
    persona: str
    route: str
    url: str
    status: int
    kind: str

    def __str__(self) -> str:
        return f"{self.persona}: {self.route} {self.url} ({self.status}) names {marker(self.kind)}"


# --- the routes -------------------------------------------------------------------------------


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[Route]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            joined = ":".join(part for part in (namespace, inner) if part)
            yield from _walk(pattern, prefix + str(pattern.pattern), joined)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else str(pattern.name)
            yield Route(name=name, pattern=prefix + str(pattern.pattern))


def _openapi_path(pattern: str) -> str:
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", pattern)


@functools.cache
def openapi() -> dict[str, Any]:
    """The API's schema, built once per process: building it takes seconds, and the sweeps ask
    for it per route and per write. Read it, never change it."""
    return dict(api.get_openapi_schema())


def not_404(calls: Iterable[tuple[str, str, str, int, bool]]) -> tuple[int, list[str]]:
    """Of (route, method, url, status, readable) calls by someone who may not see the thing
    named: how many, and those answered other than 404. A readable one (a public rule) may
    answer anything but a crash. 405: the address takes no such method, whoever asks; 422 on
    the API: a body the schema refuses before any object is looked up."""
    wrong = []
    count = 0
    for name, method, url, status, readable in calls:
        count += 1
        if readable:
            allowed = status < 500
        elif url.startswith("/api/") and method != "get":
            allowed = status in {404, 405, 422}
        else:
            allowed = status in {404, 405}
        if not allowed:
            wrong.append(f"{method.upper()} {name} {url}: {status}")
    return count, wrong


def routes() -> tuple[list[Route], list[str]]:
    """(the routes to fetch, the API paths that answer no GET: they have no output to read)."""
    schema = openapi()
    found: dict[str, Route] = {}
    write_only = []
    for route in _walk(get_resolver()):
        path = _openapi_path(route.pattern)
        operations = schema["paths"].get(path)
        if route.pattern.startswith(API_PREFIX) and operations is not None:
            get = operations.get("get")
            if get is None:
                write_only.append(path)
                continue
            parameters = tuple(get.get("parameters", ()))
            route = Route(f"api:{get['operationId']}", route.pattern, True, parameters)
        found.setdefault(route.pattern, route)  # ninja mounts a path once per method
    return list(found.values()), sorted(set(write_only))


# --- filling them -----------------------------------------------------------------------------


def _uuid_values(world: SweepWorld, persona: str) -> dict[str, list[Any]]:
    d = world.docs
    incoming = [world.incoming, world.open_incoming, world.district_incoming]
    outgoing = [world.draft, world.signed, world.issued, world.open_outgoing]
    e = world.emulation
    units = [d.province, d.province_office, d.chau_thanh, d.chau_thanh_office, d.hoa_thanh]
    units += e.units
    feeds = FeedToken.objects.filter(owner=world.person(persona))
    values: dict[str, list[Any]] = {
        "document_uuid": [*incoming, *outgoing],
        "assignment_uuid": [world.assignment],
        "delivery_uuid": [world.delivery],
        "unit_uuid": units,
        "unit": units,
        "committee_uuid": [d.province],
        "term_uuid": [d.province_term],
        "person_uuid": [world.secret_clerk, d.chau_thanh_specialist],
        "membership_uuid": list(Membership.objects.filter(person=world.secret_clerk)),
        "day_uuid": [CalendarDay.objects.order_by("-day").first()],
        "schedule_uuid": [world.published.schedule, world.draft_week.schedule],
        # The superseded first version is reached by the week's page (`?ban=1`).
        "version_uuid": [world.published, world.draft_week],
        "entry_uuid": [world.secret_entry, world.draft_entry, world.open_entry],
        "feed_uuid": list(feeds),
        "programme_uuid": [world.programme],
        "item_uuid": [world.programme_item, *MonthlyPlanItem.objects.filter(plan__isnull=False)],
        "plan_uuid": [world.monthly_plan],
        "task_uuid": [
            world.district_task,
            world.office_task,
            *world.programme_directive.tasks.all(),
        ],
        "directive_uuid": [world.directive, world.programme_directive],
        "extension_uuid": [world.extension],
        "file_uuid": [world.report_file],
        "token_uuid": list(ApiToken.objects.filter(person=world.person(persona))),
        "delegation_uuid": list(Delegation.objects.all()),
        "request_uuid": [world.extension, *MembershipRequest.objects.all()],
        "letter_uuid": list(Letter.objects.all()),
        "forward_uuid": [world.forward],
        "session_uuid": list(ReceptionSession.objects.all()),
        "visit_uuid": list(Visit.objects.all()),
        "letter_file_uuid": list(LetterFile.objects.all()),
        "field_uuid": list(Field.objects.order_by("pk")[:1]),
        # emulation (sweep_emulation.py): a bloc none of the personas reads
        "bloc_uuid": [e.bloc],
        "set_uuid": [e.criteria_set],
        "criterion_uuid": [e.criterion],
        "movement_uuid": [e.movement],
        "sheet_uuid": e.sheets,
        "proposal_uuid": [e.proposal],
    }
    for name, more in world.more_objects(persona).items():
        values[name] = [*values.get(name, []), *more]
    return values


def _incoming(world: SweepWorld) -> set[str]:
    documents = [
        world.incoming,
        world.open_incoming,
        world.district_incoming,
        *world.more_attached(),
        *world.more_objects(CLEARED).get("document_uuid", []),
    ]
    return {str(o.uuid) for o in documents if isinstance(o, IncomingDocument)}


def _path_values(world: SweepWorld, persona: str, route: Route) -> dict[str, list[str]]:
    values = {k: [str(o.uuid) for o in v] for k, v in _uuid_values(world, persona).items()}
    incoming = _incoming(world)
    if "/den/" in route.pattern:
        values["document_uuid"] = [v for v in values["document_uuid"] if v in incoming]
    elif "/di/" in route.pattern:
        values["document_uuid"] = [v for v in values["document_uuid"] if v not in incoming]
    values["year"] = [str(world.today.year)]
    # Integer ids, each with its own parent (`evidence_id` of `sheet_uuid`, `nominee_id` of
    # `proposal_uuid`): the parent's other objects answer 404 for everyone.
    e = world.emulation
    if "evidence_id" in path_names(route):
        values["sheet_uuid"] = [str(e.self_sheet.uuid)]
    values["evidence_id"] = [str(e.evidence.pk)]
    values["nominee_id"] = [str(e.nominee.pk)]
    values["token"] = world.feeds[persona]
    values["action"] = ["bao-cao"]  # the task's forms; each answers the same page
    if route.name.startswith("archives:") or route.pattern.startswith("api/v1/luu-tru/"):
        # archives (sweep_archives.py): a district's Office none of the personas reads. Its
        # objects fill only its own routes: added to the other apps' lists under the names they
        # share (`file_uuid`, `item_uuid`, `plan_uuid`, `request_uuid`), they would multiply
        # every route's addresses and test nothing more.
        for name, objects in world.archives.objects().items():
            values[name] = [str(o.uuid) for o in objects]
    values["file_format"] = ["pdf", "xlsx"]  # an export's `<str:file_format>`
    values["sha256"] = [world.archives.ocr.original.sha256]  # an OCR copy's scan
    for name, choices in _ALTERNATIVES.findall(route.pattern):  # (?P<extension>pdf|docx)
        values[name] = choices.split("|")
    for parameter in route.parameters:  # an API path parameter with an enumeration
        if parameter["in"] == "path" and "enum" in parameter.get("schema", {}):
            values[parameter["name"]] = [str(v) for v in parameter["schema"]["enum"]]
    return values


def _attachment_pairs(world: SweepWorld, route: Route) -> list[dict[str, str]]:
    """A file's address names its document: each attachment with its own document."""
    incoming = "/den/" in route.pattern
    return [
        {"document_uuid": str(document.uuid), "attachment_uuid": str(attachment.uuid)}
        for document in (
            world.incoming,
            world.open_incoming,
            world.draft,
            world.issued,
            *world.more_attached(),
        )
        if (str(document.uuid) in _incoming(world)) == incoming
        for attachment in document.attachments.all()
    ]


_ALTERNATIVES = re.compile(r"\(\?P<(\w+)>([\w-]+(?:\|[\w-]+)+)\)")
_PARAM = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def path_names(route: Route) -> list[str]:
    return [m.group(2) or m.group(3) for m in _PARAM.finditer(route.pattern)]


def _build(route: Route, values: dict[str, str]) -> str:
    path = _PARAM.sub(lambda m: values[m.group(2) or m.group(3)], route.pattern)
    return "/" + path.replace("^", "").replace("$", "").replace("\\.", ".")


def _query_values(world: SweepWorld, parameter: dict[str, Any]) -> list[str]:
    """Values of one API query parameter: every value of an enumeration, the world's units
    and days where a unit or a day is asked; nothing for an optional free parameter."""
    schema = parameter.get("schema", {})
    members = [schema, *schema.get("anyOf", [])]
    for member in members:
        if "enum" in member:
            return [str(v) for v in member["enum"]]
    if not parameter.get("required"):
        return []
    if any(m.get("format") == "uuid" for m in members):
        return [str(u.uuid) for u in _uuid_values(world, CLEARED)["unit"]]
    if any(m.get("format") == "date" for m in members):
        return (
            [world.day.isoformat(), world.next_day.isoformat()]
            if parameter["name"] == "day"
            else [world.today.isoformat()]
        )
    return [""]


def _extras(world: SweepWorld) -> dict[str, list[dict[str, str]]]:
    """Query strings a page or operation needs to show what it can show (a unit, a period,
    a format, a search text), by route name."""
    d = world.docs
    units = [d.province_office, d.chau_thanh_office, d.hoa_thanh_office]
    # What a search answers, not what it echoes: "zqx" is a word of every marker.
    texts = ["zqx", "bảo vệ nội bộ", "77-CT/TW"]
    today = world.today
    # The page's downloads are the API's files (one service); the API asks for every format.
    registers = [
        {"don-vi": str(u.uuid), "loai": kind} for u in units for kind in ("den", "di", "theo-doi")
    ]
    return {
        "documents:incoming_book": [{"don-vi": str(u.uuid)} for u in units]
        + [{"don-vi": str(d.province_office.uuid), "q": "zqx"}],
        "documents:outgoing_book": [{"don-vi": str(u.uuid)} for u in units],
        "documents:register": registers,
        "documents:handling_stats": [{"don-vi": str(u.uuid)} for u in units],
        "petitions:reports": [
            {"don-vi": str(u.uuid), "ky": "nam", "nam": str(today.year), "dinh-dang": fmt}
            for u in units
            for fmt in ("", "xlsx", "docx")
        ],
        "documents:incoming_register": [{"lien-thong": str(world.delivery.uuid)}],
        "documents:outgoing_create": [{"tra-loi": str(world.incoming.uuid)}],
        "documents:inbox": [{"xong": "1"}],
        "documents:outgoing_mine": [{"tat-ca": "1"}],
        "planning:schedule": [{"ban": "1"}, {"ban": "2"}],
        "directives:review": [
            {"loai": "so-ket", "tu": today.strftime("%d/%m/%Y"), "den": today.strftime("%d/%m/%Y")}
        ],
        "directives:tasks": [{"van-ban": str(world.directive.uuid)}, {"nam": str(today.year)}],
        "directives:unit_dashboard": [{"nam": str(today.year)}],
        "search:results": [{"q": t} for t in texts],
        "search:suggest": [{"q": t} for t in ("zqx", "bao ve", "77-CT")],
        "api:vanphong_search_api_search": [{"q": t} for t in texts],
        "api:vanphong_documents_api_incoming_book": [
            {"unit": str(u.uuid), "q": "zqx"} for u in units
        ],
        "api:vanphong_documents_api_my_inbox": [{"include_done": "true"}],
        "api:vanphong_directives_api_tasks": [{"van_ban": str(world.directive.uuid)}],
        "api:vanphong_planning_api_programmes": [{"year": str(today.year)}],
        "api:vanphong_planning_api_monthly_plans": [{"year": str(today.year)}],
        "api:vanphong_petitions_api_report": [
            {"unit": str(u.uuid), "kind": "year", "year": str(today.year)} for u in units
        ],
        "api:vanphong_petitions_api_report_file": [
            {"unit": str(u.uuid), "kind": "year", "year": str(today.year), "format": fmt}
            for u in units
            for fmt in ("xlsx", "docx")
        ],
        "api:vanphong_petitions_api_letters": [
            {"q": "zqx"},
            {"overdue": "true"},
            {"year": str(today.year)},
        ],
        "api:vanphong_petitions_api_sessions": [{"year": str(today.year)}],
        "api:vanphong_documents_api_handling_stats": [
            {"unit": str(u.uuid), "start": date(today.year, 1, 1).isoformat()} for u in units
        ],
    }


def urls(world: SweepWorld, persona: str, route: Route) -> list[str]:
    """Every address of `route` the sweep fetches as `persona` ([] if it cannot be filled)."""
    names = path_names(route)
    values = _path_values(world, persona, route)
    if "attachment_uuid" in names:
        combos = _attachment_pairs(world, route)
    else:
        if any(not values.get(name) for name in names):
            return []
        combos = [
            dict(zip(names, chosen, strict=True))
            for chosen in itertools.product(*(values[n] for n in names))
        ]
    queries: list[dict[str, str]] = [{}]
    if route.api:
        wanted = [p for p in route.parameters if p["in"] == "query"]
        asked = [(p["name"], _query_values(world, p)) for p in wanted]
        asked = [(name, found) for name, found in asked if found]
        queries = [
            dict(zip([n for n, _ in asked], chosen, strict=True))
            for chosen in itertools.product(*(found for _, found in asked))
        ]
    extras = [*_extras(world).get(route.name, []), *world.more_queries(route.name)]
    found = []
    for combo in combos:
        path = _build(route, combo)
        for query in [*queries, *({**queries[0], **extra} for extra in extras)]:
            found.append(f"{path}?{urlencode(query)}" if query else path)
    return list(dict.fromkeys(found))


# --- reading what comes back ------------------------------------------------------------------


def _xlsx(body: bytes) -> str:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    book = load_workbook(io.BytesIO(body), read_only=True)
    cells = [
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    return "\n".join([*book.sheetnames, *cells])


def _docx(body: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(body))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        for part in (section.header, section.footer):
            parts += [p.text for p in part.paragraphs]
    parts.append(document.core_properties.title or "")
    return "\n".join(parts)


def _pdf(body: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(body))
    metadata: dict[str, Any] = dict(reader.metadata or {})
    return "\n".join(
        [*(page.extract_text() or "" for page in reader.pages), *map(str, metadata.values())]
    )


def _ical(body: bytes) -> str:
    from icalendar import Calendar

    calendar = Calendar.from_ical(body)
    return "\n".join(str(value) for component in calendar.walk() for value in component.values())


def _json(body: bytes) -> str:
    # Escaped or not, a string in JSON is read as the text it carries.
    return json.dumps(json.loads(body), ensure_ascii=False)


DECODERS: dict[str, Callable[[bytes], str]] = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": _xlsx,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _docx,
    "application/pdf": _pdf,
    "text/calendar": _ical,
    "application/json": _json,
}


def text_of(response: HttpResponseBase) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    decoder = DECODERS.get(content_type)
    if decoder is not None and body:
        return decoder(body)
    return body.decode("utf-8", errors="replace")


def kinds_in(text: str) -> set[str]:
    """The markers in a text, as typed, in NFC or NFD, upper or lower case, with or without
    marks (`fold`)."""
    from vanphong.core.vietnamese import fold

    normal = unicodedata.normalize("NFC", text)
    return {k.upper() for k in FOUND.findall(fold(normal))} | {
        k.upper() for k in FOUND.findall(normal.lower())
    }


def symbols_in(world: SweepWorld, text: str, url: str) -> set[str]:
    """The secret documents' number-symbols in a text; one the address itself carries (a
    search echoing what was typed) is not a finding."""
    from vanphong.core.vietnamese import fold

    folded, asked = fold(unicodedata.normalize("NFC", text)), fold(unquote_plus(url))
    return {k for k, symbol in world.symbols().items() if symbol in folded and symbol not in asked}


# --- fetching ---------------------------------------------------------------------------------


def client_for(world: SweepWorld, persona: str) -> Client:
    client = Client()
    client.force_login(world.person(persona))
    return client


def fetch(world: SweepWorld, persona: str, client: Client, route: Route, url: str) -> HttpResponse:
    if route.api:
        headers = {"Authorization": f"Bearer {world.tokens[persona]}"}
        return client.get(url, headers=headers)  # type: ignore[return-value]
    return client.get(url)  # type: ignore[return-value]


def sweep(
    world: SweepWorld, persona: str, chosen: list[Route]
) -> tuple[list[Leak], dict[str, int]]:
    """Fetch every address of the chosen routes as the persona: the leaks, and the number of
    addresses fetched per route."""
    client = client_for(world, persona)
    leaks = []
    fetched: dict[str, int] = {}
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)  # the sweep's 404s and 405s are expected
    try:
        for route in chosen:
            for url in urls(world, persona, route):
                response = fetch(world, persona, client, route, url)
                fetched[route.name] = fetched.get(route.name, 0) + 1
                text = text_of(response)
                for kind in sorted(kinds_in(text) | symbols_in(world, text, url)):
                    leaks.append(Leak(persona, route.name, url, response.status_code, kind))
    finally:
        logger.setLevel(level)
    return leaks, fetched
