"""Vietnamese text, dates and document numbers for vanphong.

Plain Python (no Django) so every layer can use it: forms normalise input with `clean`, search
and duplicate checks compare `fold` keys, documents print dates and number-symbols in the
official layout, and `parse_*` turn what clerks type back into values or raise
`VietnameseParseError` with a message a clerk can act on. Domain facts: RULES.md §2 and §9.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final, Literal

__all__ = [
    "GOVERNMENT_TYPES",
    "ISSUER_CASING",
    "PARTY_TYPES",
    "WEEKDAYS",
    "NumberSymbol",
    "Style",
    "VietnameseParseError",
    "canonical_tones",
    "clean",
    "fold",
    "format_date",
    "format_number_symbol",
    "format_place_date",
    "format_week",
    "nfc",
    "number_line",
    "parse_date",
    "parse_number_symbol",
    "sanitize",
    "week_of",
    "weekday_name",
]


class VietnameseParseError(ValueError):
    """Input that cannot be read without guessing; the message is Vietnamese, for the user."""


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC."""
    return unicodedata.normalize("NFC", text)


_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
_TONE_MARKS: Final = frozenset({_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT})

# `qu` and `gi` are deliberately absent: in `quý` the u belongs to the initial, so the mark
# sits on y in both styles; `gi` + oa/oe/uy does not occur.
_INITIALS = "b|c|ch|d|đ|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|r|s|t|th|tr|v|x"
_OLD_STYLE_SYLLABLE: Final = re.compile(rf"(?:{_INITIALS})?(?:oa|oe|uy)")
_LETTER_RUN: Final = re.compile(r"[^\W\d_]+")


def _retone_syllable(match: re.Match[str]) -> str:
    syllable = match.group()
    decomposed = unicodedata.normalize("NFD", syllable)
    # One entry per letter: (base, other marks, tone marks).
    letters: list[tuple[str, list[str], list[str]]] = []
    for ch in decomposed:
        if not unicodedata.combining(ch) or not letters:
            letters.append((ch, [], []))
        elif ch in _TONE_MARKS:
            letters[-1][2].append(ch)
        else:
            letters[-1][1].append(ch)
    bases = "".join(base for base, _, _ in letters).lower()
    if not _OLD_STYLE_SYLLABLE.fullmatch(bases):
        return syllable
    (first, first_marks, first_tone), (last, last_marks, last_tone) = letters[-2:]
    # oa/oe/uy carry no vowel-quality marks; a tone on the first vowel is already new style.
    if first_marks or last_marks or first_tone or len(last_tone) != 1:
        return syllable
    letters[-2:] = [(first, [], last_tone), (last, [], [])]
    return nfc("".join(base + "".join(marks) + "".join(tone) for base, marks, tone in letters))


def canonical_tones(text: str) -> str:
    """NFC, then move old-style tone marks in open oa/oe/uy syllables to the new style.

    `hoà → hòa`, `uỷ → ủy`, `thuý → thúy`, `khoẻ → khỏe`, case kept. Closed syllables
    (`hoàn`, `khoảng`), longer nuclei (`ngoài`, `khuỷu`, `quyển`) and `qu` + y (`quý`) are the
    same in both styles and stay as they are; so does anything that is not a Vietnamese
    syllable. Idempotent.
    """
    return _LETTER_RUN.sub(_retone_syllable, nfc(text))


_WHITESPACE_RUN: Final = re.compile(r"\s+")
# Đ is a letter of its own, not D plus a mark, so no normalisation form maps it to D. The
# Icelandic eth (Ð/ð) is the usual look-alike that legacy fonts and converters leave behind.
_FOLD_LETTERS: Final = str.maketrans({"đ": "d", "ð": "d"})


