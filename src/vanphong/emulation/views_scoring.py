"""The emulation pages of a movement: home, the movement, pledges, score sheets, the ranking
and a unit's profile. Setup pages (blocs, criteria) are in `views_scoring_setup`."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.core.forms import attempt
from vanphong.emulation import charts, ranking, selectors, services_movement, workflow
from vanphong.emulation import services_scoring as scoring
from vanphong.emulation.forms_scoring import (
    AdvanceForm,
    MovementUpdateForm,
    OpenSheetForm,
    PledgeForm,
)
from vanphong.emulation.models import (
    ROUND_ORDER,
    Movement,
    MovementStatus,
    Round,
    ScoreSheet,
    SheetStatus,
)
from vanphong.emulation.services_movement import STATUS_NEXT
from vanphong.org.models import Person, Unit


def _person(request: HttpRequest) -> Person:
    return cast(Person, request.user)


def crumbs(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    return [(_("Thi đua, khen thưởng"), reverse("emulation:home")), *extra]


def movement_crumbs(movement: Movement) -> list[tuple[str, str]]:
    return crumbs((movement.title, reverse("emulation:movement", args=[movement.uuid])))


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    person = _person(request)
    movements = list(
        selectors.movements_visible(person)
        .select_related("bloc", "leader_unit")
        .order_by("-year", "bloc__name")
    )
    years: dict[int, list[Movement]] = defaultdict(list)
    for movement in movements:
        years[movement.year].append(movement)
    return render(
        request,
        "emulation/home.html",
        {
            "title": _("Thi đua, khen thưởng"),
            "years": sorted(years.items(), reverse=True),
            "acting": bool(workflow.acting_units(person)),
        },
    )


@dataclass
class Cell:
    """One unit's round on the movement page: its sheets and what the viewer may do."""

    round: str
    submitted: int = 0
    expected: int = 0
    drafts: int = 0
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, url) of visible sheets
    may_open: bool = False

    @property
    def label(self) -> str:
        return str(Round(self.round).label)

    @property
    def done(self) -> bool:
        return self.expected > 0 and self.submitted >= self.expected


@dataclass
class UnitRow:
    unit: Unit
    pledge: Any
    cells: list[Cell]
    figures: bool = False  # the viewer reads the unit's measured figures


def reads_figures(person: Person, movement: Movement, unit_id: int) -> bool:
    """Who reads a member's measured figures (the measures page): the unit, or the convenor."""
    return workflow.reads_unit(person, unit_id) or workflow.reads_unit(
        person, movement.bloc.convenor_id
    )


def _progress(person: Person, movement: Movement, units: list[Unit]) -> list[UnitRow]:
    member_ids = scoring.member_ids(movement)
    sheets = selectors.movement_sheets(movement)
    visible = selectors.visible_sheet_ids(person, movement)
    acting = workflow.acting_units(person)
    runs = movement.bloc.convenor_id in acting
    scoring_now = movement.status == MovementStatus.SCORING
    names = {u.id: u.name for u in units}
    by_unit: dict[tuple[int, str], list[ScoreSheet]] = defaultdict(list)
    for sheet in sheets:
        by_unit[(sheet.unit_id, sheet.round)].append(sheet)
    pledges = {p.unit_id: p for p in selectors.pledges_of(movement)}
    rows = []
    for unit in units:
        cells: list[Cell] = []
        for round_ in ROUND_ORDER:
            found = by_unit.get((unit.id, round_), [])
            if round_ == Round.SELF:
                expected = [unit.id]
            elif round_ == Round.BLOC:
                expected = scoring.bloc_reviewers(movement, unit.id, members=member_ids)
            else:
                expected = [movement.bloc.convenor_id]
            cell = Cell(
                round=str(round_),
                submitted=sum(s.status == SheetStatus.SUBMITTED for s in found),
                drafts=sum(s.status == SheetStatus.DRAFT for s in found),
                expected=len(expected),
            )
            for sheet in found:
                if sheet.id in visible:
                    label = names.get(sheet.reviewer_unit_id) or _("Hội đồng")
                    cell.links.append((label, reverse("emulation:sheet", args=[sheet.uuid])))
            mine = [uid for uid in expected if uid in acting] if round_ != Round.COUNCIL else []
            # Offered once the previous round of the unit is done (the service says so too).
            ready = not cells or cells[-1].done
            cell.may_open = (
                scoring_now
                and ready
                and unit.id in member_ids
                and (bool(mine) or (round_ == Round.COUNCIL and runs))
            )
            cells.append(cell)
        rows.append(
            UnitRow(
                unit=unit,
                pledge=pledges.get(unit.id),
                cells=cells,
                figures=reads_figures(person, movement, unit.id),
            )
        )
    return rows


