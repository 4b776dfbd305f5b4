"""The registers (sổ đăng ký) and handling statistics pages.

Read-only pages: parse the query string, fetch the unit through a scoped selector (a unit whose
documents the user does not see is a 404), then build the rows or the counts in
`documents.registers` and `documents.stats`. Nothing is written.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar, cast
from uuid import UUID

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from vanphong.core.forms import BootstrapForm, DateInput, QueryForm
from vanphong.documents import registers, services, stats
from vanphong.documents.registers import Kind, Period
from vanphong.org.models import Person, Unit
from vanphong.org.units import units_in_order

KIND_LABELS = {
    Kind.INCOMING: _("Sổ đăng ký văn bản đến"),
    Kind.OUTGOING: _("Sổ đăng ký văn bản đi"),
    Kind.TRACKING: _("Sổ theo dõi giải quyết văn bản đến"),
}


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.user)


def _date_field(label: Any) -> forms.DateField:
    return forms.DateField(label=label, required=False, widget=DateInput())


class PeriodForm(QueryForm, BootstrapForm):
    """`tu` and `den`: the local dates of the period (default: the year of `den` up to it,
    and `den` today); the defaults are written back so the page shows the period it used."""

    params: ClassVar[dict[str, str]] = {"start": "tu", "end": "den"}

    start = _date_field(_("Từ ngày"))
    end = _date_field(_("Đến ngày"))

    def __init__(self, data: QueryDict, **kwargs: Any) -> None:
        self.query = data.copy()  # mutable: the defaults are filled in
        super().__init__(self.query, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", _("Ngày cuối phải sau hoặc bằng ngày đầu."))
        return data

    def period(self) -> Period:
        """The period asked for; when the dates are not valid, the default period."""
        valid = self.is_valid()
        data = self.cleaned_data if valid else {}
        end = data.get("end") or timezone.localdate()
        start = data.get("start") or date(end.year, 1, 1)
        if valid:
            self.query["tu"], self.query["den"] = f"{start:%d/%m/%Y}", f"{end:%d/%m/%Y}"
        return Period(start, end)


class RegisterForm(PeriodForm):
    """`loai` (den, di, theo-doi) and `dinh-dang` (xlsx, pdf) besides the period."""

    params: ClassVar[dict[str, str]] = {
        **PeriodForm.params,
        "register": "loai",
        "file_format": "dinh-dang",
    }

    FORMATS = (("", _("Xem trên trang")), ("xlsx", "XLSX"), ("pdf", "PDF"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["register"] = forms.ChoiceField(
            label=_("Sổ"), choices=list(KIND_LABELS.items()), required=False
        )
        self.fields["file_format"] = forms.ChoiceField(
            label=_("Định dạng"), choices=self.FORMATS, required=False
        )

    def kind(self) -> Kind:
        value = str(self.data.get("loai") or "")
        return Kind(value) if value in set(Kind) else Kind.INCOMING


def _unit_param(request: HttpRequest) -> UUID | None:
    raw = request.GET.get("don-vi", "").strip()
    if not raw:
        return None
    try:
        return UUID(raw)
    except ValueError:
        raise Http404 from None


def _unit(request: HttpRequest) -> Unit | None:
    """The unit asked for (404 when the user does not see its documents), else None."""
    unit_uuid = _unit_param(request)
    return registers.report_unit_get(_actor(request), unit_uuid) if unit_uuid else None


@login_required
@require_GET
def register(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    form = RegisterForm(request.GET)
    unit = _unit(request)
    kind = form.kind()
    period = form.period()
    file_format = form.cleaned_data.get("file_format", "") if form.is_valid() else ""
    if unit is not None and file_format:
        content = services.register_export(
            actor=actor, kind=kind, unit=unit, period=period, file_format=file_format
        )
        disposition = content_disposition_header(
            as_attachment=True, filename=registers.filename(kind, unit, period, file_format)
        )
        return HttpResponse(
            content,
            content_type=registers.CONTENT_TYPES[file_format],
            headers={"Content-Disposition": disposition or "attachment"},
        )
    spec = registers.SPECS[kind]
    downloads = {}
    for name in registers.CONTENT_TYPES:
        query = request.GET.copy()  # the same register and period as the page shows
        query["loai"] = kind.value
        query["tu"] = f"{period.start:%d/%m/%Y}"
        query["den"] = f"{period.end:%d/%m/%Y}"
        query["dinh-dang"] = name
        downloads[name] = f"?{query.urlencode()}"
    context = {
        "form": form,
        "kind": kind,
        "kind_label": KIND_LABELS[kind],
        "kinds": list(KIND_LABELS.items()),
        "units": units_in_order(registers.report_units(actor)),
        "unit": unit,
        "period": period,
        "spec": spec,
        "preview": registers.preview(actor, kind, unit=unit, period=period) if unit else None,
        "preview_limit": registers.PREVIEW_ROWS,
        "title_lines": registers.title_lines(spec, unit, period) if unit else None,
        "downloads": downloads,
    }
    return render(request, "documents/report_register.html", context)


@login_required
@require_GET
def handling_stats(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    form = PeriodForm(request.GET)
    unit = _unit(request)
    period = form.period()
    found = stats.handling_stats(actor, unit=unit, period=period)
    context = {
        "form": form,
        "units": units_in_order(registers.report_units(actor)),
        "unit": unit,
        "period": period,
        "stats": found,
        "tables": [
            (_("Theo đơn vị"), found.by_unit, "stats-units", _("Đơn vị")),
            (_("Theo cán bộ"), found.by_person, "stats-people", _("Cán bộ")),
        ],
    }
    return render(request, "documents/report_stats.html", context)
