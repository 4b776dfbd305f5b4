from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

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
        "modules": MODULES,
        "can_administer": scope.everything or bool(scope.administered),
    }
    return render(request, "web/home.html", ctx)


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
