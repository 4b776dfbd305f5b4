"""What the apps above documents hang on an attachment's text extraction.

documents knows nothing of the archives, yet a scan whose extraction found no text should be
recognised (OCR) so that it can be searched: archives subscribes here from its
AppConfig.ready(), and the extraction job calls every subscriber inside the transaction that
stores the text, so what they queue commits with it. The recognised text comes back through
`documents.services.attachment_text_set`.
"""

from __future__ import annotations

from typing import Protocol

from vanphong.documents.models import Attachment


class ExtractedListener(Protocol):
    def __call__(self, *, attachment: Attachment, text: str) -> object: ...


_listeners: list[ExtractedListener] = []


def on_attachment_extracted(listener: ExtractedListener) -> None:
    """Call `listener(attachment=, text=)` whenever an attachment's text has been extracted."""
    if listener not in _listeners:
        _listeners.append(listener)


def attachment_extracted(*, attachment: Attachment, text: str) -> None:
    """Tell the subscribers what the extraction found (call inside its transaction)."""
    for listener in _listeners:
        listener(attachment=attachment, text=text)
