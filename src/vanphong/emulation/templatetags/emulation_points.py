"""`{{ value|points }}`: points as people write them (17,5; 20; — for none)."""

from __future__ import annotations

from decimal import Decimal

from django import template

from vanphong.emulation.ranking import fmt

register = template.Library()


@register.filter
def points(value: Decimal | None) -> str:
    return fmt(value)
