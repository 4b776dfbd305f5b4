"""The letters a document's page links back to (`core.links`): the letter a forwarding note
was drafted for, the letter a reply brought the result of.

Only letters the person sees through `selectors.letters_visible` — the letter page's own rule
— so the receiving body's clerk, who sees the note delivered to them, learns nothing of the
letter. A link is titled by the book number and the unit keeping the book, never a petitioner.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from vanphong.core.links import Link
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.petitions.models import Forward
from vanphong.petitions.selectors import letters_visible


def letters_of_document(person: Any, obj: Any) -> list[Link]:
    if isinstance(obj, OutgoingDocument):
        refers = Q(note_id=obj.pk)
    elif isinstance(obj, IncomingDocument):
        refers = Q(reply_id=obj.pk)
    else:
        return []
    forwards = Forward.objects.filter(refers, letter_id=OuterRef("pk"))
    letters = (
        letters_visible(person)
        .filter(Exists(forwards))
        .select_related("unit")
        .order_by("year", "number", "id")
    )
    return [
        Link(
            title=_("Đơn số %(n)s — %(unit)s")
            % {"n": letter.book_number, "unit": letter.unit.label},
            url=reverse("petitions:letter", args=[letter.uuid]),
        )
        for letter in letters
    ]
