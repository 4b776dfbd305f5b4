"""Access to archived files: who may ask (the committee's people, cleared; to others the file
does not exist), who decides at each secrecy level (and that an uncleared leader may not),
the days an approval opens the file, expiry, loans lent, overdue and returned, and the audit of
reads by someone not of the file's unit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_transfers import archived_file, board_member
from vanphong.archives import services_access as services
from vanphong.archives.models import AccessMode, AccessRequest, AccessStatus, RecordFile
from vanphong.archives.selectors import files_visible
from vanphong.archives.selectors_transfers import (
    access_pending_for,
    catalogue,
    loans_overdue,
)
from vanphong.core.models import AuditEvent
from vanphong.org.models import Clearance, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> ArchWorld:
    return build_archives_world()


def _ask(
    person: Person, file: RecordFile, mode: str = AccessMode.READ, days: int = 7
) -> AccessRequest:
    return services.access_request(
        actor=person, file=file, mode=mode, purpose="Nghiên cứu lịch sử Đảng bộ", days=days
    )


def test_a_person_of_the_committee_asks_and_reads_for_the_days_approved(w: ArchWorld) -> None:
    file = archived_file(w, province=False)
    asker = board_member(w)
    assert file not in files_visible(asker)
    request = _ask(asker, file, days=3)
    assert request.status == AccessStatus.PENDING
    assert file not in files_visible(asker)  # asking opens nothing
    services.access_decide(actor=w.chau_thanh_archivist, request=request, approve=True)
    assert file in files_visible(asker)
    request.refresh_from_db()
    today = timezone.localdate()
    assert (request.valid_from, request.valid_until) == (today, today + timedelta(days=2))
    assert AuditEvent.objects.filter(action="archives.access_decide").count() == 1


def test_a_stranger_or_an_uncleared_person_finds_no_such_file(w: ArchWorld) -> None:
    plain = archived_file(w, province=False)
    secret = archived_file(w, province=False, confidentiality=Clearance.SECRET)
    with pytest.raises(Http404):
        _ask(w.hoa_thanh_clerk, plain)  # another committee's archive
    with pytest.raises(Http404):
        _ask(w.chau_thanh_specialist, secret)  # Không mật, the file Mật
    assert set(catalogue(w.chau_thanh_specialist)) == {plain}
    assert set(catalogue(board_member(w))) == {plain, secret}
    assert not catalogue(w.unassigned).exists()


def test_an_open_file_or_one_not_archived_is_not_in_the_catalogue(w: ArchWorld) -> None:
    from tests.support.archives_transfers import district_file

    closed = district_file(w)
    with pytest.raises(Http404):
        _ask(board_member(w), closed)


@pytest.mark.parametrize(
    ("level", "approver", "refused"),
    [
        (Clearance.UNCLASSIFIED, "chau_thanh_archivist", "chau_thanh_office_leader"),
        (Clearance.SECRET, "chau_thanh_office_leader", "chau_thanh_archivist"),
        (Clearance.TOP_SECRET, "chau_thanh_leader", "chau_thanh_office_leader"),
        (Clearance.ULTRA_SECRET, "province_leader", "chau_thanh_leader"),  # Tối mật: uncleared
    ],
)
def test_each_secrecy_level_is_decided_by_its_approver(
    w: ArchWorld, level: int, approver: str, refused: str
) -> None:
    file = archived_file(w, province=False, confidentiality=level)
    request = _ask(board_member(w), file)
    with pytest.raises(PermissionDenied):
        services.access_decide(actor=getattr(w, refused), request=request, approve=True)
    assert request not in access_pending_for(getattr(w, refused))
    assert request in access_pending_for(getattr(w, approver))
    services.access_decide(actor=getattr(w, approver), request=request, approve=True)
    request.refresh_from_db()
    assert request.status == AccessStatus.APPROVED


def test_a_refusal_says_why_and_a_decided_request_is_not_decided_again(w: ArchWorld) -> None:
    request = _ask(board_member(w), archived_file(w, province=False))
    with pytest.raises(ValidationError) as no_reason:
        services.access_decide(actor=w.chau_thanh_archivist, request=request, approve=False)
    assert "note" in no_reason.value.error_dict
    services.access_decide(
        actor=w.chau_thanh_archivist, request=request, approve=False, note="Không rõ mục đích"
    )
    request.refresh_from_db()
    assert request.status == AccessStatus.REFUSED
    with pytest.raises(ValidationError, match="đã được quyết định"):
        services.access_decide(actor=w.chau_thanh_archivist, request=request, approve=True)


def test_an_approval_past_its_last_day_expires_and_closes_the_file(w: ArchWorld) -> None:
    file = archived_file(w, province=False)
    asker = board_member(w)
    request = _ask(asker, file, days=1)
    services.access_decide(actor=w.chau_thanh_archivist, request=request, approve=True)
    today = timezone.localdate()
    assert services.access_expire(today=today) == 0  # the last day is today
    assert services.access_expire(today=today + timedelta(days=1)) == 1
    request.refresh_from_db()
    assert request.status == AccessStatus.EXPIRED
    assert file not in files_visible(asker)
    assert services.access_expire(today=today + timedelta(days=1)) == 0


def test_the_days_asked_and_the_day_approved_stay_within_limits(w: ArchWorld) -> None:
    file = archived_file(w, province=False)
    asker = board_member(w)
    with pytest.raises(ValidationError) as too_long:
        _ask(asker, file, days=services.MAX_DAYS + 1)
    assert "days" in too_long.value.error_dict
    request = _ask(asker, file)
    with pytest.raises(ValidationError):
        _ask(asker, file)  # one request in force at a time
    with pytest.raises(ValidationError) as past:
        services.access_decide(
            actor=w.chau_thanh_archivist,
            request=request,
            approve=True,
            valid_until=date(2000, 1, 1),
        )
    assert "valid_until" in past.value.error_dict


def test_a_loan_is_lent_listed_when_overdue_and_returned(w: ArchWorld) -> None:
    file = archived_file(w, province=False)
    asker = board_member(w)
    request = _ask(asker, file, mode=AccessMode.BORROW, days=5)
    services.access_decide(actor=w.chau_thanh_archivist, request=request, approve=True)
    with pytest.raises(PermissionDenied):
        services.access_lend(actor=w.chau_thanh_clerk, request=request)
    services.access_lend(actor=w.chau_thanh_archivist, request=request)
    request.refresh_from_db()
    assert request.status == AccessStatus.LENT
    later = timezone.localdate() + timedelta(days=5)
    assert not loans_overdue(asker, later - timedelta(days=1)).exists()
    assert request in loans_overdue(asker, later)
    assert request in loans_overdue(w.chau_thanh_archivist, later)
    assert request not in loans_overdue(w.hoa_thanh_clerk, later)
    assert services.access_expire(today=later) == 0  # a loan not back stays lent: overdue
    services.access_return(actor=w.chau_thanh_archivist, request=request)
    request.refresh_from_db()
    assert request.status == AccessStatus.RETURNED
    with pytest.raises(ValidationError):
        services.access_return(actor=w.chau_thanh_archivist, request=request)


def test_a_read_by_someone_not_of_the_files_unit_is_audited(w: ArchWorld) -> None:
    file = archived_file(w, province=False)
    assert services.file_read_record(actor=board_member(w), file=file) is True
    assert services.file_read_record(actor=w.chau_thanh_clerk, file=file) is False
    events = AuditEvent.objects.filter(action="archives.file_read")
    assert events.count() == 1
    assert events.get().object_id == str(file.uuid)
