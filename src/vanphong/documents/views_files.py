"""Downloading an attachment: only through a document the user may see, never inline.

An attachment of a document (incoming, outgoing, or one of its draft versions) the user may
not see is a 404, the same answer as an unknown one. The file goes out as a download with its
sanitised name (RFC 5987 for Vietnamese names), its checked content type and `nosniff`, so a
browser never runs it; reading an attachment of a secret document is audited
(services.document_read_record records only secret ones).
"""

from __future__ import annotations

import unicodedata
from typing import cast
from urllib.parse import quote
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from vanphong.core.access import get_visible_or_404
from vanphong.core.files import open_stored, safe_filename, served_type, stored_name
from vanphong.core.models import StoredFile
from vanphong.documents import services
from vanphong.documents.models import Attachment
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.org.models import Person


def _ascii_fallback(name: str) -> str:
    """`Công văn số 12.pdf` → `Cong van so 12.pdf`, for clients without RFC 5987."""
    folded = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in folded if c.isascii() and c.isprintable() and c not in '"\\')
    return plain.strip() or "tep"


def content_disposition(filename: str) -> str:
    name = safe_filename(filename)
    header = f'attachment; filename="{_ascii_fallback(name)}"'
    if not name.isascii():
        header += f"; filename*=UTF-8''{quote(name, safe='')}"
    return header


def _visible_attachments(person: Person) -> Q:
    incoming = incoming_visible(person).values("pk")
    outgoing = outgoing_visible(person).values("pk")
    return Q(incoming__in=incoming) | Q(outgoing__in=outgoing) | Q(version__document__in=outgoing)


@login_required
@require_GET
def attachment_download(request: HttpRequest, attachment_uuid: UUID) -> FileResponse:
    actor = cast(Person, request.user)
    attachments = Attachment.objects.select_related(
        "file", "incoming", "outgoing", "version__document"
    ).filter(_visible_attachments(actor))
    attachment = get_visible_or_404(attachments, attachment_uuid)
    if attachment.incoming is not None:
        services.document_read_record(actor=actor, incoming=attachment.incoming)
    else:
        version = attachment.version
        outgoing = attachment.outgoing or (version.document if version is not None else None)
        services.document_read_record(actor=actor, outgoing=outgoing)
    return download(attachment.file, attachment.filename)


def download(stored: StoredFile, filename: str) -> FileResponse:
    """A stored file as a download under its sanitised name with the extension of its detected
    type: never inline, never sniffed, never cached by a shared cache."""
    try:
        handle = open_stored(stored)
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=served_type(stored))
    response["Content-Disposition"] = content_disposition(
        stored_name(filename, stored.content_type)
    )
    response["Content-Length"] = str(stored.size)
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response
