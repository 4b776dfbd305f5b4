"""Pages of directive tracking: directives and their dashboards, the task list, one task
with what the person's side may do on it (report, ask for time, complete; accept or return,
decide, move the deadline, break into sub-tasks), and the per-leader board."""

from __future__ import annotations

from datetime import date
from typing import cast
from urllib.parse import urlencode
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.core import paging, workdays
from vanphong.core.access import get_visible_or_404
from vanphong.core.forms import attempt
from vanphong.directives import (
    charts,
    selectors,
    services,
    stats,
)
from vanphong.directives.forms import (
    AssignForm,
    TaskFilterForm,
)
from vanphong.directives.views_task import assign_from
from vanphong.documents.selectors import (
    incoming_get_visible,
    outgoing_get_visible,
)
from vanphong.org.models import Person, Unit, UnitKind
from vanphong.planning.selectors import programmes_visible

PAGE = 200
DIRECTIVES_PAGE = 50


def _tasks_url(**params: str) -> str:
    return f"{reverse('directives:tasks')}?{urlencode(params)}"


# The figures' names with their bar colours, for the tables' headings.
LEGEND = {kind: (label, charts.COLOURS[kind]) for kind, label in charts.KIND_LABELS.items()}


@login_required
@require_GET
def tasks(request: HttpRequest) -> HttpResponse:
    """The tasks the person sees; `don-vi` (a lead unit), `van-ban` (a directive), `lanh-dao`
    (a leader), `nam` (a year) and `loai` (a dashboard figure) narrow it to the tasks
    behind a figure; `han=sap-den` to the person's units' tasks due soon or overdue (the home
    page's section)."""
    kind = request.GET.get("loai", "")
    year = _year(request) if request.GET.get("nam", "").isdigit() else None
    behind = selectors.tasks_behind(
        cast(Person, request.user),
        unit=request.GET.get("don-vi", ""),
        directive=request.GET.get("van-ban", ""),
        leader=request.GET.get("lanh-dao", ""),
        year=year,
        kind=kind,
        due_by=_due_by() if request.GET.get("han") == selectors.DUE_SOON else None,
        today=timezone.localdate(),
    )
    narrowed = [
        behind.unit.name if behind.unit else "",
        (behind.directive.number_symbol or behind.directive.title[:60]) if behind.directive else "",
        behind.leader.full_name if behind.leader else "",
        _("năm %(year)s") % {"year": year} if year else "",
        str(charts.KIND_LABELS.get(kind, "")),
        str(DUE_LABEL) if request.GET.get("han") == selectors.DUE_SOON else "",
    ]
    # One COUNT for the total and the page numbers (the filters are those of the rows).
    pages = paging.pages(total=behind.tasks.count(), number=_page_number(request), per_page=PAGE)
    rows = list(behind.tasks[pages.start : pages.end])
    visible = selectors.tasks_visible(cast(Person, request.user))
    filters = TaskFilterForm(
        request.GET,
        units=Unit.objects.filter(pk__in=visible.values("lead_unit_id")).order_by("name"),
        directives=selectors.directives_visible(cast(Person, request.user)).order_by(
            "-document_date", "-id"
        )[:PAGE],
        leaders=Person.objects.filter(pk__in=visible.values("leader_id")).order_by("full_name"),
        kinds=charts.KIND_LABELS,
        due={selectors.DUE_SOON: DUE_LABEL},
    )
    return render(
        request,
        "directives/tasks.html",
        {
            "title": _("Nhiệm vụ"),
            "tasks": rows,
            "narrowed": " · ".join(part for part in narrowed if part),
            "filters": filters,
            "pages": pages,
        },
    )


DUE_LABEL = gettext_lazy("Đơn vị tôi chủ trì, sắp đến hạn hoặc quá hạn")


def _due_by() -> date:
    """The home page's horizon for "due soon": as many working days ahead as reminders."""
    return workdays.add_working_days(timezone.localdate(), settings.VANPHONG_REMINDER_WORKING_DAYS)


def _page_number(request: HttpRequest) -> int:
    asked = request.GET.get("trang", "")
    return min(int(asked), 10_000) if asked.isdigit() and int(asked) > 0 else 1


def _year(request: HttpRequest) -> int:
    asked = request.GET.get("nam", "")
    today = timezone.localdate()
    return int(asked) if asked.isdigit() and 2000 <= int(asked) <= today.year + 10 else today.year


