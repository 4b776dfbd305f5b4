"""Organisation administration pages for units and committee terms, and what the other org
pages share (views_people, views_memberships).

Thin by rule: parse the form, fetch through a scoped selector (what the user may not
administer is a 404), call one service, redirect with a message — or show the form again with
the service's ValidationError on its fields.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from vanphong.core.forms import BootstrapForm, attempt
from vanphong.org import services
from vanphong.org.forms import TermForm, UnitForm
from vanphong.org.models import Person, Unit
from vanphong.org.selectors import (
    ancestors,
    clerical_candidates,
    receiving_unit,
    scope_for,
    term_get_administered,
    unit_get_administered,
    unit_tree,
    units_administered,
)

SENT_FOR_CONFIRMATION = gettext_lazy(
    "Công tác này mở quyền đọc văn bản nên đã được gửi cho quản trị cấp trên xác nhận; "
    "nó chỉ có hiệu lực khi được xác nhận."
)

View = Callable[..., HttpResponse]


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.user)


def _administers_anything(request: HttpRequest) -> bool:
    scope = scope_for(_actor(request))
    return scope.everything or bool(scope.administered)


def administrator_required(view: View) -> View:
    """Logged in, and administering at least one unit; anyone else gets a 404."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _administers_anything(request):
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def _uuid_param(request: HttpRequest, name: str) -> UUID | None:
    """A UUID from the query string; absent is None, malformed is a 404 like an unknown one."""
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    try:
        return UUID(raw)
    except ValueError:
        raise Http404 from None


def _form_page(
    request: HttpRequest,
    form: BootstrapForm,
    *,
    title: str,
    submit_label: str,
    cancel_url: str,
    crumbs: list[tuple[str, str]] | None = None,
    intro: str = "",
    danger: bool = False,
    next_url: str = "",
) -> HttpResponse:
    context = {
        "form": form,
        "title": title,
        "submit_label": submit_label,
        "cancel_url": cancel_url,
        "crumbs": crumbs or [],
        "intro": intro,
        "danger": danger,
        "next": next_url,
    }
    return render(request, "web/form.html", context)


def _unit_crumbs(request: HttpRequest, unit: Unit | None, *, include_self: bool) -> list[Any]:
    """Breadcrumb to a unit: only the ancestors the user administers are shown."""
    scope = scope_for(_actor(request))
    crumbs: list[tuple[str, str]] = [(_("Tổ chức"), reverse("org:units"))]
    if unit is None:
        return crumbs
    chain = [a for a in ancestors(unit) if scope.administers(a.id)]
    if include_self:
        chain.append(unit)
    crumbs += [(a.name, reverse("org:unit_detail", args=[a.uuid])) for a in chain]
    return crumbs


def _person_crumbs(person: Person) -> list[tuple[str, str]]:
    return [
        (_("Tổ chức"), reverse("org:units")),
        (_("Cán bộ"), reverse("org:people")),
        (str(person), reverse("org:person_detail", args=[person.uuid])),
    ]


# --- units ---------------------------------------------------------------------------------


@login_required
@require_GET
def units(request: HttpRequest) -> HttpResponse:
    if not _administers_anything(request):
        return render(request, "org/no_access.html", status=403)
    rows = unit_tree(units_administered(_actor(request)))
    return render(request, "org/units.html", {"rows": rows})


@administrator_required
@require_GET
def unit_detail(request: HttpRequest, unit_uuid: UUID) -> HttpResponse:
    unit = unit_get_administered(_actor(request), unit_uuid)
    memberships = list(
        unit.memberships.select_related("person").order_by("person__name_folded", "role")
    )
    today = timezone.localdate()
    context = {
        "unit": unit,
        "receiving": receiving_unit(unit),
        "crumbs": _unit_crumbs(request, unit, include_self=False),
        "children": list(unit.children.all()),
        "terms": list(unit.terms.all()) if unit.is_committee else [],
        "current": [m for m in memberships if m.ends_on is None or m.ends_on >= today],
        "ended": [m for m in memberships if m.ends_on is not None and m.ends_on < today],
    }
    return render(request, "org/unit_detail.html", context)


def _parent_choices(request: HttpRequest, unit: Unit | None = None) -> QuerySet[Unit]:
    """Administered units; when editing, also the current parent, and never the unit itself."""
    choices = units_administered(_actor(request))
    if unit is None:
        return choices
    if unit.parent_id is not None:
        choices = choices | Unit.objects.filter(pk=unit.parent_id)
    return choices.exclude(pk=unit.pk)


def _clerical_choices(request: HttpRequest, unit: Unit) -> QuerySet[Unit]:
    """The units that may do the unit's clerical work and that the user administers (the
    service checks both), in the organisation's order; the current choice stays offered."""
    allowed = units_administered(_actor(request)).filter(id__in=sorted(clerical_candidates(unit)))
    if unit.clerical_unit_id is not None:
        allowed = allowed | Unit.objects.filter(pk=unit.clerical_unit_id)
    return allowed.order_by("sort_order", "name_folded")


