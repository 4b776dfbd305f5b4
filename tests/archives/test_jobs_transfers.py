"""The archives' daily job: the transfer alert 30 days before the due day and on the first
overdue day, once; the retention alert to the archivists; overdue loans; expiry; nobody told
of a file they may not see; the management command."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_transfers import archived_file, board_member, district_file
from vanphong.archives import holdings, services_access
from vanphong.archives import inbox as archives_inbox
from vanphong.archives.jobs_transfers import _retention_untold, remind
from vanphong.archives.models import AccessMode, AccessStatus, HoldingCount, RecordFile
from vanphong.archives.retention import files_past_retention
from vanphong.core import inbox
from vanphong.core.models import NoticeKind, Notification
from vanphong.org.models import Clearance, Membership

pytestmark = pytest.mark.django_db

ENDED = date(2011, 6, 15)  # due 15/06/2012; the alert from 16/05/2012


@pytest.fixture
def w() -> ArchWorld:
    return build_archives_world()


def _told(kind: str) -> set[int]:
    return set(Notification.objects.filter(kind=kind).values_list("person_id", flat=True))


def test_the_unit_is_told_thirty_days_before_the_due_day_once(w: ArchWorld) -> None:
    district_file(w, work_ended_on=ENDED)
    assert remind(today=date(2012, 5, 15)).due_soon == 0  # 31 days before
    sent = remind(today=date(2012, 5, 16))
    assert sent.due_soon == 1
    told = _told(NoticeKind.DUE_SOON)
    assert w.chau_thanh_clerk.pk in told
    assert w.chau_thanh_office_leader.pk in told  # the head
    assert w.hoa_thanh_clerk.pk not in told
    assert remind(today=date(2012, 5, 16)).notices == 0  # a rerun tells nobody twice
    assert remind(today=date(2012, 6, 15)).notices == 0  # told already for this due day
    text = Notification.objects.filter(kind=NoticeKind.DUE_SOON).first()
    assert text is not None
    assert "15/06/2012" in text.text


def test_the_unit_is_told_on_the_first_overdue_day_once(w: ArchWorld) -> None:
    district_file(w, work_ended_on=ENDED)
    assert remind(today=date(2012, 6, 15)).overdue == 0  # the due day: still in time
    assert remind(today=date(2012, 6, 16)).overdue == 1
    assert w.chau_thanh_clerk.pk in _told(NoticeKind.OVERDUE)
    assert remind(today=date(2012, 6, 17)).notices == 0


def test_a_file_kept_back_or_transferred_or_short_lived_is_not_told(w: ArchWorld) -> None:
    district_file(w, work_ended_on=ENDED, kept_back_until=date(2013, 12, 31))
    district_file(w, work_ended_on=ENDED, retention_years=3)
    archived_file(w, province=False, work_ended_on=ENDED)
    assert remind(today=date(2012, 6, 16)).notices == 0
    assert remind(today=date(2013, 12, 1)).due_soon == 1  # 30 days before the day kept to


def test_a_secret_file_is_told_only_to_whom_may_see_it(w: ArchWorld) -> None:
    district_file(w, work_ended_on=ENDED, confidentiality=Clearance.SECRET)
    remind(today=date(2012, 5, 16))
    told = _told(NoticeKind.DUE_SOON)
    assert w.chau_thanh_clerk.pk in told
    assert w.chau_thanh_specialist.pk not in told  # Không mật


def test_the_archivists_are_told_when_a_files_retention_has_run_out(w: ArchWorld) -> None:
    archived_file(w, retention_years=5, work_ended_on=date(2011, 12, 31))
    archived_file(w, retention_years=None, work_ended_on=date(2011, 12, 31))
    top = archived_file(
        w, retention_years=5, work_ended_on=date(2011, 3, 1), confidentiality=Clearance.TOP_SECRET
    )
    assert remind(today=date(2016, 12, 31)).retention == 0
    sent = remind(today=date(2017, 1, 1))
    assert sent.retention == 1  # the Tối mật one: no archivist cleared for it
    assert _told(NoticeKind.DUE_SOON) == {w.province_archivist.pk}
    assert not Notification.objects.filter(text__contains=top.title, key__contains=str(top.uuid))
    assert remind(today=date(2017, 1, 2)).retention == 0


def test_a_file_told_of_is_read_again_only_when_an_appraisal_changes_its_retention(
    w: ArchWorld,
) -> None:
    file = archived_file(w, retention_years=5, work_ended_on=date(2011, 12, 31))
    assert remind(today=date(2017, 1, 1)).retention == 1
    file.refresh_from_db()
    assert file.retention_alerted_year == 2016
    assert _retention_untold(date(2018, 1, 1)) == []  # a year on: not even read
    # The council keeps it five years more: when those run out, the archivists hear again.
    RecordFile.objects.filter(pk=file.pk).update(retention_years=10)
    assert remind(today=date(2021, 12, 31)).retention == 0
    assert remind(today=date(2022, 1, 1)).retention == 1
    file.refresh_from_db()
    assert file.retention_alerted_year == 2021


def _queries_of_a_later_day(w: ArchWorld, files: int) -> int:
    for _ in range(files):
        archived_file(w, retention_years=5, work_ended_on=date(2011, 12, 31))
    remind(today=date(2017, 1, 1))
    with CaptureQueriesContext(connection) as queries:
        assert remind(today=date(2017, 1, 2)).retention == 0
    return len(queries)


def test_the_daily_job_costs_the_same_whether_two_or_twenty_files_were_told_of(
    w: ArchWorld,
) -> None:
    two = _queries_of_a_later_day(w, 2)
    assert _queries_of_a_later_day(w, 18) == two


def test_a_file_no_archivist_may_see_is_tried_daily_until_one_is_cleared_for_it(
    w: ArchWorld,
) -> None:
    top = archived_file(
        w, retention_years=5, work_ended_on=date(2011, 3, 1), confidentiality=Clearance.TOP_SECRET
    )
    assert remind(today=date(2017, 1, 1)).retention == 0
    assert _retention_untold(date(2017, 1, 2)) == [top]
    Membership.objects.filter(person=w.province_archivist).update(clearance=Clearance.TOP_SECRET)
    assert remind(today=date(2017, 1, 2)).retention == 1
    assert _told(NoticeKind.DUE_SOON) == {w.province_archivist.pk}
    assert _retention_untold(date(2017, 1, 3)) == []


def test_a_file_with_no_dates_runs_out_by_its_own_year_as_the_disposal_proposal_counts(
    w: ArchWorld,
) -> None:
    undated = archived_file(w, retention_years=5, year=2011, work_ended_on=None, last_date=None)
    assert list(files_past_retention(w.province_office, date(2017, 1, 1))) == [undated]
    assert remind(today=date(2016, 12, 31)).retention == 0
    assert remind(today=date(2017, 1, 1)).retention == 1
    assert Notification.objects.filter(key__contains=str(undated.uuid)).exists()


def test_an_overdue_loan_is_told_to_the_borrower_and_the_archivist_once_a_day(w: ArchWorld) -> None:
    file = archived_file(w, province=False)
    asker = board_member(w)
    request = services_access.access_request(
        actor=asker, file=file, mode=AccessMode.BORROW, purpose="Mượn", days=2
    )
    services_access.access_decide(actor=w.chau_thanh_archivist, request=request, approve=True)
    services_access.access_lend(actor=w.chau_thanh_archivist, request=request)
    today = timezone.localdate()
    assert remind(today=today + timedelta(days=1)).loans == 0
    assert remind(today=today + timedelta(days=2)).loans == 1
    assert _told(NoticeKind.OVERDUE) == {asker.pk, w.chau_thanh_archivist.pk}
    assert remind(today=today + timedelta(days=2)).loans == 0
    assert remind(today=today + timedelta(days=3)).loans == 1


def test_the_command_expires_approvals_and_reports(w: ArchWorld) -> None:
    file = archived_file(w, province=False)
    request = services_access.access_request(
        actor=board_member(w), file=file, mode=AccessMode.READ, purpose="Đọc", days=1
    )
    services_access.access_decide(actor=w.chau_thanh_archivist, request=request, approve=True)
    request.valid_until = timezone.localdate() - timedelta(days=1)
    request.save(update_fields=["valid_until"])
    out = io.StringIO()
    call_command("archives_remind", stdout=out)
    assert "1 approvals expired" in out.getvalue()
    request.refresh_from_db()
    assert request.status == AccessStatus.EXPIRED


def test_the_daily_run_repairs_a_holdings_summary_left_stale(w: ArchWorld) -> None:
    archived_file(w, province=False)
    archived_file(w, province=False, retention_years=None)
    counted = sorted(HoldingCount.objects.values_list(*holdings.COLUMNS, "n"))
    assert counted
    HoldingCount.objects.all().delete()  # as if a recount had failed after its commit
    assert remind(today=timezone.localdate()).holdings_rows == len(counted)
    assert sorted(HoldingCount.objects.values_list(*holdings.COLUMNS, "n")) == counted


def test_the_inbox_sections_count_what_each_person_may_act_on(w: ArchWorld) -> None:
    today = timezone.localdate()
    district_file(w, work_ended_on=date(today.year - 1, today.month, 1))
    district_file(w, work_ended_on=date(today.year - 1, today.month, 1), retention_years=2)
    file = archived_file(w, province=False)
    asker = board_member(w)
    services_access.access_request(
        actor=asker, file=file, mode=AccessMode.READ, purpose="Đọc", days=2
    )
    day = inbox.today(today)
    assert archives_inbox.DUE.applies(w.chau_thanh_clerk)
    assert archives_inbox.files_due_soon(w.chau_thanh_clerk, day).count == 1
    assert archives_inbox.files_due_soon(w.hoa_thanh_clerk, day).count == 0
    assert archives_inbox.access_pending(w.chau_thanh_archivist, day).count == 1
    assert archives_inbox.access_pending(w.chau_thanh_office_leader, day).count == 0
    assert not archives_inbox.LOANS.applies(asker)  # nothing borrowed yet
    assert archives_inbox.LOANS.applies(w.chau_thanh_archivist)


def test_a_short_lived_file_kept_by_its_unit_is_told_to_the_unit_when_it_runs_out(
    w: ArchWorld,
) -> None:
    district_file(w, retention_years=2, work_ended_on=date(2011, 5, 1))
    secret = district_file(
        w, retention_years=2, work_ended_on=date(2011, 5, 1), confidentiality=Clearance.SECRET
    )
    assert remind(today=date(2014, 1, 1)).retention == 2
    told_of_secret = set(
        Notification.objects.filter(key__contains=str(secret.uuid)).values_list(
            "person_id", flat=True
        )
    )
    assert w.chau_thanh_clerk.pk in told_of_secret
    assert w.chau_thanh_specialist.pk not in told_of_secret
    assert w.chau_thanh_archivist.pk not in told_of_secret  # Không mật
