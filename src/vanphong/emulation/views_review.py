"""The annual review pages: the Offices the person reads × the recent years, and one Office's
review of a year — its figures this year and the year before (the districts' roll-up for the
province), the bloc's ranking and its criteria profile as SVG with their captions, the assessed
sections' form, the review conference and documents linked, and the DOCX draft to download.

A unit the person does not read is a 404 (`workflow.reads_unit`); writing is the Office's
leaders' and emulation officers' (`workflow.acts_for`), checked again by the services.
"""

from __future__ import annotations

from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vanphong.core.forms import BootstrapForm, attempt
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.emulation import review_docx, review_pictures, services_review, workflow
from vanphong.emulation.forms_review import (
    ConferenceForm,
    DocumentsForm,
    ReviewTextsForm,
    conference_choices,
    review_documents,
)
from vanphong.emulation.models import AnnualReview
from vanphong.emulation.review import (
    TEXT_KEYS,
    TEXT_TITLES,
    ReviewFigures,
    no_figures,
    office_and_committee,
    review_figures,
)
from vanphong.emulation.selectors import reader_unit_ids
from vanphong.org.models import COMMITTEE_KINDS, Person, Unit, UnitKind
from vanphong.org.units import directory

YEARS_LISTED = 4


def _unit_or_404(person: Person, unit_uuid: UUID) -> Unit:
    unit = Unit.objects.filter(uuid=unit_uuid).select_related("parent").first()
    if unit is None or not workflow.reads_unit(person, unit.pk):
        raise Http404
    if unit.kind != UnitKind.OFFICE and unit.kind not in COMMITTEE_KINDS:
        raise Http404
    return unit


def _year_or_404(year: int) -> int:
    if not 1990 <= year <= timezone.localdate().year + 1:
        raise Http404
    return year


@login_required
@require_GET
def reviews(request: HttpRequest) -> HttpResponse:
    person = cast(Person, request.user)
    tree = directory()
    offices = sorted(
        Unit.objects.filter(pk__in=reader_unit_ids(person), kind=UnitKind.OFFICE),
        key=lambda unit: tree.key(unit.pk),
    )
    this_year = timezone.localdate().year
    years = list(range(this_year, this_year - YEARS_LISTED, -1))
    drafted = set(
        AnnualReview.objects.filter(unit__in=offices, year__in=years).values_list("unit_id", "year")
    )
    rows = [
        (
            unit,
            tree.label(unit.pk),
            [(year, (unit.pk, year) in drafted) for year in years],
        )
        for unit in offices
    ]
    return render(request, "emulation/review_list.html", {"rows": rows, "years": years})


def _forms(
    person: Person, figures: ReviewFigures, review: AnnualReview | None, data: Any = None
) -> dict[str, BootstrapForm]:
    own = set(figures.own_ids)
    texts = review.texts if review is not None else {}
    return {
        "texts": ReviewTextsForm(data, initial={key: texts.get(key, "") for key in TEXT_KEYS}),
        "conference": ConferenceForm(
            data,
            choices=conference_choices(person, figures.committee, figures.year),
            initial={
                "conference": str(review.conference_lineage)
                if review is not None and review.conference_lineage
                else ""
            },
        ),
        "documents": DocumentsForm(
            data,
            documents=review_documents(person, own, figures.year),
            initial={
                "report": review.report.uuid if review and review.report else None,
                "conclusions": review.conclusions.uuid if review and review.conclusions else None,
            },
        ),
    }


def _linked(person: Person, figures: ReviewFigures, review: AnnualReview | None) -> dict[str, Any]:
    """The conference entry and the documents linked, as the person may read them."""
    found: dict[str, Any] = {"entry": None, "report": None, "conclusions": None, "entry_docs": []}
    if review is None:
        return found
    if review.conference_lineage is not None:
        entry = services_review.conference_entry(
            person, figures.committee, review.conference_lineage
        )
        if entry is not None:
            found["entry"] = entry
            # The entry's documents, each only to who may open it.
            found["entry_docs"] = [
                *incoming_visible(person).filter(schedule_entries=entry),
                *outgoing_visible(person).filter(schedule_entries=entry),
            ]
    ids = [i for i in (review.report_id, review.conclusions_id) if i is not None]
    readable = {d.pk: d for d in outgoing_visible(person).filter(pk__in=ids)}
    found["report"] = readable.get(review.report_id) if review.report_id else None
    found["conclusions"] = readable.get(review.conclusions_id) if review.conclusions_id else None
    return found


def _pictures(figures: ReviewFigures) -> list[tuple[str, str]]:
    standing = figures.standing
    pictures: list[tuple[str, str]] = []
    if standing is None:
        return pictures
    if standing.rows:
        rows = [(unit.name, total, rank) for unit, total, rank in standing.rows]
        caption = review_pictures.ranking_caption(standing.movement.title, rows)
        bars = review_pictures.ranking_bars(rows, own=figures.unit.name)
        pictures.append((mark_safe(review_pictures.svg(bars, caption)), caption))  # noqa: S308
    if standing.profile:
        caption = review_pictures.profile_caption(figures.unit.name, standing.profile)
        bars = review_pictures.profile_bars(standing.profile)
        pictures.append((mark_safe(review_pictures.svg(bars, caption)), caption))  # noqa: S308
    return pictures