@login_required
@require_GET
def unit_dashboard(request: HttpRequest, unit_uuid: UUID) -> HttpResponse:
    """A unit's tasks of one year by directive (on time, late, overdue, open, cannot be
    done), and the totals of all its years."""
    person = cast(Person, request.user)
    unit = selectors.unit_seen_or_404(person, str(unit_uuid))
    today = timezone.localdate()
    year = _year(request) if "nam" in request.GET else stats.default_year(unit, today)
    seen = selectors.unit_board_seen(person, unit, year=year, today=today)
    scope = {"don-vi": str(unit.uuid), "nam": str(year)}
    rows = [
        (
            directive.number_symbol or directive.title[:40],
            directive.title,
            _tasks_url(**scope, **{"van-ban": str(directive.uuid)}),
            counts,
        )
        for directive, counts in seen.by_directive
    ]
    hrefs = [
        reverse("directives:directive_dashboard", args=[directive.uuid])
        for directive, _c in seen.by_directive
    ]
    if seen.own.total:
        label = str(_("Nhiệm vụ đơn vị tự giao"))
        rows.append((label, label, "", seen.own))  # counted, not to be opened from here
        hrefs.append("")
    if seen.secret.total:
        label = str(_("Nhiệm vụ theo văn bản mật"))
        rows.append((label, label, "", seen.secret))  # the figures, never the title
        hrefs.append("")
    bars = charts.chart(rows, hrefs)
    return render(
        request,
        "directives/dashboard.html",
        {
            "title": _("Theo dõi nhiệm vụ: %(unit)s") % {"unit": unit.name},
            "subtitle": _("Nhiệm vụ có thời hạn trong năm %(year)s và nhiệm vụ thường xuyên")
            % {"year": year},
            "total": seen.total,
            "total_link": _tasks_url(**scope),
            "all_years": seen.all_years,
            "all_years_link": _tasks_url(**{"don-vi": str(unit.uuid)}),
            "hidden": seen.own.total,
            "secret": seen.secret.total,
            "years": (year - 1, year + 1),
            "bars": bars,
            "labels": LEGEND,
            "key_label": _("Văn bản"),
        },
    )


@login_required
@require_GET
def my_unit(request: HttpRequest) -> HttpResponse:
    """The dashboard of the unit the person works for (a committee before its Office)."""
    person = cast(Person, request.user)
    units = Unit.objects.filter(id__in=selectors.acting_units(person)).order_by("parent_id", "id")
    first = units.exclude(kind=UnitKind.OFFICE).first() or units.first()
    if first is None:
        raise Http404
    return redirect("directives:unit_dashboard", first.uuid)


@login_required
@require_GET
def directives(request: HttpRequest) -> HttpResponse:
    """The directives the person sees, each with the figures of its tasks they see (one
    grouped query for the page)."""
    person = cast(Person, request.user)
    found = selectors.directives_visible(person)
    # One COUNT for the total and the page numbers.
    pages = paging.pages(
        total=found.count(), number=_page_number(request), per_page=DIRECTIVES_PAGE
    )
    shown = list(
        found.select_related("unit").order_by("-document_date", "-id")[pages.start : pages.end]
    )
    board = stats.dashboard(
        selectors.tasks_visible(person).filter(directive__in=shown),
        by="directive_id",
        today=timezone.localdate(),
    )
    rows = [(directive, board.by_key.get(directive.pk, stats.Counts())) for directive in shown]
    return render(
        request,
        "directives/directives.html",
        {
            "title": _("Văn bản chỉ đạo được theo dõi"),
            "rows": rows,
            "labels": LEGEND,
            "pages": pages,
        },
    )


@login_required
@require_POST
def directive_track(request: HttpRequest) -> HttpResponse:
    """Start following an incoming or outgoing document the person sees (the button on the
    document's page)."""
    person = cast(Person, request.user)
    incoming_uuid, outgoing_uuid = (
        request.POST.get("incoming", ""),
        request.POST.get("outgoing", ""),
    )
    try:
        if incoming_uuid:
            incoming = incoming_get_visible(person, incoming_uuid)
            directive = services.directive_track(
                actor=person, unit=selectors.tracking_unit(incoming.unit), incoming=incoming
            )
        elif outgoing_uuid:
            outgoing = outgoing_get_visible(person, outgoing_uuid)
            directive = services.directive_track(
                actor=person, unit=selectors.tracking_unit(outgoing.unit), outgoing=outgoing
            )
        else:
            raise Http404
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        back = request.META.get("HTTP_REFERER", "")
        safe = url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        return redirect(back if safe else "directives:directives")
    return redirect("directives:directive_dashboard", directive.uuid)


