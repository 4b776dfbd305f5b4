"""Searching: one Tantivy query with the person's visibility inside it.

Results, the total, facet counts and snippets all come from the same query, whose visibility
part is built from each provider's grants (the selectors' rules): nothing hidden is counted,
hinted or highlighted.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final

import tantivy
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from vanphong.org.models import Clearance, Person
from vanphong.org.units import directory
from vanphong.search import engine, registry
from vanphong.search.query import Parsed, parse

log = logging.getLogger(__name__)
FieldType = tantivy.FieldType
Occur = tantivy.Occur
Query = tantivy.Query
SCHEMA = engine.SCHEMA
PER_PAGE: Final = 20
MAX_PAGE: Final = 50  # deeper than 1,000 results, refine the search instead
# A word typed with its diacritics and found with them puts the document in a higher tier
# than one holding only other spellings of that word ("Đảng" over "đang", "đăng"), whatever
# their lengths: each exact match adds this constant, far above what relevance within a tier
# (BM25, the symbol and phrase boosts) reaches, and small enough for Tantivy's 32-bit scores
# to keep the relevance below it exact to a thousandth.
EXACT_TIER: Final = 10_000.0
SYMBOL_BOOST: Final = 20.0
PHRASE_BOOST: Final = 2.0
RESCORE_WINDOW: Final = 50
# Below this many documents holding the rarest word, checking word positions in every match
# costs less than the second query of re-scoring.
INLINE_PHRASE_LIMIT: Final = 2_000
FACETS: Final = ("kind", "unit", "type", "year", "status", "clearance")


@dataclass(frozen=True)
class Filters:
    kinds: tuple[str, ...] = ()
    units: tuple[int, ...] = ()
    types: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    statuses: tuple[str, ...] = ()
    clearances: tuple[int, ...] = ()


@dataclass(frozen=True)
class Hit:
    kind: str
    kind_label: str
    title: str
    url: str
    snippet: str  # HTML: the original text, matched words in <b>, everything else escaped
    unit_name: str
    status_label: str
    moment: datetime
    clearance: int
    score: float


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class Results:
    text: str
    parsed: Parsed
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    message: str = ""

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, max(1, -(-self.total // PER_PAGE)))


def _term_set(name: str, values: Sequence[Any]) -> Query:
    return Query.term_set_query(SCHEMA, name, list(values))


def visibility(person: Person) -> Query:
    """Every object the person may see, as a Tantivy query: the (kind, unit, level) triples of
    each provider's grants, an object the person is involved in, or one they read through a day
    not yet past."""
    terms = [
        engine.acl_term(provider.kind, unit, level)
        for provider in registry.providers()
        for level, units in provider.grants(person).units.items()
        for unit in units
    ]
    today = timezone.localdate()
    reading = Query.range_query(
        SCHEMA,
        "readers",
        FieldType.Integer,
        engine.reader_term(person.pk, today),
        (person.pk + 1) * engine.DAY_SPAN - 1,
    )
    involved = Query.term_query(SCHEMA, "people", person.pk)
    clauses = [(Occur.Should, involved), (Occur.Should, reading)]
    if terms:
        clauses.insert(0, (Occur.Should, _term_set("acl", terms)))
    return Query.boolean_query(clauses)


def _text_query(parsed: Parsed) -> Query:
    must: list[tuple[Occur, Query]] = [
        (Occur.Must, Query.term_query(SCHEMA, "folded", term)) for term in parsed.terms
    ]
    must += [
        (Occur.Must, Query.phrase_query(SCHEMA, "folded", list(phrase)))
        for phrase in parsed.phrases
    ]
    must += [
        (Occur.Must, Query.regex_query(SCHEMA, "folded", re.escape(prefix) + ".*"))
        for prefix in parsed.prefixes
    ]
    boosts = [
        (Occur.Should, Query.const_score_query(Query.term_query(SCHEMA, "exact", word), EXACT_TIER))
        for word in parsed.exact
    ]
    text = Query.boolean_query(must + boosts) if must else None
    if not parsed.symbols:
        return text if text is not None else Query.empty_query()
    symbol = Query.boost_query(_term_set("symbol", parsed.symbols), SYMBOL_BOOST)
    if text is None:
        return symbol
    return Query.boolean_query([(Occur.Should, text), (Occur.Should, symbol)])


def _adjacent_first(searcher: Any, parsed: Parsed, hits: list[Any]) -> list[Any]:
    """Re-score the first results: those with the words side by side, as typed, go up.

    A phrase clause in the main query would check positions in every match (five times the
    cost of a common word's query); checking only the first RESCORE_WINDOW keeps it cheap.
    """
    if not hits:
        return []
    addresses = [address for _, address in hits]
    uids = searcher.fast_field_values("uid", addresses)
    # Term queries, not a term-set query: Tantivy's term set walks the whole dictionary of
    # the field, a million unique ids here; a hundred lookups do not.
    these = [(Occur.Should, Query.term_query(SCHEMA, "uid", int(u))) for u in uids]
    adjacent = Query.boolean_query(
        [
            (Occur.Must, Query.boolean_query(these)),
            (Occur.Must, Query.phrase_query(SCHEMA, "folded", list(parsed.terms))),
        ]
    )
    matched = {
        (a.segment_ord, a.doc) for _, a in searcher.search(adjacent, len(hits), count=False).hits
    }

    def score(hit: Any) -> float:
        # The boost applies to the relevance within the hit's tier, never lifts it to another.
        tier = math.floor(float(hit[0]) / EXACT_TIER) * EXACT_TIER
        base = float(hit[0]) - tier
        return tier + (base * PHRASE_BOOST if (hit[1].segment_ord, hit[1].doc) in matched else base)

    return sorted(hits, key=score, reverse=True)


def _rarest(searcher: Any, terms: Sequence[str]) -> int:
    return min(int(searcher.doc_freq("folded", term)) for term in terms)


def _adjacent(parsed: Parsed) -> Query:
    return Query.boost_query(Query.phrase_query(SCHEMA, "folded", list(parsed.terms)), PHRASE_BOOST)


def _filters(filters: Filters) -> list[tuple[Occur, Query]]:
    chosen = (
        ("kind", filters.kinds),
        ("unit", filters.units),
        ("type", filters.types),
        ("year", filters.years),
        ("status", filters.statuses),
        ("clearance", filters.clearances),
    )
    return [(Occur.Must, _term_set(name, values)) for name, values in chosen if values]


def _snippet_query(parsed: Parsed) -> Query:
    words = [*parsed.terms, *(w for phrase in parsed.phrases for w in phrase)]
    clauses = [(Occur.Should, Query.term_query(SCHEMA, "body", word)) for word in words]
    clauses += [
        (Occur.Should, Query.regex_query(SCHEMA, "body", re.escape(prefix) + ".*"))
        for prefix in parsed.prefixes
    ]
    return Query.boolean_query(clauses) if clauses else Query.empty_query()


def search(
    person: Person,
    text: str,
    *,
    filters: Filters = Filters(),
    sort: str = "relevance",
    page: int = 1,
    per_page: int = PER_PAGE,
    facets: bool = True,
) -> Results:
    parsed = parse(text)
    results = Results(text=text, parsed=parsed, page=max(1, min(page, MAX_PAGE)))
    if parsed.empty:
        results.message = _("Nhập từ cần tìm: trích yếu, cơ quan ban hành, số, ký hiệu…")
        return results
    try:
        searcher = engine.reader().searcher()
        return _run(person, parsed, results, searcher, filters, sort, per_page, facets)
    except engine.IndexUnavailable:
        results.message = _("Chỉ mục tìm kiếm đang được dựng; xin thử lại sau ít phút.")
    except (ValueError, OSError):  # an engine error is logged, never shown
        log.exception("search failed for %r", text)
        results.message = _("Chưa tìm được lúc này; xin thử lại.")
    results.hits, results.total, results.facets = [], 0, {}
    return results


def _run(
    person: Person,
    parsed: Parsed,
    results: Results,
    searcher: Any,
    filters: Filters,
    sort: str,
    per_page: int,
    facets: bool,
) -> Results:
    clauses = [(Occur.Must, _text_query(parsed)), (Occur.Must, visibility(person))]
    rescore = len(parsed.terms) > 1
    if rescore and _rarest(searcher, parsed.terms) <= INLINE_PHRASE_LIMIT:
        clauses.append((Occur.Should, _adjacent(parsed)))
        rescore = False
    query = Query.boolean_query(clauses + _filters(filters))
    offset = (results.page - 1) * per_page
    if facets:
        # The facet counts add up to the total: the top hits need no second count.
        results.facets = _facets(searcher, query)
        results.total = sum(value.count for value in results.facets["kind"])
    if sort == "date":
        found = searcher.search(
            query,
            per_page,
            count=not facets,
            offset=offset,
            order_by_field="moment",
            order=tantivy.Order.Desc,
        )
        hits = list(found.hits)
    else:
        window = max(offset + per_page, RESCORE_WINDOW if rescore else 0)
        found = searcher.search(query, window, count=not facets)
        hits = _adjacent_first(searcher, parsed, found.hits) if rescore else list(found.hits)
        hits = hits[offset : offset + per_page]
    if not facets:
        results.total = int(getattr(found, "count", 0) or 0)  # missing from tantivy's stubs
    if hits:
        snippets = tantivy.SnippetGenerator.create(searcher, _snippet_query(parsed), SCHEMA, "body")
        snippets.set_max_num_chars(240)
        results.hits = [_hit(searcher.doc(address), score, snippets) for score, address in hits]
    if not results.total:
        results.facets = {}
    return results


def _first(stored: Any, name: str, default: Any = "") -> Any:
    values = stored.get_all(name)
    return values[0] if values else default


def _hit(stored: Any, score: Any, snippets: tantivy.SnippetGenerator) -> Hit:
    kind = _first(stored, "kind")
    provider = registry.provider(kind)
    snippet = snippets.snippet_from_doc(stored)
    html = snippet.to_html() if snippet.fragment() else ""
    shown = engine.display(stored)
    moment = _first(stored, "moment")
    if isinstance(moment, datetime) and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return Hit(
        kind=kind,
        kind_label=provider.label if provider else kind,
        title=shown.get("title", ""),
        url=shown.get("url", ""),
        snippet=html or str(escape(_first(stored, "body")[:240])),
        unit_name=shown.get("unit_name", ""),
        status_label=shown.get("status_label", ""),
        moment=timezone.localtime(moment) if isinstance(moment, datetime) else moment,
        clearance=int(_first(stored, "clearance", 0)),
        score=float(score) if isinstance(score, int | float) else 0.0,
    )


def _facets(searcher: Any, query: Query) -> dict[str, list[FacetValue]]:
    spec = {name: {"terms": {"field": name, "size": 300}} for name in FACETS}
    answer = searcher.aggregate(query, spec)
    counts: dict[str, list[tuple[Any, int]]] = {
        name: [(b["key"], int(b["doc_count"])) for b in answer.get(name, {}).get("buckets", [])]
        for name in FACETS
    }
    units = directory()  # the units' labels and the organisation's order, in one query
    status_labels: dict[str, str] = {}
    for provider in registry.providers():
        status_labels.update(getattr(provider, "status_labels", {}))
    labels = {
        "kind": lambda v: p.label if (p := registry.provider(str(v))) else str(v),
        "unit": lambda v: units.label(int(v)) or str(v),
        "type": lambda v: str(v) or _("Công văn"),
        "year": lambda v: str(int(v)),
        "status": lambda v: status_labels.get(str(v), str(v)),
        "clearance": lambda v: str(Clearance(int(v)).label),
    }
    facets = {}
    for name in FACETS:
        values = [
            FacetValue(str(int(k)) if isinstance(k, float) else str(k), labels[name](k), n)
            for k, n in counts[name]
        ]
        if name == "year":
            values.sort(key=lambda v: v.value, reverse=True)
        elif name == "unit":
            values.sort(key=lambda v: units.key(int(v.value)))
        facets[name] = values
    return facets
