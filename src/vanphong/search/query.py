"""What a person typed, read leniently into the parts of a search.

Nothing typed reaches Tantivy's query language: operators, SQL and unbalanced quotes are text.
Words are folded by `core.vietnamese.fold` (tones, marks, `đ`), so `hoa thanh`, `Hoà Thành`
and decomposed input are one query; the words as typed (canonical tones, lower case) are kept
to rank matches that agree with the typed diacritics first. Quoted text is a phrase; a
trailing `*` is a prefix. A number-symbol in any common writing (`45-NQ/TU`, `45/NQ-TU`,
`so 45 nq tu`, `NQ 45`) becomes symbol terms that match the document's own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Final

from django.utils.translation import gettext as _

from vanphong.core.vietnamese import (
    GOVERNMENT_TYPES,
    PARTY_TYPES,
    VietnameseParseError,
    canonical_tones,
    fold,
    nfc,
    parse_number_symbol,
)

MAX_CHARS: Final = 500
MAX_WORDS: Final = 24
MIN_PREFIX: Final = 2  # `a*` would expand to half the vocabulary
_WORD: Final = re.compile(r"\w+", re.UNICODE)
_QUOTED: Final = re.compile(r'"([^"]*)"')
_TOKEN: Final = re.compile(r"[^\s\"]+")
_SYMBOLISH: Final = re.compile(r"\d+\s*[-/]\s*[\w/.\-]+", re.UNICODE)
_TYPE_SYMBOLS: Final = {fold(k).upper(): k for k in (*PARTY_TYPES, *GOVERNMENT_TYPES)}


@dataclass(frozen=True)
class Parsed:
    terms: tuple[str, ...] = ()  # folded words every result must contain
    exact: tuple[str, ...] = ()  # the same words as typed, canonical tones, lower case
    phrases: tuple[tuple[str, ...], ...] = ()  # folded syllable sequences
    prefixes: tuple[str, ...] = ()  # folded word starts
    symbols: tuple[str, ...] = ()  # symbol terms, see `symbol_terms`
    notes: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not (self.terms or self.phrases or self.prefixes or self.symbols)


def symbol_terms(number: int, type_symbol: str, issuer: str) -> list[str]:
    """The terms a document's number-symbol is indexed under, the same whichever way the
    style (`45-NQ/TU` or `45/NQ-TU`) was written: number with type, number with issuer, and
    all three."""
    kind = fold(type_symbol).upper()
    body = fold(issuer).upper()
    terms = [f"{number}:{kind}:{body}", f"{number}::{body}"]
    if kind:
        terms.append(f"{number}:{kind}:")
    return terms


def clean_text(text: str) -> str:
    """NFC, no control or format characters, single spaces, at most MAX_CHARS."""
    text = nfc(text)
    kept = "".join(
        " " if unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} else ch for ch in text
    )
    return " ".join(kept.split())[:MAX_CHARS]


def _symbols(text: str) -> list[str]:
    found: list[str] = []
    for match in _SYMBOLISH.finditer(text):
        try:
            parsed = parse_number_symbol(match.group(0))
        except VietnameseParseError:
            continue
        found += symbol_terms(parsed.number, parsed.type_symbol, parsed.issuer)[:1]
    words = [fold(w).upper() for w in _WORD.findall(text)]
    if words and words[0] == "SO":  # `so 45 nq tu`
        words = words[1:]
    numbers = [w for w in words if w.isdigit()]
    types = [w for w in words if w in _TYPE_SYMBOLS]
    if len(numbers) == 1 and types and len(words) <= 4:
        number = int(numbers[0])
        kind = types[0]
        rest = [w for w in words if w not in {numbers[0], kind}]
        if number > 0:
            if rest:
                found.append(f"{number}:{kind}:{rest[0]}")
            else:
                found.append(f"{number}:{kind}:")
    return list(dict.fromkeys(found))


def parse(text: str) -> Parsed:
    text = clean_text(text)
    if not text:
        return Parsed()
    notes: list[str] = []
    phrases: list[tuple[str, ...]] = []
    rest = text
    for quoted in _QUOTED.findall(text):
        syllables = tuple(_WORD.findall(fold(quoted)))
        if len(syllables) > 1:
            phrases.append(syllables)
        elif syllables:
            rest += f" {syllables[0]}"
    rest = _QUOTED.sub(" ", rest).replace('"', " ")
    terms: list[str] = []
    exact: list[str] = []
    prefixes: list[str] = []
    for token in _TOKEN.findall(rest):
        is_prefix = token.endswith("*")
        words = _WORD.findall(token)
        for position, word in enumerate(words):
            folded = fold(word)
            if is_prefix and position == len(words) - 1:
                if len(folded) >= MIN_PREFIX:
                    prefixes.append(folded)
                else:  # `l*` would expand to half the vocabulary
                    notes.append(
                        _("Bỏ qua “%(token)s”: cần ít nhất %(n)d chữ trước dấu *.")
                        % {"token": token, "n": MIN_PREFIX}
                    )
                continue
            terms.append(folded)
            exact.append(canonical_tones(word).lower())
    if len(terms) + len(prefixes) + sum(map(len, phrases)) > MAX_WORDS:
        notes.append(_("Chỉ tìm theo %(n)d từ đầu tiên.") % {"n": MAX_WORDS})
        terms, exact = terms[:MAX_WORDS], exact[:MAX_WORDS]
        prefixes = prefixes[: max(0, MAX_WORDS - len(terms))]
        phrases = phrases[:2]
    return Parsed(
        terms=tuple(dict.fromkeys(terms)),
        exact=tuple(dict.fromkeys(w for w in exact if w not in terms)),
        phrases=tuple(phrases),
        prefixes=tuple(dict.fromkeys(prefixes)),
        symbols=tuple(_symbols(text)),
        notes=tuple(notes),
    )
