"""The English catalogue is complete and its compiled .mo matches the .po.

The .mo is committed (a fresh machine may have no gettext tools); this catches a .po edited
without recompiling (`make messages`).
"""

from __future__ import annotations

import ast
import gettext
from pathlib import Path

import vanphong

LOCALE = Path(vanphong.__file__).parent / "locale" / "en" / "LC_MESSAGES"


def _po_entries() -> dict[tuple[str, str], str]:
    """msgstr by (msgctxt, msgid); the context is "" where there is none."""
    entries: dict[tuple[str, str], str] = {}
    for block in (LOCALE / "django.po").read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        key = ""
        for line in block.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            if line.startswith('"'):
                fields[key] += ast.literal_eval(line)
                continue
            key, _, value = line.partition(" ")
            fields[key] = ast.literal_eval(value)
        if fields.get("msgid"):
            entries[(fields.get("msgctxt", ""), fields["msgid"])] = fields.get(
                "msgstr", fields.get("msgstr[0]", "")
            )
    return entries


def test_every_message_has_an_english_translation() -> None:
    entries = _po_entries()
    assert len(entries) > 100
    assert [msgid for (_, msgid), msgstr in entries.items() if not msgstr] == []


def test_the_compiled_catalogue_matches_the_source() -> None:
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for (context, msgid), msgstr in _po_entries().items():
        if "\x00" not in msgid:
            found = compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)
            assert found == msgstr, msgid
