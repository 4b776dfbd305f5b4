"""Proposals of titles and the register of awards: every write.

A proposal (đề nghị khen thưởng) puts units — for a movement, by its bloc's convenor — or the
staff of an Office — by that Office, for a year — forward for one title of the rule version in
force on the year's last day (`emulation.titles`). Each line is checked as it is added; a failed
condition is refused unless a reason is recorded (kept on the line and in the audit event); a
quota is a hard stop. The council's (or the staff's) vote is recorded with the number voting;
a line below the title's threshold is refused. The dossier (tờ trình, danh sách, biên bản) is
drafted as outgoing documents of the proposing unit, which go through approval, signature and
issue as any document; the awarding body's decision, registered as an incoming document of the
proposing unit, is linked, and each awarded line becomes a line of the register (`Award`).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.rules import NoRuleInForce
from vanphong.core.vietnamese import clean
from vanphong.documents import services_outgoing
from vanphong.documents.models import OutgoingStatus
from vanphong.documents.services import Upload
from vanphong.emulation import dossier, workflow_proposals
from vanphong.emulation.models import (
    Award,
    BlocMember,
    Movement,
    Nominee,
    Pledge,
    Proposal,
    ProposalStatus,
)
from vanphong.emulation.ranking import bloc_ranking
from vanphong.emulation.selectors_proposals import rules_date, titles_held
from vanphong.emulation.titles import (
    UNIT,
    Check,
    Title,
    check_person,
    check_unit,
    quota_check,
    title_named,
    titles_in_force,
    vote_check,
)
from vanphong.org.models import Membership, Person, Unit
from vanphong.org.selectors import unit_subtree

PROPOSAL_FIELDS = ("status", "voters", "voted_on", "title_code", "year")
NOMINEE_FIELDS = ("unit", "person", "checks", "override_reason", "votes_for", "awarded")


def _titles(year: int) -> list[Title]:
    try:
        return titles_in_force(rules_date(year))
    except NoRuleInForce as refused:
        raise ValidationError({"year": str(refused)}) from refused


def proposal_title(proposal: Proposal) -> Title:
    found = title_named(_titles(proposal.year), proposal.title_code)
    if found is None:
        raise ValidationError(
            _("Danh hiệu “%(title)s” không còn trong quy định áp dụng cho năm %(year)s.")
            % {"title": proposal.title_name, "year": proposal.year}
        )
    return found


def lock(proposal: Proposal) -> Proposal:
    return (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("proposing_unit", "movement__bloc")
        .get(pk=proposal.pk)
    )


def require_run(actor: Person, proposal: Proposal) -> None:
    if not workflow_proposals.may_run(actor, proposal):
        raise PermissionDenied(_("Bạn không lập đề nghị khen thưởng của đơn vị này."))


@transaction.atomic
def proposal_create(
    *,
    actor: Person,
    title_code: str,
    movement: Movement | None = None,
    year: int | None = None,
    proposing_unit: Unit | None = None,
) -> Proposal:
    """Start a proposal: a unit title for a movement (proposed by its bloc's convenor), or a
    person's title for the staff of `proposing_unit` in `year`."""
    if movement is not None:
        year = movement.year
    if year is None:
        raise ValidationError({"year": _("Cần chọn phong trào hoặc năm.")})
    titles = _titles(year)
    title = title_named(titles, title_code)
    if title is None:
        raise ValidationError(
            {
                "title_code": _("Danh hiệu không có trong quy định áp dụng cho năm %(y)s.")
                % {"y": year}
            }
        )
    if title.level == UNIT:
        if movement is None:
            raise ValidationError(
                {"movement": _("Danh hiệu tập thể được đề nghị theo một phong trào thi đua.")}
            )
        if not workflow_proposals.may_propose_units(actor, movement):
            raise PermissionDenied(_("Chỉ đơn vị tổ chức khối thi đua đề nghị danh hiệu tập thể."))
        # The movement's row serialises two proposals of one title racing each other.
        Movement.objects.select_for_update().filter(pk=movement.pk).exists()
        proposing_unit = movement.bloc.convenor
        same = Proposal.objects.filter(movement=movement, title_code=title.code)
    else:
        if proposing_unit is None:
            raise ValidationError({"proposing_unit": _("Cần chọn đơn vị đề nghị.")})
        if not workflow_proposals.may_propose_staff(actor, proposing_unit.pk):
            raise PermissionDenied(_("Bạn không đề nghị khen thưởng cho cán bộ của đơn vị này."))
        movement = None
        same = Proposal.objects.filter(
            proposing_unit=proposing_unit, year=year, title_code=title.code, movement=None
        )
    if same.exclude(status=ProposalStatus.DECIDED).exists():
        raise ValidationError(
            {
                "title_code": _(
                    "Đã có đề nghị %(title)s năm %(year)s đang lập hoặc chờ quyết định."
                )
                % {"title": title.name, "year": year}
            }
        )
    proposal = Proposal.objects.create(
        movement=movement,
        proposing_unit=proposing_unit,
        year=year,
        title_code=title.code,
        title_name=title.name,
        awarding_body=title.awarding_body,
        created_by=actor,
    )
    audit.record(
        actor=actor,
        action="proposal.create",
        target=proposal,
        after={**audit.snapshot(proposal, PROPOSAL_FIELDS), "unit": proposing_unit.pk},
    )
    return proposal


def _unit_checks(
    proposal: Proposal, title: Title, titles: list[Title], unit: Unit
) -> tuple[list[Check], object]:
    movement = proposal.movement
    if movement is None:
        raise ValidationError(_("Danh hiệu tập thể được đề nghị theo một phong trào thi đua."))
    if not BlocMember.objects.filter(bloc_id=movement.bloc_id, unit=unit).exists():
        raise ValidationError(
            {"unit": _("%(unit)s không thuộc khối thi đua.") % {"unit": unit.name}}
        )
    row = bloc_ranking(movement).row_for(unit.pk)
    pledge = (
        Pledge.objects.filter(movement=movement, unit=unit).values_list("titles", flat=True).first()
    )
    qualified = set(
        Nominee.objects.filter(proposal__movement=movement, unit=unit)
        .exclude(awarded=False)
        .exclude(proposal=proposal)
        .values_list("proposal__title_code", flat=True)
    )
    held = titles_held(year_from=proposal.year - 5, year_to=proposal.year - 1, unit_ids=[unit.pk])
    checks = check_unit(
        title,
        row,
        year=proposal.year,
        pledge_titles=pledge,
        qualified=qualified,
        held=held.get(unit.pk),
        titles=titles,
    )
    taken = (
        Nominee.objects.filter(proposal__movement=movement, proposal__title_code=title.code)
        .exclude(awarded=False)
        .count()
    )
    quota = quota_check(title, taken=taken)
    return checks + ([quota] if quota else []), row


def _person_checks(
    proposal: Proposal,
    title: Title,
    titles: list[Title],
    person: Person,
    *,
    initiative: bool,
    achievements: str,
) -> list[Check]:
    members = unit_subtree(proposal.proposing_unit)
    year_end = rules_date(proposal.year)
    staff = Membership.objects.filter(person=person, unit_id__in=members)
    if not staff.current(year_end).exists() and not staff.exists():
        raise ValidationError(
            {
                "person": _("%(name)s không phải cán bộ của %(unit)s.")
                % {"name": person.full_name, "unit": proposal.proposing_unit.name}
            }
        )
    held = titles_held(year_from=proposal.year - 10, year_to=proposal.year, person_ids=[person.pk])
    checks = check_person(
        title,
        year=proposal.year,
        held=held.get(person.pk, {}),
        initiative=initiative,
        achievements=achievements,
        titles=titles,
    )
    if "share_of" in title.quota:
        of = str(title.quota["share_of"])
        base_title = title_named(titles, of)
        same_year = {"year": proposal.year, "register_unit": proposal.proposing_unit}
        lines = {
            "proposal__year": proposal.year,
            "proposal__proposing_unit": proposal.proposing_unit,
            "person__isnull": False,
        }
        base = set(
            Award.objects.filter(**same_year, title_code=of).values_list("person_id", flat=True)
        )
        base |= set(
            Nominee.objects.filter(**lines, proposal__title_code=of)
            .exclude(awarded=False)
            .values_list("person_id", flat=True)
        )
        taken = set(
            Award.objects.filter(**same_year, title_code=title.code).values_list(
                "person_id", flat=True
            )
        )
        taken |= set(
            Nominee.objects.filter(**lines, proposal__title_code=title.code)
            .exclude(awarded=False)
            .values_list("person_id", flat=True)
        )
        taken.discard(person.pk)
        quota = quota_check(
            title,
            taken=len(taken),
            base=len(base - {None}),
            base_name=base_title.name if base_title else of,
        )
        if quota is not None:
            checks.append(quota)
    return checks


@transaction.atomic
def nominee_add(
    *,
    actor: Person,
    proposal: Proposal,
    unit: Unit | None = None,
    person: Person | None = None,
    achievements: str = "",
    initiative: bool = False,
    override_reason: str = "",
) -> Nominee:
    """Add a unit (unit titles) or a person (person titles) to the proposal, with the rule's
    checks. A failed condition needs `override_reason`; a quota exceeded is refused."""
    proposal = lock(proposal)
    if not workflow_proposals.may_edit_nominees(actor, proposal):
        require_run(actor, proposal)
        raise ValidationError(_("Đề nghị đã trình; không sửa danh sách được."))
    titles = _titles(proposal.year)
    title = proposal_title(proposal)
    achievements = clean(achievements)
    override_reason = clean(override_reason)
    field = "unit" if title.level == UNIT else "person"
    if title.level == UNIT:
        if unit is None or person is not None:
            raise ValidationError({"unit": _("Danh hiệu tập thể: cần chọn một đơn vị.")})
        if proposal.nominees.filter(unit=unit).exists():
            raise ValidationError({"unit": _("Đơn vị đã có trong danh sách đề nghị.")})
        checks, row = _unit_checks(proposal, title, titles, unit)
        name = unit.name
    else:
        if person is None or unit is not None:
            raise ValidationError({"person": _("Danh hiệu cá nhân: cần chọn một cán bộ.")})
        if proposal.nominees.filter(person=person).exists():
            raise ValidationError({"person": _("Cán bộ đã có trong danh sách đề nghị.")})
        checks = _person_checks(
            proposal, title, titles, person, initiative=initiative, achievements=achievements
        )
        row = None
        name = person.full_name
    quota = [c for c in checks if c.code == "quota" and not c.met]
    if quota:
        raise ValidationError(
            {
                field: _("Vượt chỉ tiêu, không đề nghị được %(name)s: %(detail)s")
                % {"name": name, "detail": quota[0].detail}
            }
        )
    failed = [c for c in checks if not c.met]
    if failed and not override_reason:
        raise ValidationError(
            {
                "override_reason": _(
                    "%(name)s chưa đạt điều kiện %(title)s: %(details)s Chỉ đề nghị được khi ghi "
                    "rõ lý do."
                )
                % {"name": name, "title": title.name, "details": " ".join(c.detail for c in failed)}
            }
        )
    if not failed:
        override_reason = ""
    position = proposal.nominees.count() + 1
    nominee = Nominee.objects.create(
        proposal=proposal,
        unit=unit,
        person=person,
        position=position,
        rank=getattr(row, "rank", None),
        total=getattr(row, "total", None),
        checks=[c.as_dict() for c in checks],
        override_reason=override_reason,
        achievements=achievements,
    )
    if proposal.status == ProposalStatus.VOTED:
        # A new line has no vote yet: the proposal is voted again.
        proposal.status = ProposalStatus.DRAFT
        proposal.save(update_fields=["status"])
    audit.record(
        actor=actor,
        action="nominee.add",
        target=nominee,
        after={
            **audit.snapshot(nominee, NOMINEE_FIELDS),
            "proposal": str(proposal.uuid),
            "failed": [c.code for c in failed],
        },
    )
    return nominee


@transaction.atomic
def nominee_remove(*, actor: Person, nominee: Nominee) -> None:
    proposal = lock(nominee.proposal)
    if not workflow_proposals.may_edit_nominees(actor, proposal):
        require_run(actor, proposal)
        raise ValidationError(_("Đề nghị đã trình; không sửa danh sách được."))
    nominee = Nominee.objects.select_for_update().get(pk=nominee.pk, proposal=proposal)
    before = audit.snapshot(nominee, NOMINEE_FIELDS)
    audit.record(
        actor=actor,
        action="nominee.remove",
        target=nominee,
        before={**before, "proposal": str(proposal.uuid)},
    )
    nominee.delete()


@transaction.atomic
def vote_record(
    *,
    actor: Person,
    proposal: Proposal,
    voters: int,
    voted_on: date,
    votes: Mapping[int, int],
) -> Proposal:
    """The council's (or staff's) secret vote: `voters` voting, `votes[nominee id]` for each
    line. A line below the title's threshold is refused, with its count and the threshold."""
    proposal = lock(proposal)
    if not workflow_proposals.may_vote(actor, proposal):
        require_run(actor, proposal)
        raise ValidationError(_("Đề nghị đã lập hồ sơ hoặc đã trình; không bỏ phiếu lại được."))
    title = proposal_title(proposal)
    nominees = list(proposal.nominees.select_related("unit", "person").order_by("position", "id"))
    errors: dict[str, str] = {}
    if not nominees:
        errors["__all__"] = _("Danh sách đề nghị chưa có ai.")
    if voters < 1:
        errors["voters"] = _("Cần nhập số người bỏ phiếu.")
    if voted_on > timezone.localdate():
        errors["voted_on"] = _("Ngày họp không được ở tương lai.")
    elif voted_on.year < proposal.year:
        errors["voted_on"] = _("Ngày họp không được trước năm %(y)s.") % {"y": proposal.year}
    for nominee in nominees if voters >= 1 else []:
        key = f"votes_{nominee.pk}"
        count = votes.get(nominee.pk)
        name = dossier.nominee_name(nominee)
        if count is None:
            errors[key] = _("Cần nhập số phiếu đồng ý của %(name)s.") % {"name": name}
        elif count < 0 or count > voters:
            errors[key] = _("Số phiếu của %(name)s phải từ 0 đến %(n)d.") % {
                "name": name,
                "n": voters,
            }
        else:
            found = vote_check(title, voters=voters, votes_for=count)
            if not found.met:
                errors[key] = _(
                    "%(name)s không đủ phiếu để đề nghị: %(detail)s Bỏ khỏi danh sách hoặc bỏ "
                    "phiếu lại."
                ) % {"name": name, "detail": found.detail}
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(proposal, PROPOSAL_FIELDS)
    for nominee in nominees:
        nominee.votes_for = votes[nominee.pk]
        nominee.save(update_fields=["votes_for"])
    proposal.voters = voters
    proposal.voted_on = voted_on
    proposal.status = ProposalStatus.VOTED
    proposal.save(update_fields=["voters", "voted_on", "status"])
    audit.record(
        actor=actor,
        action="proposal.vote",
        target=proposal,
        before=before,
        after={
            **audit.snapshot(proposal, PROPOSAL_FIELDS),
            "votes": {str(n.pk): n.votes_for for n in nominees},
        },
    )
    return proposal


@transaction.atomic
def dossier_draft(*, actor: Person, proposal: Proposal) -> Proposal:
    """Draft the tờ trình, the list and the minutes as outgoing documents of the proposing
    unit, each with its DOCX attached; they then go through approval and issue."""
    proposal = lock(proposal)
    if not workflow_proposals.may_draft_dossier(actor, proposal):
        require_run(actor, proposal)
        raise ValidationError(_("Hồ sơ được lập sau khi hội đồng bỏ phiếu, một lần."))
    title = proposal_title(proposal)
    nominees = list(proposal.nominees.select_related("unit", "person").order_by("position", "id"))
    made = {}
    for part in dossier.build(proposal, nominees, title):
        made[part.kind] = services_outgoing.outgoing_create(
            actor=actor,
            unit=proposal.proposing_unit,
            type_symbol=part.type_symbol,
            subject=part.subject,
            body=part.body,
            attachments=[Upload(part.filename, io.BytesIO(part.content))],
        )
    proposal.cover_note = made["cover_note"]
    proposal.list_document = made["list_document"]
    proposal.minutes = made["minutes"]
    proposal.save(update_fields=["cover_note", "list_document", "minutes"])
    audit.record(
        actor=actor,
        action="proposal.dossier",
        target=proposal,
        after={kind: str(document.uuid) for kind, document in made.items()},
    )
    return proposal


@transaction.atomic
def proposal_submit(*, actor: Person, proposal: Proposal) -> Proposal:
    """The dossier has gone to the awarding body: the proposal waits for its decision."""
    proposal = lock(proposal)
    if not workflow_proposals.may_submit(actor, proposal):
        require_run(actor, proposal)
        raise ValidationError(_("Cần lập hồ sơ (tờ trình, danh sách, biên bản) trước khi trình."))
    cover = proposal.cover_note
    if cover is not None and cover.status in (OutgoingStatus.CANCELLED, OutgoingStatus.WITHDRAWN):
        raise ValidationError(_("Tờ trình đã bị hủy hoặc thu hồi; không trình được."))
    before = audit.snapshot(proposal, PROPOSAL_FIELDS)
    proposal.status = ProposalStatus.SUBMITTED
    proposal.save(update_fields=["status"])
    audit.record(
        actor=actor,
        action="proposal.submit",
        target=proposal,
        before=before,
        after=audit.snapshot(proposal, PROPOSAL_FIELDS),
    )
    return proposal
