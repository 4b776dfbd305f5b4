"""Every write of access to archived files (khai thác): asking to read or borrow a file,
deciding, lending and taking back, letting approvals run out, and the audit of every read of
an archived file by someone not of its unit.

Who may ask: a person holding a post in the committee whose archive keeps the file, cleared (by
any post) for the file (selectors_transfers.catalogue); to anyone else the file does not exist
(404). Who decides, by the file's secrecy: Không mật an archivist of the archive, Mật a leader
of the archive's Office, Tối mật and above a leader of the committee — each cleared for the
file by that very post (workflow.may_approve_access). An approval opens the file to the
requester from `valid_from` through `valid_until` (archives.selectors.files_visible); the
daily job marks the approvals past their last day EXPIRED. A loan (mượn) is lent and taken
back by an archivist; one not back after its last day is overdue.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.archives import workflow
from vanphong.archives.models import (
    AccessMode,
    AccessRequest,
    AccessStatus,
    FileStatus,
    RecordFile,
)
from vanphong.archives.selectors_transfers import catalogue
from vanphong.core import audit, notifications
from vanphong.core.models import NoticeKind
from vanphong.core.vietnamese import clean
from vanphong.org.models import Person
from vanphong.org.selectors import scope_for

MAX_DAYS = 90
REQUEST_FIELDS = ("status", "mode", "valid_from", "valid_until", "decision_note")


def _lock(request: AccessRequest) -> AccessRequest:
    return (
        AccessRequest.objects.select_for_update(of=("self",))
        .select_related("file", "file__archive_unit", "requester")
        .get(pk=request.pk)
    )


def _url(request: AccessRequest) -> str:
    return reverse("archives:access_request", args=[request.uuid])


@transaction.atomic
def access_request(
    *, actor: Person, file: RecordFile, mode: str, purpose: str, days: int
) -> AccessRequest:
    """Ask to read (at the archive) or borrow an archived file for `days` days from today."""
    if not catalogue(actor).filter(pk=file.pk).exists():
        raise Http404
    if mode not in AccessMode.values:
        raise ValidationError({"mode": _("Chọn hình thức khai thác.")})
    purpose = clean(purpose)
    if not purpose:
        raise ValidationError({"purpose": _("Ghi mục đích khai thác.")})
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(
            {"days": _("Thời gian khai thác từ 1 đến %(n)d ngày.") % {"n": MAX_DAYS}}
        )
    open_already = AccessRequest.objects.filter(
        file=file,
        requester=actor,
        status__in=[AccessStatus.PENDING, AccessStatus.APPROVED, AccessStatus.LENT],
    ).exists()
    if open_already:
        raise ValidationError(_("Anh/chị đã có một yêu cầu khai thác hồ sơ này đang hiệu lực."))
    today = timezone.localdate()
    made = AccessRequest.objects.create(
        file=file,
        requester=actor,
        mode=mode,
        purpose=purpose[:500],
        valid_from=today,
        valid_until=today + timedelta(days=days - 1),
    )
    audit.record(
        actor=actor,
        action="archives.access_request",
        target=made,
        after={**audit.snapshot(made, REQUEST_FIELDS), "file": str(file.uuid)},
        label=f"{file.code} — {actor.full_name}",
    )
    return made


@transaction.atomic
def access_decide(
    *,
    actor: Person,
    request: AccessRequest,
    approve: bool,
    note: str = "",
    valid_until: date | None = None,
) -> AccessRequest:
    """Approve (until `valid_until`, the requested last day by default) or refuse (with a
    reason) a pending request."""
    request = _lock(request)
    file = request.file
    assert file.archive_unit is not None  # noqa: S101 (a catalogue file is archived)
    workflow.require(
        workflow.may_approve_access(actor, file.archive_unit, file.confidentiality),
        _("Anh/chị không phải người có thẩm quyền duyệt khai thác hồ sơ ở độ mật này."),
    )
    # Nobody opens a file to themselves: a request is decided by another approver.
    workflow.require(
        request.requester_id != actor.pk,
        _("Anh/chị không tự quyết định yêu cầu khai thác của chính mình."),
    )
    if request.status != AccessStatus.PENDING:
        raise ValidationError(_("Yêu cầu đã được quyết định."))
    note = clean(note)
    today = timezone.localdate()
    before = audit.snapshot(request, REQUEST_FIELDS)
    if approve:
        until = valid_until or request.valid_until or today
        if until < today:
            raise ValidationError({"valid_until": _("Ngày hết hạn không được trước hôm nay.")})
        if until > today + timedelta(days=MAX_DAYS):
            raise ValidationError(
                {"valid_until": _("Thời hạn khai thác tối đa %(n)d ngày.") % {"n": MAX_DAYS}}
            )
        request.status = AccessStatus.APPROVED
        request.valid_from = today
        request.valid_until = until
    else:
        if not note:
            raise ValidationError({"note": _("Ghi lý do từ chối.")})
        request.status = AccessStatus.REFUSED
    request.decided_by = actor
    request.decided_at = timezone.now()
    request.decision_note = note[:500]
    request.save()
    text = (
        _("Yêu cầu khai thác hồ sơ %(code)s được duyệt đến %(day)s.")
        % {"code": file.code, "day": f"{request.valid_until:%d/%m/%Y}"}
        if approve
        else _("Yêu cầu khai thác hồ sơ %(code)s bị từ chối: %(note)s")
        % {"code": file.code, "note": note[:200]}
    )
    notifications.send(
        person_ids=[request.requester_id],
        text=text,
        url=_url(request),
        key=f"archives-access-decided:{request.uuid}",
        kind=NoticeKind.APPROVED if approve else NoticeKind.RETURNED,
    )
    audit.record(
        actor=actor,
        action="archives.access_decide",
        target=request,
        before=before,
        after=audit.snapshot(request, REQUEST_FIELDS),
        label=f"{file.code} — {request.requester.full_name}",
    )
    return request


def _require_keeper(actor: Person, request: AccessRequest) -> None:
    file = request.file
    workflow.require(
        file.archive_unit is not None
        and workflow.is_archivist(actor, file.archive_unit, file.confidentiality),
        _("Chỉ cán bộ lưu trữ được tiếp cận hồ sơ này mới giao, nhận hồ sơ mượn."),
    )


@transaction.atomic
def access_lend(*, actor: Person, request: AccessRequest) -> AccessRequest:
    """The archivist hands an approved loan's file to the borrower."""
    request = _lock(request)
    _require_keeper(actor, request)
    today = timezone.localdate()
    if request.mode != AccessMode.BORROW or request.status != AccessStatus.APPROVED:
        raise ValidationError(_("Chỉ giao hồ sơ cho yêu cầu mượn đã được duyệt."))
    if request.valid_until is None or request.valid_until < today:
        raise ValidationError(_("Yêu cầu đã hết hạn."))
    before = audit.snapshot(request, REQUEST_FIELDS)
    request.status = AccessStatus.LENT
    request.lent_at = timezone.now()
    request.save(update_fields=["status", "lent_at"])
    audit.record(
        actor=actor,
        action="archives.access_lend",
        target=request,
        before=before,
        after=audit.snapshot(request, REQUEST_FIELDS),
    )
    return request


