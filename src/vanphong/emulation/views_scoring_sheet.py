"""A score sheet's page: each criterion with its maximum, the points, the previous round's points
(highlighted when different), the reason and the evidence; measured criteria read-only with
their figure; evidence upload or a registry document; submitting."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.core.forms import attempt
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.documents.views_files import download
from vanphong.emulation import ranking, selectors, services, workflow
from vanphong.emulation import services_scoring as scoring
from vanphong.emulation.forms_scoring import EvidenceForm, SheetForm, SubmitForm
from vanphong.emulation.models import (
    ROUND_ORDER,
    Criterion,
    CriterionKind,
    Evidence,
    Measurement,
    MovementStatus,
    Score,
    ScoreSheet,
    SheetStatus,
)
from vanphong.emulation.views_scoring import movement_crumbs, reads_figures
from vanphong.org.models import Person


@dataclass
class Line:
    criterion: Criterion
    score: Score | None = None
    previous: Decimal | None = None
    measurement: Measurement | None = None
    evidence: list[Evidence] = field(default_factory=list)
    missing_measure: bool = False

    @property
    def changed(self) -> bool:
        return (
            self.score is not None
            and self.previous is not None
            and self.score.points != self.previous
        )


def _previous_round(sheet: ScoreSheet) -> str | None:
    index = [str(r) for r in ROUND_ORDER].index(sheet.round)
    return str(ROUND_ORDER[index - 1]) if index else None


def _lines(sheet: ScoreSheet) -> list[Line]:
    criteria = ranking.criteria_of(sheet.movement)
    scores = {
        s.criterion_id: s
        for s in sheet.scores.prefetch_related("evidence__incoming", "evidence__outgoing")
    }
    before = _previous_round(sheet)
    previous: dict[int, list[Decimal]] = defaultdict(list)
    if before is not None:
        for criterion_id, points in Score.objects.filter(
            sheet__movement_id=sheet.movement_id,
            sheet__unit_id=sheet.unit_id,
            sheet__round=before,
            sheet__status=SheetStatus.SUBMITTED,
        ).values_list("criterion_id", "points"):
            previous[criterion_id].append(points)
    measured = {
        m.criterion_id: m
        for m in Measurement.objects.filter(movement_id=sheet.movement_id, unit_id=sheet.unit_id)
    }
    lines = []
    for criterion in criteria:
        score = scores.get(criterion.id)
        lines.append(
            Line(
                criterion=criterion,
                score=score,
                previous=ranking.mean(previous[criterion.id]) if previous[criterion.id] else None,
                measurement=measured.get(criterion.id),
                evidence=list(score.evidence.all()) if score else [],
                missing_measure=services.measure_missing(criterion),
            )
        )
    return lines


def _editable(person: Person, sheet: ScoreSheet) -> bool:
    return (
        sheet.status == SheetStatus.DRAFT
        and sheet.movement.status == MovementStatus.SCORING
        and workflow.acts_for(person, sheet.reviewer_unit_id)
    )


def _page(
    request: HttpRequest,
    sheet: ScoreSheet,
    *,
    form: SheetForm | None = None,
    evidence_form: EvidenceForm | None = None,
    submit_form: SubmitForm | None = None,
) -> HttpResponse:
    person = cast(Person, request.user)
    lines = _lines(sheet)
    hand = [line.criterion for line in lines if line.criterion.kind != CriterionKind.MEASURED]
    editable = _editable(person, sheet)
    if editable and form is None:
        initial: dict[str, Any] = {}
        for line in lines:
            if line.score is not None:
                initial[f"points_{line.criterion.pk}"] = line.score.points
                initial[f"reason_{line.criterion.pk}"] = line.score.reason
        form = SheetForm(criteria=hand, initial=initial)
    if editable and evidence_form is None:
        evidence_form = EvidenceForm(criteria=[c for c in hand if c.kind == CriterionKind.ASSESSED])
    rows = []
    for line in lines:
        key = line.criterion.pk
        rows.append(
            {
                "line": line,
                "points": form[f"points_{key}"]
                if form is not None and f"points_{key}" in form.fields
                else None,
                "reason": form[f"reason_{key}"]
                if form is not None and f"reason_{key}" in form.fields
                else None,
            }
        )
    return render(
        request,
        "emulation/sheet.html",
        {
            "title": _("Phiếu chấm: %(unit)s — %(round)s")
            % {"unit": sheet.unit.name, "round": sheet.get_round_display()},
            "sheet": sheet,
            "movement": sheet.movement,
            "rows": rows,
            "form": form,
            "evidence_form": evidence_form,
            "submit_form": submit_form or (SubmitForm() if editable else None),
            "editable": editable,
            "previous_label": scoring.round_label(_previous_round(sheet) or "self")
            if _previous_round(sheet)
            else "",
            "problems": scoring.submit_errors(sheet) if editable else [],
            "reads_figures": reads_figures(person, sheet.movement, sheet.unit_id),
            "earlier": selectors.earlier_sheets(person, sheet),
            "crumbs": movement_crumbs(sheet.movement),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def sheet_detail(request: HttpRequest, sheet_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    sheet = selectors.sheet_or_404(person, sheet_uuid)
    if request.method == "GET":
        return _page(request, sheet)
    if not _editable(person, sheet):
        messages.error(request, _("Phiếu chấm này không sửa được."))
        return redirect("emulation:sheet", sheet.uuid)
    criteria = [c for c in ranking.criteria_of(sheet.movement) if c.kind != CriterionKind.MEASURED]
    form = SheetForm(request.POST, criteria=criteria)
    if form.is_valid():
        entries = []
        for criterion in criteria:
            points = form.cleaned_data.get(f"points_{criterion.pk}")
            if points is None:
                continue
            entries.append((criterion, points, form.cleaned_data.get(f"reason_{criterion.pk}", "")))
        saved = attempt(
            form, lambda: scoring.sheet_save(actor=person, sheet=sheet, entries=entries)
        )
        if saved is not None:
            messages.success(request, _("Đã lưu %(n)d điểm.") % {"n": len(saved)})
            return redirect("emulation:sheet", sheet.uuid)
    return _page(request, sheet, form=form)


def _document(person: Person, text: str) -> dict[str, Any]:
    """The registry document under a number and symbol the person sees (incoming first)."""
    wanted = text.strip()
    incoming = incoming_visible(person).filter(number_symbol__iexact=wanted).order_by("-id").first()
    if incoming is not None:
        return {"incoming": incoming}
    outgoing = (
        outgoing_visible(person)
        .filter(Q(number_symbol__iexact=wanted) | Q(number_symbol__iexact=f"Số {wanted}"))
        .order_by("-id")
        .first()
    )
    if outgoing is not None:
        return {"outgoing": outgoing}
    raise ValidationError(
        {"document": _("Không tìm thấy văn bản “%(n)s” trong sổ.") % {"n": wanted}}
    )


@login_required
@require_POST
def evidence_add(request: HttpRequest, sheet_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    sheet = selectors.sheet_or_404(person, sheet_uuid)
    criteria = [c for c in ranking.criteria_of(sheet.movement) if c.kind == CriterionKind.ASSESSED]
    form = EvidenceForm(request.POST, request.FILES, criteria=criteria)
    if form.is_valid():
        data = form.cleaned_data
        score = sheet.scores.filter(criterion_id=int(data["criterion"])).first()

        def add() -> Evidence:
            if score is None:
                raise ValidationError(
                    {"criterion": _("Chấm điểm tiêu chí trước khi thêm minh chứng.")}
                )
            upload = data.get("file")
            found = _document(person, data["document"]) if data.get("document") else {}
            return scoring.evidence_add(
                actor=person,
                score=score,
                upload=upload,
                file_name=upload.name if upload else "",
                note=data.get("note", ""),
                **found,
            )

        if attempt(form, add) is not None:
            messages.success(request, _("Đã thêm minh chứng."))
            return redirect("emulation:sheet", sheet.uuid)
    return _page(request, sheet, evidence_form=form)


@login_required
@require_POST
def sheet_submit(request: HttpRequest, sheet_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    sheet = selectors.sheet_or_404(person, sheet_uuid)
    form = SubmitForm(request.POST)
    if form.is_valid():
        done = attempt(
            form,
            lambda: scoring.sheet_submit(actor=person, sheet=sheet, note=form.cleaned_data["note"]),
        )
        if done is not None:
            messages.success(request, _("Đã gửi phiếu chấm."))
            return redirect("emulation:movement", sheet.movement.uuid)
    return _page(request, sheet, submit_form=form)


@login_required
@require_GET
def evidence_file(request: HttpRequest, sheet_uuid: UUID, evidence_id: int) -> FileResponse:
    person = cast(Person, request.user)
    sheet = selectors.sheet_or_404(person, sheet_uuid)
    evidence = (
        Evidence.objects.filter(pk=evidence_id, score__sheet=sheet, file__isnull=False)
        .select_related("file")
        .first()
    )
    if evidence is None or evidence.file is None:
        raise Http404
    return download(evidence.file, evidence.file_name or "minh-chung")


def sheet_url(sheet: ScoreSheet) -> str:
    return reverse("emulation:sheet", args=[sheet.uuid])
