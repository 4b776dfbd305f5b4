"""The present in a year the calendar table has no rows for: the week and the fixed holidays of
the rule set still give the working days (core.workdays), so the demo loads all the same."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from django.conf import LazySettings

from vanphong.core.models import CalendarDay
from vanphong.demo import present, scenario
from vanphong.documents.models import IncomingDocument, OutgoingDocument

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NATIONAL_DAY = date(2025, 9, 2)  # a Tuesday, a fixed holiday of the rule set


def test_a_year_without_calendar_rows_gets_its_present_on_working_days(
    db: None, settings: LazySettings
) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.VANPHONG_DEMO_SCALE = 0
    scenario.load()
    settings.VANPHONG_DEMO_SCALE = 1
    assert not CalendarDay.objects.filter(day__year=2025).exists()
    # 20 August to 3 September 2025: eleven weekdays, one of them the National Day.
    assert present.load(today=date(2025, 9, 3)) == 10
    arrivals = {
        at.astimezone(TZ).date()
        for at in IncomingDocument.objects.values_list("received_at", flat=True)
    }
    assert date(2025, 9, 1) in arrivals
    assert NATIONAL_DAY not in arrivals
    issued = set(
        OutgoingDocument.objects.exclude(issued_on=None).values_list("issued_on", flat=True)
    )
    assert issued
    assert NATIONAL_DAY not in issued
