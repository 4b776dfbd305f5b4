"""The shape of a Vietnamese identity number: the old identity card (CMND) has 9 digits, the
citizen identity card (CCCD) 12. Written once here, for the letters, the visits and the API."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SHAPES = (9, 12)


def id_number_clean(raw: str) -> str:
    """`raw` without spaces when it has the shape of a CMND or a CCCD number ("" stays "");
    a ValidationError in Vietnamese otherwise."""
    number = "".join(raw.split())
    if not number:
        return ""
    if not number.isascii() or not number.isdigit() or len(number) not in SHAPES:
        raise ValidationError(
            _("Số CMND gồm 9 chữ số, số CCCD gồm 12 chữ số: “%(number)s” không đúng.")
            % {"number": raw.strip()[:30]}
        )
    return number
