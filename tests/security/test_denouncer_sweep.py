"""The denouncer sweep: a denouncer's name, identity number, place of issue, address, phone and
handwriting scan show to the letter's handler and the handler's leaders, on the letter's own
pages only — and to nobody in a list, a search, a count, an export, a notice, an email, the
audit, the search index or anything forwarded (Luật Tố cáo 2018 điều 47–48).

The world (denouncer_world.py) is the secrecy sweep's with two marked denunciations and a marked
denouncer's visit. The routes are the URL conf's and the API schema's GET routes (sweep.py),
filled from the world. As every persona, every address of the apps that read letters, visits,
notices or the search index (`READING`: pages, exports, the API's petitions and search
operations, searches by the denouncers' names and numbers) and every address naming a
forwarding note or its copy is fetched; as the Secretary, who sees every letter of the
province, every address of every route too — but those naming only a document, task,
directive or schedule entry unrelated to any letter, which show nothing of one (the secrecy
sweep's). Why the other apps cannot show a denouncer is checked on their source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock
from urllib.parse import unquote_plus

import pytest
import tantivy
from django.db import transaction
from django.test.utils import override_settings

from tests.security import sweep as machinery
from tests.security.denouncer_world import (
    CASES,
    LETTERS,
    PERSONAS,
    READERS,
    DenouncerWorld,
    build_denouncer_world,
    kinds,
    markers,
    numbers,
)
from tests.security.sweep import Leak, Route
from tests.security.sweep_world import CLEARED
from vanphong.core.files import open_stored
from vanphong.core.models import AuditEvent, Notification
from vanphong.petitions import workflow
from vanphong.petitions.models import FileKind, Forward, Letter, LetterFile, Visit
from vanphong.search import engine

EVERY_KIND = {kind for case in CASES for kind in kinds(case)}
NUMBERS = {kind: digits for case in CASES for kind, digits in numbers(case).items()}


@pytest.fixture(scope="module")
def world(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DenouncerWorld]:
    """Built once for the module inside a transaction rolled back at its end; each test runs
    in a savepoint of it (pytest-django's `db`)."""
    root: Path = tmp_path_factory.mktemp("denouncer")
    settings = override_settings(
        MEDIA_ROOT=str(root / "media"),
        VANPHONG_SEARCH_DIR=root / "search",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    with django_db_blocker.unblock(), settings:
        engine._readers.clear()
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_denouncer_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            engine._readers.clear()


@pytest.fixture(scope="module")
def routes() -> list[Route]:
    found, _write_only = machinery.routes()
    return [route for route in found if route.name not in machinery.ALLOWED]


# --- what may be shown, and where --------------------------------------------------------------


def _letter_of(kind: str) -> str:
    return kind[-1]  # TENT, CCCDH, …


def _protected(world: DenouncerWorld, case: str) -> Letter | Visit:
    if case in world.letters:
        return world.letters[case]
    assert world.visit is not None
    return world.visit


def readers(world: DenouncerWorld, case: str) -> set[str]:
    """The personas `workflow.may_read_identity` lets read the letter's (or the visit's)
    denouncer; a visit's receiver stands for a letter's handler."""
    found = _protected(world, case)
    handler = found.handler_id if isinstance(found, Letter) else found.received_by_id
    return {
        name
        for name in PERSONAS
        if workflow.may_read_identity(
            world.person(name),
            unit=found.unit,
            handler_id=handler,
            denunciation=found.denunciation,
        )
    }


def shown_to_readers(case: str) -> set[str]:
    """What the letter's (the visit's) own pages and API show its readers: every field."""
    return kinds(case)


def _own_pages(world: DenouncerWorld, case: str) -> set[str]:
    """The uuids whose addresses are the letter's (the visit's) own pages: its own, its
    scans'."""
    found = _protected(world, case)
    files = found.files.exclude(kind=FileKind.REDACTED)
    return {str(found.uuid), *(str(f.uuid) for f in files)}


def _allowed(world: DenouncerWorld, leak: Leak, allowed: dict[str, set[str]]) -> bool:
    letter = _letter_of(leak.kind)
    if leak.persona not in allowed[letter]:
        return False
    path = leak.url.split("?")[0]
    return any(uuid in path for uuid in _own_pages(world, letter))


def _unrelated(world: DenouncerWorld) -> set[str]:
    """The uuids of the sweep world's objects that have nothing to do with a letter: an
    address naming one shows no letter."""
    related_names = {
        "letter_uuid",
        "forward_uuid",
        "letter_file_uuid",
        "session_uuid",
        "visit_uuid",
        "field_uuid",
        "unit_uuid",
        "unit",
        "committee_uuid",
        "person_uuid",
        "membership_uuid",
        "token_uuid",
        "feed_uuid",
    }
    values = machinery._uuid_values(world, CLEARED)
    related = {str(o.uuid) for name in related_names for o in values.get(name, [])}
    related |= {str(o.uuid) for objects in world.more_objects(CLEARED).values() for o in objects}
    everything = {str(o.uuid) for objects in values.values() for o in objects}
    return everything - related


# The apps whose pages read letters, visits, notices (the home page's inbox) or the search
# index; the API's operations by path or operation id.
READING = ("petitions", "search", "web", "account")
READING_API = ("petition", "search", "reception", "letter", "_org_api_me")
READING_PATHS = ("don-thu", "tiep-cong-dan")


def _reads_letters(route: Route) -> bool:
    if any(part in route.pattern for part in READING_PATHS):
        return True
    if route.api:
        return any(word in route.name for word in READING_API)
    return route.name.split(":")[0] in READING


def addresses(
    world: DenouncerWorld, persona: str, routes: list[Route], *, every: bool = False
) -> list[tuple[Route, str]]:
    """The addresses swept: of the apps that read letters, and those naming the forwarding
    notes and their copies; with `every`, also every address of another app (its lists,
    books, exports) that names no object unrelated to a letter."""
    unrelated = _unrelated(world)
    forwarded = {str(o.uuid) for o in world.more_objects(persona)["document_uuid"]}
    forwarded |= {str(a.uuid) for d in world.more_attached() for a in d.attachments.all()}
    # What `sweep.urls` reads of the world for each route, read once for all of them.
    values = machinery._uuid_values(world, persona)
    incoming = machinery._incoming(world)
    extras = machinery._extras(world)
    found = []
    with (
        mock.patch.object(machinery, "_uuid_values", return_value=values),
        mock.patch.object(machinery, "_incoming", return_value=incoming),
        mock.patch.object(machinery, "_extras", return_value=extras),
    ):
        for route in routes:
            for url in machinery.urls(world, persona, route):
                if any(uuid in url for uuid in unrelated):
                    continue
                if every or _reads_letters(route) or any(uuid in url for uuid in forwarded):
                    found.append((route, url))
    return found


def sweep(
    world: DenouncerWorld, persona: str, routes: list[Route], *, every: bool = False
) -> list[Leak]:
    """Every marker of a denouncer found in what the persona is answered."""
    client = machinery.client_for(world, persona)
    found = []
    for route, url in addresses(world, persona, routes, every=every):
        response = machinery.fetch(world, persona, client, route, url)
        text = machinery.text_of(response)
        asked = _named_with_numbers(unquote_plus(url))  # a search echoing what was typed
        for kind in sorted(_named_with_numbers(text) - asked):
            found.append(Leak(persona, route.name, url, response.status_code, kind))
    return found


def _report(leaks: list[Leak]) -> str:
    return "\n".join(["a denouncer named:", *map(str, leaks)])


def _named_with_numbers(text: str) -> set[str]:
    """The denouncers' fields in a text: the markers (in any case, normal form, with or
    without marks: `sweep.kinds_in`, only where "zqx" is written — folding is slow) and the
    identity numbers and phones."""
    named = machinery.kinds_in(text) & EVERY_KIND if "zqx" in text.lower() else set()
    return named | {kind for kind, digits in NUMBERS.items() if digits in text}


# --- who reads ---------------------------------------------------------------------------------


def test_the_handler_and_the_handlers_leaders_are_the_only_readers(
    world: DenouncerWorld, db: None
) -> None:
    assert {case: readers(world, case) for case in CASES} == READERS


def test_every_route_is_swept_for_the_letters_or_has_no_letter_to_show(
    world: DenouncerWorld, db: None, routes: list[Route]
) -> None:
    swept = {route.name for route, _url in addresses(world, "province_handler", routes)}
    petitions = {route.name for route in routes if route.name.startswith("petitions:")}
    api = {route.name for route in routes if route.api and _reads_letters(route)}
    assert petitions <= swept, petitions - swept
    assert api <= swept, api - swept
    assert "api:vanphong_search_api_search" in api
    for wanted in ("documents:outgoing_detail", "documents:incoming_detail", "web:notices"):
        assert wanted in swept, wanted  # the forwarding note, its copy at Hòa Thành, notices


# --- every GET output, every persona ----------------------------------------------------------


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_a_denouncer_is_named_only_to_the_letters_readers_on_its_own_pages(
    world: DenouncerWorld, db: None, routes: list[Route], persona: str
) -> None:
    allowed = {case: readers(world, case) for case in CASES}
    before = AuditEvent.objects.count()
    leaks = sweep(world, persona, routes)
    wrong = [leak for leak in leaks if not _allowed(world, leak, allowed)]
    assert wrong == [], _report(wrong)
    person = world.person(persona)
    for case in CASES:
        found = _protected(world, case)
        reads = AuditEvent.objects.filter(
            seq__gt=before,
            action="letter.identity_read" if isinstance(found, Letter) else "visit.identity_read",
            actor=person,
            object_id=str(found.uuid),
        )
        shown = {leak.kind for leak in leaks if _letter_of(leak.kind) == case}
        if persona in allowed[case]:
            # The positive control: the reader saw every field, and each read is audited.
            assert shown == shown_to_readers(case), (persona, case, shown)
            assert reads.exists(), (persona, case)
            scans = {
                str(f.uuid) for f in _protected(world, case).files.filter(reveals_identity=True)
            }
            opened = {(event.after or {}).get("file") for event in reads} - {None}
            assert opened == scans, (persona, case)  # the handwriting read, audited too
        else:
            assert not reads.exists(), (persona, case)


def test_no_route_of_any_app_names_a_denouncer_the_secretary_may_not_read(
    world: DenouncerWorld, db: None, routes: list[Route]
) -> None:
    """The Secretary sees every letter of the province and reads the province's denouncers,
    not the district's: every route, of every app, swept once as him."""
    allowed = {case: readers(world, case) for case in CASES}
    assert "secretary" in allowed["T"]
    assert "secretary" not in allowed["H"]
    leaks = sweep(world, "secretary", routes, every=True)
    wrong = [leak for leak in leaks if not _allowed(world, leak, allowed)]
    assert wrong == [], _report(wrong)
    assert {leak.kind for leak in leaks} == shown_to_readers("T") | shown_to_readers("V")


# --- what was sent, forwarded, indexed, logged -------------------------------------------------


def test_the_forwarding_notes_and_the_copy_received_name_no_denouncer(
    world: DenouncerWorld, db: None
) -> None:
    assert world.note_copy is not None
    for note in world.notes:
        texts = [note.subject, *note.versions.values_list("body", flat=True)]
        attached = list(note.attachments.select_related("file"))
        assert [a.filename for a in attached] == [
            f"ban-sao-don-{Forward.objects.get(note=note).letter.number}-{world.today.year}-da-che.pdf"
        ]
        for attachment in attached:
            texts.append(attachment.filename)
            with open_stored(attachment.file) as stored:
                texts.append(machinery._pdf(stored.read()))
        text = "\n".join(texts)
        assert "thông tin người tố cáo được giữ bí mật" in text  # the note was read
        assert _named_with_numbers(text) == set(), note
    copy = world.note_copy
    assert copy.delivery is not None
    texts = [copy.subject, copy.note]
    # The registered copy reads the files of what was delivered.
    received = [*copy.attachments.all(), *copy.delivery.document.attachments.all()]
    for attachment in received:
        with open_stored(attachment.file) as stored:
            texts += [attachment.filename, machinery._pdf(stored.read())]
    assert "[đã che]" in "\n".join(texts)  # the redacted copy arrived
    assert _named_with_numbers("\n".join(texts)) == set()


def test_the_redacted_copies_kept_with_the_letters_hide_every_field(
    world: DenouncerWorld, db: None
) -> None:
    for letter in LETTERS:
        copy = LetterFile.objects.get(letter=world.letters[letter], kind=FileKind.REDACTED)
        with open_stored(copy.file) as stored:
            text = machinery._pdf(stored.read())
        assert text.count("[đã che]") >= 4, text  # name, number, address, phone
        assert _named_with_numbers(f"{copy.filename}\n{text}") == set()
        original = LetterFile.objects.get(letter=world.letters[letter], kind=FileKind.LETTER)
        assert original.reveals_identity
        with open_stored(original.file) as stored:  # the original is kept, untouched
            assert markers(letter)[f"BUTTICH{letter}"] in machinery._pdf(stored.read())


def test_the_reminders_notices_and_emails_name_no_denouncer(
    world: DenouncerWorld, db: None
) -> None:
    notices = Notification.objects.all()
    urls = {str(world.letters[letter].uuid) for letter in LETTERS}
    reminded = [n for n in notices if any(uuid in n.url for uuid in urls)]
    assert reminded, "the daily reminder told the handlers of the letters' clocks"
    assert world.outbox, "emails were sent"
    text = "\n".join(
        [
            *(f"{n.text}\n{n.url}" for n in notices),
            *(f"{m.subject}\n{m.body}\n{' '.join(m.to)}" for m in world.outbox),
        ]
    )
    assert _named_with_numbers(text) == set()


def test_the_search_index_holds_no_denouncers_field(world: DenouncerWorld, db: None) -> None:
    index = engine.reader()
    searcher = index.searcher()
    query = tantivy.Query.term_query(engine.SCHEMA, "kind", "letter")
    hits = searcher.search(query, limit=1000).hits
    texts = []
    for _score, address in hits:
        stored = searcher.doc(address)
        texts.append(f"{stored.get_first('body')}\n{engine.display(stored)}")
    indexed = "\n".join(texts)
    for letter in LETTERS:
        assert f"Đơn số {world.letters[letter].book_number}" in indexed  # indexed, nameless
    assert _named_with_numbers(indexed) == set()
    words = [kind.lower() for kind in EVERY_KIND if not kind.startswith(("CCCD", "SDT"))]
    for word in [*words, "quach", "079187000111", "0912777222"]:
        folded = index.parse_query(word, ["folded", "exact"])
        assert searcher.search(folded, limit=10).hits == [], word


def test_the_audit_log_names_no_denouncer(world: DenouncerWorld, db: None) -> None:
    events = AuditEvent.objects.filter(object_type__startswith="petitions")
    assert events.filter(action="letter.register").count() >= 2
    text = "\n".join(f"{e.object_label}\n{e.before}\n{e.after}" for e in AuditEvent.objects.all())
    assert _named_with_numbers(text) == set()


def test_each_letter_keeps_its_denouncer_for_its_readers(world: DenouncerWorld, db: None) -> None:
    """The world holds what the sweep looks for (so that finding nothing means something)."""
    for letter in LETTERS:
        citizen = Letter.objects.get(pk=world.letters[letter].pk).citizens.get()
        assert citizen.full_name == markers(letter)[f"TEN{letter}"]


def test_only_the_petitions_app_reads_a_petitioner_or_a_letters_file() -> None:
    """Why the sweep fetches another app's pages only where they name a forwarding note: no
    module outside `petitions` reads the models that hold a denouncer (the search index, the
    notices and the documents flow only get what the petitions services give them, checked
    above). A module that starts reading them fails here, and its routes join `READING`. The
    demo loader writes letters through the petitions services and serves no page."""
    source = Path(__file__).resolve().parents[2] / "src" / "vanphong"
    reads = re.compile(
        r"\bCitizen\b|\bLetterFile\b|vanphong\.petitions\.(?!workflow\b|api\b|urls\b)"
    )
    readers = sorted(
        str(path.relative_to(source))
        for path in source.rglob("*.py")
        if not {"petitions", "migrations", "demo"} & set(path.relative_to(source).parts)
        and reads.search(path.read_text())
    )
    assert readers == [], readers
