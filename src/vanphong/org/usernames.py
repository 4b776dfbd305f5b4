"""What a username may be: lower-case ASCII letters, digits, `.`, `_` and `-` — typed the same
on every keyboard, no space, no tone mark — and, for one that is not, the names to suggest
(`Mai Anh` → `mai.anh`, `maianh`)."""

from __future__ import annotations

import re
from typing import Final

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from vanphong.core.vietnamese import fold

USERNAME_PATTERN: Final = r"[a-z0-9._-]+"
_USERNAME: Final = re.compile(USERNAME_PATTERN, re.ASCII)
_WORD: Final = re.compile(r"[a-z0-9]+", re.ASCII)


def is_valid_username(username: str) -> bool:
    return _USERNAME.fullmatch(username) is not None


def username_suggestions(text: str) -> list[str]:
    """Valid names made of the words of `text`: dotted first, then run together."""
    words = _WORD.findall(fold(text))
    return list(dict.fromkeys([".".join(words), "".join(words)])) if words else []


def check_username(username: str) -> None:
    """A ValidationError on `username` that says what is allowed and suggests a valid name."""
    if is_valid_username(username):
        return
    message = _(
        "Tên đăng nhập chỉ gồm chữ thường không dấu (a–z), chữ số, dấu chấm, gạch dưới và "
        "gạch ngang; không có khoảng trắng."
    )
    suggestions = username_suggestions(username)
    if len(suggestions) > 1:
        message += " " + _("Ví dụ: “%(first)s” hoặc “%(second)s”.") % {
            "first": suggestions[0],
            "second": suggestions[1],
        }
    elif suggestions:
        message += " " + _("Ví dụ: “%(first)s”.") % {"first": suggestions[0]}
    raise ValidationError({"username": message}, code="invalid_username")
