from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from vanphong.core import audit

LIMITS = (
    "Not proved: that an event was never rewritten by someone holding an audit key together "
    "with write access to the database (they can recompute the chain and the head); keep the "
    "keys off the database server and out of its backups.",
    "Not proved: that no events were removed from the end together with the head moved back "
    "to an earlier event; compare with the head an earlier run printed, or use --witness.",
    "Not proved: that every change was recorded; changes made outside vanphong (by SQL) write "
    "no event.",
    "Not proved: that actors and times are true; they are what vanphong saw when recording.",
)


def _read_witness(path: Path) -> tuple[int, str] | None:
    if not path.exists():
        return None
    try:
        seq, digest = path.read_text().split()
        return int(seq), digest
    except ValueError:
        raise CommandError(f"{path} is not a witness written by `audit verify`") from None


def _write_witness(path: Path, head: tuple[int, str]) -> None:
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    with os.fdopen(fd, "w") as handle:
        handle.write(f"{head[0]} {head[1]}\n")
    os.replace(temp, path)


class Command(BaseCommand):
    help = (
        "Audit log tools: `audit verify` recomputes the keyed hash chain, checks it ends at the "
        "anchored head, and says what that proves."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])
        parser.add_argument(
            "--witness",
            type=Path,
            help="a file outside the database holding the head of the last good run: the chain "
            "must still pass through it; rewritten with the new head on success",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        witness_path: Path | None = options["witness"]
        witness = _read_witness(witness_path) if witness_path is not None else None
        result = audit.verify(witness=witness)
        if not result.ok:
            raise CommandError(
                f"audit chain broken at event #{result.broken_seq}: {result.reason} "
                f"({result.checked} events verified before it)"
            )
        head = result.head or (0, audit.GENESIS)
        self.stdout.write(f"audit chain intact: {result.checked} events verified")
        current = audit.key_id(settings.VANPHONG_AUDIT_KEY)
        keys = ", ".join(
            f"{kid}{' (current)' if kid == current else ''}: {count}"
            for kid, count in sorted(result.keys.items())
            if kid != audit.UNKEYED
        )
        if result.checked:
            self.stdout.write(
                f"Proved: events #1–#{result.checked} are all present and in order, and each "
                f"keyed event is unchanged since written (HMAC-SHA256; events per key id: {keys})."
            )
        if unkeyed := result.keys.get(audit.UNKEYED):
            self.stdout.write(
                f"Proved: the {unkeyed} plain SHA-256 events from before the chain was keyed are "
                "unchanged since then (a keyed event links to them); not before."
            )
        self.stdout.write(
            f"Proved: the chain ends at the anchored head #{head[0]} {head[1]}: no event was "
            "removed from the end without moving the head back."
        )
        if witness is not None:
            self.stdout.write(
                f"Proved: the chain still passes through the witnessed #{witness[0]}."
            )
        for line in LIMITS:
            self.stdout.write(line)
        if witness_path is not None:
            _write_witness(witness_path, head)
