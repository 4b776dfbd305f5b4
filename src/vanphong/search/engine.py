"""The Tantivy index: its schema, the indexer that drains the outbox, rebuild and verify.

Layout under `settings.VANPHONG_SEARCH_DIR`: `CURRENT` names the live index directory; each
index directory holds Tantivy's files and `cursor.json` (the last outbox id applied, and ids
skipped while their transaction may still commit). One process writes (Tantivy's writer lock
makes sure); web processes open the live directory read-only and reload on each search, so a
commit is visible to the next query. A rebuild writes a new directory and switches `CURRENT`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

import tantivy
from django.conf import settings

from vanphong.core.vietnamese import canonical_tones, fold, nfc
from vanphong.search import registry
from vanphong.search.models import OutboxEntry, OutboxPruned
from vanphong.search.query import symbol_terms

log = logging.getLogger(__name__)

SCHEMA_VERSION = 4
TOKENIZER = "vi_fold"
WRITER_HEAP = 50_000_000  # bytes; Tantivy flushes a segment when it is full
# A transaction that took an outbox id may commit after a later one (PostgreSQL sequences);
# an id missing this long is taken as rolled back.
GAP_PATIENCE = 120.0


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("key", stored=True, tokenizer_name="raw")
    builder.add_text_field("kind", stored=True, tokenizer_name="raw", fast=True)
    builder.add_text_field("folded", tokenizer_name="default")
    builder.add_text_field("exact", tokenizer_name="default", index_option="freq")
    # The original text, stored for display and highlighted by Tantivy's snippet generator
    # with folded terms (its own ASCII folding maps Vietnamese letters and đ like ours).
    builder.add_text_field("body", stored=True, tokenizer_name=TOKENIZER, index_option="basic")
    builder.add_text_field("symbol", tokenizer_name="raw")
    builder.add_text_field("type", stored=True, tokenizer_name="raw", fast=True)
    builder.add_text_field("status", stored=True, tokenizer_name="raw", fast=True)
    builder.add_integer_field("unit", stored=True, indexed=True, fast=True)
    builder.add_integer_field("clearance", stored=True, indexed=True, fast=True)
    builder.add_integer_field("people", indexed=True)
    # A reader's grant with its last day, as one number (`reader_term`): a range query finds
    # the grants of a person that run through today.
    builder.add_integer_field("readers", indexed=True, fast=True)
    # kind:unit:confidentiality, one term: a person's grants become one term-set query, a
    # single union of posting lists instead of nested clauses per level.
    builder.add_text_field("acl", tokenizer_name="raw")
    # A number per object, for re-scoring the first results (see selectors).
    builder.add_integer_field("uid", indexed=True, fast=True)
    builder.add_integer_field("year", stored=True, indexed=True, fast=True)
    builder.add_date_field("moment", stored=True, indexed=True, fast=True)
    # What a result shows, and the digest `verify` compares: stored, not indexed (as text
    # fields they would put a unique term per document in the dictionary).
    builder.add_bytes_field("display", stored=True, indexed=False)
    return builder.build()


SCHEMA = _schema()


def _analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(60))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


# --- directories ----------------------------------------------------------------------------


def root() -> Path:
    return Path(settings.VANPHONG_SEARCH_DIR)


def current_dir() -> Path | None:
    pointer = root() / "CURRENT"
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    path = root() / name
    return path if name and (path / "meta.json").exists() else None


def _switch_to(path: Path) -> None:
    pointer = root() / "CURRENT"
    temporary = pointer.with_suffix(".new")
    temporary.write_text(path.name, encoding="utf-8")
    os.replace(temporary, pointer)
    _committed()
    for old in root().glob("index-*"):
        if old != path and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


def _open(path: Path) -> tantivy.Index:
    index = tantivy.Index(SCHEMA, path=str(path), reuse=True)
    index.register_tokenizer(TOKENIZER, _analyzer())
    return index


def _new_dir() -> Path:
    path = root() / f"index-{time.time_ns()}"
    path.mkdir(parents=True)
    return path


@dataclass
class Cursor:
    last: int = 0
    gaps: dict[int, float] | None = None  # id -> when first seen missing (epoch seconds)
    schema: int = SCHEMA_VERSION

    @classmethod
    def read(cls, path: Path) -> Cursor:
        try:
            data = json.loads((path / "cursor.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        gaps = {int(k): float(v) for k, v in data.get("gaps", {}).items()}
        return cls(int(data.get("last", 0)), gaps, int(data.get("schema", 0)))

    def write(self, path: Path) -> None:
        data = {"schema": self.schema, "last": self.last, "gaps": self.gaps or {}}
        temporary = path / "cursor.json.new"
        temporary.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temporary, path / "cursor.json")


# --- documents --------------------------------------------------------------------------------


def digest(entry: registry.Entry) -> str:
    """A fingerprint of what the index holds for an entry, for `verify`."""
    fields = (
        entry.key,
        entry.unit_id,
        entry.confidentiality,
        sorted(entry.people),
        sorted((person, day.isoformat()) for person, day in entry.readers),
        entry.title,
        entry.text,
        entry.moment.astimezone(UTC).isoformat(),
        entry.symbol_key,
        entry.type_symbol,
        entry.status,
        entry.url,
    )
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()[:32]


def _document(entry: registry.Entry, symbols: Iterable[str]) -> tantivy.Document:
    text = nfc(f"{entry.title}\n{entry.text}")
    moment = entry.moment.astimezone(UTC).replace(tzinfo=None)
    document = tantivy.Document(
        key=entry.key,
        kind=entry.kind,
        folded=fold(text),
        exact=canonical_tones(text).lower(),
        body=text,
        type=entry.type_symbol,
        status=entry.status,
        unit=entry.unit_id,
        clearance=entry.confidentiality,
        year=entry.moment.year,
        moment=moment,
        display=json.dumps(
            {
                "title": entry.title,
                "url": entry.url,
                "unit_name": entry.unit_name,
                "status_label": entry.status_label,
                "digest": digest(entry),
            },
            ensure_ascii=False,
        ).encode(),
    )
    document.add_text("acl", acl_term(entry.kind, entry.unit_id, entry.confidentiality))
    document.add_integer("uid", entry.uuid.int >> 65)
    for person in entry.people:
        document.add_integer("people", person)
    for person, last_day in entry.readers:
        document.add_integer("readers", reader_term(person, last_day))
    for term in symbols:
        document.add_text("symbol", term)
    return document


def acl_term(kind: str, unit_id: int, confidentiality: int) -> str:
    return f"{kind}:{unit_id}:{confidentiality}"


DAY_SPAN = 1 << 22  # above date.max.toordinal() (3,652,059): a person's days never overlap


def reader_term(person: int, last_day: date) -> int:
    """A person's grant through a day, ordered so that one person's grants are contiguous."""
    return person * DAY_SPAN + last_day.toordinal()


def _symbol_terms(entry: registry.Entry) -> list[str]:
    parts = entry.symbol_key.split(":")
    if len(parts) < 4 or not parts[1].isdigit():
        return []
    # P:45:NQ:TU or G:123:2011:QD:UBND
    number, kind, issuer = int(parts[1]), parts[-2], parts[-1]
    return symbol_terms(number, kind, issuer)


def _apply(writer: tantivy.IndexWriter, kind: str, uuids: Sequence[UUID]) -> int:
    provider = registry.provider(kind)
    for object_uuid in uuids:
        writer.delete_documents_by_term("key", f"{kind}:{object_uuid}")
    if provider is None:
        return 0
    added = 0
    for entry in provider.entries(uuids):
        writer.add_document(_document(entry, _symbol_terms(entry)))
        added += 1
    return added


# --- the indexer ------------------------------------------------------------------------------

_write_lock = threading.RLock()  # rebuild drains at its end, from inside drain


def drain(*, batch: int = 500, limit: int | None = None) -> int:
    """Apply the outbox rows after the cursor to the live index; returns how many were applied.

    Builds the index from the database first when there is none. Returns 0 at once when
    another process holds the index's writer.
    """
    with _write_lock:
        path = current_dir()
        if path is None:
            rebuild()
            return 0
        try:
            cursor = Cursor.read(path)
            if cursor.schema != SCHEMA_VERSION:
                raise ValueError(f"index schema {cursor.schema}, not {SCHEMA_VERSION}")
            if cursor.last < (through := _pruned_through()):
                raise ValueError(f"outbox pruned through {through}, index at {cursor.last}")
            index = _open(path)
        except (ValueError, OSError) as error:  # older schema, damaged files, missed changes
            log.warning("search: rebuilding the index (%s)", error)
            rebuild()
            return 0
        try:
            writer = index.writer(WRITER_HEAP, 1)
        except ValueError as error:  # another indexer holds Tantivy's lock
            log.debug("search: writer busy (%s)", error)
            return 0
        try:
            return _drain(writer, path, batch=batch, limit=limit)
        finally:
            writer.wait_merging_threads()


def _drain(writer: tantivy.IndexWriter, path: Path, *, batch: int, limit: int | None) -> int:
    cursor = Cursor.read(path)
    gaps = dict(cursor.gaps or {})
    applied = 0
    while limit is None or applied < limit:
        late = list(
            OutboxEntry.objects.filter(id__in=list(gaps)).values_list("id", "kind", "object_uuid")
        )
        fresh = list(
            OutboxEntry.objects.filter(id__gt=cursor.last)
            .order_by("id")
            .values_list("id", "kind", "object_uuid")[:batch]
        )
        if not fresh and not late:
            break
        now = time.time()
        expected = cursor.last + 1
        for row_id, _, _ in fresh:
            for missing in range(expected, row_id):
                gaps.setdefault(missing, now)
            expected = row_id + 1
        for row_id, _, _ in late:
            gaps.pop(row_id, None)
        by_kind: dict[str, dict[UUID, None]] = defaultdict(dict)
        for _, kind, object_uuid in [*late, *fresh]:
            by_kind[kind][object_uuid] = None
        for kind, uuids in by_kind.items():
            _apply(writer, kind, list(uuids))
        writer.commit()
        _committed()
        if fresh:
            cursor.last = fresh[-1][0]
        cursor.gaps = {k: v for k, v in gaps.items() if now - v < GAP_PATIENCE}
        gaps = dict(cursor.gaps)
        cursor.write(path)
        applied += len(fresh) + len(late)
        if len(fresh) < batch:
            break
    return applied


def _pruned_through() -> int:
    mark = OutboxPruned.objects.filter(pk=1).values_list("through", flat=True).first()
    return int(mark or 0)


def prune(*, older_than: timedelta | None = None) -> int:
    """Delete outbox rows older than `older_than` that this node's index has applied; returns
    how many. Other nodes whose index is behind the deleted rows rebuild on their next drain."""
    from django.db import transaction
    from django.utils import timezone

    age = older_than or timedelta(days=settings.VANPHONG_SEARCH_OUTBOX_DAYS)
    with _write_lock:
        path = current_dir()
        if path is None:
            return 0
        applied = Cursor.read(path).last
        with transaction.atomic():
            mark, _ = OutboxPruned.objects.select_for_update().get_or_create(pk=1)
            old = OutboxEntry.objects.filter(id__lte=applied, created_at__lt=timezone.now() - age)
            through = old.order_by("-id").values_list("id", flat=True).first()
            if through is None:
                return 0
            deleted, _ = OutboxEntry.objects.filter(id__lte=through).delete()
            mark.through = max(mark.through, through)
            mark.at = timezone.now()
            mark.save(update_fields=["through", "at"])
    log.info("search: %d outbox rows pruned, through #%d", deleted, through)
    return deleted


PRUNE_EVERY = 3600.0  # seconds


def follow(*, interval: float = 0.2, stop: threading.Event | None = None) -> None:
    """Drain the outbox every `interval` seconds until `stop` is set (`vanphong serve`), and
    prune it once an hour."""
    from django.db import close_old_connections

    stop = stop or threading.Event()
    pruned_at = 0.0
    while not stop.is_set():
        try:
            drain()
            if time.monotonic() - pruned_at > PRUNE_EVERY:
                prune()
                pruned_at = time.monotonic()
        except Exception:  # keep indexing after a bad row or a database hiccup
            log.exception("search: indexing failed; retrying")
            time.sleep(5 * interval)
        close_old_connections()
        stop.wait(interval)


# --- rebuild and verify -----------------------------------------------------------------------


@dataclass(frozen=True)
class RebuildReport:
    documents: int
    seconds: float


def rebuild(*, batch: int = 1000, progress: Any = None) -> RebuildReport:
    """Build a new index from the database and make it live.

    Resumable: progress (kind and last primary key) is kept in the new directory; a rebuild
    interrupted part-way continues from there. Memory stays bounded by `batch` entries and the
    writer's heap. Outbox rows written during the rebuild are applied afterwards from the
    cursor taken when it started.
    """
    started = time.perf_counter()
    root().mkdir(parents=True, exist_ok=True)
    pending = [p for p in root().glob("index-*") if (p / "rebuild.json").exists()]
    path = pending[0] if pending else _new_dir()
    state_file = path / "rebuild.json"
    if state_file.exists():
        state = json.loads(state_file.read_text(encoding="utf-8"))
    else:
        newest = OutboxEntry.objects.order_by("-id").values_list("id", flat=True).first()
        last = max(newest or 0, _pruned_through())  # the outbox may be pruned empty
        state = {"cursor": last, "done": [], "kind": None, "after": 0, "count": 0}
        state_file.write_text(json.dumps(state), encoding="utf-8")
    index = _open(path)
    writer = index.writer(WRITER_HEAP, 1)
    count = int(state["count"])
    try:
        for provider in registry.providers():
            if provider.kind in state["done"]:
                continue
            after = int(state["after"]) if state["kind"] == provider.kind else 0
            for last_pk, entries in provider.batches(batch, after=after):
                for entry in entries:
                    writer.delete_documents_by_term("key", entry.key)
                    writer.add_document(_document(entry, _symbol_terms(entry)))
                count += len(entries)
                writer.commit()
                state.update(kind=provider.kind, after=last_pk, count=count)
                state_file.write_text(json.dumps(state), encoding="utf-8")
                if progress is not None:
                    progress(provider.kind, count)
            state["done"].append(provider.kind)
            state.update(kind=None, after=0)
            state_file.write_text(json.dumps(state), encoding="utf-8")
        writer.commit()
    finally:
        writer.wait_merging_threads()
    Cursor(last=int(state["cursor"])).write(path)
    state_file.unlink()
    _switch_to(path)
    drain()
    return RebuildReport(count, time.perf_counter() - started)


@dataclass(frozen=True)
class VerifyReport:
    checked: int
    missing: list[str]  # in the database, not in the index
    stale: list[str]  # in both, but the index holds an older version
    extra: list[str]  # in the index, not (or no longer) in the database

    @property
    def ok(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def verify(*, batch: int = 1000) -> VerifyReport:
    """Compare every object in the database with its index document (after a drain)."""
    drain()
    path = current_dir()
    if path is None:
        return VerifyReport(0, ["(no index)"], [], [])
    index = _open(path)
    index.reload()
    searcher = index.searcher()
    missing: list[str] = []
    stale: list[str] = []
    checked = 0
    for provider in registry.providers():
        for _, entries in provider.batches(batch):
            keys = [entry.key for entry in entries]
            query = tantivy.Query.term_set_query(SCHEMA, "key", keys)
            found: dict[str, str] = {}
            for _, address in searcher.search(query, len(keys) * 2 + 1).hits:
                stored = searcher.doc(address)
                found[stored["key"][0]] = display(stored)["digest"]
            for entry in entries:
                held = found.get(entry.key)
                if held is None:
                    missing.append(entry.key)
                elif held != digest(entry):
                    stale.append(entry.key)
            checked += len(entries)
    extra: list[str] = []
    if searcher.num_docs != checked - len(missing):
        in_database: set[str] = set()
        for provider in registry.providers():
            for _, entries in provider.batches(batch):
                in_database.update(entry.key for entry in entries)
        every = searcher.search(tantivy.Query.all_query(), max(searcher.num_docs, 1))
        for _, address in every.hits:
            key = searcher.doc(address)["key"][0]
            if key not in in_database:
                extra.append(key)
    return VerifyReport(checked, missing, stale, extra)


# --- reading ----------------------------------------------------------------------------------


def display(stored: tantivy.Document) -> dict[str, str]:
    """The stored display fields of a search document."""
    raw = stored.get_first("display")
    return dict(json.loads(raw)) if isinstance(raw, bytes) else {}


_readers: dict[str, tantivy.Index] = {}
_readers_lock = threading.Lock()
# A web process looks for a new commit (the CURRENT pointer, then Tantivy's meta.json) at most
# this often: under load that is most of a cheap query's cost, and 0.1 s is well inside the
# one-second freshness goal. A commit made by this process is seen at once.
RELOAD_EVERY = 0.1
_reloaded_at = [0.0]


class IndexUnavailable(RuntimeError):
    pass


def _committed() -> None:
    _reloaded_at[0] = 0.0


def reader() -> tantivy.Index:
    """The live index, opened once per process and reloaded so the last commit is seen."""
    with _readers_lock:
        now = time.monotonic()
        if _readers and now - _reloaded_at[0] < RELOAD_EVERY:
            return next(iter(_readers.values()))
        path = current_dir()
        if path is None:
            raise IndexUnavailable("no search index yet")
        index = _readers.get(path.name)
        if index is None:
            try:
                index = _open(path)
            except (ValueError, OSError) as error:
                raise IndexUnavailable(str(error)) from error
            _readers.clear()
            _readers[path.name] = index
        index.reload()
        _reloaded_at[0] = now
        return index
