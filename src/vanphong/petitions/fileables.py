"""Letters (đơn, thư) as things a file holds (`core.fileables`), seen through
`selectors.letters_visible`. A letter is described as the letter list names it — its book
number and kinds, the body that forwarded it — never by a petitioner, so a denouncer is named
in no document index."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.urls import reverse

from vanphong.core.fileables import Fileable, FileableInfo, register
from vanphong.petitions.models import Letter
from vanphong.petitions.selectors import letters_visible


def letter_title(letter: Letter) -> str:
    kinds = ", ".join(letter.kinds())
    return f"Đơn số {letter.book_number} · {kinds}" if kinds else f"Đơn số {letter.book_number}"


def letter_infos(person: Any, uuids: Iterable[UUID]) -> dict[UUID, FileableInfo]:
    letters = letters_visible(person).filter(uuid__in=list(uuids)).select_related("unit")
    return {
        letter.uuid: FileableInfo(
            kind="letter",
            uuid=letter.uuid,
            unit_id=letter.unit_id,
            number_symbol=f"Đơn số {letter.book_number}",
            document_date=letter.received_on,
            author=letter.sender_body or "Công dân",
            title=letter_title(letter),
            page_count=None,
            confidentiality=0,
            url=reverse("petitions:letter", args=[letter.uuid]),
        )
        for letter in letters
    }


def register_fileables() -> None:
    register(Fileable(kind="letter", label="Đơn, thư", describe_many=letter_infos))
