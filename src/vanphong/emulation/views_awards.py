"""The register of awards (sổ khen thưởng): filtered by unit, person, title, year and decision,
paged, exported as XLSX; a person's own titles; a line typed in from an outside decision."""

from __future__ import annotations

import io
from datetime import date
from typing import Any, cast

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]

from vanphong.core import paging, sheets
from vanphong.core.forms import attempt
from vanphong.core.rules import NoRuleInForce
from vanphong.core.vietnamese import fold
from vanphong.emulation import selectors, selectors_proposals, services_awards
from vanphong.emulation.forms_proposals import AwardForm, AwardQuery
from vanphong.emulation.models import Award
from vanphong.emulation.titles import Title, titles_in_force
from vanphong.emulation.workflow import EMULATION_ROLES
from vanphong.org.models import Membership, Person, Unit
from vanphong.org.selectors import scope_for

PAGE = 100
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLUMNS = (
    gettext_lazy("STT"),
    gettext_lazy("Năm"),
    gettext_lazy("Danh hiệu, hình thức"),
    gettext_lazy("Đơn vị, cá nhân"),
    gettext_lazy("Sổ của đơn vị"),
    gettext_lazy("Cấp khen"),
    gettext_lazy("Số quyết định"),
    gettext_lazy("Ngày quyết định"),
)


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.user)


def _units(person: Person) -> QuerySet[Unit]:
    return Unit.objects.filter(pk__in=selectors.reader_unit_ids(person)).order_by(
        "sort_order", "id"
    )


def filtered(request: HttpRequest) -> tuple[AwardQuery, QuerySet[Award]]:
    """The register lines the person sees, under the page's filters."""
    person = _actor(request)
    query = AwardQuery(request.GET or None, units=_units(person))
    found = selectors_proposals.awards_visible(person)
    if query.is_bound:
        query.is_valid()
        data = query.cleaned_data  # the fields that are valid; a unit one may not read: none
        if query.errors.get("unit"):
            found = found.none()
        if data.get("unit") is not None:
            unit = data["unit"]
            found = found.filter(Q(register_unit=unit) | Q(unit=unit))
        if data.get("person"):
            found = found.filter(person__name_folded__contains=fold(data["person"]))
        if data.get("title"):
            text = data["title"]
            found = found.filter(Q(title_code=text) | Q(title_name__icontains=text))
        if data.get("year"):
            found = found.filter(year=data["year"])
        if data.get("decision"):
            found = found.filter(decision_number__icontains=data["decision"])
        if data.get("mine"):
            found = found.filter(person=person)
    ordered = found.select_related("unit", "person", "register_unit", "decision").order_by(
        "-year", "title_code", "register_unit__sort_order", "id"
    )
    return query, ordered


def _cells(index: int, award: Award) -> tuple[Any, ...]:
    who = award.unit.name if award.unit else getattr(award.person, "full_name", "")
    return (
        index,
        award.year,
        award.title_name,
        who,
        award.register_unit.name,
        award.awarding_body,
        award.decision_number,
        award.decided_on,
    )


@login_required
@require_GET
def awards(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    query, found = filtered(request)
    pages = paging.pages(total=found.count(), number=request.GET.get(paging.PARAM), per_page=PAGE)
    rows = [
        (award, _cells(pages.start + index, award))
        for index, award in enumerate(found[pages.start : pages.end], start=1)
    ]
    return render(
        request,
        "emulation/awards.html",
        {
            "title": _("Sổ khen thưởng"),
            "query": query,
            "rows": rows,
            "pages": pages,
            "headings": COLUMNS,
            "may_add": bool(scope_for(person).units_with_role(*EMULATION_ROLES)),
            "export_query": request.GET.urlencode(),
        },
    )


def register_xlsx(found: QuerySet[Award]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Sổ khen thưởng"))
    bold = Font(name="Times New Roman", bold=True)

    def cell(value: Any, *, head: bool = False) -> Any:
        written = sheets.cell(sheet, value)
        if head:
            written.font = bold
        if isinstance(value, date):
            written.number_format = "DD/MM/YYYY"
        return written

    sheet.append([cell(_("SỔ KHEN THƯỞNG"), head=True)])
    sheet.append([cell(str(heading), head=True) for heading in COLUMNS])
    for index, award in enumerate(found.iterator(chunk_size=500), start=1):
        sheet.append([cell(value) for value in _cells(index, award)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@login_required
@require_GET
def awards_export(request: HttpRequest) -> HttpResponse:
    _query, found = filtered(request)
    response = HttpResponse(register_xlsx(found), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="so-khen-thuong.xlsx"'
    return response


def _titles(year: int) -> list[Title]:
    try:
        return titles_in_force(selectors_proposals.rules_date(year))
    except NoRuleInForce:
        return []


@login_required
@require_http_methods(["GET", "POST"])
def award_add(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    acting = Unit.objects.filter(
        pk__in=scope_for(person).units_with_role(*EMULATION_ROLES), is_active=True
    ).order_by("sort_order", "id")
    if not acting.exists():
        raise PermissionDenied(_("Bạn không ghi sổ khen thưởng của đơn vị nào."))
    today = timezone.localdate()
    staff = Membership.objects.filter(unit__in=acting).values("person_id")
    form = AwardForm(
        request.POST or None,
        units=acting,
        people=Person.objects.filter(pk__in=staff).order_by("full_name", "id"),
        titles=_titles(today.year - 1),
        initial={"year": today.year - 1},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = attempt(
            form,
            lambda: services_awards.award_add(
                actor=person,
                register_unit=data["register_unit"],
                year=data["year"],
                title_code=data["title_code"],
                title_name=data["title_name"],
                awarding_body=data["awarding_body"],
                decision_number=data["decision_number"],
                decided_on=data["decided_on"],
                unit=data["unit"],
                person=data["person"],
            ),
        )
        if made is not None:
            return redirect(reverse("emulation:awards") + f"?nam={made.year}")
    return render(
        request,
        "web/form.html",
        {
            "title": _("Ghi sổ khen thưởng"),
            "intro": _(
                "Cho khen thưởng có quyết định ngoài hệ thống (năm trước, cấp khác). Khen thưởng "
                "theo đề nghị lập trong hệ thống vào sổ khi gắn quyết định."
            ),
            "form": form,
            "submit_label": _("Ghi sổ"),
            "cancel_url": reverse("emulation:awards"),
            "crumbs": [(_("Sổ khen thưởng"), reverse("emulation:awards"))],
        },
        status=400 if form.is_bound and form.errors else 200,
    )
