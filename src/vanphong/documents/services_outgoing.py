"""Outgoing documents from draft to issue: drafting and versions, the approval chain and its
setting, signature, numbering and issue, and abandoning a draft."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.numbering import allocate
from vanphong.core.rules import NoRuleInForce, numbering_policy
from vanphong.core.vietnamese import (
    NumberSymbol,
    clean,
    fold,
    format_date,
)
from vanphong.documents import notify, workflow
from vanphong.documents.models import (
    ApprovalChain,
    ApprovalDecision,
    ApprovalStep,
    DraftVersion,
    IncomingDocument,
    OutgoingDocument,
    OutgoingStatus,
    SigningAuthority,
    Urgency,
)
from vanphong.documents.services import (
    OUTGOING_FIELDS,
    Upload,
    _attach,
    _involve,
    _lock_outgoing,
    _outgoing_change,
)
from vanphong.documents.services_delivery import Recipient, outgoing_distribute
from vanphong.documents.workflow import DOCUMENT_ROLES
from vanphong.org.models import LEADER_ROLES, Clearance, Person, Unit
from vanphong.org.selectors import committee_of, scope_for, term_in_force


def _require_member(actor: Person, unit: Unit) -> None:
    if not scope_for(actor).holds(unit.id, *DOCUMENT_ROLES):
        raise PermissionDenied(_("Bạn không thuộc đơn vị này."))


def _types_for(unit: Unit, on: date) -> dict[str, str]:
    return numbering_policy(unit.numbering_style, on).types  # type: ignore[arg-type]


@transaction.atomic
def outgoing_create(
    *,
    actor: Person,
    unit: Unit,
    type_symbol: str,
    subject: str,
    body: str = "",
    confidentiality: int = Clearance.UNCLASSIFIED,
    urgency: int = Urgency.NORMAL,
    reply_to: IncomingDocument | None = None,
    attachments: Sequence[Upload] = (),
) -> OutgoingDocument:
    """Start a draft (version 1)."""
    _require_member(actor, unit)
    types = _types_for(unit, timezone.localdate())
    errors: dict[str, str] = {}
    if type_symbol not in types:
        errors["type_symbol"] = _("Loại văn bản không hợp lệ.")
    subject = clean(subject)
    if not subject:
        errors["subject"] = _("Cần nhập trích yếu.")
    elif len(subject) > 500:
        errors["subject"] = _("Trích yếu dài tối đa 500 ký tự.")
    if not scope_for(actor).sees(unit.id, confidentiality):
        errors["confidentiality"] = _("Bạn không được tiếp cận văn bản ở độ mật này.")
    if errors:
        raise ValidationError(errors)
    document = OutgoingDocument.objects.create(
        unit=unit,
        type_symbol=type_symbol,
        type_name=types[type_symbol],
        subject=subject,
        subject_folded=fold(subject),
        confidentiality=confidentiality,
        urgency=urgency,
        drafter=actor,
        reply_to=reply_to,
    )
    version = DraftVersion.objects.create(
        document=document, version=1, body=body.strip(), created_by=actor
    )
    _attach(actor, attachments, outgoing=document, version=version)
    _involve(actor, outgoing=document)
    audit.record(
        actor=actor,
        action="outgoing.create",
        target=document,
        after=audit.snapshot(document, OUTGOING_FIELDS),
    )
    return document


@transaction.atomic
def draft_revise(
    *,
    actor: Person,
    document: OutgoingDocument,
    body: str,
    note: str = "",
    subject: str | None = None,
    attachments: Sequence[Upload] = (),
) -> DraftVersion:
    """A new version of a draft, by its drafter, while it is a draft or was returned."""
    document = _lock_outgoing(document)
    if document.drafter_id != actor.pk:
        raise PermissionDenied(_("Chỉ người soạn thảo mới sửa được dự thảo."))
    if document.status not in {OutgoingStatus.DRAFT, OutgoingStatus.RETURNED}:
        raise ValidationError(_("Dự thảo đang trình duyệt hoặc đã ban hành; không sửa được."))
    if subject is not None:
        subject = clean(subject)
        if not subject:
            raise ValidationError({"subject": _("Cần nhập trích yếu.")})
        document.subject = subject
        document.subject_folded = fold(subject)
        document.save(update_fields=["subject", "subject_folded"])
    last = document.versions.order_by("-version").first()
    version = DraftVersion.objects.create(
        document=document,
        version=(last.version if last else 0) + 1,
        body=body.strip(),
        note=clean(note),
        created_by=actor,
    )
    _attach(actor, attachments, outgoing=document, version=version)
    audit.record(
        actor=actor,
        action="outgoing.revise",
        target=document,
        after={"version": version.version, "note": version.note},
    )
    return version


@transaction.atomic
def outgoing_submit(*, actor: Person, document: OutgoingDocument) -> OutgoingDocument:
    """Send the draft up the unit's approval chain."""
    document = _lock_outgoing(document)
    if document.drafter_id != actor.pk:
        raise PermissionDenied(_("Chỉ người soạn thảo mới trình được dự thảo."))
    configured = ApprovalChain.objects.filter(unit=document.unit).first()
    steps = (
        list(configured.steps) if configured and configured.steps else list(workflow.DEFAULT_CHAIN)
    )
    allow_self = bool(configured and configured.allow_self_approval)
    chain = [{**step, "allow_self": allow_self} for step in steps]
    document = _outgoing_change(
        actor,
        document,
        "outgoing.submit",
        OutgoingStatus.IN_REVIEW,
        chain=chain,
        current_step=0,
        status_reason="",
    )
    notify.awaiting_approval(actor=actor, document=document)
    return document


