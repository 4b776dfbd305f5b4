"""The archives' daily job (`archives_remind`, or the `archives_remind_send` task):

- approvals to read or borrow past their last day become EXPIRED;
- a unit's compilers and head are told of a file due in the agency archive within
  ALERT_DAYS days (DUE_SOON) and of a file whose due day has passed (OVERDUE) — each once per
  file and due day (a file kept back, with a new due day, is told again), so a day the job
  did not run loses no alert and a rerun tells nobody twice;
- the archivists of the archive are told of a file whose retention has run out (due for
  appraisal), once per file and retention: the file is marked told (`retention_alerted_year`)
  and not read again until its retention changes;
- an overdue loan is told to its borrower and to the archivists keeping the file, once a day.

Nobody is told of a file they may not see: every recipient is checked against
archives.selectors.files_visible (archivists by their post's clearance).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from vanphong.archives import deadlines, holdings, search, services_access, workflow
from vanphong.archives.deadlines import TransferClock
from vanphong.archives.models import AccessRequest, AccessStatus, FileStatus, RecordFile
from vanphong.archives.retention import CUSTODY_STATUSES, past_retention, retention_expires_on
from vanphong.archives.selectors import archive_unit_for, files_visible
from vanphong.archives.selectors_transfers import files_due
from vanphong.core import notifications
from vanphong.core.models import NoticeKind
from vanphong.org.models import Person, Role, Unit
from vanphong.org.selectors import leader_role, people_holding


@dataclass
class Sent:
    expired: int = 0
    due_soon: int = 0
    overdue: int = 0
    retention: int = 0
    loans: int = 0
    notices: int = 0
    holdings_rows: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "expired": self.expired,
            "due_soon": self.due_soon,
            "overdue": self.overdue,
            "retention": self.retention,
            "loans": self.loans,
            "notices": self.notices,
            "holdings_rows": self.holdings_rows,
        }


def _seeing(people: Iterable[Person], files: list[RecordFile]) -> dict[int, set[int]]:
    """File id -> the ids of those of `people` who see it (one query a person)."""
    ids = [file.pk for file in files]
    seen: dict[int, set[int]] = defaultdict(set)
    for person in people:
        for pk in files_visible(person).filter(pk__in=ids).values_list("pk", flat=True):
            seen[pk].add(person.pk)
    return seen


def _unit_people(unit: Unit) -> list[Person]:
    roles = (*workflow.COMPILER_ROLES, leader_role(unit))
    return list(people_holding(units=[unit.pk], roles=roles))


def _archivists(archive: Unit) -> list[Person]:
    return list(people_holding(units=[archive.pk], roles=[Role.ARCHIVIST]))


def _transfer_alerts(today: date, sent: Sent) -> None:
    until = today + timedelta(days=deadlines.ALERT_DAYS)
    due = list(files_due(until).select_related("unit").order_by("unit_id", "pk"))
    by_unit: dict[int, list[RecordFile]] = defaultdict(list)
    for file in due:
        by_unit[file.unit_id].append(file)
    for files in by_unit.values():
        unit = files[0].unit
        seeing = _seeing(_unit_people(unit), files)
        for file in files:
            clock = deadlines.transfer_clock(file, today)
            deadline = deadlines.transfer_deadline(file)
            if clock not in (TransferClock.DUE_SOON, TransferClock.OVERDUE) or deadline is None:
                continue
            late = clock is TransferClock.OVERDUE
            text = (
                _("Quá hạn nộp lưu (hạn %(day)s): hồ sơ %(code)s %(title)s")
                if late
                else _("Sắp đến hạn nộp lưu (%(day)s): hồ sơ %(code)s %(title)s")
            ) % {"day": f"{deadline:%d/%m/%Y}", "code": file.code, "title": file.title[:200]}
            kind = NoticeKind.OVERDUE if late else NoticeKind.DUE_SOON
            made = notifications.send(
                person_ids=sorted(seeing.get(file.pk, set())),
                text=text,
                url=reverse("archives:transfer_due"),
                key=f"archives-transfer-{kind}:{file.uuid}:{deadline.isoformat()}",
                kind=kind,
            )
            if made:
                if late:
                    sent.overdue += 1
                else:
                    sent.due_soon += 1
                sent.notices += made


def _kept_past_retention(today: date) -> QuerySet[RecordFile]:
    kept = RecordFile.objects.filter(status__in=CUSTODY_STATUSES)
    return past_retention(kept, today).select_related("unit", "archive_unit").order_by("pk")


def retention_over(today: date) -> list[RecordFile]:
    """The files kept (with their unit or in the archive) whose retention has run out."""
    return list(_kept_past_retention(today))


def _retention_untold(today: date) -> list[RecordFile]:
    """The files past their retention that nobody was told of for the retention they have: a
    file told of is read again only when its retention changes (an appraisal extends it)."""
    untold = Q(retention_alerted_year__isnull=True) | ~Q(retention_alerted_year=F("expires_year"))
    return list(_kept_past_retention(today).filter(untold))


def _retention_alerts(today: date, sent: Sent) -> None:
    """Told: the archivists of the archive keeping the file (or that would receive it), and,
    while the unit still keeps it, the unit's compilers and head — those of them who see it.

    A file nobody may see (no archivist cleared for it yet) stays untold and is tried again
    the next day."""
    by_unit: dict[int, list[RecordFile]] = defaultdict(list)
    for file in _retention_untold(today):
        by_unit[file.unit_id].append(file)
    told: dict[int, list[int]] = defaultdict(list)
    archivists: dict[int, list[Person]] = {}
    for files in by_unit.values():
        unit = files[0].unit
        archive = archive_unit_for(unit)
        keepers = {f.archive_unit_id or archive.pk for f in files}
        for keeper in keepers - set(archivists):
            archivists[keeper] = _archivists(
                next((f.archive_unit for f in files if f.archive_unit_id == keeper), None)
                or archive
            )
        people = {p.pk: p for k in keepers for p in archivists[k]}
        if any(f.status == FileStatus.CLOSED for f in files):
            people.update({p.pk: p for p in _unit_people(unit)})
        seeing = _seeing(people.values(), files)
        for file in files:
            expires = retention_expires_on(file)
            assert expires is not None  # noqa: S101 (filtered above)
            made = notifications.send(
                person_ids=sorted(seeing.get(file.pk, set())),
                text=_("Hết thời hạn bảo quản (%(day)s), cần thẩm định: hồ sơ %(code)s %(title)s")
                % {"day": f"{expires:%d/%m/%Y}", "code": file.code, "title": file.title[:200]},
                url=reverse("archives:transfer_due") + "?bao-quan=1",
                key=f"archives-retention:{file.uuid}:{expires.isoformat()}",
                kind=NoticeKind.DUE_SOON,
            )
            if made:
                sent.retention += 1
                sent.notices += made
            if seeing.get(file.pk):
                told[expires.year].append(file.pk)
    for year, pks in told.items():
        for start in range(0, len(pks), 1000):  # SQLite's bound on a query's parameters
            chunk = pks[start : start + 1000]
            RecordFile.objects.filter(pk__in=chunk).update(retention_alerted_year=year)


def _loan_alerts(today: date, sent: Sent) -> None:
    loans = list(
        AccessRequest.objects.filter(status=AccessStatus.LENT, valid_until__lt=today)
        .select_related("file", "file__archive_unit")
        .order_by("pk")
    )
    keepers: dict[int, list[Person]] = {}
    for loan in loans:
        archive = loan.file.archive_unit
        assert archive is not None  # noqa: S101 (a lent file is archived)
        if archive.pk not in keepers:
            keepers[archive.pk] = _archivists(archive)
        cleared = [
            p.pk
            for p in keepers[archive.pk]
            if workflow.is_archivist(p, archive, loan.file.confidentiality)
        ]
        assert loan.valid_until is not None  # noqa: S101 (filtered above)
        made = notifications.send(
            person_ids=sorted({loan.requester_id, *cleared}),
            text=_("Hồ sơ mượn quá hạn trả (hạn %(day)s): %(code)s %(title)s")
            % {
                "day": f"{loan.valid_until:%d/%m/%Y}",
                "code": loan.file.code,
                "title": loan.file.title[:200],
            },
            url=reverse("archives:access_request", args=[loan.uuid]),
            key=f"archives-loan-overdue:{loan.uuid}:{today.isoformat()}",
            kind=NoticeKind.OVERDUE,
        )
        if made:
            sent.loans += 1
            sent.notices += made


def remind(*, today: date) -> Sent:
    sent = Sent()
    sent.expired = services_access.access_expire(today=today)
    with transaction.atomic():
        search.stale_loans_reindex(today=today)
    with transaction.atomic():
        _transfer_alerts(today, sent)
    with transaction.atomic():
        _retention_alerts(today, sent)
    with transaction.atomic():
        _loan_alerts(today, sent)
    # The services keep the holdings summary on commit; a recount that failed after its commit
    # left it stale, and the daily run repairs it (about 2 s at a million files).
    sent.holdings_rows = holdings.rebuild()
    return sent


@task()
def archives_remind_send() -> dict[str, int]:
    return remind(today=timezone.localdate()).as_dict()
