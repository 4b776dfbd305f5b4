"""Typed readers of environment variables.

Settings come only from here, so a typo in a deployment's environment stops the process at
start-up with the variable's name, instead of running with a silent default.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    return None if value is None else value.strip()


def env_str(name: str, default: str | None = None) -> str:
    value = _raw(name)
    if value is None or value == "":
        if default is None:
            raise ImproperlyConfigured(f"{name} must be set")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use 1/0, true/false)")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    value = _raw(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not an integer") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={number} is below the minimum {minimum}")
    return number


def env_url(name: str) -> str:
    """An absolute http(s) address without a trailing slash, or "" when unset."""
    value = (_raw(name) or "").rstrip("/")
    if not value:
        return ""
    parsed = urlsplit(value)
    if parsed.scheme not in {"http", "https"} or not parsed.netloc or parsed.query:
        raise ImproperlyConfigured(f"{name}={value!r} is not an http(s) address")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_path(name: str, default: Path) -> Path:
    value = _raw(name)
    return Path(value).expanduser().resolve() if value else default


def env_secret(name: str, *, file: Path, minimum: int) -> str:
    """A secret from `name`, or else the one generated into `file` on first use.

    The file is written under a temporary name (mode 0600, readable by the service account
    only) and linked into place, so processes starting together agree on one secret and none
    reads a half-written file.
    """
    value = _raw(name)
    if value:
        if len(value) < minimum:
            raise ImproperlyConfigured(f"{name} must be at least {minimum} characters")
        return value
    if not file.exists():
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}-")
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(64))
            os.link(temp, file)
        except FileExistsError:
            pass
        finally:
            os.unlink(temp)
    value = file.read_text().strip()
    if len(value) < minimum:
        raise ImproperlyConfigured(f"{file} must hold at least {minimum} characters")
    return value


def secret_files(folder: Path, *, minimum: int) -> list[str]:
    """The secrets kept one per file in `folder` (none when it does not exist)."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        value = path.read_text().strip()
        if len(value) < minimum:
            raise ImproperlyConfigured(f"{path} must hold at least {minimum} characters")
        found.append(value)
    return found