def fold(text: str) -> str:
    """Key for search and duplicate checks: lowercase, no marks, `đ → d`, single spaces.

    Old and new tone placement, NFC and NFD all fold to the same key. Idempotent.
    """
    lowered = nfc(text).lower()
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFD", lowered) if not unicodedata.combining(ch)
    )
    # Recompose: NFD also splits marks that are not combining (Hangul jamo, some Indic vowel
    # signs); without this, folding a folded key would change it.
    folded = nfc(stripped.translate(_FOLD_LETTERS))
    return _WHITESPACE_RUN.sub(" ", folded).strip()


# C0 controls but tab and newline, DEL, lone surrogates and the two noncharacters XML 1.0
# forbids: none is typed on purpose, and each breaks an export (XLSX, DOCX) or a database.
_UNPRINTABLE: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_CARRIAGE_RETURN: Final = re.compile("\r\n?")


def sanitize(text: str) -> str:
    """What any text becomes on entering vanphong (and again on leaving it in a file): line
    breaks as `\\n`, no control character but tab and newline, no lone surrogate, NFC.

    Spacing is kept as typed (a draft's layout matters); `clean` also tidies it. Idempotent.
    """
    return nfc(_UNPRINTABLE.sub("", _CARRIAGE_RETURN.sub("\n", text)))


def clean(text: str) -> str:
    """Normalise user-typed text: `sanitize`, single spaces, no blank edges; tone placement
    kept.

    Line breaks survive (any convention becomes `\\n`); within each line runs of spaces and
    tabs become one space and the line is stripped at both ends.
    """
    lines = (_WHITESPACE_RUN.sub(" ", line).strip() for line in sanitize(text).splitlines())
    return "\n".join(lines).strip()


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

WEEKDAYS: Final[tuple[str, ...]] = (
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
    "Chủ nhật",
)


def weekday_name(d: date) -> str:
    """`Thứ Hai` … `Thứ Bảy`, `Chủ nhật`."""
    return WEEKDAYS[d.weekday()]


