"""The person's choice of notices by email, a section of their account page (registered with
`vanphong.api.credentials` from WebConfig.ready(): the api app sits below web)."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanphong.api.credentials import OtherCredentials
from vanphong.core import notifications
from vanphong.core.forms import attempt
from vanphong.org.models import Person
from vanphong.web.forms import CHOOSABLE_KINDS, NoticeEmailForm


def _context(person: Person) -> dict[str, Any]:
    chosen = notifications.email_choices([person.pk])[person.pk]
    return {
        "notice_email": [(kind, label, chosen[kind]) for kind, label in CHOOSABLE_KINDS],
        "notice_email_address": person.email,
    }


@login_required
@require_POST
def notice_email_save(request: HttpRequest) -> HttpResponse:
    person = cast(Person, request.user)
    form = NoticeEmailForm(request.POST)
    saved = None
    if form.is_valid():
        wanted = set(form.cleaned_data["kinds"])
        email = {kind: kind in wanted for kind, _label in CHOOSABLE_KINDS}
        saved = attempt(
            form, lambda: notifications.notice_preferences_set(actor=person, email=email)
        )
    if saved is None:
        messages.error(request, _("Loại thông báo không hợp lệ."))
    else:
        messages.success(request, _("Đã lưu lựa chọn nhận thông báo qua thư điện tử."))
    return redirect(reverse("account:credentials") + "#notice-email")


NOTICE_EMAIL = OtherCredentials(
    template="web/_notice_email.html",
    context=_context,
    urls=[path("thong-bao/", notice_email_save, name="notice_email")],
)
