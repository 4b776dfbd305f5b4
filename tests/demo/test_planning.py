"""The demo's plans and schedules: the 2011 programme and the week of 13–19 February 2012."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest

from vanphong.demo.scenario import load
from vanphong.planning import progress, week
from vanphong.planning.models import (
    ItemState,
    MonthlyPlan,
    Schedule,
    VersionStatus,
    WorkProgramme,
)


@pytest.fixture(autouse=True)
def _organisation_only(settings: Any) -> None:
    settings.VANPHONG_DEMO_SCALE = 0


def test_the_2011_programme_is_approved_issued_and_tracked_in_every_state(db: None) -> None:
    load()
    programme = WorkProgramme.objects.get(year=2011)
    assert programme.status == "approved"
    assert programme.document is not None
    assert programme.document.type_symbol == "CTr"
    states = set(programme.items.values_list("state", flat=True))
    assert states == {ItemState.DONE, ItemState.POSTPONED, ItemState.DROPPED, ItemState.PLANNED}
    assert programme.items.filter(planned_month=3, month=4).exists(), "a moved item"
    year = progress.quarter_rates(list(programme.items.all()))[-1]
    assert 0 < year.done < year.total
    assert MonthlyPlan.objects.get(year=2012, month=2).status == "approved"


def test_the_week_of_13_february_2012_holds_the_office_review_conference(db: None) -> None:
    load()
    schedule = Schedule.objects.get(monday=date(2012, 2, 13), kind="leaders")
    assert schedule.week == 7
    current = schedule.versions.get(status=VersionStatus.PUBLISHED)
    assert current.number == 2
    assert schedule.versions.get(number=1).status == VersionStatus.SUPERSEDED
    conference = current.entries.get(day=date(2012, 2, 16), session="afternoon")
    assert conference.content.startswith("Hội nghị tổng kết công tác Văn phòng cấp ủy năm 2011")
    assert conference.starts_at == time(14, 0)
    assert conference.units.count() == 9
    shown = week.build(current, None)
    assert shown.subtitle == "Tuần 07, từ ngày 13/02 đến ngày 19/02/2012"
    assert [row.content for _d, _s, row in shown.rows() if row.mark] == [
        "Làm việc với Huyện ủy Châu Thành"
    ]
    assert any(row.hidden for _d, _s, row in shown.rows()), "a secret entry shows as busy"


def test_loading_twice_adds_no_plans(db: None) -> None:
    load()
    counts = (WorkProgramme.objects.count(), Schedule.objects.count())
    load()
    assert (WorkProgramme.objects.count(), Schedule.objects.count()) == counts
