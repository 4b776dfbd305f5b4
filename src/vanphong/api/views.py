"""The person's own credentials page: their password, their API tokens and the credentials
other apps register (`vanphong.api.credentials`), each revocable."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vanphong.api import selectors, services
from vanphong.api.credentials import registered
from vanphong.api.forms import OwnPasswordForm
from vanphong.org import services_people as org_services_people
from vanphong.org.models import Person


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.user)


def _report(request: HttpRequest, error: PermissionDenied | ValidationError) -> None:
    messages.error(request, " ".join(getattr(error, "messages", [str(error)])))


def _page(request: HttpRequest, form: OwnPasswordForm) -> HttpResponse:
    person = _actor(request)
    others = registered()
    context = {
        "title": _("Tài khoản: mật khẩu, mã truy cập và liên kết lịch"),
        "tokens": selectors.tokens_of(person),
        "form": form,
        "other_credentials": [c.template for c in others],
    }
    for other in others:
        context.update(other.context(person))
    return render(request, "api/credentials.html", context)


@login_required
@require_GET
def credentials(request: HttpRequest) -> HttpResponse:
    return _page(request, OwnPasswordForm())


@login_required
@require_POST
def password_change(request: HttpRequest) -> HttpResponse:
    form = OwnPasswordForm(request.POST)
    if form.is_valid():
        try:
            person = org_services_people.person_change_own_password(
                person=_actor(request),
                current_password=form.cleaned_data["current_password"],
                password=form.cleaned_data["password"],
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            update_session_auth_hash(request, person)  # the service ended every other session
            messages.success(
                request,
                _(
                    "Đã đổi mật khẩu; các phiên đăng nhập khác, mã truy cập và liên kết lịch "
                    "cũ đã bị thu hồi."
                ),
            )
            return redirect("account:credentials")
    return _page(request, form)


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_uuid: UUID) -> HttpResponse:
    token = selectors.token_get_own(_actor(request), token_uuid)
    try:
        services.token_revoke(actor=_actor(request), token=token)
    except (PermissionDenied, ValidationError) as error:
        _report(request, error)
    else:
        messages.success(
            request, _("Đã thu hồi mã truy cập %(prefix)s…") % {"prefix": token.prefix}
        )
    return redirect("account:credentials")
