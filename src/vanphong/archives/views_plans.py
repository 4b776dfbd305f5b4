"""The file plan pages under /luu-tru/danh-muc-ho-so/ and the retention tables under
/luu-tru/bang-thoi-han/.

A plan is fetched through `selectors.plan_get_visible` (a plan one does not see is a 404);
its compilers (`workflow.may_compile`) see the forms to edit a draft or amend an approved plan,
its head (`workflow.may_approve_plan`) the approve button; each form posts to one service
through `core.forms.attempt`, and a refused form comes back on the plan page, as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.archives import plan_print, selectors, services_plans, services_retention, workflow
from vanphong.archives.forms_plans import (
    AmendForm,
    CopyForwardForm,
    EntryForm,
    HeadingForm,
    HeadingTitleForm,
    MoveForm,
    PlanCreateForm,
    PlanQuery,
    RetentionQuery,
    RetentionRuleForm,
)
from vanphong.archives.models import FilePlan, PlanEntry, PlanHeading, PlanStatus, RetentionRule
from vanphong.archives.plans import Outline, plan_outline, retention_label, retention_rules
from vanphong.archives.plans import unit_level as level_of
from vanphong.core import paging
from vanphong.core.forms import BootstrapForm, attempt
from vanphong.org.models import Person, Unit
from vanphong.org.selectors import people_holding, scope_for
from vanphong.org.units import directory

PAGE = 50


def _person(request: HttpRequest) -> Person:
    return cast(Person, request.user)


def _compiled_units(person: Person) -> QuerySet[Unit]:
    """The units whose plans the person drafts."""
    ids = scope_for(person).units_with_role(*workflow.COMPILER_ROLES)
    return Unit.objects.filter(pk__in=ids, is_active=True)


def _plan_units(person: Person) -> QuerySet[Unit]:
    return Unit.objects.filter(
        pk__in=selectors.plans_visible(person).values("unit_id")
    ) | _compiled_units(person)


@login_required
@require_GET
def plan_list(request: HttpRequest) -> HttpResponse:
    return _list(request)


def _list(
    request: HttpRequest, create: PlanCreateForm | None = None, status: int = 200
) -> HttpResponse:
    person = _person(request)
    query = PlanQuery(request.GET or None, units=_plan_units(person).distinct())
    found = selectors.plans_visible(person)
    if query.is_bound:
        query.is_valid()
        data = query.cleaned_data
        if query.errors.get("unit"):
            found = found.none()
        if data.get("unit") is not None:
            found = found.filter(unit=data["unit"])
        if data.get("year"):
            found = found.filter(year=data["year"])
    found = found.annotate(entry_count=Count("entries")).order_by("-year", "unit__sort_order", "id")
    pages = paging.pages(total=found.count(), number=request.GET.get(paging.PARAM), per_page=PAGE)
    tree = directory()
    plans = [
        (plan, tree.label(plan.unit_id))
        for plan in found.select_related("unit")[pages.start : pages.end]
    ]
    compiled = _compiled_units(person)
    may_create = compiled.exists()
    if create is None and may_create:
        create = PlanCreateForm(units=compiled)
    return render(
        request,
        "archives/plan_list.html",
        {
            "title": _("Danh mục hồ sơ"),
            "query": query,
            "plans": plans,
            "pages": pages,
            "create_form": create if may_create else None,
            "may_edit_retention": workflow.may_edit_retention(person),
        },
        status=status,
    )


@login_required
@require_POST
def plan_create(request: HttpRequest) -> HttpResponse:
    person = _person(request)
    form = PlanCreateForm(request.POST, units=_compiled_units(person))
    plan = None
    if form.is_valid():
        data = form.cleaned_data
        plan = attempt(
            form,
            lambda: services_plans.plan_create(actor=person, unit=data["unit"], year=data["year"]),
        )
    if plan is None:
        return _list(request, create=form, status=400)
    messages.success(request, _("Đã tạo danh mục hồ sơ năm %(year)s.") % {"year": plan.year})
    return redirect("archives:plan_detail", plan_uuid=plan.uuid)


# --- the plan page --------------------------------------------------------------------------


def _entry_form(
    plan: FilePlan, outline: Outline, data: Any = None, *, amend: bool = False, **kw: Any
) -> EntryForm:
    form_class = AmendForm if amend else EntryForm
    return form_class(
        data,
        outline=outline,
        rules=retention_rules(level_of(plan.unit)),
        members=people_holding(units=[plan.unit_id]).order_by("full_name"),
        **kw,
    )


def _render(
    request: HttpRequest,
    plan: FilePlan,
    forms: dict[str, BootstrapForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    person = _person(request)
    outline = plan_outline(plan)
    compiles = workflow.may_compile(person, plan.unit)
    draft = plan.status == PlanStatus.DRAFT
    shown: dict[str, BootstrapForm] = {}
    if compiles:
        shown["copy"] = CopyForwardForm(initial={"year": plan.year + 1})
        if draft:
            shown["heading"] = HeadingForm(outline=outline)
            shown["entry"] = _entry_form(plan, outline)
        else:
            shown["amend"] = _entry_form(plan, outline, amend=True)
    shown.update(forms or {})
    for name, form in shown.items():
        # Several forms on one page: ids of their own, or a label points into another form.
        form.auto_id = f"{name}_%s"
    context = {
        "plan": plan,
        "unit_label": directory().label(plan.unit_id),
        "outline": outline,
        "rows": [
            (heading, entry, retention_label(entry.retention_years) if entry else "")
            for heading, entry in outline.rows()
        ],
        "compiles": compiles,
        "draft": draft,
        "may_approve": draft and workflow.may_approve_plan(person, plan.unit),
        "forms": shown,
        "copied_from": plan.copied_from,
        "crumbs": [(_("Danh mục hồ sơ"), reverse("archives:plan_list"))],
    }
    return render(request, "archives/plan_detail.html", context, status=status)


def _plan(request: HttpRequest, plan_uuid: UUID) -> FilePlan:
    plan = selectors.plan_get_visible(_person(request), plan_uuid)
    return FilePlan.objects.select_related("unit", "approved_by", "copied_from").get(pk=plan.pk)


@login_required
@require_GET
def plan_detail(request: HttpRequest, plan_uuid: UUID) -> HttpResponse:
    return _render(request, _plan(request, plan_uuid))


def _post(
    request: HttpRequest,
    plan: FilePlan,
    name: str,
    form: BootstrapForm,
    run: Callable[[], Any],
    done: str,
) -> HttpResponse:
    """Run one service for a posted form: back to the plan with `done`, or the plan page with
    the form as typed and its errors."""
    if not workflow.may_compile(_person(request), plan.unit):
        raise PermissionDenied(_("Anh/chị không lập danh mục hồ sơ của đơn vị này."))
    if not form.is_valid() or attempt(form, run) is None:
        return _render(request, plan, forms={name: form}, status=400)
    messages.success(request, done)
    return redirect("archives:plan_detail", plan_uuid=plan.uuid)


@login_required
@require_POST
def plan_copy(request: HttpRequest, plan_uuid: UUID) -> HttpResponse:
    plan = _plan(request, plan_uuid)
    person = _person(request)
    form = CopyForwardForm(request.POST)
    if not workflow.may_compile(person, plan.unit):
        raise PermissionDenied(_("Anh/chị không lập danh mục hồ sơ của đơn vị này."))
    copy = None
    if form.is_valid():
        copy = attempt(
            form,
            lambda: services_plans.plan_copy_forward(
                actor=person, plan=plan, year=form.cleaned_data["year"]
            ),
        )
    if copy is None:
        return _render(request, plan, forms={"copy": form}, status=400)
    messages.success(request, _("Đã sao chép sang danh mục năm %(year)s.") % {"year": copy.year})
    return redirect("archives:plan_detail", plan_uuid=copy.uuid)


@login_required
@require_POST
def plan_approve(request: HttpRequest, plan_uuid: UUID) -> HttpResponse:
    plan = _plan(request, plan_uuid)
    person = _person(request)
    form = BootstrapForm(request.POST)
    done = attempt(form, lambda: services_plans.plan_approve(actor=person, plan=plan))
    if done is None:
        return _render(request, plan, forms={"approve": form}, status=400)
    messages.success(request, _("Đã ban hành danh mục hồ sơ."))
    return redirect("archives:plan_detail", plan_uuid=plan.uuid)


@login_required
@require_POST
def plan_heading_add(request: HttpRequest, plan_uuid: UUID) -> HttpResponse:
    plan = _plan(request, plan_uuid)
    person = _person(request)
    form = HeadingForm(request.POST, outline=plan_outline(plan))
    return _post(
        request,
        plan,
        "heading",
        form,
        lambda: services_plans.heading_add(
            actor=person,
            plan=plan,
            title=form.cleaned_data["title"],
            parent=form.chosen_parent(),
        ),
        _("Đã thêm đề mục."),
    )


def _heading(plan: FilePlan, heading_uuid: UUID) -> PlanHeading:
    return get_object_or_404(
        PlanHeading.objects.select_related("plan__unit"), plan=plan, uuid=heading_uuid
    )


def _entry(plan: FilePlan, entry_uuid: UUID) -> PlanEntry:
    return get_object_or_404(
        PlanEntry.objects.select_related("plan__unit"), plan=plan, uuid=entry_uuid
    )


@login_required
@require_POST
def plan_heading_edit(request: HttpRequest, plan_uuid: UUID, heading_uuid: UUID) -> HttpResponse:
    plan = _plan(request, plan_uuid)
    heading = _heading(plan, heading_uuid)
    form = HeadingTitleForm(request.POST)
    return _post(
        request,
        plan,
        "heading_title",
        form,
        lambda: services_plans.heading_update(
            actor=_person(request), heading=heading, title=form.cleaned_data["title"]
        ),
        _("Đã sửa đề mục."),
    )


@login_required
@require_POST
def plan_heading_move(request: HttpRequest, plan_uuid: UUID, heading_uuid: UUID) -> HttpResponse:
    plan = _plan(request, plan_uuid)
    heading = _heading(plan, heading_uuid)
    form = MoveForm(request.POST)
    return _post(
        request,
        plan,
        "move",
        form,
        lambda: services_plans.heading_move(
            actor=_person(request), heading=heading, position=form.cleaned_data["position"]
        ),
        _("Đã chuyển đề mục."),
    )


@login_required
@require_POST
def plan_heading_remove(request: HttpRequest, plan_uuid: UUID, heading_uuid: UUID) -> HttpResponse:
    plan = _plan(request, plan_uuid)
    heading = _heading(plan, heading_uuid)
    form = BootstrapForm(request.POST)
    return _post(
        request,
        plan,
        "remove",
        form,
        lambda: services_plans.heading_remove(actor=_person(request), heading=heading) or True,
        _("Đã xóa đề mục."),
    )


@login_required
@require_POST
def plan_entry_add(request: HttpRequest, plan_uuid: UUID) -> HttpResponse:
    plan = _plan(request, plan_uuid)
    form = _entry_form(plan, plan_outline(plan), request.POST)
    return _post(
        request,
        plan,
        "entry",
        form,
        lambda: services_plans.entry_add(actor=_person(request), plan=plan, data=form.data_in()),
        _("Đã thêm hồ sơ vào danh mục."),
    )


@login_required
@require_POST
def plan_amend(request: HttpRequest, plan_uuid: UUID) -> HttpResponse:
    plan = _plan(request, plan_uuid)
    form = cast(AmendForm, _entry_form(plan, plan_outline(plan), request.POST, amend=True))
    return _post(
        request,
        plan,
        "amend",
        form,
        lambda: services_plans.plan_amend(
            actor=_person(request),
            plan=plan,
            data=form.data_in(),
            reason=form.cleaned_data["reason"],
        ),
        _("Đã bổ sung hồ sơ vào danh mục đã ban hành."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_entry_edit(request: HttpRequest, plan_uuid: UUID, entry_uuid: UUID) -> HttpResponse:
    plan = _plan(request, plan_uuid)
    entry = _entry(plan, entry_uuid)
    person = _person(request)
    if not workflow.may_compile(person, plan.unit):
        raise PermissionDenied(_("Anh/chị không lập danh mục hồ sơ của đơn vị này."))
    outline = plan_outline(plan)
    initial = {
        "heading": str(next(h.uuid for h in _headings(outline) if h.pk == entry.heading_id)),
        "code": entry.code,
        "title": entry.title,
        "rule": entry.retention_rule.uuid if entry.retention_rule else None,
        "permanent": entry.retention_years is None,
        "retention_years": entry.retention_years,
        "responsible": entry.responsible.uuid if entry.responsible else None,
        "keywords": entry.keywords,
        "note": entry.note,
    }
    form = _entry_form(plan, outline, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = attempt(
            form,
            lambda: services_plans.entry_update(actor=person, entry=entry, data=form.data_in()),
        )
        if saved is not None:
            messages.success(request, _("Đã sửa hồ sơ %(code)s.") % {"code": saved.code})
            return redirect("archives:plan_detail", plan_uuid=plan.uuid)
    back = reverse("archives:plan_detail", args=[plan.uuid])
    return render(
        request,
        "web/form.html",
        {
            "title": _("Sửa hồ sơ %(code)s trong danh mục") % {"code": entry.code},
            "form": form,
            "submit_label": _("Lưu"),
            "cancel_url": back,
            "crumbs": [
                (_("Danh mục hồ sơ"), reverse("archives:plan_list")),
                (f"{plan.unit.name} {plan.year}", back),
            ],
        },
        status=400 if request.method == "POST" else 200,
    )


def _headings(outline: Outline) -> list[PlanHeading]:
    return [
        h for row in outline.headings for h in (row.heading, *(c.heading for c in row.children))
    ]


@login_required
@require_POST
def plan_entry_move(request: HttpRequest, plan_uuid: UUID, entry_uuid: UUID) -> HttpResponse:
    plan = _plan(request, plan_uuid)
    entry = _entry(plan, entry_uuid)
    form = MoveForm(request.POST)
    return _post(
        request,
        plan,
        "move",
        form,
        lambda: services_plans.entry_move(
            actor=_person(request), entry=entry, position=form.cleaned_data["position"]
        ),
        _("Đã chuyển hồ sơ."),
    )


@login_required
@require_POST
def plan_entry_remove(request: HttpRequest, plan_uuid: UUID, entry_uuid: UUID) -> HttpResponse:
    plan = _plan(request, plan_uuid)
    entry = _entry(plan, entry_uuid)
    form = BootstrapForm(request.POST)
    return _post(
        request,
        plan,
        "remove",
        form,
        lambda: services_plans.entry_remove(actor=_person(request), entry=entry) or True,
        _("Đã xóa hồ sơ khỏi danh mục."),
    )


def _download(plan: FilePlan, content: bytes, content_type: str, extension: str) -> HttpResponse:
    disposition = content_disposition_header(
        as_attachment=True, filename=plan_print.filename(plan, extension)
    )
    return HttpResponse(
        content,
        content_type=content_type,
        headers={"Content-Disposition": disposition or "attachment"},
    )


@login_required
@require_GET
def plan_docx(request: HttpRequest, plan_uuid: UUID) -> HttpResponse:
    plan = _plan(request, plan_uuid)
    return _download(plan, plan_print.docx(plan), plan_print.DOCX_TYPE, "docx")


@login_required
@require_GET
def plan_pdf(request: HttpRequest, plan_uuid: UUID) -> HttpResponse:
    plan = _plan(request, plan_uuid)
    return _download(plan, plan_print.pdf(plan), "application/pdf", "pdf")


# --- the retention tables -------------------------------------------------------------------


@login_required
@require_GET
def retention_list(request: HttpRequest) -> HttpResponse:
    person = _person(request)
    query = RetentionQuery(request.GET or None)
    level, text = "", ""
    if query.is_bound and query.is_valid():
        level, text = query.cleaned_data["level"], query.cleaned_data["text"]
    rules = [(rule, retention_label(rule.retention_years)) for rule in retention_rules(level, text)]
    return render(
        request,
        "archives/retention_list.html",
        {
            "title": _("Bảng thời hạn bảo quản"),
            "query": query,
            "rules": rules,
            "may_edit": workflow.may_edit_retention(person),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def retention_edit(request: HttpRequest, rule_uuid: UUID) -> HttpResponse:
    person = _person(request)
    rule = get_object_or_404(RetentionRule, uuid=rule_uuid)
    if not workflow.may_edit_retention(person):
        raise PermissionDenied(
            _("Chỉ cán bộ lưu trữ, lãnh đạo Văn phòng Tỉnh ủy mới sửa bảng thời hạn bảo quản.")
        )
    initial = {
        "group": rule.group,
        "title": rule.title,
        "permanent": rule.retention_years is None,
        "retention_years": rule.retention_years,
        "source": rule.source,
        "verified": rule.verified,
        "note": rule.note,
    }
    form = RetentionRuleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = attempt(
            form,
            lambda: services_retention.retention_rule_update(
                actor=person, rule=rule, data=form.data_in()
            ),
        )
        if saved is not None:
            messages.success(request, _("Đã sửa dòng %(number)s.") % {"number": saved.number})
            return redirect(reverse("archives:retention_list") + f"?cap={saved.level}")
    back = reverse("archives:retention_list")
    return render(
        request,
        "web/form.html",
        {
            "title": _("Sửa dòng %(number)s — %(level)s")
            % {"number": rule.number, "level": rule.get_level_display()},
            "intro": _("Căn cứ hiện ghi: %(source)s") % {"source": rule.source},
            "form": form,
            "submit_label": _("Lưu"),
            "cancel_url": back,
            "crumbs": [(_("Bảng thời hạn bảo quản"), back)],
        },
        status=400 if request.method == "POST" else 200,
    )
