"""Weekly schedules as things a file holds (`core.fileables`): a schedule the person sees
(`selectors.schedules_visible`), described by its week; kept 5 years (weekly plans, TT
09/2011/TT-BNV)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.urls import reverse

from vanphong.core.fileables import Fileable, FileableInfo, register
from vanphong.planning.selectors import schedules_visible

SCHEDULE_RETENTION_YEARS = 5


def schedule_infos(person: Any, uuids: Iterable[UUID]) -> dict[UUID, FileableInfo]:
    schedules = schedules_visible(person).filter(uuid__in=list(uuids))
    return {
        schedule.uuid: FileableInfo(
            kind="schedule",
            uuid=schedule.uuid,
            unit_id=schedule.committee_id,
            number_symbol=f"Tuần {schedule.week}/{schedule.year}",
            document_date=schedule.monday,
            author=schedule.committee.name,
            title=schedule.title,
            page_count=None,
            confidentiality=0,
            url=reverse("planning:schedule", args=[schedule.uuid]),
            retention_years=SCHEDULE_RETENTION_YEARS,
        )
        for schedule in schedules
    }


def register_fileables() -> None:
    register(Fileable(kind="schedule", label="Lịch công tác", describe_many=schedule_infos))
