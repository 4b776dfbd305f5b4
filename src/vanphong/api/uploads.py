"""Files sent inside a JSON body: a name and base64 content, decoded before any service runs
(the service checks type and size by content, as for a page's upload)."""

from __future__ import annotations

import base64
import binascii
import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Schema

from vanphong.core.files import safe_filename
from vanphong.core.inputs import CleanStr


class AttachmentIn(Schema):
    name: CleanStr = Field(min_length=1, max_length=200, description="Tên tệp, ví dụ `cv-45.pdf`.")
    content_base64: str = Field(
        min_length=1,
        description="Nội dung tệp mã hóa base64. Loại tệp (PDF, DOCX, DOC, XLSX, ODT, JPEG, "
        "PNG, TIFF) và kích thước tối đa được kiểm tra theo nội dung như khi tải lên trang.",
    )


def decoded(items: list[AttachmentIn]) -> list[tuple[str, io.BytesIO]]:
    """Each file's name and content; content that is not base64 is an error on `attachments`."""
    files = []
    for item in items:
        try:
            content = base64.b64decode("".join(item.content_base64.split()), validate=True)
        except (binascii.Error, ValueError):
            raise ValidationError(
                {
                    "attachments": _("%(name)s: nội dung không phải base64 hợp lệ.")
                    % {"name": safe_filename(item.name)}
                }
            ) from None
        files.append((item.name, io.BytesIO(content)))
    return files