@administrator_required
@require_http_methods(["GET", "POST"])
def unit_create(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    parent_uuid = _uuid_param(request, "cap-tren")
    parent = unit_get_administered(actor, parent_uuid) if parent_uuid else None
    allow_root = scope_for(actor).everything
    parents = _parent_choices(request)
    if request.method == "POST":
        form = UnitForm(request.POST, parents=parents, allow_root=allow_root)
        if form.is_valid():
            unit = attempt(form, lambda: services.unit_create(actor=actor, **form.cleaned_data))
            if unit is not None:
                messages.success(request, _("Đã thêm đơn vị %(name)s.") % {"name": unit.name})
                return redirect("org:unit_detail", unit_uuid=unit.uuid)
    else:
        form = UnitForm(initial={"parent": parent}, parents=parents, allow_root=allow_root)
    cancel = reverse("org:unit_detail", args=[parent.uuid]) if parent else reverse("org:units")
    return _form_page(
        request,
        form,
        title=_("Thêm đơn vị"),
        submit_label=_("Thêm đơn vị"),
        cancel_url=cancel,
        crumbs=_unit_crumbs(request, parent, include_self=True),
    )


@administrator_required
@require_http_methods(["GET", "POST"])
def unit_update(request: HttpRequest, unit_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    unit = unit_get_administered(actor, unit_uuid)
    options: dict[str, Any] = {
        "parents": _parent_choices(request, unit),
        "allow_root": scope_for(actor).everything,
        "editing": True,
        "clerical_units": _clerical_choices(request, unit),
    }
    if request.method == "POST":
        form = UnitForm(request.POST, **options)
        if form.is_valid():
            saved = attempt(
                form, lambda: services.unit_update(actor=actor, unit=unit, **form.cleaned_data)
            )
            if saved is not None:
                messages.success(request, _("Đã lưu đơn vị %(name)s.") % {"name": saved.name})
                return redirect("org:unit_detail", unit_uuid=saved.uuid)
    else:
        initial = {
            "parent": unit.parent,
            "kind": unit.kind,
            "name": unit.name,
            "short_name": unit.short_name,
            "symbol": unit.symbol,
            "superior_name": unit.superior_name,
            "place": unit.place,
            "numbering_style": unit.numbering_style,
            "sort_order": unit.sort_order,
            "is_active": unit.is_active,
            "clerical_unit": unit.clerical_unit,
        }
        form = UnitForm(initial=initial, **options)
    return _form_page(
        request,
        form,
        title=_("Sửa đơn vị %(name)s") % {"name": unit.name},
        submit_label=_("Lưu"),
        cancel_url=reverse("org:unit_detail", args=[unit.uuid]),
        crumbs=_unit_crumbs(request, unit, include_self=True),
    )


# --- committee terms -----------------------------------------------------------------------


@administrator_required
@require_http_methods(["GET", "POST"])
def term_create(request: HttpRequest, unit_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    committee = unit_get_administered(actor, unit_uuid)
    form = TermForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        term = attempt(
            form,
            lambda: services.term_create(actor=actor, committee=committee, **form.cleaned_data),
        )
        if term is not None:
            messages.success(request, _("Đã thêm %(term)s.") % {"term": term.name})
            return redirect("org:unit_detail", unit_uuid=committee.uuid)
    return _form_page(
        request,
        form,
        title=_("Thêm nhiệm kỳ của %(unit)s") % {"unit": committee.name},
        submit_label=_("Thêm nhiệm kỳ"),
        cancel_url=reverse("org:unit_detail", args=[committee.uuid]),
        crumbs=_unit_crumbs(request, committee, include_self=True),
    )


@administrator_required
@require_http_methods(["GET", "POST"])
def term_update(request: HttpRequest, term_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    term = term_get_administered(actor, term_uuid)
    if request.method == "POST":
        form = TermForm(request.POST)
    else:
        form = TermForm(
            initial={
                "name": term.name,
                "congress": term.congress,
                "starts_on": term.starts_on,
                "ends_on": term.ends_on,
            }
        )
    if form.is_valid():
        saved = attempt(
            form, lambda: services.term_update(actor=actor, term=term, **form.cleaned_data)
        )
        if saved is not None:
            messages.success(request, _("Đã lưu %(term)s.") % {"term": saved.name})
            return redirect("org:unit_detail", unit_uuid=saved.committee.uuid)
    return _form_page(
        request,
        form,
        title=_("Sửa nhiệm kỳ %(term)s") % {"term": term.name},
        submit_label=_("Lưu"),
        cancel_url=reverse("org:unit_detail", args=[term.committee.uuid]),
        crumbs=_unit_crumbs(request, term.committee, include_self=True),
    )
