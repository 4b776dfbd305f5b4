"""The forms of a letter page that move its settlement clock: an extension and a suspension
(and the end of an open suspension). Each answers a POST and goes back to the letter's page;
bad input or a refusal shows the form again with the reason, nothing saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanphong.core.forms import BootstrapForm, attempt
from vanphong.org.models import Person
from vanphong.petitions import services_clocks
from vanphong.petitions.forms_clocks import ExtensionForm, SuspensionEndForm, SuspensionForm
from vanphong.petitions.models import Letter, Suspension
from vanphong.petitions.selectors import letter_or_404


def _handle(
    request: HttpRequest,
    letter: Letter,
    form: BootstrapForm,
    title: str,
    done: str,
    call: Callable[[dict[str, Any]], object],
) -> HttpResponse:
    if form.is_valid() and attempt(form, lambda: call(form.cleaned_data)) is not None:
        messages.success(request, done)
        return redirect(reverse("petitions:letter", args=[letter.uuid]))
    return render(
        request,
        "petitions/clock_form.html",
        {
            "letter": letter,
            "form": form,
            "title": title,
            "action": request.path,
            "cancel_url": reverse("petitions:letter", args=[letter.uuid]),
        },
        status=400,
    )


@login_required
@require_POST
def letter_extension_add(request: HttpRequest, letter_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    letter = letter_or_404(person, letter_uuid)
    form = ExtensionForm(request.POST, request.FILES)
    return _handle(
        request,
        letter,
        form,
        _("Gia hạn giải quyết đơn %(number)s") % {"number": letter.book_number},
        _("Đã ghi nhận quyết định gia hạn."),
        lambda data: services_clocks.letter_extension_add(actor=person, letter=letter, **data),
    )


@login_required
@require_POST
def letter_suspension_add(request: HttpRequest, letter_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    letter = letter_or_404(person, letter_uuid)
    form = SuspensionForm(request.POST)
    return _handle(
        request,
        letter,
        form,
        _("Tạm đình chỉ giải quyết đơn %(number)s") % {"number": letter.book_number},
        _("Đã ghi nhận quyết định tạm đình chỉ."),
        lambda data: services_clocks.letter_suspension_add(actor=person, letter=letter, **data),
    )


@login_required
@require_POST
def letter_suspension_end(request: HttpRequest, letter_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    letter = letter_or_404(person, letter_uuid)
    suspension = Suspension.objects.filter(letter=letter, ends_on__isnull=True).first()
    if suspension is None:
        raise Http404
    form = SuspensionEndForm(request.POST)
    return _handle(
        request,
        letter,
        form,
        _("Kết thúc tạm đình chỉ đơn %(number)s") % {"number": letter.book_number},
        _("Đã tiếp tục giải quyết; thời gian tạm đình chỉ không tính vào thời hạn."),
        lambda data: services_clocks.letter_suspension_end(
            actor=person, suspension=suspension, ends_on=data["ends_on"]
        ),
    )
