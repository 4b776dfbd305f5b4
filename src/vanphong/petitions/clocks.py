"""A letter's legal clocks (`Deadline` rows), computed from the rule versions in core.rules by
the date each clock starts. Services call `refresh(letter)` inside their transaction after any
change that moves a clock (registration, classification, acceptance, forward, result,
extension, suspension)."""

from __future__ import annotations

from vanphong.petitions.models import Letter


def refresh(letter: Letter) -> None:
    """Bring the letter's Deadline rows in line with its state (filled in by the clocks work)."""
    return None
