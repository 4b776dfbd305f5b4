"""The archives' yearly measure (core.yearly), registered from ArchivesConfig.ready().

- `archives.files_on_time`: of the unit's files kept 5 years or more (or permanently) whose
  transfer deadline fell in the year up to `as_of` — one year after the work ended (Decree 30),
  or the day the unit's head kept the file back to (at most two years more) — those the agency
  archive received on or before that deadline. A file destroyed before its deadline (it never
  could be, being kept 5 years) and files still open are not counted; a file not yet received
  on `as_of` is counted as not done.

One query: the candidate files (work ended within the three years before, enough for the
longest keep-back) with their transfer's receiving day; the deadline is the legal rule of
`deadlines.transfer_deadline`, applied in Python to those few rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse

from vanphong.archives import deadlines
from vanphong.archives.models import FileStatus, RecordFile
from vanphong.core.yearly import Measure, Ratio, register_measure

FILES_ON_TIME = "archives.files_on_time"


def files_on_time(unit_ids: Iterable[int], year: int, as_of: date) -> Mapping[int, Ratio]:
    until = min(date(year, 12, 31), as_of)
    rows = (
        RecordFile.objects.filter(
            unit_id__in=list(unit_ids),
            work_ended_on__gte=date(year - 1 - deadlines.KEEP_BACK_MAX_YEARS, 1, 1),
            work_ended_on__lt=date(year, 1, 1),
        )
        .filter(Q(retention_years__isnull=True) | Q(retention_years__gte=5))
        .exclude(status=FileStatus.OPEN)
        .select_related("transfer")
        .only(
            "unit_id",
            "retention_years",
            "work_ended_on",
            "last_date",
            "kept_back_until",
            "transfer__received_on",
        )
    )
    counted: dict[int, int] = defaultdict(int)
    done: dict[int, int] = defaultdict(int)
    for file in rows:
        deadline = deadlines.transfer_deadline(file)
        if deadline is None or not date(year, 1, 1) <= deadline <= until:
            continue
        counted[file.unit_id] += 1
        received = file.transfer.received_on if file.transfer is not None else None
        if received is not None and received <= deadline and received <= as_of:
            done[file.unit_id] += 1
    return {unit: Ratio(done[unit], n) for unit, n in counted.items()}


def _files_url(unit_uuid: str, year: int) -> str:
    query = urlencode({"don_vi": unit_uuid, "nam": year - 1})
    return f"{reverse('archives:file_list')}?{query}"


def register() -> None:
    register_measure(
        Measure(
            key=FILES_ON_TIME,
            title="Hồ sơ được nộp lưu vào lưu trữ cơ quan đúng hạn",
            counted=(
                "Hồ sơ bảo quản từ 5 năm trở lên (hoặc vĩnh viễn) của đơn vị có hạn nộp lưu "
                "trong năm đến ngày tính: một năm sau khi kết thúc công việc, hoặc ngày được "
                "giữ lại đến (tối đa hai năm)."
            ),
            done="Hồ sơ lưu trữ cơ quan đã giao nhận không muộn hơn hạn nộp lưu.",
            query=(
                "SELECT unit_id, work_ended_on, kept_back_until, transfer.received_on\n"
                "FROM archives_recordfile LEFT JOIN archives_transfer AS transfer\n"
                "WHERE unit_id IN (:units) AND status <> 'open'\n"
                "  AND (retention_years IS NULL OR retention_years >= 5)\n"
                "  AND work_ended_on BETWEEN (:year - 3)-01-01 AND (:year - 1)-12-31\n"
                "-- deadline = MAX(work_ended_on + 1 year, kept_back_until)\n"
                "-- counted: deadline BETWEEN :year-01-01 AND MIN(:year-12-31, :as_of)\n"
                "-- done: received_on <= deadline AND received_on <= :as_of"
            ),
            compute=files_on_time,
            records_url=_files_url,
        )
    )
