"""The files a document's page links to (`core.links`): "Hồ sơ: <file>" for each file the
reader sees that holds it (one query). Files the reader may not see are neither linked nor
named.

`file_action_link` is the "Đưa vào hồ sơ" button for a reader who compiles files, registered as
an action (`core.links.register_action`), not a "Liên quan" line."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from vanphong.archives.selectors_files import compiling_units, files_holding
from vanphong.core.links import Link
from vanphong.documents.models import IncomingDocument, OutgoingDocument


def add_url(kind: str, source_uuid: object) -> str:
    query = urlencode({"loai": kind, "ma": str(source_uuid)})
    return f"{reverse('archives:file_add_item')}?{query}"


def files_of_document(person: Any, obj: Any) -> list[Link]:
    if isinstance(obj, IncomingDocument):
        kind = "incoming"
    elif isinstance(obj, OutgoingDocument):
        kind = "outgoing"
    else:
        return []
    return [
        Link(
            title=_("Hồ sơ: %(code)s %(title)s") % {"code": file.code, "title": file.title},
            url=reverse("archives:file_detail", args=[file.uuid]),
        )
        for file in files_holding(person, kind, obj.uuid)
    ]


def file_action_link(person: Any, obj: Any) -> list[Link]:
    """ "Đưa vào hồ sơ" for an incoming or outgoing document, to a reader who compiles files."""
    kinds = {IncomingDocument: "incoming", OutgoingDocument: "outgoing"}
    kind = kinds.get(type(obj))
    if kind is None or not compiling_units(person):
        return []
    return [Link(title=_("Đưa vào hồ sơ"), url=add_url(kind, obj.uuid))]
