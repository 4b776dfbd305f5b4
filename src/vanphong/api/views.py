"""The person's own credentials page: their API tokens and calendar links, each revocable."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vanphong.api import selectors, services
from vanphong.org.models import Person
from vanphong.planning import services as planning_services


def _actor(request: HttpRequest) -> Person:
    return cast(Person, request.user)


def _report(request: HttpRequest, error: PermissionDenied | ValidationError) -> None:
    messages.error(request, " ".join(getattr(error, "messages", [str(error)])))


@login_required
@require_GET
def credentials(request: HttpRequest) -> HttpResponse:
    person = _actor(request)
    context = {
        "title": _("Mã truy cập và liên kết lịch"),
        "tokens": selectors.tokens_of(person),
        "feeds": selectors.feeds_of(person),
    }
    return render(request, "api/credentials.html", context)


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


@login_required
@require_POST
def feed_revoke(request: HttpRequest, feed_uuid: UUID) -> HttpResponse:
    feed = selectors.feed_get_own(_actor(request), feed_uuid)
    try:
        planning_services.feed_revoke(actor=_actor(request), feed=feed)
    except (PermissionDenied, ValidationError) as error:
        _report(request, error)
    else:
        messages.success(request, _("Đã thu hồi liên kết; lịch đã đăng ký sẽ không cập nhật nữa."))
    return redirect("account:credentials")