def format_date(d: date) -> str:
    """`17/02/2012`."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_place_date(place: str, d: date) -> str:
    """The place-date line: `Tây Ninh, ngày 16 tháng 02 năm 2012`.

    The day always has two digits; the month only for January and February, so that
    `tháng 1`/`tháng 2` cannot be altered into `tháng 11`/`tháng 12` by hand.
    """
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    line = f"ngày {d.day:02d} tháng {month} năm {d.year:04d}"
    place = clean(place)
    return f"{place}, {line}" if place else line


def week_of(d: date) -> tuple[int, date, date]:
    """ISO week number of `d`, and the Monday and Sunday of that week."""
    monday = d - timedelta(days=d.weekday())
    return d.isocalendar().week, monday, monday + timedelta(days=6)


def format_week(d: date) -> str:
    """`Tuần 07, từ ngày 13/02 đến ngày 19/02/2012`; both years when the week spans two."""
    week, monday, sunday = week_of(d)
    start = format_date(monday) if monday.year != sunday.year else format_date(monday)[:5]
    return f"Tuần {week:02d}, từ ngày {start} đến ngày {format_date(sunday)}"


_NUMERIC_DATE: Final = re.compile(
    r"(?:ngay\s*)?([0-9]{1,2})\s*([/.-])\s*([0-9]{1,2})\s*\2\s*([0-9]+)", re.ASCII
)
_ISO_DATE: Final = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)
# Matched against the folded text, so case, NFD, tone marks and `đ` do not matter; anything
# before a comma is the place name.
_WORDED_DATE: Final = re.compile(
    r"(?:.*,\s*)?ngay\s+([0-9]{1,2})\s+thang\s+([0-9]{1,2})\s+nam\s+([0-9]+)", re.ASCII
)
_DATE_FORMATS_HINT: Final = (
    "dùng dd/mm/yyyy (17/02/2012), dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd "
    "hoặc “ngày 16 tháng 02 năm 2012”"
)


def _checked_date(day: int, month: int, year_digits: str, original: str) -> date:
    if len(year_digits) != 4:
        raise VietnameseParseError(
            f"Năm phải ghi đủ 4 chữ số, không đoán năm từ “{year_digits}”: “{original}”"
        )
    year = int(year_digits)
    shown = f"{day:02d}/{month:02d}/{year_digits}"
    if year < 1:
        raise VietnameseParseError(f"Ngày không hợp lệ: {shown} — không có năm {year_digits}")
    if not 1 <= month <= 12:
        raise VietnameseParseError(
            f"Ngày không hợp lệ: {shown} — không có tháng {month} (tháng từ 1 đến 12)"
        )
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise VietnameseParseError(
            f"Ngày không hợp lệ: {shown} — tháng {month} năm {year} không có ngày {day}"
        )
    return date(year, month, day)


def parse_date(text: str) -> date:
    """Read a date as Vietnamese offices write it; never guess.

    Accepts `17/02/2012`, `17-02-2012`, `16.2.2012` (day first, always), ISO `2012-02-16`,
    and `ngày 16 tháng 02 năm 2012` with an optional `Tây Ninh, ` in front. Two-digit years,
    other shapes and impossible dates raise `VietnameseParseError`.
    """
    original = clean(text)
    if not original:
        raise VietnameseParseError("Chưa nhập ngày")
    key = fold(original)
    if m := _ISO_DATE.fullmatch(key):
        return _checked_date(int(m[3]), int(m[2]), m[1], original)
    if m := _NUMERIC_DATE.fullmatch(key):
        return _checked_date(int(m[1]), int(m[3]), m[4], original)
    if m := _WORDED_DATE.fullmatch(key):
        return _checked_date(int(m[1]), int(m[2]), m[3], original)
    raise VietnameseParseError(f"Không nhận ra định dạng ngày: “{original}”; {_DATE_FORMATS_HINT}")


# --------------------------------------------------------------------------------------------
# Number and symbol of documents (số, ký hiệu)
# --------------------------------------------------------------------------------------------

Style = Literal["party", "government"]

# 66-QĐ/TW (2017). Years in which Quy định used QĐ need a rule set that drops "QĐi".
PARTY_TYPES: Final[Mapping[str, str]] = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "QĐi": "Quy định",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "QC": "Quy chế",
    "TT": "Thông tri",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "KH": "Kế hoạch",
    "CTr": "Chương trình",
    "ĐA": "Đề án",
    "PA": "Phương án",
    "CV": "Công văn",
    "BB": "Biên bản",
    "BS": "Bản sao",
}

# Decree 30/2020 appendix III, plus the legal-document types that carry a year
# (`05/2011/TT-BNV`, `30/2020/NĐ-CP`). A government công văn has no type (`45/UBND-VP`); CV is
# kept because older and local practice writes `123/CV-UBND`.
GOVERNMENT_TYPES: Final[Mapping[str, str]] = {
    "NĐ": "Nghị định",
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "GN": "Bản ghi nhớ",
    "TTh": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
    "BSY": "Bản sao y",
    "BTS": "Bản trích sao",
    "BSL": "Bản sao lục",
    "CV": "Công văn",
}

# Issuer symbols are upper case except these (upper-case form → canonical form).
ISSUER_CASING: Final[Mapping[str, str]] = {"TTG": "TTg"}

_WORD: Final = re.compile(r"[^\W\d_]+")
_ISSUER: Final = re.compile(r"[^\W\d_][^\W_]*(?:-[^\W\d_][^\W_]*)*")


def _symbol_key(symbol: str) -> str:
    return fold(symbol).upper()


@dataclass(frozen=True, slots=True, kw_only=True)
class NumberSymbol:
    """The number and symbol of a document.

    Party (66-QĐ/TW): `Số 45-NQ/TU`, type always present, no year. Government (Decree 30):
    `Số: 123/QĐ-UBND`, `Số: 45/UBND-VP` (công văn: no type, issuer then drafting unit) or with
    the year of a legal document, `Số: 05/2011/TT-BNV`. Keyword-only, so field order never
    matters.
    """

    number: int
    year: int | None = None
    type_symbol: str
    issuer: str
    style: Style

    def __post_init__(self) -> None:
        if self.style not in ("party", "government"):
            raise ValueError(f"Kiểu số, ký hiệu không hợp lệ: {self.style!r}")
        if self.number < 1:
            raise ValueError(f"Số văn bản phải từ 01 trở lên, không phải {self.number}")
        if self.style == "party" and not self.type_symbol:
            raise ValueError("Văn bản của Đảng phải có ký hiệu loại văn bản (NQ, QĐ, CV…)")
        if self.style == "party" and self.year is not None:
            raise ValueError("Số, ký hiệu văn bản của Đảng không ghi năm")
        if self.year is not None and not 1000 <= self.year <= 9999:
            raise ValueError(f"Năm ban hành phải có 4 chữ số, không phải {self.year}")
        if self.type_symbol and not _WORD.fullmatch(self.type_symbol):
            raise ValueError(f"Ký hiệu loại văn bản chỉ gồm chữ cái: “{self.type_symbol}”")
        if not _ISSUER.fullmatch(self.issuer):
            raise ValueError(f"Ký hiệu cơ quan ban hành không hợp lệ: “{self.issuer}”")

    @property
    def code(self) -> str:
        """The number-symbol without `Số`: `45-NQ/TU`, `123/QĐ-UBND`, `05/2011/TT-BNV`."""
        if self.style == "party":
            return f"{self.number:02d}-{self.type_symbol}/{self.issuer}"
        year = f"{self.year}/" if self.year is not None else ""
        kind = f"{self.type_symbol}-" if self.type_symbol else ""
        return f"{self.number:02d}/{year}{kind}{self.issuer}"

    @property
    def key(self) -> str:
        """Indexable key for search and duplicate checks: `P:45:NQ:TU`, `G:123:2011:QD:UBND`.

        Blind to `Số`, spacing, case, NFC/NFD, leading zeros and `đ`; the style is part of it,
        so `12-QĐ/TU` and `12/QĐ-TU` differ. The key names a number within its series only:
        a duplicate check must also scope by year (government) or committee term (party).
        """
        kind = _symbol_key(self.type_symbol)
        issuer = _symbol_key(self.issuer)
        if self.style == "party":
            return f"P:{self.number}:{kind}:{issuer}"
        year = "" if self.year is None else str(self.year)
        return f"G:{self.number}:{year}:{kind}:{issuer}"

    @property
    def type_name(self) -> str | None:
        """Vietnamese name of the type (`Nghị quyết`), None for a government công văn."""
        table = PARTY_TYPES if self.style == "party" else GOVERNMENT_TYPES
        return table.get(self.type_symbol)


def format_number_symbol(ns: NumberSymbol) -> str:
    """The full number line: `Số 45-NQ/TU` (party) or `Số: 123/QĐ-UBND` (government)."""
    return f"Số {ns.code}" if ns.style == "party" else f"Số: {ns.code}"


_SHAPE: Final = re.compile(r"[0-9]+([-/])")


@functools.lru_cache(maxsize=4096)
def number_line(code: str) -> str:
    """The number line of a stored number-symbol, for every page and print that shows one.

    `45-NQ/TU` → `Số 45-NQ/TU`, `01/QĐ-UBND` → `Số: 01/QĐ-UBND`: a document keeps the style of
    whoever issued it, so an incoming Party document reads the Party way in a government
    office's book and the other way round. A value this module cannot read (a type symbol
    of an older rule set) is still styled by its shape; one of no known shape is shown as
    stored, never guessed at. Empty stays empty (a draft has no number yet).
    """
    text = clean(code)
    if not text:
        return ""
    try:
        return format_number_symbol(parse_number_symbol(text))
    except (VietnameseParseError, ValueError):
        pass
    shape = _SHAPE.match(text)
    if shape is None:
        return text
    return f"Số {text}" if shape[1] == "-" else f"Số: {text}"


# Word processors turn `-` into dashes, and legacy fonts put the eth where Đ belongs.
_SYMBOL_TRANSLATION: Final = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\uff0f": "/",
        "Ð": "Đ",
        "ð": "đ",
    }
)
_SEPARATOR_SPACING: Final = re.compile(r"\s*([-/])\s*")
_LEADING_WORD: Final = re.compile(r"([^\W\d_]+)\s*:?\s*")
_NUMBER: Final = re.compile(r"([0-9]+)(.*)", re.ASCII | re.DOTALL)
_DIGITS: Final = re.compile(r"[0-9]+", re.ASCII)
_EXAMPLES: Final = "ví dụ “Số 45-NQ/TU” hoặc “Số: 123/QĐ-UBND”"


@functools.lru_cache(maxsize=16)
def _type_index(symbols: tuple[str, ...]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The symbols of a type table by upper case and by folded key, built once per table."""
    by_upper: dict[str, list[str]] = {}
    by_key: dict[str, list[str]] = {}
    for known in symbols:
        by_upper.setdefault(known.upper(), []).append(known)
        by_key.setdefault(_symbol_key(known), []).append(known)
    return by_upper, by_key


