from __future__ import annotations

from typing import Any, cast

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from vanphong.core import inbox, notifications, paging
from vanphong.org.models import Person
from vanphong.org.selectors import active_memberships, scope_for
from vanphong.web.forms import LoginForm
from vanphong.web.modules import MODULES


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "web/login.html"
    redirect_authenticated_user = True
    extra_context: dict[str, Any] = {"title": _("Đăng nhập")}


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    memberships = list(active_memberships(request.user))  # type: ignore[arg-type]
    if not memberships and not request.user.is_superuser:
        return render(request, "web/no_membership.html", status=200)
    scope = scope_for(request.user)  # type: ignore[arg-type]
    ctx = {
        "memberships": memberships,
        # What is waiting for the person, section by section (core.inbox), above the modules.
        "inbox": inbox.sections_for(request.user, timezone.localdate()),
        "modules": MODULES,
        "can_administer": scope.everything or bool(scope.administered),
    }
    return render(request, "web/home.html", ctx)


NOTICES_SHOWN = 50  # notices on a page


@login_required
@require_http_methods(["GET", "POST"])
def notices(request: HttpRequest) -> HttpResponse:
    """The person's in-app notices, newest first, a page at a time; unread ones stand out.
    Opening a page reads nothing: the button marks all of them read, on every page."""
    person = cast(Person, request.user)
    if request.method == "POST":
        notifications.mark_read(person=person)
        return redirect("web:notices")
    found = notifications.recent(person)
    # One query for the total (the page numbers) and whether any is unread (the button),
    # wherever the unread ones are.
    counts = found.aggregate(total=Count("id"), unread=Count("id", filter=Q(read_at=None)))
    pages = paging.pages(
        total=counts["total"], number=request.GET.get(paging.PARAM), per_page=NOTICES_SHOWN
    )
    shown = list(found[pages.start : pages.end])
    return render(
        request,
        "web/notices.html",
        {
            "title": _("Thông báo"),
            "notices": shown,
            "unread": {n.pk for n in shown if n.read_at is None},
            "any_unread": bool(counts["unread"]),
            "pages": pages,
        },
    )


@login_required
@require_GET
def notices_badge(request: HttpRequest) -> HttpResponse:
    """The unread count in the navigation bar, fetched by htmx after every page (base.html):
    no page pays a query for it, and the fetch costs three (session, person, count)."""
    count = notifications.unread(cast(Person, request.user)).count()
    # Without the request's context processors: the fragment needs only the count, and the
    # page shell's (the person's scope) would cost a query on every page.
    return HttpResponse(render_to_string("web/_notices_badge.html", {"count": count}))


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
