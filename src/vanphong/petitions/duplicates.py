"""Proposing the letters a new letter may duplicate (đơn trùng), across units and years.

A candidate is a letter of the same petitioner — the same identity number, or the same folded
name (unless both carry different numbers) — in any unit, or a letter of similar content in a
book the person sees: the search index finds the letters of those books sharing the summary's
folded words (Vietnamese folding: tones, marks, `đ`), and the Dice coefficient of the
summaries' folded syllable pairs keeps the close ones. A letter of a unit the person does not
see is proposed only for its petitioner, never for its content alone.

What a person is shown:

- a candidate in a unit the person sees (`workflow.PETITION_ROLES`) is shown in full: book
  number, unit, received date, kinds, summary, status;
- a candidate in a unit the person does not see is a stub: the unit's name, the book number and
  the received date — and never when either letter is a denunciation. A denunciation's
  petitioner is never matched across units the person cannot see, and a denunciation is never
  hinted at there, so the proposal cannot tell anyone that a denouncer wrote elsewhere;
- matching on petitioners uses a letter's petitioners only when the person may read them
  (`workflow.may_read_identity`) — on the letter proposed for and on the candidate. Otherwise a
  denunciation is matched on its content only.

Cost: every lookup is bounded — at most `MAX_PETITIONERS` petitioners, `PER_KEY` newest letters
per number or name (partial indexes `(id_number, letter)` and `(name_folded, letter)`), `HITS`
index hits — and the candidates are read in one query. The content search reads the postings
of the person's books only (the index's `acl` term of each book's letters, intersected with
the summary's rarest words inside Tantivy), so it grows with the letters the person sees, not
with the letters of the whole index. When the index is unavailable, only petitioners are
matched.
"""

from __future__ import annotations

import itertools
import logging
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Final
from uuid import UUID

import tantivy
from django.db.models import Q

from vanphong.core.vietnamese import fold
from vanphong.org.models import Person, Unit
from vanphong.petitions.models import Citizen, Letter, LetterStatus
from vanphong.petitions.search import KIND
from vanphong.petitions.selectors import visible_unit_ids
from vanphong.petitions.workflow import may_read_identity
from vanphong.search import engine

log = logging.getLogger(__name__)

MAX_PETITIONERS: Final = 5
PER_KEY: Final = 50
HITS: Final = 50
MAX_WORDS: Final = 24
RAREST: Final = 4
SIMILAR: Final = 0.45  # Dice over syllable pairs: rewordings stay above, other cases below
_WORD: Final = re.compile(r"\w+", re.UNICODE)
_STATUS_LABELS: Final = {value: str(label) for value, label in LetterStatus.choices}


@dataclass(frozen=True)
class Candidate:
    full: bool  # False: a stub from a unit the person does not see
    unit_name: str
    book_number: str
    received_on: date
    uuid: UUID | None = None  # a stub carries no address
    kinds: tuple[str, ...] = ()
    summary: str = ""
    status_label: str = ""
    same_petitioner: bool = False
    similarity: float = 0.0
    duplicate_round: int | None = None


def _pairs(folded: str) -> set[tuple[str, str]]:
    words = _WORD.findall(folded)
    return set(itertools.pairwise(words)) or {(w, "") for w in words}


