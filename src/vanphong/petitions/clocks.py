"""A letter's legal clocks (`Deadline` rows), computed from the rule versions in core.rules by
the date each clock starts. Services call `refresh(letter)` inside their transaction after any
change that moves a clock (registration, classification, acceptance, forward, result,
extension, suspension)."""

from __future__ import annotations

from datetime import date, timedelta

from vanphong.petitions.models import Letter


def refresh(letter: Letter) -> None:
    """Bring the letter's Deadline rows in line with its state (filled in by the clocks work)."""
    return None


def forward_due(letter: Letter, forwarded_on: date) -> date:
    """When the body a letter is forwarded to on `forwarded_on` owes its result (placeholder
    until the clocks work computes it from the rules)."""
    return forwarded_on + timedelta(days=60)
