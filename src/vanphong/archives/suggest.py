"""Which open files a document probably belongs in: the unit's open files of the year, scored
by the words (folded: tones and `đ` ignored) their title — and the keywords of the plan entry
they were opened from — share with the document's subject. Only files the person sees."""

from __future__ import annotations

from django.db.models import Q

from vanphong.archives.models import FileStatus, RecordFile
from vanphong.archives.selectors import files_visible
from vanphong.core.vietnamese import fold
from vanphong.org.models import Person, Unit

# Words every subject has, which tell nothing of what it is about.
_COMMON_TEXT = (
    "về việc v/v của và các cho năm với trong tại theo đến những một được ban hành thực hiện "
    "công tác báo cáo kế hoạch quyết định đồng chí tỉnh huyện ủy uỷ văn bản số hồ sơ"
)
_COMMON = frozenset(fold(word) for word in _COMMON_TEXT.split(" "))


def words(text: str) -> set[str]:
    """The folded words of `text` that say what it is about, and its adjacent pairs of words
    (`bau cu`): Vietnamese words are syllables, and one syllable alone matches by chance."""
    found: set[str] = set()
    previous = ""
    for raw in fold(text).replace("/", " ").replace("-", " ").split():
        word = raw.strip(".,;:()\"'“”")
        if len(word) < 2 or word in _COMMON:
            previous = ""
            continue
        found.add(word)
        if previous:
            found.add(f"{previous} {word}")
        previous = word
    return found


def score(text_words: set[str], file: RecordFile) -> int:
    """Shared words, a shared pair of words counting twice more."""
    entry = file.plan_entry
    own = words(file.title)
    if entry is not None:
        own |= words(entry.title) | words(entry.keywords)
    return sum(3 if " " in word else 1 for word in text_words & own)


# One shared syllable is chance; a pair, or two, is a subject.
MIN_SCORE = 2


def suggest_files(
    *, person: Person, unit: Unit, year: int, text: str, limit: int = 5
) -> list[RecordFile]:
    """The open files of `unit` for `year` the person sees, best match first (ties: by code);
    files sharing less than a pair of words or two words with `text` are left out."""
    wanted = words(text)
    if not wanted:
        return []
    files = (
        files_visible(person)
        .filter(Q(unit=unit) & Q(year=year) & Q(status=FileStatus.OPEN))
        .select_related("plan_entry", "unit", "responsible")
    )
    scored = [(score(wanted, f), f) for f in files]
    ranked = sorted(
        (pair for pair in scored if pair[0] >= MIN_SCORE), key=lambda p: (-p[0], p[1].code)
    )
    return [f for _score, f in ranked[:limit]]