def _latest_version(document: OutgoingDocument) -> DraftVersion:
    version = document.versions.order_by("-version").first()
    if version is None:
        raise ValidationError(_("Dự thảo chưa có phiên bản nào."))
    return version


@transaction.atomic
def outgoing_approve(
    *, actor: Person, document: OutgoingDocument, comment: str = ""
) -> OutgoingDocument:
    document = _lock_outgoing(document)
    if document.status != OutgoingStatus.IN_REVIEW:
        workflow.require_outgoing_move(document, OutgoingStatus.APPROVED)
    if not workflow.can_decide(actor, document):
        if actor.pk == document.drafter_id:
            raise PermissionDenied(_("Không được tự duyệt dự thảo của mình."))
        raise PermissionDenied(_("Bạn không phải người duyệt ở bước này."))
    ApprovalStep.objects.create(
        document=document,
        step=document.current_step,
        decision=ApprovalDecision.APPROVED,
        decided_by=actor,
        comment=clean(comment),
        version=_latest_version(document),
    )
    _involve(actor, outgoing=document)
    next_step = document.current_step + 1
    target = (
        OutgoingStatus.IN_REVIEW if next_step < len(document.chain) else OutgoingStatus.APPROVED
    )
    document = _outgoing_change(actor, document, "outgoing.approve", target, current_step=next_step)
    notify.approved(actor=actor, document=document)
    return document


@transaction.atomic
def outgoing_return(*, actor: Person, document: OutgoingDocument, comment: str) -> OutgoingDocument:
    """Send the draft back to its drafter with comments."""
    document = _lock_outgoing(document)
    comment = clean(comment)
    if not comment:
        raise ValidationError({"comment": _("Cần nêu ý kiến khi trả lại.")})
    if document.status == OutgoingStatus.IN_REVIEW:
        if not workflow.can_decide(actor, document):
            raise PermissionDenied(_("Bạn không phải người duyệt ở bước này."))
    elif not workflow.is_leader_of(actor, document.unit):
        raise PermissionDenied(_("Chỉ lãnh đạo mới trả lại được văn bản đã duyệt."))
    ApprovalStep.objects.create(
        document=document,
        step=document.current_step,
        decision=ApprovalDecision.RETURNED,
        decided_by=actor,
        comment=comment,
        version=_latest_version(document),
    )
    _involve(actor, outgoing=document)
    document = _outgoing_change(
        actor,
        document,
        "outgoing.return",
        OutgoingStatus.RETURNED,
        status_reason=comment,
        current_step=0,
    )
    notify.outgoing_returned(actor=actor, document=document)
    return document