def _canonical_type(symbol: str, table: Mapping[str, str], original: str) -> str:
    if symbol in table:
        return symbol
    by_upper, by_key = _type_index(tuple(table))
    # Without Đ (`QD` for `QĐ`) only when exactly one symbol fits; `HD` is Hướng dẫn, never
    # Hợp đồng, because it matches exactly first.
    candidates = by_upper.get(symbol.upper()) or by_key.get(_symbol_key(symbol), [])
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        raise VietnameseParseError(
            f"Ký hiệu loại văn bản “{symbol}” không rõ là {' hay '.join(candidates)}: “{original}”"
        )
    raise VietnameseParseError(
        f"Ký hiệu loại văn bản không hợp lệ: “{symbol}” trong “{original}” "
        f"(dùng một trong: {', '.join(table)})"
    )


def _is_type(symbol: str, table: Mapping[str, str]) -> bool:
    try:
        _canonical_type(symbol, table, symbol)
    except VietnameseParseError:
        return False
    return True


def _canonical_issuer(issuer: str, original: str) -> str:
    if not issuer:
        raise VietnameseParseError(
            f"Thiếu ký hiệu cơ quan ban hành (TU, HU, UBND…): “{original}”; {_EXAMPLES}"
        )
    if not _ISSUER.fullmatch(issuer):
        raise VietnameseParseError(
            f"Ký hiệu cơ quan ban hành không hợp lệ: “{issuer}” trong “{original}” "
            "(chữ cái và chữ số, các phần nối bằng dấu -)"
        )
    return "-".join(ISSUER_CASING.get(p.upper(), p.upper()) for p in issuer.split("-"))


