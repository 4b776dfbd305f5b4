"""The pages of proposals: a movement's qualification table, the proposals, a proposal with
its lines, vote, dossier and decision, and the forms that move it along."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.core import paging
from vanphong.core.forms import attempt
from vanphong.core.rules import NoRuleInForce
from vanphong.documents import selectors as document_selectors
from vanphong.documents.models import IncomingDocument
from vanphong.emulation import (
    selectors,
    selectors_proposals,
    services_awards,
    services_proposals,
    workflow_proposals,
)
from vanphong.emulation.forms_proposals import DecisionForm, NomineeForm, ProposalForm, VoteForm
from vanphong.emulation.models import BlocMember, Movement, Nominee, Proposal
from vanphong.emulation.titles import UNIT, titles_in_force
from vanphong.emulation.workflow import EMULATION_ROLES
from vanphong.org.models import Membership, Person, Unit
from vanphong.org.selectors import scope_for, unit_subtree

PAGE = 50


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.user)


def _crumbs(proposal: Proposal | None = None) -> list[tuple[str, str]]:
    crumbs = [(_("Đề nghị khen thưởng"), reverse("emulation:proposals"))]
    if proposal is not None:
        crumbs.append((str(proposal), reverse("emulation:proposal", args=[proposal.uuid])))
    return crumbs


@login_required
@require_GET
def qualification(request: HttpRequest, movement_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    movement = selectors.movement_or_404(person, movement_uuid)
    try:
        titles, lines = selectors_proposals.qualification(movement)
    except NoRuleInForce as missing:
        titles, lines = [], []
        messages.warning(request, str(missing))
    table = [
        (line, [(title, line.checks.get(title.code, [])) for title in titles]) for line in lines
    ]
    return render(
        request,
        "emulation/proposal_qualification.html",
        {
            "title": _("Xét danh hiệu: %(m)s") % {"m": movement.title},
            "movement": movement,
            "titles": titles,
            "table": table,
            "may_propose": workflow_proposals.may_propose_units(person, movement),
            "crumbs": [
                (_("Thi đua, khen thưởng"), reverse("emulation:home")),
                (movement.title, reverse("emulation:movement", args=[movement.uuid])),
            ],
        },
    )


@login_required
@require_GET
def proposals(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    found = selectors_proposals.proposals_visible(person).order_by("-year", "-created_at", "-id")
    pages = paging.pages(total=found.count(), number=request.GET.get(paging.PARAM), per_page=PAGE)
    rows = list(found.select_related("proposing_unit", "movement")[pages.start : pages.end])
    return render(
        request,
        "emulation/proposals.html",
        {
            "title": _("Đề nghị khen thưởng"),
            "rows": rows,
            "pages": pages,
            "may_create": bool(selectors.reader_unit_ids(person))
            and bool(scope_for(person).units_with_role(*EMULATION_ROLES)),
        },
    )


def _uuid(text: str) -> UUID | None:
    try:
        return UUID(text)
    except ValueError:
        return None


def _year_of(request: HttpRequest, movements: QuerySet[Movement], chosen: Movement | None) -> int:
    posted = _uuid(request.POST.get("movement", "")) if request.method == "POST" else None
    movement = movements.filter(uuid=posted).first() if posted else chosen
    if movement is not None:
        return movement.year
    year = request.POST.get("year", "").strip()
    return (
        int(year) if year.isdigit() and 1990 <= int(year) <= 2100 else timezone.localdate().year - 1
    )


def _acting_units(person: Person) -> QuerySet[Unit]:
    return Unit.objects.filter(
        pk__in=scope_for(person).units_with_role(*EMULATION_ROLES), is_active=True
    ).order_by("sort_order", "id")


@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    today = timezone.localdate()
    movements = selectors.movements_visible(person).select_related("bloc")
    initial: dict[str, object] = {"year": today.year - 1}
    # From a movement's qualification table (?phong-trao=<uuid>): that movement chosen.
    wanted = _uuid(request.GET.get("phong-trao", ""))
    chosen = movements.filter(uuid=wanted).first() if wanted else None
    if chosen is not None:
        initial.update(movement=chosen.uuid, year=chosen.year)
    # The titles offered are those of the rules in force for the year proposed for (a 2011
    # movement's under the 2003 law), not today's.
    titles = titles_in_force(selectors_proposals.rules_date(_year_of(request, movements, chosen)))
    form = ProposalForm(
        request.POST or None,
        titles=titles,
        movements=movements,
        units=_acting_units(person),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = attempt(
            form,
            lambda: services_proposals.proposal_create(
                actor=person,
                title_code=data["title_code"],
                movement=data["movement"],
                year=data["year"],
                proposing_unit=data["proposing_unit"],
            ),
        )
        if made is not None:
            return redirect("emulation:proposal", made.uuid)
    return render(
        request,
        "web/form.html",
        {
            "title": _("Lập đề nghị khen thưởng"),
            "intro": _(
                "Danh hiệu tập thể: chọn phong trào thi đua, đơn vị tổ chức khối đề nghị. "
                "Danh hiệu cá nhân: chọn năm và đơn vị đề nghị cho cán bộ của mình."
            ),
            "form": form,
            "submit_label": _("Lập đề nghị"),
            "cancel_url": reverse("emulation:proposals"),
            "crumbs": _crumbs(),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_GET
def proposal_detail(request: HttpRequest, proposal_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    proposal = selectors_proposals.proposal_or_404(person, proposal_uuid)
    nominees = list(selectors_proposals.nominees_of(proposal))
    try:
        title = services_proposals.proposal_title(proposal)
    except ValidationError:
        title = None
    return render(
        request,
        "emulation/proposal.html",
        {
            "title": str(proposal),
            "proposal": proposal,
            "rule": title,
            "nominees": nominees,
            "documents": [
                (_("Tờ trình"), proposal.cover_note),
                (_("Danh sách"), proposal.list_document),
                (_("Biên bản họp hội đồng"), proposal.minutes),
            ],
            "may_edit": workflow_proposals.may_edit_nominees(person, proposal),
            "may_vote": workflow_proposals.may_vote(person, proposal) and bool(nominees),
            "may_dossier": workflow_proposals.may_draft_dossier(person, proposal),
            "may_submit": workflow_proposals.may_submit(person, proposal),
            "may_decide": workflow_proposals.may_link_decision(person, proposal),
            "crumbs": _crumbs(),
        },
    )


def _require_run(person: Person, proposal: Proposal) -> None:
    if not workflow_proposals.may_run(person, proposal):
        raise PermissionDenied(_("Bạn không lập đề nghị khen thưởng của đơn vị này."))


def _staff(proposal: Proposal) -> QuerySet[Person]:
    units = unit_subtree(proposal.proposing_unit)
    people = Membership.objects.filter(unit_id__in=units).values("person_id")
    return Person.objects.filter(pk__in=people, is_active=True).order_by("full_name", "id")


@login_required
@require_http_methods(["GET", "POST"])
def nominee_add(request: HttpRequest, proposal_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    proposal = selectors_proposals.proposal_or_404(person, proposal_uuid)
    _require_run(person, proposal)
    rule = services_proposals.proposal_title(proposal)
    if rule.level == UNIT and proposal.movement is not None:
        members = BlocMember.objects.filter(bloc_id=proposal.movement.bloc_id).values("unit_id")
        form = NomineeForm(request.POST or None, units=Unit.objects.filter(pk__in=members))
    else:
        form = NomineeForm(request.POST or None, people=_staff(proposal))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = attempt(
            form,
            lambda: services_proposals.nominee_add(
                actor=person,
                proposal=proposal,
                unit=data.get("unit"),
                person=data.get("person"),
                achievements=data["achievements"],
                initiative=bool(data.get("initiative")),
                override_reason=data["override_reason"],
            ),
        )
        if made is not None:
            if made.override_reason:
                messages.warning(request, _("Đã thêm vào danh sách với lý do đề nghị dù chưa đạt."))
            return redirect("emulation:proposal", proposal.uuid)
    return render(
        request,
        "web/form.html",
        {
            "title": _("Thêm vào danh sách đề nghị %(t)s") % {"t": proposal.title_name},
            "intro": _(
                "Điều kiện được kiểm tra theo quy định áp dụng cho năm %(y)s. Chưa đạt điều kiện: "
                "chỉ đề nghị được khi ghi lý do. Vượt chỉ tiêu: không đề nghị được."
            )
            % {"y": proposal.year},
            "form": form,
            "submit_label": _("Thêm"),
            "cancel_url": reverse("emulation:proposal", args=[proposal.uuid]),
            "crumbs": _crumbs(proposal),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def nominee_remove(request: HttpRequest, proposal_uuid: UUID, nominee_id: int) -> HttpResponse:
    person = _actor(request)
    proposal = selectors_proposals.proposal_or_404(person, proposal_uuid)
    nominee = Nominee.objects.filter(proposal=proposal, pk=nominee_id).first()
    if nominee is None:
        return redirect("emulation:proposal", proposal.uuid)
    try:
        services_proposals.nominee_remove(actor=person, nominee=nominee)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    return redirect("emulation:proposal", proposal.uuid)


@login_required
@require_http_methods(["GET", "POST"])
def vote(request: HttpRequest, proposal_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    proposal = selectors_proposals.proposal_or_404(person, proposal_uuid)
    _require_run(person, proposal)
    nominees = list(selectors_proposals.nominees_of(proposal))
    form = VoteForm(
        request.POST or None,
        nominees=nominees,
        initial={"voters": proposal.voters, "voted_on": proposal.voted_on or timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = attempt(
            form,
            lambda: services_proposals.vote_record(
                actor=person,
                proposal=proposal,
                voters=data["voters"],
                voted_on=data["voted_on"],
                votes=form.votes(),
            ),
        )
        if made is not None:
            return redirect("emulation:proposal", proposal.uuid)
    rule = services_proposals.proposal_title(proposal)
    num, den = rule.vote_share
    return render(
        request,
        "web/form.html",
        {
            "title": _("Kết quả bỏ phiếu: %(t)s") % {"t": proposal.title_name},
            "intro": _("Ngưỡng đề nghị: từ %(num)d/%(den)d số người bỏ phiếu đồng ý.")
            % {"num": num, "den": den},
            "form": form,
            "submit_label": _("Ghi kết quả"),
            "cancel_url": reverse("emulation:proposal", args=[proposal.uuid]),
            "crumbs": _crumbs(proposal),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def dossier(request: HttpRequest, proposal_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    proposal = selectors_proposals.proposal_or_404(person, proposal_uuid)
    _require_run(person, proposal)
    try:
        services_proposals.dossier_draft(actor=person, proposal=proposal)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(
            request,
            _("Đã lập dự thảo tờ trình, danh sách và biên bản: trình duyệt, ký, phát hành."),
        )
    return redirect("emulation:proposal", proposal.uuid)


@login_required
@require_POST
def submit(request: HttpRequest, proposal_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    proposal = selectors_proposals.proposal_or_404(person, proposal_uuid)
    _require_run(person, proposal)
    try:
        services_proposals.proposal_submit(actor=person, proposal=proposal)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    return redirect("emulation:proposal", proposal.uuid)


def decision_candidates(person: Person, proposal: Proposal) -> QuerySet[IncomingDocument]:
    return document_selectors.incoming_visible(person).filter(unit=proposal.proposing_unit)


@login_required
@require_http_methods(["GET", "POST"])
def decision(request: HttpRequest, proposal_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    proposal = selectors_proposals.proposal_or_404(person, proposal_uuid)
    _require_run(person, proposal)
    form = DecisionForm(
        request.POST or None,
        decisions=decision_candidates(person, proposal),
        nominees=selectors_proposals.nominees_of(proposal),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = attempt(
            form,
            lambda: services_awards.decision_link(
                actor=person,
                proposal=proposal,
                decision=data["decision"],
                awarded=[n.pk for n in data["awarded"]],
                decision_number=data["decision_number"],
                decided_on=data["decided_on"],
            ),
        )
        if made is not None:
            return redirect("emulation:proposal", proposal.uuid)
    return render(
        request,
        "web/form.html",
        {
            "title": _("Gắn quyết định khen thưởng: %(t)s") % {"t": proposal.title_name},
            "intro": _(
                "Quyết định của %(body)s được vào sổ văn bản đến của %(unit)s trước; những dòng "
                "được khen vào sổ khen thưởng."
            )
            % {"body": proposal.awarding_body, "unit": proposal.proposing_unit.name},
            "form": form,
            "submit_label": _("Gắn quyết định"),
            "cancel_url": reverse("emulation:proposal", args=[proposal.uuid]),
            "crumbs": _crumbs(proposal),
        },
        status=400 if form.is_bound and form.errors else 200,
    )
