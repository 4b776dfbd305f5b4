"""Organisation administration pages for memberships and the requests that confirm them.

These pages keep their own try around the service: a service's PermissionDenied here (one's own
post, a superuser's post, a request one may not decide) is a 403, which `attempt` would turn
into an error on the form.
"""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.core import paging
from vanphong.org import services_memberships
from vanphong.org.forms import (
    MembershipCreateForm,
    MembershipEndForm,
    MembershipUpdateForm,
    RefuseForm,
)
from vanphong.org.models import Membership, MembershipRequest
from vanphong.org.selectors import (
    membership_get_administered,
    person_get_administered,
    request_get_visible,
    request_refusal,
    requests_to_decide,
    requests_visible,
    units_administered,
)
from vanphong.org.views import (
    SENT_FOR_CONFIRMATION,
    _actor,
    _form_page,
    _person_crumbs,
    administrator_required,
)


def _next_url(request: HttpRequest, default: str) -> str:
    """Where to go after a write: a same-site `next` from the form, else `default`."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


# --- memberships ---------------------------------------------------------------------------


@administrator_required
@require_http_methods(["GET", "POST"])
def membership_create(request: HttpRequest, person_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    person = person_get_administered(actor, person_uuid)
    units = units_administered(actor)
    if request.method == "POST":
        form = MembershipCreateForm(request.POST, units=units)
        if form.is_valid():
            try:
                made = services_memberships.membership_create(
                    actor=actor, person=person, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_service_error(error)
            else:
                if isinstance(made, MembershipRequest):
                    messages.info(request, SENT_FOR_CONFIRMATION)
                else:
                    messages.success(
                        request, _("Đã thêm công tác cho %(name)s.") % {"name": person}
                    )
                return redirect("org:person_detail", person_uuid=person.uuid)
    else:
        form = MembershipCreateForm(units=units)
    return _form_page(
        request,
        form,
        title=_("Thêm công tác cho %(name)s") % {"name": person},
        submit_label=_("Thêm công tác"),
        cancel_url=reverse("org:person_detail", args=[person.uuid]),
        crumbs=_person_crumbs(person),
    )


def _membership_page_args(
    request: HttpRequest, membership: Membership
) -> tuple[str, list[tuple[str, str]]]:
    back = _next_url(request, reverse("org:person_detail", args=[membership.person.uuid]))
    return back, _person_crumbs(membership.person)


@administrator_required
@require_http_methods(["GET", "POST"])
def membership_update(request: HttpRequest, membership_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    membership = membership_get_administered(actor, membership_uuid)
    back, crumbs = _membership_page_args(request, membership)
    if request.method == "POST":
        form = MembershipUpdateForm(request.POST)
    else:
        form = MembershipUpdateForm(
            initial={"clearance": membership.clearance, "position": membership.position}
        )
    if form.is_valid():
        try:
            made = services_memberships.membership_update(
                actor=actor, membership=membership, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            if isinstance(made, MembershipRequest):
                messages.info(request, SENT_FOR_CONFIRMATION)
            else:
                messages.success(request, _("Đã lưu công tác: %(m)s.") % {"m": membership})
            return HttpResponseRedirect(back)
    return _form_page(
        request,
        form,
        title=_("Sửa công tác"),
        intro=str(membership),
        submit_label=_("Lưu"),
        cancel_url=back,
        crumbs=crumbs,
        next_url=back,
    )


@administrator_required
@require_http_methods(["GET", "POST"])
def membership_end(request: HttpRequest, membership_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    membership = membership_get_administered(actor, membership_uuid)
    back, crumbs = _membership_page_args(request, membership)
    if request.method == "POST":
        form = MembershipEndForm(request.POST)
    else:
        form = MembershipEndForm(initial={"ends_on": timezone.localdate()})
    if form.is_valid():
        try:
            services_memberships.membership_end(
                actor=actor, membership=membership, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Đã kết thúc công tác: %(m)s.") % {"m": membership})
            return HttpResponseRedirect(back)
    return _form_page(
        request,
        form,
        title=_("Kết thúc công tác"),
        intro=str(membership),
        submit_label=_("Kết thúc công tác"),
        danger=True,
        cancel_url=back,
        crumbs=crumbs,
        next_url=back,
    )


# --- membership requests -------------------------------------------------------------------

SENT = 50  # requests sent on a page of the list


@administrator_required
@require_GET
def requests(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    sent = requests_visible(actor).filter(requested_by=actor)
    # One COUNT for the total and the page numbers of the requests sent (those to decide
    # are pending ones, few: one list).
    pages = paging.pages(total=sent.count(), number=request.GET.get(paging.PARAM), per_page=SENT)
    context = {
        "to_decide": requests_to_decide(actor),
        "sent": list(sent.order_by("-requested_at", "-id")[pages.start : pages.end]),
        "pages": pages,
        "crumbs": [(_("Tổ chức"), reverse("org:units"))],
    }
    return render(request, "org/requests.html", context)


def _request_page(request: HttpRequest, found: MembershipRequest, form: RefuseForm) -> HttpResponse:
    actor = _actor(request)
    context = {
        "req": found,
        "form": form,
        "cannot_confirm": request_refusal(actor, found, confirming=True)
        if found.is_pending
        else "",
        "cannot_refuse": request_refusal(actor, found, confirming=False)
        if found.is_pending
        else "",
        "crumbs": [
            (_("Tổ chức"), reverse("org:units")),
            (_("Đề nghị phân quyền"), reverse("org:requests")),
        ],
    }
    return render(request, "org/request_detail.html", context)


@administrator_required
@require_GET
def request_detail(request: HttpRequest, request_uuid: UUID) -> HttpResponse:
    found = request_get_visible(_actor(request), request_uuid)
    return _request_page(request, found, RefuseForm())


@administrator_required
@require_POST
def request_confirm(request: HttpRequest, request_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    found = request_get_visible(actor, request_uuid)
    try:
        services_memberships.membership_request_confirm(actor=actor, request=found)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("org:request_detail", request_uuid=found.uuid)
    messages.success(request, _("Đã xác nhận: %(r)s.") % {"r": found})
    return redirect("org:requests")


@administrator_required
@require_POST
def request_refuse(request: HttpRequest, request_uuid: UUID) -> HttpResponse:
    actor = _actor(request)
    found = request_get_visible(actor, request_uuid)
    form = RefuseForm(request.POST)
    if form.is_valid():
        try:
            services_memberships.membership_request_refuse(
                actor=actor, request=found, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Đã từ chối: %(r)s.") % {"r": found})
            return redirect("org:requests")
    return _request_page(request, found, form)
