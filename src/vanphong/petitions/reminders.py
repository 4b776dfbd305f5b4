"""The daily reminder of letters' legal clocks: due within a few working days, or overdue —
told in the app (and by email to those who want it) to the letter's handler, or to its unit's
reception officers while nobody handles it; once per clock per person per day (the notice's
key). The text names the book number, the kinds and the clock, never a petitioner: a
denouncer's identity is in no notice.

Open clocks are read in chunks of CHUNK as plain rows, the reception officers of a chunk's
units in one query and the notices already sent today for the chunk's keys in another."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from vanphong.core import notifications
from vanphong.core.models import NoticeKind, Notification
from vanphong.core.workdays import WorkCalendar
from vanphong.org.models import Membership, Role
from vanphong.petitions.models import ClockKind, Deadline
from vanphong.petitions.selectors import open_clocks

CHUNK = 2_000


@dataclass
class Sent:
    clocks: int = 0
    notices: int = 0
    emails: int = 0


def _reception(units: set[int], today: date) -> dict[int, list[tuple[int, str]]]:
    rows = (
        Membership.objects.current(today)
        .filter(unit_id__in=units, role=Role.RECEPTION, person__is_active=True)
        .values_list("unit_id", "person_id", "person__email")
        .distinct()
    )
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for unit, person, email in rows:
        found[unit].append((person, email or ""))
    return found


def _kinds(complaint: bool, denunciation: bool, proposal: bool, report: bool) -> str:
    labels = (
        (complaint, _("Khiếu nại")),
        (denunciation, _("Tố cáo")),
        (proposal, _("Kiến nghị")),
        (report, _("Phản ánh")),
    )
    return ", ".join(str(label) for flag, label in labels if flag)


def send(*, today: date, within: int | None = None) -> Sent:
    within = within if within is not None else settings.VANPHONG_REMINDER_WORKING_DAYS
    calendar = WorkCalendar.load(today)
    horizon = calendar.add_working_days(today, within)
    overdue_before = calendar.overdue_through(today)
    labels = dict(ClockKind.choices)
    units = set(Deadline.objects.filter(met_on__isnull=True).values_list("unit_id", flat=True))
    sent = Sent()
    after = 0
    while True:
        chunk = list(
            open_clocks(units)
            .filter(pk__gt=after, due_on__lte=horizon)
            .order_by("pk")
            .values_list(
                "pk",
                "kind",
                "due_on",
                "unit_id",
                "letter__uuid",
                "letter__year",
                "letter__number",
                "letter__handler_id",
                "letter__handler__email",
                "letter__complaint",
                "letter__denunciation",
                "letter__proposal",
                "letter__report",
            )[:CHUNK]
        )
        if not chunk:
            return sent
        after = chunk[-1][0]
        reception = _reception({row[3] for row in chunk if row[7] is None}, today)
        keys = {row[0]: f"letter-clock:{row[0]}:{today.isoformat()}" for row in chunk}
        with transaction.atomic():
            already = set(
                Notification.objects.filter(key__in=list(keys.values())).values_list(
                    "person_id", "key"
                )
            )
            notices: list[tuple[int, str, str, str, str]] = []
            mails = []
            told: list[tuple[str, list[tuple[int, str]], str, str]] = []
            for pk, kind, due_on, unit, uuid, year, number, handler, email, *flags in chunk:
                late = due_on <= overdue_before
                text = (
                    _("Đơn thư số %(number)s (%(kinds)s) quá hạn: %(clock)s %(day)s")
                    if late
                    else _("Đơn thư số %(number)s (%(kinds)s) sắp đến hạn: %(clock)s %(day)s")
                ) % {
                    "number": f"{number}/{year}",
                    "kinds": _kinds(*flags),
                    "clock": str(labels[kind]).lower(),
                    "day": due_on.strftime("%d/%m/%Y"),
                }
                people = [(handler, email or "")] if handler is not None else reception[unit]
                fresh = [(p, e) for p, e in people if (p, keys[pk]) not in already]
                if not fresh:
                    continue
                notice_kind = str(NoticeKind.OVERDUE if late else NoticeKind.DUE_SOON)
                url = reverse("petitions:letter", args=[uuid])
                notices += [(p, text, url, keys[pk], notice_kind) for p, _e in fresh]
                told.append((notice_kind, fresh, text, url))
                sent.clocks += 1
            notifications.send_many(notices)
        everyone = {p for _kind, fresh, _text, _url in told for p, _e in fresh}
        mailed = {
            str(kind): set(notifications.wanting_email(kind, everyone))
            for kind in (NoticeKind.DUE_SOON, NoticeKind.OVERDUE)
        }
        for told_kind, fresh, text, url in told:
            addresses = [e for p, e in fresh if e and p in mailed[told_kind]]
            if addresses:
                body = f"{text}\n\n{notifications.link(url)}"
                mails.append((_("[vanphong] Nhắc hạn đơn thư"), body, None, addresses))
        sent.notices += len(notices)
        if mails:
            sent.emails += send_mass_mail(tuple(mails), fail_silently=False)
