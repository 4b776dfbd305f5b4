"""What the petitions app puts in the search index: letters (đơn, thư).

A letter is found by the people who see its unit's book (`workflow.PETITION_ROLES`) and by its
handler. Its text is the book number, summary, field, place, subject and kinds — and the
petitioners' names only when the letter is not a denunciation: a denouncer's name, number,
address or phone never reaches the index, so no search, snippet, facet or count can reveal it,
whoever searches. A letter re-classified as a denunciation is re-indexed by the audited change
(`keys_for`) and loses the names.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, time
from uuid import UUID

from django.db import models
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from vanphong.org.models import Person
from vanphong.petitions.models import (
    Citizen,
    Forward,
    Letter,
    LetterFile,
    LetterStatus,
)
from vanphong.petitions.selectors import visible_unit_ids
from vanphong.search.registry import Entry, Grants

KIND = "letter"
# Reads change nothing that is indexed.
_NOT_CHANGES = {"letter.identity_read"}
_STATUS_LABELS = {value: str(label) for value, label in LetterStatus.choices}


def letter_url(letter: Letter) -> str:
    # The letter page belongs to the letters' views; its path is the app's root plus the uuid.
    return f"/don-thu/{letter.uuid}/"


def indexed_text(letter: Letter, names: Sequence[str]) -> str:
    """What is searchable in `letter`; `names` are its petitioners, dropped for a
    denunciation."""
    parts = [
        f"Đơn số {letter.book_number}",
        letter.summary,
        letter.field.name if letter.field is not None else "",
        letter.place,
        letter.subject,
        ", ".join(letter.kinds()),
    ]
    if not letter.denunciation:
        parts += list(names)
    return "\n".join(part for part in parts if part)


class LetterProvider:
    kind = KIND
    label = "Đơn thư"

    def _queryset(self) -> QuerySet[Letter]:
        return Letter.objects.select_related("unit", "field").prefetch_related(
            Prefetch(
                "citizens",
                queryset=Citizen.objects.only("id", "letter_id", "position", "full_name"),
                to_attr="indexed_citizens",
            )
        )

    def keys_for(self, target: models.Model, action: str) -> Sequence[UUID]:
        if action in _NOT_CHANGES:
            return []
        if isinstance(target, Letter):
            return [target.uuid]
        if isinstance(target, Citizen | LetterFile | Forward) and target.letter_id is not None:
            return list(Letter.objects.filter(pk=target.letter_id).values_list("uuid", flat=True))
        return []

    def entry(self, letter: Letter) -> Entry:
        names = [c.full_name for c in getattr(letter, "indexed_citizens", [])]
        kinds = ", ".join(letter.kinds())
        moment = timezone.make_aware(datetime.combine(letter.received_on, time(8)))
        return Entry(
            kind=KIND,
            uuid=letter.uuid,
            unit_id=letter.unit_id,
            confidentiality=0,
            people=(letter.handler_id,) if letter.handler_id is not None else (),
            title=f"Đơn số {letter.book_number} · {kinds}",
            text=indexed_text(letter, names),
            moment=moment.astimezone(UTC),
            url=letter_url(letter),
            status=letter.status,
            status_label=_STATUS_LABELS.get(letter.status, letter.status),
            unit_name=letter.unit.name,
        )

    def entries(self, uuids: Sequence[UUID]) -> Iterable[Entry]:
        for letter in self._queryset().filter(uuid__in=list(uuids)):
            yield self.entry(letter)

    def batches(self, size: int, after: int = 0) -> Iterator[tuple[int, list[Entry]]]:
        while True:
            letters = list(self._queryset().filter(pk__gt=after).order_by("pk")[:size])
            if not letters:
                return
            after = letters[-1].pk
            yield after, [self.entry(letter) for letter in letters]

    def grants(self, person: Person) -> Grants:
        units = visible_unit_ids(person)
        levels: dict[int, tuple[int, ...]] = {0: tuple(sorted(units))} if units else {}
        return Grants(units=levels)
