"""The awarding body's decision on a proposal, and the register of awards (sổ khen thưởng):
the decision, an incoming document of the proposing unit's book, is linked and each awarded line
becomes an `Award`; a line from outside vanphong (an earlier year, another body) is typed in."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.rules import NoRuleInForce
from vanphong.core.vietnamese import clean, format_date
from vanphong.documents import selectors as document_selectors
from vanphong.documents.models import IncomingDocument
from vanphong.emulation import workflow_proposals
from vanphong.emulation.models import Award, Proposal, ProposalStatus
from vanphong.emulation.selectors_proposals import rules_date
from vanphong.emulation.services_proposals import PROPOSAL_FIELDS, lock, require_run
from vanphong.emulation.titles import title_named, titles_in_force
from vanphong.org.models import Person, Unit

AWARD_FIELDS = (
    "year",
    "title_code",
    "title_name",
    "unit",
    "person",
    "register_unit",
    "awarding_body",
    "decision_number",
    "decided_on",
)


@transaction.atomic
def decision_link(
    *,
    actor: Person,
    proposal: Proposal,
    decision: IncomingDocument,
    awarded: Collection[int] | None = None,
    decision_number: str = "",
    decided_on: date | None = None,
) -> Proposal:
    """Link the awarding body's decision (an incoming document of the proposing unit's book):
    the lines in `awarded` (all when None) are awarded and enter the register, the others not."""
    proposal = lock(proposal)
    if not workflow_proposals.may_link_decision(actor, proposal):
        require_run(actor, proposal)
        raise ValidationError(_("Chỉ gắn quyết định cho đề nghị đã trình."))
    errors: dict[str, str] = {}
    seen = document_selectors.incoming_visible(actor).filter(pk=decision.pk).exists()
    if not seen or decision.unit_id != proposal.proposing_unit_id:
        errors["decision"] = _("Quyết định phải là văn bản đến trong sổ của %(unit)s.") % {
            "unit": proposal.proposing_unit.name
        }
    decision_number = clean(decision_number) or decision.number_symbol
    decided_on = decided_on or decision.document_date
    if decided_on > timezone.localdate():
        errors["decided_on"] = _("Ngày quyết định không được ở tương lai.")
    elif proposal.voted_on is not None and decided_on < proposal.voted_on:
        errors["decided_on"] = _("Ngày quyết định không được trước ngày họp xét (%(day)s).") % {
            "day": format_date(proposal.voted_on)
        }
    nominees = list(
        proposal.nominees.select_for_update(of=("self",)).select_related("unit", "person")
    )
    chosen = {n.pk for n in nominees} if awarded is None else set(awarded)
    if chosen - {n.pk for n in nominees}:
        errors["awarded"] = _("Có dòng không thuộc đề nghị này.")
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(proposal, PROPOSAL_FIELDS)
    made = []
    for nominee in nominees:
        nominee.awarded = nominee.pk in chosen
        nominee.save(update_fields=["awarded"])
        if not nominee.awarded:
            continue
        made.append(
            Award.objects.create(
                year=proposal.year,
                title_code=proposal.title_code,
                title_name=proposal.title_name,
                unit=nominee.unit,
                person=nominee.person,
                register_unit=nominee.unit or proposal.proposing_unit,
                awarding_body=proposal.awarding_body,
                decision=decision,
                decision_number=decision_number,
                decided_on=decided_on,
                nominee=nominee,
            )
        )
    proposal.decision = decision
    proposal.status = ProposalStatus.DECIDED
    proposal.save(update_fields=["decision", "status"])
    audit.record(
        actor=actor,
        action="proposal.decide",
        target=proposal,
        before=before,
        after={
            **audit.snapshot(proposal, PROPOSAL_FIELDS),
            "decision": str(decision.uuid),
            "decision_number": decision_number,
            "decided_on": decided_on,
            "awards": [str(a.uuid) for a in made],
            "not_awarded": [n.pk for n in nominees if not n.awarded],
        },
    )
    return proposal


@transaction.atomic
def award_add(
    *,
    actor: Person,
    register_unit: Unit,
    year: int,
    title_name: str,
    awarding_body: str,
    decision_number: str,
    decided_on: date,
    title_code: str = "",
    unit: Unit | None = None,
    person: Person | None = None,
    decision: IncomingDocument | None = None,
) -> Award:
    """A line of the register for an award made outside vanphong (an earlier year, another
    body's decision): typed from the decision."""
    if not workflow_proposals.may_add_award(actor, register_unit.pk):
        raise PermissionDenied(_("Bạn không ghi sổ khen thưởng của đơn vị này."))
    title_name = clean(title_name)
    awarding_body = clean(awarding_body)
    decision_number = clean(decision_number)
    errors: dict[str, str] = {}
    if title_code:
        try:
            known = title_named(titles_in_force(rules_date(year)), title_code)
        except NoRuleInForce:
            known = None
        if known is None:
            errors["title_code"] = _("Danh hiệu không có trong quy định năm %(y)s.") % {"y": year}
        else:
            title_name = title_name or known.name
            awarding_body = awarding_body or known.awarding_body
    if not title_name:
        errors["title_name"] = _("Cần nhập danh hiệu, hình thức khen thưởng.")
    if not awarding_body:
        errors["awarding_body"] = _("Cần nhập cấp khen.")
    if not decision_number:
        errors["decision_number"] = _("Cần nhập số quyết định.")
    if (unit is None) == (person is None):
        errors["unit"] = _("Chọn một đơn vị hoặc một cán bộ được khen.")
    if decided_on > timezone.localdate():
        errors["decided_on"] = _("Ngày quyết định không được ở tương lai.")
    elif decided_on.year < year:
        errors["decided_on"] = _("Quyết định năm %(y)s không khen thành tích năm %(n)s.") % {
            "y": decided_on.year,
            "n": year,
        }
    if (
        decision is not None
        and not document_selectors.incoming_visible(actor).filter(pk=decision.pk).exists()
    ):
        errors["decision"] = _("Không tìm thấy văn bản đến này.")
    if errors:
        raise ValidationError(errors)
    award = Award.objects.create(
        year=year,
        title_code=title_code or "other",
        title_name=title_name,
        unit=unit,
        person=person,
        register_unit=register_unit,
        awarding_body=awarding_body,
        decision=decision,
        decision_number=decision_number,
        decided_on=decided_on,
    )
    audit.record(
        actor=actor,
        action="award.add",
        target=award,
        after=audit.snapshot(award, AWARD_FIELDS),
    )
    return award
