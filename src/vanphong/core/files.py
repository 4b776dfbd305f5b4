"""Files stored by content: one copy per SHA-256, checked by content (never by name).

Originals are written once under MEDIA_ROOT/ab/cd/<sha256> and never rewritten, so a signed
PDF stays byte-for-byte what was received; derived text lives in the database.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import IO

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from vanphong.core.models import StoredFile

# What a committee office exchanges; decided by the bytes, not the extension.
ALLOWED_TYPES: dict[str, str] = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/msword": "DOC",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
    "application/vnd.oasis.opendocument.text": "ODT",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/tiff": "TIFF",
}
_ZIP_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text",
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1 << 20


def max_upload_bytes() -> int:
    return int(getattr(settings, "VANPHONG_MAX_UPLOAD_BYTES", 50 * 1024 * 1024))


def _root() -> Path:
    return Path(settings.MEDIA_ROOT)


def path_of(stored: StoredFile) -> Path:
    return _root() / stored.sha256[:2] / stored.sha256[2:4] / stored.sha256


def _sniff(head: bytes, path: Path) -> str:
    if head.startswith(_OLE_MAGIC):
        return "application/msword"
    kind = filetype.guess(head)
    mime = kind.mime if kind is not None else ""
    if mime == "application/zip" or (mime in _ZIP_TYPES):
        return _zip_office_type(path)
    return mime


def _zip_office_type(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                if declared == "application/vnd.oasis.opendocument.text":
                    return declared
            if "word/document.xml" in names:
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            if "xl/workbook.xml" in names:
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    except zipfile.BadZipFile:
        return ""
    return "application/zip"


def _check_zip_bomb(path: Path) -> None:
    limit_bytes = int(getattr(settings, "VANPHONG_MAX_UNZIPPED_BYTES", 200 * 1024 * 1024))
    limit_members = int(getattr(settings, "VANPHONG_MAX_ZIP_MEMBERS", 2000))
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        if len(members) > limit_members:
            raise ValidationError(
                _("Tệp có quá nhiều thành phần (%(count)d, tối đa %(limit)d).")
                % {"count": len(members), "limit": limit_members}
            )
        total = sum(member.file_size for member in members)
        if total > limit_bytes:
            raise ValidationError(
                _("Tệp giải nén quá lớn (%(size)d MB, tối đa %(limit)d MB).")
                % {"size": total // (1 << 20), "limit": limit_bytes // (1 << 20)}
            )


@dataclass(frozen=True)
class Checked:
    stored: StoredFile
    created: bool


def store(upload: IO[bytes]) -> Checked:
    """Check an upload by content and size, and store it once; call inside a transaction."""
    limit = max_upload_bytes()
    _root().mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    fd, temp_name = tempfile.mkstemp(dir=_root(), prefix=".upload-")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            while chunk := upload.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise ValidationError(
                        _("Tệp quá lớn (tối đa %(limit)d MB).") % {"limit": limit // (1 << 20)}
                    )
                digest.update(chunk)
                out.write(chunk)
        if size == 0:
            raise ValidationError(_("Tệp rỗng."))
        with temp.open("rb") as handle:
            head = handle.read(8192)
        mime = _sniff(head, temp)
        if mime not in ALLOWED_TYPES:
            raise ValidationError(
                _("Loại tệp không được chấp nhận. Chỉ nhận: %(types)s.")
                % {"types": ", ".join(ALLOWED_TYPES.values())}
            )
        if mime in _ZIP_TYPES:
            _check_zip_bomb(temp)
        sha = digest.hexdigest()
        existing = StoredFile.objects.filter(sha256=sha).first()
        if existing is not None:
            return Checked(existing, created=False)
        stored = StoredFile.objects.create(sha256=sha, size=size, content_type=mime)
        final = path_of(stored)
        final.parent.mkdir(parents=True, exist_ok=True)
        if final.exists():
            # Bytes left by a rolled-back upload are this one's now: made fresh, so `sweep`
            # (which cannot see this uncommitted row) leaves them alone.
            os.utime(final)
        else:
            os.replace(temp, final)
            final.chmod(0o440)
        return Checked(stored, created=True)
    finally:
        temp.unlink(missing_ok=True)


_UNSAFE = re.compile(r"[^\w.\- ()]+", re.UNICODE)


def safe_filename(name: str, *, fallback: str = "tep") -> str:
    """A filename fit for Content-Disposition: no path, no control or quote characters."""
    base = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).strip(" ._")[:150]
    return base or fallback


# The extension a file gets from the type its content was detected as; the first is the one
# given, the others are kept when the uploaded name already has them.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "application/pdf": ("pdf",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("docx",),
    "application/msword": ("doc",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("xlsx",),
    "application/vnd.oasis.opendocument.text": ("odt",),
    "image/jpeg": ("jpg", "jpeg", "jpe"),
    "image/png": ("png",),
    "image/tiff": ("tif", "tiff"),
}
_EXTENSION = re.compile(r"[A-Za-z0-9]{1,5}")


def stored_name(name: str, content_type: str) -> str:
    """The name a file is kept and served under: sanitised, and ending in the extension of the
    type its bytes were detected as, whatever the sender called it (`x.html` holding a PDF is
    `x.pdf`), so no program opens it as something else."""
    safe = safe_filename(name)
    extensions = EXTENSIONS.get(content_type, ("bin",))
    stem, dot, suffix = safe.rpartition(".")
    if dot and stem and _EXTENSION.fullmatch(suffix):
        if suffix.lower() in extensions:
            return safe
        safe = stem
    return f"{safe}.{extensions[0]}"


def served_type(stored: StoredFile) -> str:
    """The Content-Type a stored file goes out with: its detected type, one of ALLOWED_TYPES,
    never anything a browser would render as a page."""
    return (
        stored.content_type if stored.content_type in ALLOWED_TYPES else "application/octet-stream"
    )


def open_stored(stored: StoredFile) -> IO[bytes]:
    return path_of(stored).open("rb")


def sweep(*, older_than: timedelta = timedelta(hours=24)) -> int:
    """Delete stored bytes that no StoredFile row names, and abandoned temporary uploads.

    `store` writes the bytes before its transaction commits (the row needs the digest), so an
    upload rolled back later — a report refused for another reason — leaves its bytes behind.
    Only files older than `older_than` go, so an upload still in its transaction is never
    touched. Returns how many files were deleted."""
    root = _root()
    if not root.exists():
        return 0
    cutoff = time.time() - older_than.total_seconds()
    deleted = 0
    for stale in root.glob(".upload-*"):
        if stale.stat().st_mtime < cutoff:
            stale.unlink(missing_ok=True)
            deleted += 1
    for folder in sorted(root.glob("??/??")):
        files = {p.name: p for p in folder.iterdir() if p.is_file()}
        if not files:
            continue
        known = set(
            StoredFile.objects.filter(sha256__in=list(files)).values_list("sha256", flat=True)
        )
        for name, path in files.items():
            if name not in known and path.stat().st_mtime < cutoff:
                path.chmod(0o640)
                path.unlink(missing_ok=True)
                deleted += 1
    return deleted