def _dice(left: set[tuple[str, str]], right: set[tuple[str, str]]) -> float:
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the folded syllable pairs of two texts (0 … 1)."""
    return _dice(_pairs(fold(a)), _pairs(fold(b)))


def _identity_readable(person: Person, letter: Letter) -> bool:
    return may_read_identity(
        person, unit=letter.unit, handler_id=letter.handler_id, denunciation=letter.denunciation
    )


def _by_petitioner(letter: Letter) -> dict[int, bool]:
    """Letters sharing a petitioner with `letter`: letter id -> matched by number."""
    found: dict[int, bool] = {}
    petitioners = list(
        Citizen.objects.filter(letter=letter).values_list("name_folded", "id_number")[
            :MAX_PETITIONERS
        ]
    )
    for name, number in petitioners:
        if number:
            for letter_id in (
                Citizen.objects.filter(id_number=number, letter__isnull=False)
                .exclude(id_number="")
                .exclude(letter_id=letter.pk)
                .order_by("-letter_id")
                .values_list("letter_id", flat=True)[:PER_KEY]
            ):
                found[letter_id] = True
        if name:
            for letter_id, other in (
                Citizen.objects.filter(name_folded=name, letter__isnull=False)
                .exclude(letter_id=letter.pk)
                .order_by("-letter_id")
                .values_list("letter_id", "id_number")[:PER_KEY]
            ):
                if number and other and other != number:
                    continue  # namesakes: two people
                found.setdefault(letter_id, False)
    return found


def _by_content(letter: Letter, units: frozenset[int]) -> list[UUID]:
    """Letters of the books `units` whose indexed text shares the summary's words, best first."""
    words = list(dict.fromkeys(_WORD.findall(letter.summary_folded or fold(letter.summary))))
    words = [w for w in words if len(w) > 1][:MAX_WORDS]
    if not words or not units:
        return []
    schema = engine.SCHEMA
    try:
        searcher = engine.reader().searcher()
        # The rarest words find the same letters as all of them, at a fraction of the postings
        # read: "khieu nai" is in half the book.
        words = sorted(words, key=lambda w: int(searcher.doc_freq("folded", w)))[:RAREST]
    except (engine.IndexUnavailable, ValueError, OSError):
        log.warning("duplicate proposal without the search index", exc_info=True)
        return []
    # The letters of the person's books (one `acl` term a book: letters are indexed at
    # confidentiality 0, petitions/search.py) AND any of the words. Tantivy intersects the two
    # inside the index, led by the smaller side, so only the postings of the person's books
    # are scored: the search no longer grows with the letters of books the person cannot act
    # on (a plain disjunction over the whole index read 5–20 % of a million letters in the
    # bench's vocabulary, bench/petitions.py).
    books = [engine.acl_term(KIND, unit, 0) for unit in sorted(units)]
    words_query = tantivy.Query.boolean_query(
        [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "folded", w)) for w in words]
    )
    query = tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Must, tantivy.Query.term_set_query(schema, "acl", books)),
            (tantivy.Occur.Must, words_query),
        ]
    )
    try:
        hits = searcher.search(query, HITS + 1, count=False).hits
        keys = [searcher.doc(address).get_all("key") for _, address in hits]
    except (engine.IndexUnavailable, ValueError, OSError):
        log.warning("duplicate proposal without the search index", exc_info=True)
        return []
    found = []
    for values in keys:
        if values and values[0].startswith(f"{KIND}:"):
            found.append(UUID(values[0].split(":", 1)[1]))
    return [u for u in found if u != letter.uuid][:HITS]


_FIELDS: Final = (
    "pk",
    "uuid",
    "unit_id",
    "unit__name",
    "unit__parent",
    "year",
    "number",
    "received_on",
    "complaint",
    "denunciation",
    "proposal",
    "report",
    "summary",
    "summary_folded",
    "status",
    "handler_id",
    "duplicate_round",
)


def _full(row: dict[str, Any], same: bool, score: float) -> Candidate:
    letter = Letter(**{k: v for k, v in row.items() if not k.startswith(("pk", "unit__"))})
    return Candidate(
        full=True,
        unit_name=str(row["unit__name"]),
        book_number=letter.book_number,
        received_on=letter.received_on,
        uuid=letter.uuid,
        kinds=tuple(letter.kinds()),
        summary=letter.summary,
        status_label=_STATUS_LABELS.get(letter.status, letter.status),
        same_petitioner=same,
        similarity=round(score, 2),
        duplicate_round=letter.duplicate_round,
    )


def propose(letter: Letter, *, person: Person, limit: int = 10) -> list[Candidate]:
    """The letters `letter` may duplicate, as `person` may be shown them (module docstring)."""
    own_identity = _identity_readable(person, letter)
    visible = visible_unit_ids(person)
    by_petitioner = _by_petitioner(letter) if own_identity else {}
    by_content = _by_content(letter, visible)
    if not by_petitioner and not by_content:
        return []
    rows = (
        Letter.objects.filter(Q(pk__in=list(by_petitioner)) | Q(uuid__in=by_content))
        .exclude(pk=letter.pk)
        .order_by()
        .values(*_FIELDS)
    )
    own = _pairs(letter.summary_folded or fold(letter.summary))
    scored: list[tuple[tuple[bool, float, date], dict[str, Any], bool, bool]] = []
    for row in rows:
        seen = row["unit_id"] in visible
        if not seen and (letter.denunciation or row["denunciation"]):
            continue
        same = row["pk"] in by_petitioner
        if same and seen and row["denunciation"]:
            unit = Unit(pk=row["unit_id"], parent_id=row["unit__parent"])
            same = may_read_identity(
                person, unit=unit, handler_id=row["handler_id"], denunciation=True
            )
        score = _dice(own, _pairs(row["summary_folded"]))
        if not same and score < SIMILAR:
            continue
        scored.append(((same, score, row["received_on"]), row, seen, same))
    scored.sort(key=lambda item: item[0], reverse=True)
    found = []
    for (_same, score, _day), row, seen, same in scored[:limit]:
        if seen:
            found.append(_full(row, same, score))
        else:
            found.append(
                Candidate(
                    full=False,
                    unit_name=str(row["unit__name"]),
                    book_number=f"{row['number']}/{row['year']}",
                    received_on=row["received_on"],
                )
            )
    return found
