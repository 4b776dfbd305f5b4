"""The living present: the weeks around today, so the demo has work on the day it is opened.

The 2011–2012 story stays as it was; next to it, the working days of the last two weeks each
bring their documents, drafts, reports and (every third day) a directive with its tasks
(present_documents, present_tasks), each taken through the services as far as its working
days after its birth allow by today, and the leaders' weekly schedule of this week and the
next. Whatever day it is loaded, the demo's people find fresh work and a few overdue items.

Idempotent and re-runnable on a later day: a day is born once, marked by the registration of its
outside document (a fixed submission id per day). A load adds only the days after the last one
born — nothing on the same day, the missing days on a later one (two weeks at most) — so the
registers keep their numbers in date order (a registration or an issue that would come before
what people entered by hand between two loads waits for it). The documents of the days an
earlier load covered go on with their steps dated after it (a presented document is directed, a
signed letter issued, ...), each only if it still fits what people did since; and a schedule week
left as a draft is published once it is the current week. Nothing else an earlier load or a
person did is touched.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from vanphong.core.workdays import WorkCalendar
from vanphong.demo import present_documents, present_tasks
from vanphong.demo.present_kit import EPOCH, Cast, Clock, key
from vanphong.documents.models import IncomingDocument

log = logging.getLogger(__name__)
WINDOW = timedelta(days=14)  # how far back the first load of the present starts


def load(*, today: date | None = None) -> int:
    """Add the present up to `today` (the local date when not given); returns how many working
    days were added. Skipped, like the year of documents, when VANPHONG_DEMO_SCALE is 0."""
    if float(getattr(settings, "VANPHONG_DEMO_SCALE", 1.0)) <= 0:
        return 0
    cast = Cast.find()
    if cast is None:
        return 0
    today = today or timezone.localdate()
    # The calendar of the years around today; a year without rows in the table still has its
    # weekends and fixed holidays (core.workdays), so any year works.
    calendar = WorkCalendar.load(today - WINDOW - timedelta(days=31), today + timedelta(days=62))
    days = [d.day for d in calendar.days(today - WINDOW, today) if d.is_working]
    markers = {key(day, "arrival"): day for day in days}
    born = IncomingDocument.objects.filter(submission_id__in=list(markers))
    found = born.values_list("submission_id", flat=True)
    last = max((markers[k] for k in found if k is not None), default=None)
    new = [day for day in days if last is None or day > last]
    try:
        with transaction.atomic():
            clock = Clock(today, calendar)
            # The days an earlier load covered go on from where it left them.
            for day in [day for day in days if last is not None and day <= last]:
                n = calendar.working_days_between(EPOCH, day)
                present_documents.arrival(clock, cast, day, n, after=last)
                present_documents.letter(clock, cast, day, n, after=last)
                if n % 2 == 0:
                    present_documents.report(clock, cast, day, n, after=last)
            for day in new:
                n = calendar.working_days_between(EPOCH, day)
                present_documents.arrival(clock, cast, day, n)
                present_documents.letter(clock, cast, day, n)
                if n % 2:
                    present_documents.information(clock, cast, day, n)
                else:
                    present_documents.report(clock, cast, day, n)
                if n % 3 == 0:
                    present_tasks.directive(clock, cast, day, n)
            clock.run()
            clock.restamp()
            clock.read_before(calendar.add_working_days(today, -1))
            present_tasks.weeks(clock, cast)
    except (ValidationError, PermissionDenied) as refused:
        # People changed since the demo was loaded (a demo login disabled, a role taken away):
        # `make run` still starts, with the present as it was.
        log.warning("the demo's present was not brought up to %s: %s", today, refused)
        return 0
    return len(new)
