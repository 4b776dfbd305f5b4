"""A leader's delegations: who may decide for the unit on the tasks it assigned."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vanphong.core.forms import attempt
from vanphong.directives import selectors, services_decisions
from vanphong.directives.forms import DelegationForm
from vanphong.org.models import Person


@login_required
@require_http_methods(["GET", "POST"])
def delegations(request: HttpRequest) -> HttpResponse:
    """The delegations the person gave or received; for a leader, the form that gives one."""
    person = cast(Person, request.user)
    led = selectors.units_led(person)
    form = None
    if led.exists():
        people = Q(pk__in=[])
        for unit in led:
            people |= Q(pk__in=selectors.delegate_candidates(unit).values("pk"))
        form = DelegationForm(
            request.POST or None,
            units=led,
            people=Person.objects.filter(people).exclude(pk=person.pk).order_by("full_name"),
            initial={"starts_on": timezone.localdate()},
        )
    if request.method == "POST":
        if form is not None and form.is_valid():
            data = form.cleaned_data
            made = attempt(
                form,
                lambda: services_decisions.delegation_create(
                    actor=person,
                    unit=data["unit"],
                    delegate=data["delegate"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    note=data["note"],
                ),
            )
            if made is not None:
                messages.success(request, _("Đã ủy quyền."))
                return redirect("directives:delegations")
        elif form is None:
            raise PermissionDenied(_("Chỉ lãnh đạo đơn vị mới ủy quyền quyết định."))
    return render(
        request,
        "directives/delegations.html",
        {
            "title": _("Ủy quyền quyết định"),
            "rows": selectors.delegations_of(person).order_by("-starts_on", "-id"),
            "form": form,
            "today": timezone.localdate(),
        },
        status=400 if form is not None and form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def delegation_end(request: HttpRequest, delegation_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    found = selectors.delegation_get(person, str(delegation_uuid))
    try:
        services_decisions.delegation_end(actor=person, delegation=found)
        messages.success(request, _("Đã kết thúc ủy quyền."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("directives:delegations")
