"""Purging the personal data of closed letters and of visits after the retention period
(Nghị định 13/2023/NĐ-CP), keeping the statistical record.

What goes: the petitioners and visitors (`Citizen` rows: names, numbers, addresses, phones);
the scans that carry them — every scan marked `reveals_identity`, and the scans of the letter
itself and of the documents handed in (`FileKind.LETTER`, `FileKind.EVIDENCE`), whose pages
bear the petitioner's name and address; the subject (it names the person complained of) and
how the petitioner was told (`told_how`, often an address). A scan's `LetterFile` row is
deleted, a forward's or an extension's reference to it cleared, and its `StoredFile` row too
when nothing else names the same bytes; the bytes themselves go with the next
`core.files.sweep`, which deletes files no row names. The redacted copies and the decisions
stay: they are the official record and carry no identity.

What stays: the kinds, field, place, handling, dates, status, result, group size and the
summary — the summary is the content the reports and the duplicate proposal read; officers
write it without personal details, and `purged_at` marks the letter as purged. So every count
by kind, field, place, handling or result is the same after a purge.

Retention counts from the closing date (a visit: its session's day), by the rule version in
force on that date (`core.rules.petitions_retention_years`); a letter closed before the first
version takes the first version's period: the decree applies to the data still held.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.models import RuleSet, StoredFile
from vanphong.core.rules import NoRuleInForce, petitions_retention_years
from vanphong.org.models import Person, Role, Unit
from vanphong.org.selectors import scope_for
from vanphong.petitions.models import (
    Citizen,
    Extension,
    FileKind,
    Forward,
    Letter,
    LetterFile,
    LetterStatus,
    Visit,
)
from vanphong.petitions.search import KIND
from vanphong.search import outbox

RULE = "petitions.retention"
PERSONAL_SCANS = (FileKind.LETTER, FileKind.EVIDENCE)


@dataclass(frozen=True)
class PurgeResult:
    letters: int = 0
    visits: int = 0
    citizens: int = 0
    files: int = 0
    stored_files: int = 0  # rows deleted; their bytes go with the next core.files.sweep


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def due(field: str, on: date) -> Q:
    """`field` (a date) far enough before `on` that its retention has passed."""
    starts = sorted(
        set(RuleSet.objects.filter(kind=RULE, effective_from__lte=on).values_list(
            "effective_from", flat=True
        ))
    )  # fmt: skip
    if not starts:
        raise NoRuleInForce(RULE)
    condition = Q(pk__in=[])
    for index, start in enumerate(starts):
        cutoff = _years_before(on, petitions_retention_years(start))
        window = Q(**{f"{field}__lte": cutoff})
        if index > 0:
            window &= Q(**{f"{field}__gte": start})
        if index + 1 < len(starts):
            window &= Q(**{f"{field}__lt": starts[index + 1]})
        condition |= window
    return condition


def _delete_stored(ids: set[int]) -> int:
    deleted = 0
    for stored_id in sorted(ids):
        try:
            with transaction.atomic():  # a savepoint: bytes still named elsewhere stay
                deleted += StoredFile.objects.filter(pk=stored_id).delete()[0]
        except (ProtectedError, IntegrityError):
            continue
    return deleted


@transaction.atomic
def letters_purge(*, actor: Person | None, unit: Unit, on: date) -> PurgeResult:
    """Purge the unit's closed letters and visits whose retention has passed by `on`. `actor`
    is the unit's Office leader, or None for the scheduled job (`jobs.purge_due`)."""
    if actor is not None and not scope_for(actor).has_role(unit.pk, Role.OFFICE_LEADER):
        raise PermissionDenied(_("Chỉ lãnh đạo Văn phòng của đơn vị được xóa dữ liệu cá nhân."))
    try:
        letters_due = due("closed_on", on)
        visits_due = due("session__day", on)
    except NoRuleInForce as error:
        raise ValidationError(
            {"on": _("Chưa có quy định thời hạn lưu trữ dữ liệu cá nhân.")}
        ) from error
    letters = list(
        Letter.objects.select_for_update(of=("self",))
        .filter(unit=unit, status=LetterStatus.CLOSED, purged_at__isnull=True)
        .filter(letters_due)
        .values_list("pk", "uuid")
    )
    letter_ids = [pk for pk, _uuid in letters]
    # A visit whose letter is still kept keeps its visitors with it.
    visit_ids = list(
        Visit.objects.select_for_update(of=("self",))
        .filter(unit=unit, purged_at__isnull=True)
        .filter(visits_due)
        .filter(
            Q(letter__isnull=True)
            | Q(letter__purged_at__isnull=False)
            | Q(letter_id__in=letter_ids)
        )
        .values_list("pk", flat=True)
    )
    belongs = Q(letter_id__in=letter_ids) | Q(visit_id__in=visit_ids)
    scans = LetterFile.objects.filter(belongs).filter(
        Q(reveals_identity=True) | Q(kind__in=PERSONAL_SCANS)
    )
    scan_ids = list(scans.values_list("pk", flat=True))
    stored_ids = set(scans.values_list("file_id", flat=True))
    Forward.objects.filter(copy_id__in=scan_ids).update(copy=None)
    Extension.objects.filter(decision_id__in=scan_ids).update(decision=None)
    files = LetterFile.objects.filter(pk__in=scan_ids).delete()[0]
    citizens = Citizen.objects.filter(belongs).delete()[0]
    now = timezone.now()
    Letter.objects.filter(pk__in=letter_ids).update(purged_at=now, subject="", told_how="")
    Visit.objects.filter(pk__in=visit_ids).update(purged_at=now)
    result = PurgeResult(
        letters=len(letter_ids),
        visits=len(visit_ids),
        citizens=citizens,
        files=files,
        stored_files=_delete_stored(stored_ids),
    )
    for _pk, letter_uuid in letters:  # the index drops the names with the rows
        outbox.enqueue(KIND, letter_uuid)
    audit.record(
        actor=actor,
        action="letters.purged",
        target=unit,
        after={"on": on.isoformat(), **asdict(result)},
        label=f"{unit} · {on:%d/%m/%Y}",
    )
    return result
