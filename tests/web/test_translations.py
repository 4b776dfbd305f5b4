"""The English catalogue is complete (no empty or fuzzy translation), holds exactly the
messages of the source, and its compiled .mo matches the .po; the Vietnamese catalogue only
mends Django's own messages.

The .mo is committed (a fresh machine may have no gettext tools); this catches a .po edited
without recompiling (`make messages`).
"""

from __future__ import annotations

import ast
import gettext
import os
import shutil
from pathlib import Path

import django
import pytest
from django.conf import LazySettings
from django.core.management import call_command

import vanphong

LOCALE = Path(vanphong.__file__).parent / "locale" / "en" / "LC_MESSAGES"


def _po_entries(po: Path = LOCALE / "django.po") -> dict[tuple[str, str], str]:
    """msgstr by (msgctxt, msgid); the context is "" where there is none. A plural's msgid is
    `singular\x00plural` and its msgstr the forms joined by `\x00` (as in a .mo)."""
    entries: dict[tuple[str, str], str] = {}
    for block in po.read_text(encoding="utf-8").split("\n\n"):
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
            msgid = fields["msgid"]
            if "msgid_plural" in fields:
                msgid += "\x00" + fields["msgid_plural"]
                forms = [
                    value for key, value in sorted(fields.items()) if key.startswith("msgstr[")
                ]
                msgstr = "\x00".join(forms) if all(forms) else ""
            else:
                msgstr = fields.get("msgstr", "")
            entries[(fields.get("msgctxt", ""), msgid)] = msgstr
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


# --- in sync with the source --------------------------------------------------------------------


def _msgids(po: Path) -> set[tuple[str, str]]:
    return set(_po_entries(po).keys())


def _fuzzy_msgids(po: Path) -> list[str]:
    blocks = po.read_text(encoding="utf-8").split("\n\n")[1:]  # the header may be fuzzy
    return [block for block in blocks if "#, fuzzy" in block or "#| msgid" in block]


def test_no_translation_is_fuzzy() -> None:
    assert _fuzzy_msgids(LOCALE / "django.po") == []


def test_the_catalogue_holds_exactly_the_messages_of_the_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: LazySettings
) -> None:
    """makemessages run on a copy of the source: a message added or changed in the code and
    not in the catalogue (it would show in Vietnamese on an English page), or one left in the
    catalogue that the code no longer has, fails here. Run `make messages` and translate."""
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        if os.environ.get("VANPHONG_REQUIRE_GETTEXT") == "1":
            pytest.fail("GNU gettext is missing; .ci/run installs it")
        pytest.skip("GNU gettext (xgettext, msgmerge) is not installed")
    source = LOCALE.parent.parent.parent
    copy = tmp_path / "vanphong"
    shutil.copytree(
        source, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "*.po", "static")
    )
    settings.LOCALE_PATHS = [copy / "locale"]  # makemessages writes to the first of these
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["en"], no_obsolete=True, verbosity=0)
    extracted = _msgids(copy / "locale" / "en" / "LC_MESSAGES" / "django.po")
    committed = _msgids(LOCALE / "django.po")
    assert sorted(extracted - committed) == [], "in the code, not in the catalogue"
    assert sorted(committed - extracted) == [], "in the catalogue, not in the code"


# --- Vietnamese: only Django's own messages -----------------------------------------------------

VIETNAMESE = LOCALE.parent.parent / "vi" / "LC_MESSAGES"


def test_the_vietnamese_catalogue_translates_only_djangos_messages_and_is_compiled() -> None:
    """vanphong's messages are Vietnamese already; the vi catalogue only mends Django's."""
    django_root = Path(django.__file__).parent
    django_msgids: set[tuple[str, str]] = set()
    for app in ("conf", "contrib/auth"):
        django_msgids |= _msgids(django_root / app / "locale" / "en" / "LC_MESSAGES" / "django.po")
    entries = _po_entries(VIETNAMESE / "django.po")
    assert entries
    assert set(entries) - django_msgids == set()
    assert [msgid for (_, msgid), msgstr in entries.items() if not msgstr] == []
    assert _fuzzy_msgids(VIETNAMESE / "django.po") == []
    with (VIETNAMESE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for (_, msgid), msgstr in entries.items():
        singular, _, plural = msgid.partition("\x00")
        found = compiled.ngettext(singular, plural, 1) if plural else compiled.gettext(msgid)
        assert found == msgstr, msgid