@transaction.atomic
def outgoing_sign(
    *,
    actor: Person,
    document: OutgoingDocument,
    position: str,
    authority: str = SigningAuthority.NONE,
) -> OutgoingDocument:
    """The signer signs: the person recorded as signer is the one who acts, never a name
    someone else chose (a paper signature is confirmed here by the leader who gave it)."""
    document = _lock_outgoing(document)
    if not workflow.may_sign(actor, document):
        raise PermissionDenied(_("Người ký phải là lãnh đạo của đơn vị hoặc cấp ủy."))
    if authority not in SigningAuthority.values:
        raise ValidationError({"authority": _("Thẩm quyền ký không hợp lệ.")})
    position = clean(position)
    if not position:
        raise ValidationError({"position": _("Cần nhập chức vụ người ký.")})
    _involve(actor, outgoing=document)
    return _outgoing_change(
        actor,
        document,
        "outgoing.sign",
        OutgoingStatus.SIGNED,
        signer=actor,
        signer_position=position,
        signing_authority=authority,
        signed_at=timezone.now(),
    )


def outgoing_symbol(unit: Unit, type_symbol: str, number: int) -> NumberSymbol:
    """`45-NQ/TU` for a Party unit, `45/QĐ-UBND` for a government-style one."""
    style: Literal["party", "government"] = (
        "party" if unit.numbering_style == "party" else "government"
    )
    return NumberSymbol(number=number, type_symbol=type_symbol, issuer=unit.symbol, style=style)


@transaction.atomic
def outgoing_issue(
    *,
    actor: Person,
    document: OutgoingDocument,
    recipients: Sequence[Recipient],
    issued_on: date | None = None,
    page_count: int | None = None,
    copies: int = 1,
    file_copy_holder: str = "",
    attachments: Sequence[Upload] = (),
    backdate_reason: str = "",
) -> OutgoingDocument:
    """Number, date and register a signed document, then send it to its recipients.

    The book reads in the order of its numbers and their dates: an issue dated before the
    latest date already numbered in its series (back-dating) is refused, unless the Chief of
    Office issues it and says why (`backdate_reason`, kept in an audit event of its own)."""
    document = _lock_outgoing(document)
    workflow.require_issuer(actor, document.unit)
    workflow.require_outgoing_move(document, OutgoingStatus.ISSUED)
    today = timezone.localdate()
    issued_on = issued_on or today
    if issued_on > today:
        raise ValidationError({"issued_on": _("Ngày ban hành không được ở tương lai.")})
    if not recipients:
        raise ValidationError({"recipients": _("Cần ít nhất một nơi nhận.")})
    unit = document.unit
    try:
        policy = numbering_policy(unit.numbering_style, issued_on)  # type: ignore[arg-type]
    except NoRuleInForce:
        raise ValidationError(
            {"issued_on": _("Chưa có quy định đánh số văn bản có hiệu lực vào ngày ban hành này.")}
        ) from None
    term = None
    if policy.scope == "term":
        committee = committee_of(unit)
        term = term_in_force(committee, issued_on) if committee else None
        if term is None:
            raise ValidationError(
                {"issued_on": _("Chưa khai báo nhiệm kỳ của cấp ủy vào ngày ban hành này.")}
            )
    series = policy.series(
        issuer=f"unit{unit.pk}",
        type_symbol=document.type_symbol,
        term=str(term.pk) if term else None,
        year=issued_on.year,
        secret=document.confidentiality > Clearance.UNCLASSIFIED,
    )
    number = allocate(series)  # from here to the commit the series is locked: no race
    backdated = _backdating_check(actor, document, series, number, issued_on, backdate_reason)
    symbol = outgoing_symbol(unit, document.type_symbol, number)
    _outgoing_change(
        actor,
        document,
        "outgoing.issue",
        OutgoingStatus.ISSUED,
        series=series,
        number=number,
        number_symbol=symbol.code,
        symbol_key=symbol.key,
        issued_on=issued_on,
        issued_by=actor,
        issued_at=timezone.now(),
        page_count=page_count,
        copies=copies,
        file_copy_holder=clean(file_copy_holder),
    )
    if backdated is not None:
        audit.record(
            actor=actor,
            action="outgoing.backdate",
            target=document,
            after={
                "number_symbol": symbol.code,
                "issued_on": issued_on,
                "latest_issued_on": backdated,
                "reason": clean(backdate_reason),
            },
        )
    _attach(actor, attachments, outgoing=document)
    outgoing_distribute(actor=actor, document=document, recipients=recipients)
    notify.issued(actor=actor, document=document)
    return document