@login_required
@require_GET
def movement_detail(request: HttpRequest, movement_uuid: UUID) -> HttpResponse:
    person = _person(request)
    movement = selectors.movement_or_404(person, movement_uuid)
    units = ranking.member_units(movement)
    runs = workflow.runs_bloc(person, movement.bloc.convenor_id)
    acting = workflow.acting_units(person)
    next_status = STATUS_NEXT.get(MovementStatus(movement.status))
    return render(
        request,
        "emulation/movement.html",
        {
            "title": movement.title,
            "movement": movement,
            "rows": _progress(person, movement, units),
            "rounds": [Round(r).label for r in ROUND_ORDER],
            "runs": runs,
            "may_pledge": movement.status == MovementStatus.OPEN
            and any(u.id in acting for u in units),
            "next_status": next_status,
            "next_label": MovementStatus(next_status).label if next_status else "",
            "today": timezone.localdate(),
            "crumbs": crumbs(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def movement_update(request: HttpRequest, movement_uuid: UUID) -> HttpResponse:
    person = _person(request)
    movement = selectors.movement_or_404(person, movement_uuid)
    if not workflow.runs_bloc(person, movement.bloc.convenor_id):
        raise PermissionDenied(_("Bạn không điều hành khối thi đua này."))
    form = MovementUpdateForm(
        request.POST or None,
        members=Unit.objects.filter(id__in=scoring.member_ids(movement)).order_by("name"),
        initial={
            "title": movement.title,
            "pledge_deadline": movement.pledge_deadline,
            "leader_unit": movement.leader_unit_id,
            "review_mode": movement.review_mode,
        },
    )
    if request.method == "POST" and form.is_valid():
        changed = attempt(
            form,
            lambda: services_movement.movement_update(
                actor=person, movement=movement, **form.cleaned_data
            ),
        )
        if changed is not None:
            messages.success(request, _("Đã cập nhật phong trào."))
            return redirect("emulation:movement", movement.uuid)
    return render(
        request,
        "web/form.html",
        {
            "title": _("Sửa phong trào, luân phiên trưởng khối"),
            "form": form,
            "submit_label": _("Lưu"),
            "cancel_url": reverse("emulation:movement", args=[movement.uuid]),
            "crumbs": movement_crumbs(movement),
        },
    )


@login_required
@require_POST
def movement_advance(request: HttpRequest, movement_uuid: UUID) -> HttpResponse:
    person = _person(request)
    movement = selectors.movement_or_404(person, movement_uuid)
    form = AdvanceForm(request.POST)
    if not form.is_valid():
        raise Http404
    to = form.cleaned_data["to"]
    try:
        if to == MovementStatus.RANKED:
            services_movement.movement_rank(actor=person, movement=movement)
        else:
            services_movement.movement_advance(actor=person, movement=movement, to=to)
        messages.success(
            request, _("Phong trào chuyển sang bước “%(s)s”.") % {"s": MovementStatus(to).label}
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("emulation:movement", movement.uuid)


@login_required
@require_http_methods(["GET", "POST"])
def pledge(request: HttpRequest, movement_uuid: UUID, unit_uuid: UUID) -> HttpResponse:
    person = _person(request)
    movement = selectors.movement_or_404(person, movement_uuid)
    unit = next((u for u in ranking.member_units(movement) if u.uuid == unit_uuid), None)
    if unit is None:
        raise Http404
    if not (
        workflow.acts_for(person, unit.id) or workflow.runs_bloc(person, movement.bloc.convenor_id)
    ):
        raise PermissionDenied(_("Bạn không đăng ký thi đua cho đơn vị này."))
    existing = movement.pledges.filter(unit=unit).first()
    form = PledgeForm(
        request.POST or None,
        titles=services_movement.unit_titles(movement.launched_on),
        initial={"titles": existing.titles, "content": existing.content} if existing else None,
    )
    if request.method == "POST" and form.is_valid():
        made = attempt(
            form,
            lambda: services_movement.pledge_register(
                actor=person, movement=movement, unit=unit, **form.cleaned_data
            ),
        )
        if made is not None:
            messages.success(request, _("Đã đăng ký thi đua cho %(unit)s.") % {"unit": unit.name})
            return redirect("emulation:movement", movement.uuid)
    return render(
        request,
        "web/form.html",
        {
            "title": _("Đăng ký thi đua — %(unit)s") % {"unit": unit.name},
            "intro": _("Hạn đăng ký: %(day)s.")
            % {"day": movement.pledge_deadline.strftime("%d/%m/%Y")},
            "form": form,
            "submit_label": _("Đăng ký"),
            "cancel_url": reverse("emulation:movement", args=[movement.uuid]),
            "crumbs": movement_crumbs(movement),
        },
    )


@login_required
@require_POST
def sheet_open(request: HttpRequest, movement_uuid: UUID) -> HttpResponse:
    person = _person(request)
    movement = selectors.movement_or_404(person, movement_uuid)
    form = OpenSheetForm(request.POST)
    if not form.is_valid():
        raise Http404
    unit = next(
        (u for u in ranking.member_units(movement) if u.uuid == form.cleaned_data["unit"]), None
    )
    if unit is None:
        raise Http404
    try:
        sheet = scoring.sheet_open(
            actor=person, movement=movement, unit=unit, round=form.cleaned_data["round"]
        )
    except (ValidationError, PermissionDenied) as error:
        for message in getattr(error, "messages", [str(error)]):
            messages.error(request, message)
        return redirect("emulation:movement", movement.uuid)
    return redirect("emulation:sheet", sheet.uuid)


def ranking_context(movement: Movement) -> dict[str, Any]:
    board = ranking.bloc_ranking(movement)
    title = _("Xếp hạng %(bloc)s năm %(year)d") % {
        "bloc": movement.bloc.name,
        "year": movement.year,
    }
    return {
        "ranking": board,
        "chart": charts.ranking_svg(board.rows, title=title),
        "chart_title": title,
        "round_labels": [Round(r).label for r in ROUND_ORDER],
    }


@login_required
@require_GET
def ranking_page(request: HttpRequest, movement_uuid: UUID) -> HttpResponse:
    person = _person(request)
    movement = selectors.movement_or_404(person, movement_uuid)
    return render(
        request,
        "emulation/ranking.html",
        {
            "title": _("Bảng xếp hạng"),
            "movement": movement,
            **ranking_context(movement),
            "crumbs": movement_crumbs(movement),
        },
    )


@login_required
@require_GET
def unit_profile(request: HttpRequest, movement_uuid: UUID, unit_uuid: UUID) -> HttpResponse:
    person = _person(request)
    movement = selectors.movement_or_404(person, movement_uuid)
    unit = next((u for u in ranking.member_units(movement) if u.uuid == unit_uuid), None)
    if unit is None:
        raise Http404
    figures = ranking.unit_profile(movement, unit)
    title = _("Hồ sơ tiêu chí — %(unit)s") % {"unit": unit.name}
    totals = ranking.round_totals(movement, unit)
    return render(
        request,
        "emulation/profile.html",
        {
            "title": title,
            "movement": movement,
            "unit": unit,
            "figures": figures,
            "chart": charts.profile_svg(figures, title=title),
            "totals": [(Round(r).label, totals[str(r)]) for r in ROUND_ORDER],
            "differences": ranking.differences(movement, unit),
            "crumbs": [
                *movement_crumbs(movement),
                (_("Bảng xếp hạng"), reverse("emulation:ranking", args=[movement.uuid])),
            ],
        },
    )
