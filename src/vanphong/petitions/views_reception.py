"""The reception pages: the sessions (with the head's monthly check), planning and recording a
session, a session with its visits and the form recording one, a visit, and the register."""

from __future__ import annotations

import re
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db.models import Count, QuerySet
from django.forms import BaseFormSet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vanphong.core import paging
from vanphong.core.access import get_visible_or_404
from vanphong.core.forms import attempt
from vanphong.org.models import COMMITTEE_KINDS, Person, Role, Unit, UnitKind
from vanphong.org.selectors import people_holding
from vanphong.petitions import reception_register, selectors, workflow
from vanphong.petitions import services_reception as services
from vanphong.petitions.forms_reception import (
    VISITORS,
    CitizenFormSet,
    RegisterQuery,
    SessionForm,
    VisitForm,
)
from vanphong.petitions.models import ReceptionSession
from vanphong.petitions.reception_check import head_months

SESSIONS_PER_PAGE = 50
VISITS_PER_PAGE = 100
_ROW_ERROR = re.compile(rf"^{VISITORS}-(\d+)-(\w+)$")


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.user)


def _offices(person: Person) -> QuerySet[Unit]:
    """The Offices whose sessions the person sees."""
    return Unit.objects.filter(
        pk__in=selectors.visible_unit_ids(person), kind=UnitKind.OFFICE
    ).order_by("sort_order", "id")


def _receiving(person: Person) -> QuerySet[Unit]:
    """The Offices the person plans and records sessions for."""
    offices = _offices(person).select_related("parent")
    return Unit.objects.filter(
        pk__in=[unit.pk for unit in offices if services.may_receive(person, unit)]
    ).order_by("sort_order", "id")


def _hosts(units: QuerySet[Unit]) -> QuerySet[Person]:
    committees = Unit.objects.filter(
        pk__in=units.values("parent_id"), kind__in=list(COMMITTEE_KINDS)
    )
    return people_holding(units=committees, roles=[Role.COMMITTEE_LEADER]).order_by("full_name")


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("nam", "")
    return int(raw) if raw.isdigit() and 1990 <= int(raw) <= 2100 else timezone.localdate().year


# --- sessions ---------------------------------------------------------------------------------