def _backdating_check(
    actor: Person,
    document: OutgoingDocument,
    series: str,
    number: int,
    issued_on: date,
    reason: str,
) -> date | None:
    """The latest date numbered before `number` in the series when `issued_on` is earlier
    (None when the issue keeps the book's order); refused unless the actor is the Chief of
    Office (workflow.is_chief_of_office) and gives a reason."""
    latest: date | None = OutgoingDocument.objects.filter(
        series=series, number__lt=number
    ).aggregate(latest=Max("issued_on"))["latest"]
    if latest is None or issued_on >= latest:
        return None
    dates = {"date": format_date(issued_on), "latest": format_date(latest)}
    if not workflow.is_chief_of_office(actor, document.unit):
        raise ValidationError(
            {
                "issued_on": _(
                    "Ngày ban hành %(date)s trước ngày %(latest)s của số đã cấp trước trong "
                    "sổ: sổ văn bản đi phải theo thứ tự số và ngày. Chỉ Chánh Văn phòng mới "
                    "cấp số lùi ngày, có nêu lý do."
                )
                % dates
            }
        )
    if not clean(reason):
        raise ValidationError(
            {
                "backdate_reason": _(
                    "Ngày ban hành %(date)s trước ngày %(latest)s của số đã cấp trước trong "
                    "sổ: cần nêu lý do cấp số lùi ngày."
                )
                % dates
            }
        )
    return latest


@transaction.atomic
def outgoing_cancel(*, actor: Person, document: OutgoingDocument, reason: str) -> OutgoingDocument:
    """Abandon a draft that was never issued."""
    document = _lock_outgoing(document)
    if document.drafter_id != actor.pk and not workflow.is_leader_of(actor, document.unit):
        raise PermissionDenied(_("Chỉ người soạn thảo hoặc lãnh đạo mới hủy được dự thảo."))
    reason = clean(reason)
    if not reason:
        raise ValidationError({"reason": _("Cần nêu lý do hủy.")})
    return _outgoing_change(
        actor, document, "outgoing.cancel", OutgoingStatus.CANCELLED, status_reason=reason
    )


@transaction.atomic
def approval_chain_set(
    *,
    actor: Person,
    unit: Unit,
    steps: Sequence[dict[str, str]],
    allow_self_approval: bool | None = None,
) -> ApprovalChain:
    """Configure how the unit's drafts are approved (its leaders or an administrator).

    Every step names a leader role: approving is a leader's act. Whether a drafter may approve
    their own draft (`allow_self_approval`; None: unchanged) is changed only by a current
    leader of the committee itself (workflow.may_allow_self_approval), never by an
    administrator; the event and the chain record who changed it."""
    scope = scope_for(actor)
    if not (scope.administers(unit.id) or workflow.is_leader_of(actor, unit)):
        raise PermissionDenied(_("Bạn không có quyền cấu hình quy trình duyệt của đơn vị này."))
    clean_steps = []
    for step in steps:
        if step.get("at") not in {"unit", "committee"}:
            raise ValidationError({"steps": _("Bước duyệt không hợp lệ.")})
        if step.get("role") not in LEADER_ROLES:
            raise ValidationError(
                {"steps": _("Mỗi bước duyệt phải do lãnh đạo Văn phòng hoặc lãnh đạo cấp ủy.")}
            )
        clean_steps.append({"role": step["role"], "at": step["at"]})
    if not clean_steps:
        raise ValidationError({"steps": _("Quy trình duyệt cần ít nhất một bước.")})
    chain, _created = ApprovalChain.objects.select_for_update().get_or_create(unit=unit)
    before = {"steps": chain.steps, "allow_self_approval": chain.allow_self_approval}
    if allow_self_approval is not None and allow_self_approval != chain.allow_self_approval:
        if not workflow.may_allow_self_approval(actor, unit):
            raise PermissionDenied(
                _("Chỉ lãnh đạo cấp ủy mới cho phép hoặc bỏ việc tự duyệt dự thảo.")
            )
        chain.allow_self_approval = allow_self_approval
        chain.self_approval_by = actor
        chain.self_approval_at = timezone.now()
    chain.steps = clean_steps
    chain.save()
    audit.record(
        actor=actor,
        action="approval_chain.set",
        target=chain,
        before=before,
        after={"steps": clean_steps, "allow_self_approval": chain.allow_self_approval},
    )
    return chain
