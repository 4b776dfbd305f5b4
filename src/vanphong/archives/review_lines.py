"""The archives' section of an Office's annual review (tổng kết năm), as of a day (31/12),
for many units at once: files opened in the year, closed in it, received by the agency archive
in it (the unit's own files transferred), and, for an archive, files destroyed by an executed
disposal and readings approved in the year.

A count of files names none of them, so the section counts every file of the unit (the review
is read by the Office's leaders). Five grouped queries whatever the number of units.
Registered from ArchivesConfig.ready().
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Final

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vanphong.archives.models import AccessRequest, RecordFile, TransferStatus
from vanphong.core.yearly import Line, ReviewSection, register_section

KEY: Final = "archives"
LABELS: Final = {
    "opened": _("Hồ sơ mở trong năm"),
    "closed": _("Hồ sơ kết thúc trong năm"),
    "transferred": _("Hồ sơ nộp lưu vào lưu trữ cơ quan"),
    "destroyed": _("Hồ sơ hết giá trị đã tiêu hủy (lưu trữ cơ quan)"),
    "readings": _("Lượt khai thác hồ sơ được duyệt (lưu trữ cơ quan)"),
}


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def lines(unit_ids: Iterable[int], year: int, as_of: date) -> list[Line]:
    ids = sorted(set(unit_ids))
    first, last = date(year, 1, 1), min(date(year, 12, 31), as_of)
    since, until = _start(first), _start(last + timedelta(days=1))
    if not ids:
        return [Line(str(label), {}) for label in LABELS.values()]

    def grouped(rows: Iterable[tuple[int, int]]) -> dict[int, int]:
        return dict(rows)

    files = RecordFile.objects.order_by()
    counts = {
        "opened": grouped(
            files.filter(unit_id__in=ids, opened_on__range=(first, last))
            .values_list("unit_id")
            .annotate(n=Count("id"))
        ),
        "closed": grouped(
            files.filter(unit_id__in=ids, closed_at__gte=since, closed_at__lt=until)
            .values_list("unit_id")
            .annotate(n=Count("id"))
        ),
        "transferred": grouped(
            files.filter(
                unit_id__in=ids,
                transfer__status=TransferStatus.RECEIVED,
                transfer__received_on__range=(first, last),
            )
            .values_list("unit_id")
            .annotate(n=Count("id"))
        ),
        "destroyed": grouped(
            files.filter(archive_unit_id__in=ids, destroyed_at__gte=since, destroyed_at__lt=until)
            .values_list("archive_unit_id")
            .annotate(n=Count("id"))
        ),
        "readings": grouped(
            AccessRequest.objects.order_by()
            .filter(
                file__archive_unit_id__in=ids,
                decided_at__gte=since,
                decided_at__lt=until,
                decided_by__isnull=False,
                valid_from__isnull=False,
            )
            .values_list("file__archive_unit_id")
            .annotate(n=Count("id"))
        ),
    }
    return [Line(str(LABELS[key]), counts[key]) for key in LABELS]


SECTION: Final = ReviewSection(
    key=KEY,
    order=60,
    title=str(_("Công tác lưu trữ")),
    lines=lines,
    notes=str(
        _(
            "Hồ sơ của đơn vị theo ngày mở, ngày kết thúc và ngày lưu trữ cơ quan giao nhận; "
            "tiêu hủy và khai thác tính cho đơn vị giữ lưu trữ cơ quan."
        )
    ),
)
register_section(SECTION)
