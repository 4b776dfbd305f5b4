"""Telling the people attending an entry that the published week changed."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from vanphong.core import notifications
from vanphong.core.models import NoticeKind
from vanphong.planning.changes import Changes
from vanphong.planning.models import ScheduleVersion


def attendees_of_changes(*, version: ScheduleVersion, changes: Changes) -> int:
    """One in-app notice per person attending an added, changed or removed entry (before or
    after the change), inside the publishing transaction."""
    from vanphong.planning.selectors import entries

    schedule = version.schedule
    url = reverse("planning:schedule", args=[schedule.uuid]) + f"?ban={version.number}"
    people: set[int] = set()
    for entry in entries([version]):
        if changes.marked(entry):
            people.update(a.person_id for a in entry.attending())
            old = changes.previous.get(entry.lineage)
            if old is not None:
                people.update(a.person_id for a in old.attending())
    for entry in changes.removed:
        people.update(a.person_id for a in entry.attending())
    text = _("%(title)s (%(week)s) đã được điều chỉnh (bản %(number)s): %(note)s") % {
        "title": schedule.title,
        "week": f"tuần {schedule.week:02d}/{schedule.year}",
        "number": version.number,
        "note": version.change_note or "",
    }
    return notifications.send(
        person_ids=sorted(people),
        text=text,
        url=url,
        key=f"schedule:{version.uuid}",
        kind=NoticeKind.SCHEDULE,
    )
