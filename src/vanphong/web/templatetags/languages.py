"""The language menu's choices: each language by its own name ("Tiếng Việt", "English"),
whatever the page's language — a reader looks for the language they can read."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.translation import get_language_info

from vanphong.core.vietnamese import nfc

register = template.Library()


@register.simple_tag
def language_names() -> list[tuple[str, str]]:
    # Django spells "Tiếng Việt" with combining marks; the pages are NFC.
    return [(code, nfc(get_language_info(code)["name_local"])) for code, _ in settings.LANGUAGES]
