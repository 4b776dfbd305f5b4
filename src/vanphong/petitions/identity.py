"""The shape of an identity document number: the old CMND has 9 digits, the CCCD 12."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def check_id_number(value: str) -> str:
    """The number without spaces; ValidationError unless it is 9 or 12 digits."""
    number = "".join(value.split())
    if not number.isascii() or not number.isdigit() or len(number) not in (9, 12):
        raise ValidationError(_("Số CMND/CCCD phải gồm 9 hoặc 12 chữ số"))
    return number
