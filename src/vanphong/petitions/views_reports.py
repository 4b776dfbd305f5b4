"""The reports page: choose a unit and a period, see the figures, download them as XLSX or as
a DOCX draft. Read-only: the figures are computed as of the period's end (reports.py)."""

from __future__ import annotations

from typing import cast

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from vanphong.org.models import Person
from vanphong.petitions import report_files, reports
from vanphong.petitions.forms_reports import ReportForm
from vanphong.petitions.report_tables import tables


@login_required
@require_GET
def report(request: HttpRequest) -> HttpResponse:
    actor = cast(Person, request.user)
    units = reports.report_units(actor)
    # An empty query is the first visit: the form is shown unbound, with this year's report.
    form = ReportForm(request.GET or None, units=units)
    built = None
    if form.is_bound and form.is_valid():
        built = reports.report_build(
            person=actor, unit=form.cleaned_data["unit"], period=form.period()
        )
        file_format = form.cleaned_data.get("file_format") or ""
        if file_format:
            content = (
                report_files.xlsx(built) if file_format == "xlsx" else report_files.docx(built)
            )
            disposition = content_disposition_header(
                as_attachment=True, filename=report_files.filename(built, file_format)
            )
            return HttpResponse(
                content,
                content_type=report_files.CONTENT_TYPES[file_format],
                headers={"Content-Disposition": disposition or "attachment"},
            )
    downloads = {}
    if built is not None:
        for name in report_files.CONTENT_TYPES:
            query = request.GET.copy()
            query["dinh-dang"] = name
            downloads[name] = f"?{query.urlencode()}"
    if not form.is_bound:
        form.initial = {"kind": reports.PERIOD_SLUGS[reports.PeriodKind.YEAR]}
        form.initial["year"] = timezone.localdate().year
    context = {
        "form": form,
        "has_units": bool(form.units),
        "report": built,
        "title": report_files.title(built) if built is not None else "",
        "tables": tables(built) if built is not None else [],
        "downloads": downloads,
    }
    return render(request, "petitions/reports.html", context)