@login_required
@require_GET
def sessions(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    offices = _offices(person)
    query = RegisterQuery(request.GET or None, units=offices)
    query.is_valid()
    year = _year(request)
    unit = query.cleaned_data.get("unit") if query.is_bound else None
    unit = unit or offices.first()
    found = selectors.sessions_visible(person).filter(day__year=year)
    if unit is not None:
        found = found.filter(unit=unit)
    pages = paging.pages(
        total=found.count(), number=request.GET.get(paging.PARAM), per_page=SESSIONS_PER_PAGE
    )
    shown = (
        found.select_related("unit", "host")
        .annotate(visit_count=Count("visits"))
        .order_by("-day", "-id")[pages.start : pages.end]
    )
    receiving = _receiving(person)
    return render(
        request,
        "petitions/sessions.html",
        {
            "title": _("Tiếp công dân"),
            "sessions": shown,
            "pages": pages,
            "query": query,
            "year": year,
            "unit": unit,
            "checks": head_months(unit, year) if unit is not None else [],
            "may_receive": receiving.exists(),
        },
    )


def _session_form_page(request: HttpRequest, *, plan: bool) -> HttpResponse:
    person = _actor(request)
    units = _receiving(person)
    if not units.exists():
        raise PermissionDenied
    form = SessionForm(
        request.POST or None,
        units=units,
        hosts=_hosts(units),
        plan=plan,
        initial={"unit": units.first(), "kind": "regular"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        common = {
            "actor": person,
            "unit": data["unit"],
            "kind": data["kind"],
            "day": data["day"],
            "place": data["place"],
            "host": data["host"],
            "host_title": data["host_title"],
            "note": data["note"],
        }
        if plan:
            made = attempt(
                form,
                lambda: services.reception_session_plan(**common, session=data["session"]),
            )
        else:
            made = attempt(form, lambda: services.reception_session_record(**common))
        if made is not None:
            messages.success(request, _("Đã ghi buổi tiếp công dân."))
            return redirect("petitions:session", made.uuid)
    title = _("Lên lịch buổi tiếp công dân") if plan else _("Ghi buổi tiếp đã diễn ra")
    return render(
        request,
        "web/form.html",
        {
            "title": title,
            "form": form,
            "submit_label": title,
            "cancel_url": reverse("petitions:sessions"),
            "intro": _(
                "Buổi tiếp được đưa vào lịch công tác tuần của lãnh đạo cấp ủy; tuần đã phát "
                "hành thì thành bản điều chỉnh, chờ lãnh đạo Văn phòng duyệt, phát hành."
            )
            if plan
            else "",
        },
    )


@login_required
def session_plan(request: HttpRequest) -> HttpResponse:
    return _session_form_page(request, plan=True)


@login_required
def session_record(request: HttpRequest) -> HttpResponse:
    return _session_form_page(request, plan=False)


def _session_or_404(person: Person, uuid: UUID) -> ReceptionSession:
    return get_visible_or_404(
        selectors.sessions_visible(person).select_related("unit__parent", "host"), uuid
    )


def _put_errors(error: ValidationError, form: VisitForm, formset: BaseFormSet[Any]) -> None:
    """A service's errors: a visitor's on its row's field, the rest on the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        key = "scans" if name == "files" else name  # the service's `files`, the form's field
        match = _ROW_ERROR.match(key)
        if match and int(match.group(1)) < len(formset.forms):
            formset.forms[int(match.group(1))].add_error(match.group(2), errors)
        elif key in form.fields and key != NON_FIELD_ERRORS:
            form.add_error(key, errors)
        else:
            form.add_error(None, errors)


@login_required
def session(request: HttpRequest, session_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    found = _session_or_404(person, session_uuid)
    may_record = services.may_receive(person, found.unit)
    places = Unit.objects.filter(
        kind__in=[UnitKind.DISTRICT_COMMITTEE, UnitKind.TOWN_COMMITTEE],
        parent=found.unit.parent_id,
    )
    form = VisitForm(request.POST or None, request.FILES or None, places=places)
    rows = CitizenFormSet(request.POST or None, prefix=VISITORS)
    if request.method == "POST":
        if not may_record:
            raise PermissionDenied
        if form.is_valid() and rows.is_valid():
            data = form.cleaned_data
            citizens = [
                services.CitizenData(**row.cleaned_data)
                for row in rows.forms
                if row.cleaned_data and row.cleaned_data.get("full_name")
            ]
            try:
                services.visit_record(
                    actor=person,
                    session=found,
                    group_size=data["group_size"],
                    citizens=citizens,
                    complaint=data["complaint"],
                    denunciation=data["denunciation"],
                    proposal=data["proposal"],
                    report=data["report"],
                    field=data["field"],
                    place=data["place"],
                    place_unit=data["place_unit"],
                    raised=data["raised"],
                    answer=data["answer"],
                    agreed=data["agreed"],
                    files=data["scans"],
                )
            except PermissionDenied as refused:
                form.add_error(None, str(refused))
            except ValidationError as error:
                _put_errors(error, form, rows)
            else:
                messages.success(request, _("Đã ghi lượt tiếp công dân."))
                return redirect("petitions:session", found.uuid)
    visits = list(
        found.visits.select_related("field", "received_by").order_by("number")[:VISITS_PER_PAGE]
    )
    return render(
        request,
        "petitions/session.html",
        {
            "title": str(found),
            "session": found,
            "visits": visits,
            "form": form if may_record else None,
            "rows": rows,
            "today": timezone.localdate(),
            "crumbs": [(_("Tiếp công dân"), reverse("petitions:sessions"))],
        },
    )


@login_required
@require_POST
def session_hold(request: HttpRequest, session_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    found = _session_or_404(person, session_uuid)
    try:
        services.reception_session_hold(actor=person, session=found)
    except (PermissionDenied, ValidationError) as refused:
        messages.error(request, " ".join(getattr(refused, "messages", [str(refused)])))
    else:
        messages.success(request, _("Đã xác nhận buổi tiếp đã diễn ra."))
    return redirect("petitions:session", found.uuid)


@login_required
@require_GET
def visit(request: HttpRequest, visit_uuid: UUID) -> HttpResponse:
    person = _actor(request)
    found = get_visible_or_404(
        selectors.visits_visible(person).select_related(
            "unit", "session__host", "field", "place_unit", "received_by", "letter"
        ),
        visit_uuid,
    )
    readable = services.visit_identity_read(actor=person, visit=found)
    return render(
        request,
        "petitions/visit.html",
        {
            "title": _("Lượt tiếp số %(number)s") % {"number": found},
            "visit": found,
            "readable": readable,
            "citizens": list(found.citizens.all()) if readable else [],
            "scans": [f for f in found.files.all() if readable or not f.reveals_identity],
            "kinds": reception_register.kinds(found),
            "registers": found.letter_id is None and workflow.may_register(person, found.unit),
            "crumbs": [
                (_("Tiếp công dân"), reverse("petitions:sessions")),
                (str(found.session), reverse("petitions:session", args=[found.session.uuid])),
            ],
        },
    )


# --- the register -------------------------------------------------------------------------


def _register(request: HttpRequest) -> tuple[RegisterQuery, Unit | None, int]:
    person = _actor(request)
    offices = _offices(person)
    query = RegisterQuery(request.GET or None, units=offices)
    query.is_valid()
    unit = (query.cleaned_data.get("unit") if query.is_bound else None) or offices.first()
    return query, unit, _year(request)


@login_required
@require_GET
def register(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    query, unit, year = _register(request)
    rows: list[reception_register.Row] = []
    pages = paging.pages(total=0, number=1, per_page=VISITS_PER_PAGE)
    if unit is not None:
        found = reception_register.visits_of(selectors.visits_visible(person), unit, year)
        pages = paging.pages(
            total=found.count(), number=request.GET.get(paging.PARAM), per_page=VISITS_PER_PAGE
        )
        rows = list(reception_register.rows(found[pages.start : pages.end]))
    return render(
        request,
        "petitions/register.html",
        {
            "title": _("Sổ tiếp công dân"),
            "query": query,
            "unit": unit,
            "year": year,
            "rows": rows,
            "pages": pages,
            "headings": [heading for heading, _width in reception_register.COLUMNS],
        },
    )


@login_required
@require_GET
def register_export(request: HttpRequest, extension: str) -> HttpResponse:
    person = _actor(request)
    _query, unit, year = _register(request)
    if unit is None:
        raise PermissionDenied
    found = reception_register.visits_of(selectors.visits_visible(person), unit, year)
    body = reception_register.export(found, unit=unit, year=year, file_format=extension)
    response = HttpResponse(body, content_type=reception_register.CONTENT_TYPES[extension])
    response["Content-Disposition"] = f'attachment; filename="so-tiep-cong-dan-{year}.{extension}"'
    return response
