"""The rows a fresh database starts with are the live defaults. The migrations seed frozen
copies of them (a migration must not import the code around it), so nothing else would notice
the two drifting apart: a default added to the code needs a data migration adding its row."""

from __future__ import annotations

from typing import Any

from vanphong.core import audit
from vanphong.core.calendar_seed import DEFAULT_CALENDAR_DAYS
from vanphong.core.models import AuditHead, CalendarDay, RuleSet
from vanphong.core.rules import DEFAULT_RULESETS


def _rulesets() -> list[dict[str, Any]]:
    return [
        {
            "kind": row.kind,
            "effective_from": row.effective_from.isoformat(),
            "source": row.source,
            "data": row.data,
        }
        for row in RuleSet.objects.order_by("id")
    ]


def _calendar_days() -> list[tuple[str, bool, str, str]]:
    return [
        (row.day.isoformat(), row.is_working, row.name, row.note)
        for row in CalendarDay.objects.order_by("id")
    ]


def test_the_migrated_database_holds_the_default_rule_sets_calendar_days_and_audit_head(
    db: None,
) -> None:
    assert _rulesets() == DEFAULT_RULESETS
    assert _calendar_days() == list(DEFAULT_CALENDAR_DAYS)
    assert list(AuditHead.objects.values_list("pk", "seq", "hash")) == [(1, 0, audit.GENESIS)]