def parse_number_symbol(
    text: str,
    *,
    party_types: Mapping[str, str] = PARTY_TYPES,
    government_types: Mapping[str, str] = GOVERNMENT_TYPES,
) -> NumberSymbol:
    """Read a number-symbol as typed; the shape decides the style, nothing is guessed.

    `N-TYPE/ISSUER` is a Party document, `N/[YEAR/][TYPE-]ISSUER` a government one. Tolerates a
    leading `Số`/`Số:` (any case, or none), spaces around `-` and `/`, NFD, lower case,
    leading zeros, typographic dashes, and `D` for `Đ` in a type symbol when only one type
    fits. In the government shape the first part is the type if it is a known type symbol,
    otherwise the whole is the issuer (a công văn). Pass other tables to follow an older
    rule set.
    """
    original = clean(text)
    body = _SEPARATOR_SPACING.sub(r"\1", nfc(original).translate(_SYMBOL_TRANSLATION))
    if (word := _LEADING_WORD.match(body)) and fold(word[1]) == "so":
        body = body[word.end() :]
    if not body:
        raise VietnameseParseError(f"Chưa nhập số, ký hiệu văn bản; {_EXAMPLES}")
    number_match = _NUMBER.fullmatch(body)
    if number_match is None:
        raise VietnameseParseError(
            f"Thiếu số văn bản: “{original}” phải bắt đầu bằng số thứ tự; {_EXAMPLES}"
        )
    digits, rest = number_match.groups()
    # No office numbers past the millions; the cap also keeps int() away from huge inputs.
    if len(digits.lstrip("0")) > 9:
        raise VietnameseParseError(f"Số văn bản quá lớn: “{original}”")
    number = int(digits)
    if number == 0:
        raise VietnameseParseError(f"Số văn bản phải từ 01 trở lên, không được là 0: “{original}”")
    if not rest:
        raise VietnameseParseError(f"Thiếu ký hiệu sau số {digits}: “{original}”; {_EXAMPLES}")
    if suffix := _WORD.match(rest):
        raise VietnameseParseError(
            f"Số văn bản chỉ gồm chữ số, không kèm chữ “{suffix[0]}”: “{original}”; {_EXAMPLES}"
        )
    separator, rest = rest[0], rest[1:]
    if separator == "-":
        return _parse_party(number, rest, party_types, original)
    if separator == "/":
        return _parse_government(number, rest, government_types, original)
    raise VietnameseParseError(
        "Số văn bản chỉ gồm chữ số, tiếp theo là dấu - (văn bản của Đảng) hoặc dấu / "
        f"(văn bản chính quyền): “{original}”; {_EXAMPLES}"
    )