def _render(
    request: HttpRequest,
    unit: Unit,
    year: int,
    forms: dict[str, BootstrapForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    person = cast(Person, request.user)
    figures = review_figures(unit, year, reader=person)
    review = AnnualReview.objects.filter(unit=figures.unit, year=year).first()
    may_edit = workflow.acts_for(person, figures.unit.pk)
    context = {
        "figures": figures,
        "unit": figures.unit,
        "year": year,
        "review": review,
        "texts": [
            (TEXT_TITLES[key], (review.texts if review else {}).get(key, "")) for key in TEXT_KEYS
        ],
        "headings": review_docx.headings(figures),
        "rows": [
            (section, [review_docx.row(line, figures.rolled_up) for line in section.lines])
            for section in figures.sections
        ],
        "no_figures": no_figures(),
        "pictures": _pictures(figures),
        "may_edit": may_edit,
        "forms": forms or (_forms(person, figures, review) if may_edit else {}),
        "linked": _linked(person, figures, review),
        "docx_url": reverse("emulation:review_docx", args=[figures.unit.uuid, year]),
        "crumbs": [(_("Tổng kết năm"), reverse("emulation:reviews"))],
    }
    return render(request, "emulation/review.html", context, status=status)


@login_required
@require_GET
def review(request: HttpRequest, unit_uuid: UUID, year: int) -> HttpResponse:
    person = cast(Person, request.user)
    return _render(request, _unit_or_404(person, unit_uuid), _year_or_404(year))


def _post(request: HttpRequest, unit_uuid: UUID, year: int, which: str) -> HttpResponse:
    person = cast(Person, request.user)
    unit = _unit_or_404(person, unit_uuid)
    year = _year_or_404(year)
    office, _committee = office_and_committee(unit)
    if not workflow.acts_for(person, office.pk):
        raise PermissionDenied(_("Chỉ lãnh đạo Văn phòng, cán bộ thi đua của đơn vị mới sửa."))
    figures = review_figures(unit, year, reader=person)
    review_row = AnnualReview.objects.filter(unit=office, year=year).first()
    forms = _forms(person, figures, review_row, request.POST)
    form = forms[which]
    done = None
    if form.is_valid():
        if which == "texts":
            texts = {key: form.cleaned_data.get(key, "") for key in TEXT_KEYS}
            done = attempt(
                form,
                lambda: services_review.review_texts_update(
                    actor=person, unit=office, year=year, texts=texts
                ),
            )
        elif which == "conference":
            lineage = cast(ConferenceForm, form).lineage()
            done = attempt(
                form,
                lambda: services_review.review_conference_link(
                    actor=person, unit=office, year=year, lineage=lineage
                ),
            )
        else:
            chosen = cast(DocumentsForm, form).chosen
            report, conclusions = chosen("report"), chosen("conclusions")
            done = attempt(
                form,
                lambda: services_review.review_documents_link(
                    actor=person, unit=office, year=year, report=report, conclusions=conclusions
                ),
            )
    if done is not None:
        messages.success(request, _("Đã lưu báo cáo tổng kết."))
        return redirect("emulation:review", unit_uuid=office.uuid, year=year)
    # The other forms show what is saved; the one submitted keeps what was typed.
    shown = _forms(person, figures, review_row)
    shown[which] = form
    return _render(request, unit, year, forms=shown, status=400)


@login_required
@require_POST
def review_texts(request: HttpRequest, unit_uuid: UUID, year: int) -> HttpResponse:
    return _post(request, unit_uuid, year, "texts")


@login_required
@require_POST
def review_conference(request: HttpRequest, unit_uuid: UUID, year: int) -> HttpResponse:
    return _post(request, unit_uuid, year, "conference")


@login_required
@require_POST
def review_documents_view(request: HttpRequest, unit_uuid: UUID, year: int) -> HttpResponse:
    return _post(request, unit_uuid, year, "documents")


@login_required
@require_GET
def review_download(request: HttpRequest, unit_uuid: UUID, year: int) -> HttpResponse:
    person = cast(Person, request.user)
    unit = _unit_or_404(person, unit_uuid)
    figures = review_figures(unit, _year_or_404(year), reader=person)
    review = AnnualReview.objects.filter(unit=figures.unit, year=year).first()
    content = review_docx.review_docx(figures, review.texts if review is not None else {})
    disposition = content_disposition_header(
        as_attachment=True, filename=review_docx.filename(figures)
    )
    return HttpResponse(
        content,
        content_type=review_docx.DOCX_TYPE,
        headers={"Content-Disposition": disposition or "attachment"},
    )
