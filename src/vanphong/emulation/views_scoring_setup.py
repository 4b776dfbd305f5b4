"""The emulation setup pages: blocs and their members, criteria sets, launching a movement."""

from __future__ import annotations

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
from vanphong.emulation import selectors, services, services_movement, workflow
from vanphong.emulation.forms_scoring import (
    BlocForm,
    CopyForm,
    CriteriaSetForm,
    CriterionForm,
    GroupForm,
    MemberEndForm,
    MemberForm,
    MovementForm,
    criterion_initial,
)
from vanphong.emulation.models import BlocMember, Criterion, CriterionKind
from vanphong.org.models import Person, Unit, UnitKind


def _person(request: HttpRequest) -> Person:
    return cast(Person, request.user)


def _crumbs(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    return [(_("Thi đua, khen thưởng"), reverse("emulation:home")), *extra]


def _form_page(request: HttpRequest, form: Any, **context: Any) -> HttpResponse:
    return render(request, "web/form.html", {"form": form, **context})


# --- blocs ----------------------------------------------------------------------------------


@login_required
@require_GET
def blocs(request: HttpRequest) -> HttpResponse:
    person = _person(request)
    rows = list(selectors.blocs_visible(person).select_related("convenor").order_by("name"))
    return render(
        request,
        "emulation/blocs.html",
        {
            "title": _("Khối thi đua"),
            "blocs": rows,
            "may_create": bool(workflow.acting_units(person)),
            "crumbs": _crumbs(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def bloc_create(request: HttpRequest) -> HttpResponse:
    person = _person(request)
    acting = workflow.acting_units(person)
    if not acting:
        raise PermissionDenied(_("Chỉ cán bộ thi đua và lãnh đạo Văn phòng mới lập khối thi đua."))
    form = BlocForm(
        request.POST or None,
        convenors=Unit.objects.filter(id__in=acting, kind=UnitKind.OFFICE).order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        bloc = attempt(
            form,
            lambda: services.bloc_create(
                actor=person, name=data["name"], convenor=data["convenor"]
            ),
        )
        if bloc is not None:
            messages.success(request, _("Đã lập khối thi đua."))
            return redirect("emulation:bloc", bloc.uuid)
    return _form_page(
        request,
        form,
        title=_("Lập khối thi đua"),
        submit_label=_("Lập khối"),
        cancel_url=reverse("emulation:blocs"),
        crumbs=_crumbs((_("Khối thi đua"), reverse("emulation:blocs"))),
    )


@login_required
@require_http_methods(["GET", "POST"])
def bloc_detail(request: HttpRequest, bloc_uuid: UUID) -> HttpResponse:
    person = _person(request)
    bloc = selectors.bloc_or_404(person, bloc_uuid)
    runs = workflow.runs_bloc(person, bloc.convenor_id)
    members = list(
        BlocMember.objects.filter(bloc=bloc).select_related("unit").order_by("position", "id")
    )
    form = None
    if runs:
        taken = [m.unit_id for m in members if m.left_on is None]
        form = MemberForm(
            request.POST or None,
            units=Unit.objects.filter(kind=UnitKind.OFFICE)
            .exclude(id__in=[*taken, bloc.convenor_id])
            .order_by("name"),
            initial={"joined_on": timezone.localdate()},
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            member = attempt(
                form,
                lambda: services.bloc_member_add(
                    actor=person, bloc=bloc, unit=data["unit"], joined_on=data["joined_on"]
                ),
            )
            if member is not None:
                messages.success(request, _("Đã thêm thành viên."))
                return redirect("emulation:bloc", bloc.uuid)
    elif request.method == "POST":
        raise PermissionDenied(_("Bạn không điều hành khối thi đua này."))
    return render(
        request,
        "emulation/bloc.html",
        {
            "title": bloc.name,
            "bloc": bloc,
            "members": members,
            "movements": bloc.movements.order_by("-year"),
            "runs": runs,
            "form": form,
            "end_form": MemberEndForm(initial={"left_on": timezone.localdate()}),
            "crumbs": _crumbs((_("Khối thi đua"), reverse("emulation:blocs"))),
        },
    )


@login_required
@require_POST
def bloc_member_end(request: HttpRequest, bloc_uuid: UUID, unit_uuid: UUID) -> HttpResponse:
    person = _person(request)
    bloc = selectors.bloc_or_404(person, bloc_uuid)
    member = (
        BlocMember.objects.filter(bloc=bloc, unit__uuid=unit_uuid, left_on__isnull=True)
        .select_related("bloc__convenor", "unit")
        .first()
    )
    if member is None:
        raise Http404
    form = MemberEndForm(request.POST)
    if form.is_valid():
        ended = attempt(
            form,
            lambda: services.bloc_member_end(
                actor=person, member=member, left_on=form.cleaned_data["left_on"]
            ),
        )
        if ended is not None:
            messages.success(request, _("%(unit)s đã rời khối.") % {"unit": member.unit.name})
            return redirect("emulation:bloc", bloc.uuid)
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, str(error))
    return redirect("emulation:bloc", bloc.uuid)


@login_required
@require_http_methods(["GET", "POST"])
def movement_launch(request: HttpRequest, bloc_uuid: UUID) -> HttpResponse:
    person = _person(request)
    bloc = selectors.bloc_or_404(person, bloc_uuid)
    if not workflow.runs_bloc(person, bloc.convenor_id):
        raise PermissionDenied(_("Bạn không điều hành khối thi đua này."))
    today = timezone.localdate()
    form = MovementForm(
        request.POST or None,
        sets=selectors.criteria_sets_visible(person),
        members=Unit.objects.filter(
            id__in=selectors.members_in_force(bloc.pk, today).values("unit_id")
        ).order_by("name"),
        initial={"year": today.year, "launched_on": today},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        movement = attempt(
            form,
            lambda: services_movement.movement_launch(actor=person, bloc=bloc, **data),
        )
        if movement is not None:
            messages.success(request, _("Đã phát động phong trào thi đua."))
            return redirect("emulation:movement", movement.uuid)
    return _form_page(
        request,
        form,
        title=_("Phát động phong trào thi đua — %(bloc)s") % {"bloc": bloc.name},
        intro=_("Bảng tiêu chí được khóa khi phát động: muốn sửa, sao chép sang bảng mới."),
        submit_label=_("Phát động"),
        cancel_url=reverse("emulation:bloc", args=[bloc.uuid]),
        crumbs=_crumbs((bloc.name, reverse("emulation:bloc", args=[bloc.uuid]))),
    )


# --- criteria sets --------------------------------------------------------------------------


@login_required
@require_GET
def criteria_sets(request: HttpRequest) -> HttpResponse:
    person = _person(request)
    return render(
        request,
        "emulation/criteria_sets.html",
        {
            "title": _("Bảng tiêu chí thi đua"),
            "sets": selectors.criteria_sets_visible(person).order_by("-year", "name"),
            "may_edit": workflow.edits_criteria(person),
            "crumbs": _crumbs(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def criteria_set_create(request: HttpRequest) -> HttpResponse:
    person = _person(request)
    services.require_edits_criteria(person)
    form = CriteriaSetForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        made = attempt(
            form, lambda: services.criteria_set_create(actor=person, **form.cleaned_data)
        )
        if made is not None:
            return redirect("emulation:criteria_set", made.uuid)
    return _form_page(
        request,
        form,
        title=_("Lập bảng tiêu chí"),
        submit_label=_("Lập bảng"),
        cancel_url=reverse("emulation:criteria_sets"),
        crumbs=_crumbs((_("Bảng tiêu chí thi đua"), reverse("emulation:criteria_sets"))),
    )


@login_required
@require_GET
def criteria_set_detail(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    person = _person(request)
    criteria_set = selectors.criteria_set_or_404(person, set_uuid)
    groups = list(criteria_set.groups.prefetch_related("criteria"))
    missing = [c for g in groups for c in g.criteria.all() if services.measure_missing(c)]
    total = sum(
        (
            c.max_points
            for g in groups
            for c in g.criteria.all()
            if c.kind != CriterionKind.BONUS and c.kind != CriterionKind.PENALTY
        ),
        start=0,
    )
    may_edit = workflow.edits_criteria(person)
    return render(
        request,
        "emulation/criteria_set.html",
        {
            "title": str(criteria_set),
            "criteria_set": criteria_set,
            "groups": groups,
            "missing": missing,
            "total": total,
            "may_edit": may_edit and not criteria_set.frozen,
            "may_copy": may_edit,
            "group_form": GroupForm(),
            "crumbs": _crumbs((_("Bảng tiêu chí thi đua"), reverse("emulation:criteria_sets"))),
        },
    )


def _set_crumbs(criteria_set: Any) -> list[tuple[str, str]]:
    return _crumbs(
        (_("Bảng tiêu chí thi đua"), reverse("emulation:criteria_sets")),
        (str(criteria_set), reverse("emulation:criteria_set", args=[criteria_set.uuid])),
    )


@login_required
@require_http_methods(["GET", "POST"])
def criteria_set_copy(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    person = _person(request)
    criteria_set = selectors.criteria_set_or_404(person, set_uuid)
    services.require_edits_criteria(person)
    form = CopyForm(request.POST or None, initial={"year": criteria_set.year + 1})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = attempt(
            form,
            lambda: services.criteria_set_copy(
                actor=person, criteria_set=criteria_set, year=data["year"], name=data["name"]
            ),
        )
        if made is not None:
            messages.success(
                request, _("Đã sao chép bảng tiêu chí sang năm %(y)d.") % {"y": made.year}
            )
            return redirect("emulation:criteria_set", made.uuid)
    return _form_page(
        request,
        form,
        title=_("Sao chép bảng tiêu chí sang năm mới"),
        submit_label=_("Sao chép"),
        cancel_url=reverse("emulation:criteria_set", args=[criteria_set.uuid]),
        crumbs=_set_crumbs(criteria_set),
    )


@login_required
@require_http_methods(["GET", "POST"])
def criterion_group_add(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    person = _person(request)
    criteria_set = selectors.criteria_set_or_404(person, set_uuid)
    services.require_edits_criteria(person)
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        made = attempt(
            form,
            lambda: services.criterion_group_add(
                actor=person, criteria_set=criteria_set, **form.cleaned_data
            ),
        )
        if made is not None:
            return redirect("emulation:criteria_set", criteria_set.uuid)
    return _form_page(
        request,
        form,
        title=_("Thêm nhóm tiêu chí"),
        submit_label=_("Thêm nhóm"),
        cancel_url=reverse("emulation:criteria_set", args=[criteria_set.uuid]),
        crumbs=_set_crumbs(criteria_set),
    )


def _criterion_page(
    request: HttpRequest, form: CriterionForm, criteria_set: Any, title: str
) -> HttpResponse:
    return _form_page(
        request,
        form,
        title=title,
        intro=_(
            "Tiêu chí đo từ số liệu lấy điểm từ dữ liệu của hệ thống; cách đo chưa cài đặt thì "
            "tiêu chí chưa có số liệu."
        ),
        submit_label=_("Lưu"),
        cancel_url=reverse("emulation:criteria_set", args=[criteria_set.uuid]),
        crumbs=_set_crumbs(criteria_set),
    )


@login_required
@require_http_methods(["GET", "POST"])
def criterion_add(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    person = _person(request)
    criteria_set = selectors.criteria_set_or_404(person, set_uuid)
    services.require_edits_criteria(person)
    form = CriterionForm(request.POST or None, groups=criteria_set.groups.all())
    if request.method == "POST" and form.is_valid():
        made = attempt(form, lambda: services.criterion_add(actor=person, **form.cleaned_data))
        if made is not None:
            if services.measure_missing(made):
                messages.warning(
                    request,
                    _("Cách đo “%(key)s” chưa được cài đặt: tiêu chí chưa có số liệu.")
                    % {"key": made.measure},
                )
            return redirect("emulation:criteria_set", criteria_set.uuid)
    return _criterion_page(request, form, criteria_set, _("Thêm tiêu chí"))


@login_required
@require_http_methods(["GET", "POST"])
def criterion_edit(request: HttpRequest, criterion_uuid: UUID) -> HttpResponse:
    person = _person(request)
    criterion: Criterion = selectors.criterion_or_404(person, criterion_uuid)
    criteria_set = criterion.group.criteria_set
    services.require_edits_criteria(person)
    form = CriterionForm(
        request.POST or None,
        groups=criteria_set.groups.all(),
        current_measure=criterion.measure,
        initial=criterion_initial(criterion),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("group")
        made = attempt(
            form, lambda: services.criterion_update(actor=person, criterion=criterion, **data)
        )
        if made is not None:
            return redirect("emulation:criteria_set", criteria_set.uuid)
    return _criterion_page(
        request, form, criteria_set, _("Sửa tiêu chí %(code)s") % {"code": criterion.code}
    )


@login_required
@require_POST
def criterion_remove(request: HttpRequest, criterion_uuid: UUID) -> HttpResponse:
    person = _person(request)
    criterion: Criterion = selectors.criterion_or_404(person, criterion_uuid)
    criteria_set = criterion.group.criteria_set
    try:
        services.criterion_remove(actor=person, criterion=criterion)
        messages.success(request, _("Đã xóa tiêu chí %(code)s.") % {"code": criterion.code})
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("emulation:criteria_set", criteria_set.uuid)