@transaction.atomic
def access_return(*, actor: Person, request: AccessRequest) -> AccessRequest:
    """The archivist takes a lent file back."""
    request = _lock(request)
    _require_keeper(actor, request)
    if request.status != AccessStatus.LENT:
        raise ValidationError(_("Hồ sơ không ở trạng thái đang mượn."))
    before = audit.snapshot(request, REQUEST_FIELDS)
    request.status = AccessStatus.RETURNED
    request.returned_at = timezone.now()
    request.save(update_fields=["status", "returned_at"])
    audit.record(
        actor=actor,
        action="archives.access_return",
        target=request,
        before=before,
        after={
            **audit.snapshot(request, REQUEST_FIELDS),
            "late": bool(request.valid_until and timezone.localdate() > request.valid_until),
        },
    )
    return request


@transaction.atomic
def access_expire(*, today: date) -> int:
    """Approvals past their last day become EXPIRED (a loan not back stays LENT: overdue)."""
    ended = list(
        AccessRequest.objects.select_for_update()
        .filter(status=AccessStatus.APPROVED, valid_until__lt=today)
        .order_by("pk")
    )
    for request in ended:
        request.status = AccessStatus.EXPIRED
        audit.record(
            actor=None,
            action="archives.access_expire",
            target=request,
            before={"status": AccessStatus.APPROVED},
            after={"status": AccessStatus.EXPIRED, "valid_until": request.valid_until},
        )
    AccessRequest.objects.bulk_update(ended, ["status"])
    return len(ended)


@transaction.atomic
def file_read_record(*, actor: Person, file: RecordFile) -> bool:
    """The file page calls this on every view: a read of an archived file by someone not of
    its unit is audited (`archives.file_read`). Returns whether it was recorded."""
    if file.status != FileStatus.TRANSFERRED:
        return False
    if file.unit_id in scope_for(actor).unit_ids:
        return False
    audit.record(
        actor=actor,
        action="archives.file_read",
        target=file,
        after={"archive_unit": file.archive_unit_id, "confidentiality": file.confidentiality},
    )
    return True