def _parse_party(number: int, rest: str, table: Mapping[str, str], original: str) -> NumberSymbol:
    symbol, slash, issuer = rest.partition("/")
    if not symbol:
        raise VietnameseParseError(
            f"Thiếu ký hiệu loại văn bản (NQ, QĐ, CV…) sau số {number:02d}: “{original}”"
        )
    if not _WORD.fullmatch(symbol):
        raise VietnameseParseError(
            f"Ký hiệu loại văn bản không hợp lệ: “{symbol}” trong “{original}” "
            f"(dùng một trong: {', '.join(table)})"
        )
    type_symbol = _canonical_type(symbol, table, original)
    if not slash:
        raise VietnameseParseError(
            f"Thiếu ký hiệu cơ quan ban hành sau “{number:02d}-{type_symbol}”: “{original}” "
            "(ví dụ 45-NQ/TU)"
        )
    return NumberSymbol(
        number=number,
        type_symbol=type_symbol,
        issuer=_canonical_issuer(issuer, original),
        style="party",
    )


def _parse_government(
    number: int, rest: str, table: Mapping[str, str], original: str
) -> NumberSymbol:
    year: int | None = None
    first, slash, after = rest.partition("/")
    if slash and _DIGITS.fullmatch(first):
        if len(first) != 4 or first.startswith("0"):
            raise VietnameseParseError(
                f"Năm ban hành phải có đủ 4 chữ số, không đoán năm từ “{first}”: “{original}”"
            )
        year, rest = int(first), after
    head, hyphen, tail = rest.partition("-")
    if head and _is_type(head, table):
        type_symbol = _canonical_type(head, table, original)
        if not hyphen or not tail:
            raise VietnameseParseError(
                f"Thiếu ký hiệu cơ quan ban hành sau “{type_symbol}”: “{original}” "
                "(ví dụ 123/QĐ-UBND)"
            )
        issuer = _canonical_issuer(tail, original)
    else:
        type_symbol, issuer = "", _canonical_issuer(rest, original)
    return NumberSymbol(
        number=number, year=year, type_symbol=type_symbol, issuer=issuer, style="government"
    )