@login_required
@require_POST
def programme_track(request: HttpRequest, programme_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    programme = get_visible_or_404(programmes_visible(person), programme_uuid)
    try:
        directive = services.programme_track(actor=person, programme=programme)
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("planning:programme", programme.uuid)
    return redirect("directives:directive_dashboard", directive.uuid)


@login_required
@require_http_methods(["GET", "POST"])
def directive_dashboard(request: HttpRequest, directive_uuid: UUID) -> HttpResponse:
    """A directive's tasks by lead unit — only the tasks the person sees, so a district's own
    sub-tasks stay the district's — with its task list and, for its unit, the form that
    assigns a task."""
    person = cast(Person, request.user)
    directive = get_visible_or_404(
        selectors.directives_visible(person).select_related("unit"), directive_uuid
    )
    assigns = selectors.acts_for(person, directive.unit)
    form = AssignForm(
        request.POST or None,
        units=selectors.units_below(directive.unit),
        leaders=selectors.leaders_of(directive.unit),
    )
    if request.method == "POST":
        if not assigns:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            assigned = attempt(
                form, lambda: assign_from(person, data, directive=directive, parent=None)
            )
            if assigned is not None:
                messages.success(request, _("Đã giao nhiệm vụ."))
                return redirect("directives:directive_dashboard", directive.uuid)
    visible = selectors.tasks_visible(person).filter(directive=directive)
    # The first PAGE top-level tasks; one more fetched tells whether to point to the full list.
    top = list(visible.filter(parent__isnull=True).order_by("deadline", "id")[: PAGE + 1])
    board = stats.dashboard(visible, by="lead_unit_id", today=timezone.localdate())
    units = Unit.objects.in_bulk(list(board.by_key))
    ordered = sorted(board.by_key.items(), key=lambda kv: -kv[1].total)
    bars = charts.chart(
        [
            (
                units[key].label,
                units[key].label,
                _tasks_url(**{"van-ban": str(directive.uuid), "don-vi": str(units[key].uuid)}),
                counts,
            )
            for key, counts in ordered
        ],
        [reverse("directives:unit_dashboard", args=[units[key].uuid]) for key, _c in ordered],
    )
    return render(
        request,
        "directives/directive.html",
        {
            "title": _("Theo dõi thực hiện: %(doc)s")
            % {"doc": directive.number_symbol or directive.title},
            "directive": directive,
            "total": board.total,
            "total_link": _tasks_url(**{"van-ban": str(directive.uuid)}),
            "bars": bars,
            "labels": LEGEND,
            "key_label": _("Đơn vị chủ trì"),
            "tasks": top[:PAGE],
            "more_tasks": len(top) > PAGE,
            "form": form if assigns else None,
            "can_review": assigns,
        },
    )


@login_required
@require_GET
def leaders(request: HttpRequest) -> HttpResponse:
    """The tasks the person sees, by the leader who follows them."""
    person = cast(Person, request.user)
    board = stats.dashboard(
        selectors.tasks_visible(person).filter(leader__isnull=False),
        by="leader_id",
        today=timezone.localdate(),
    )
    people = Person.objects.in_bulk(list(board.by_key))
    ordered = sorted(board.by_key.items(), key=lambda kv: -kv[1].total)
    bars = charts.chart(
        [
            (
                people[key].full_name,
                people[key].full_name,
                _tasks_url(**{"lanh-dao": str(people[key].uuid)}),
                counts,
            )
            for key, counts in ordered
        ],
        [_tasks_url(**{"lanh-dao": str(people[key].uuid)}) for key, _c in ordered],
    )
    return render(
        request,
        "directives/dashboard.html",
        {
            "title": _("Nhiệm vụ theo lãnh đạo phụ trách"),
            "total": board.total,
            "total_link": _tasks_url(**{"lanh-dao": selectors.ANY_LEADER}),
            "bars": bars,
            "labels": LEGEND,
            "key_label": _("Lãnh đạo phụ trách"),
        },
    )
