"""Forwarding a letter, recording the body's result, and the letters forwarded and still
awaiting it (đơn đã chuyển chờ kết quả)."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from vanphong.core import paging
from vanphong.core.forms import attempt
from vanphong.org.models import Person
from vanphong.petitions import selectors, services_forward, workflow
from vanphong.petitions.forms_forward import ForwardForm, ResultForm
from vanphong.petitions.models import Forward, Letter
from vanphong.petitions.redaction import identity_values, redact

PAGE = 50


def _require_actor(person: Person, letter: Letter) -> None:
    if not workflow.may_act(person, unit=letter.unit, handler_id=letter.handler_id):
        raise PermissionDenied(_("Bạn không xử lý đơn này."))


def _crumbs(letter: Letter, *, forwarded: bool) -> list[tuple[str, str]]:
    """The way back: the follow-up list for a forward's result (the book for a letter still to
    forward, which that list does not hold), and the letter the page is about."""
    back = (
        (_("Đơn đã chuyển chờ kết quả"), reverse("petitions:follow_up"))
        if forwarded
        else (_("Sổ đơn thư"), reverse("petitions:letters"))
    )
    return [
        back,
        (
            _("Đơn số %(n)s") % {"n": letter.book_number},
            reverse("petitions:letter", args=[letter.uuid]),
        ),
    ]


@login_required
@require_http_methods(["GET", "POST"])
def letter_forward(request: HttpRequest, letter_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    letter = selectors.letter_or_404(person, letter_uuid)
    _require_actor(person, letter)
    form = ForwardForm(
        request.POST or None,
        units=selectors.forward_units(letter),
        initial={"forwarded_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = attempt(
            form,
            lambda: services_forward.letter_forward(
                actor=person,
                letter=letter,
                to_body=data["to_body"],
                to_unit=data["to_unit"],
                forwarded_on=data["forwarded_on"],
                note_subject=data["note_subject"],
            ),
        )
        if made is not None and made.note is not None:
            messages.success(
                request,
                _(
                    "Đã chuyển đơn đến %(body)s. Phiếu chuyển đơn là dự thảo văn bản đi: "
                    "trình duyệt, ký và phát hành như công văn."
                )
                % {"body": made.to_body},
            )
            return redirect("documents:outgoing_detail", made.note.uuid)
    intro = _(
        "Phiếu chuyển đơn được soạn thành dự thảo công văn của %(unit)s, kèm bản sao đơn."
    ) % {"unit": letter.unit.name}
    if letter.denunciation:
        intro += " " + _(
            "Đơn tố cáo: bản sao gửi kèm là bản do hệ thống lập, đã che thông tin người tố "
            "cáo; bản gốc được giữ lại tại đơn vị."
        )
    return render(
        request,
        "web/form.html",
        {
            "title": _("Chuyển đơn số %(number)s") % {"number": letter.book_number},
            "intro": intro,
            "form": form,
            "submit_label": _("Chuyển đơn"),
            "cancel_url": reverse("petitions:letter", args=[letter.uuid]),
            "crumbs": _crumbs(letter, forwarded=False),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def forward_result(request: HttpRequest, forward_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    forward = selectors.forward_or_404(person, forward_uuid)
    _require_actor(person, forward.letter)
    initial = {
        "result": forward.result,
        "result_on": forward.result_on or timezone.localdate(),
        "reply": forward.reply.uuid if forward.reply else None,
    }
    form = ResultForm(
        request.POST or None,
        replies=selectors.reply_candidates(person, forward),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = attempt(
            form,
            lambda: services_forward.forward_result_record(
                actor=person,
                forward=forward,
                reply=data["reply"],
                result=data["result"],
                result_on=data["result_on"],
            ),
        )
        if done is not None:
            messages.success(
                request, _("Đã ghi nhận kết quả của %(body)s.") % {"body": done.to_body}
            )
            # The letter's page: its result, and the step left (telling the petitioner), which
            # the follow-up list no longer leads to once the letter has left it.
            return redirect("petitions:letter", forward.letter.uuid)
    return render(
        request,
        "web/form.html",
        {
            "title": _("Kết quả đơn số %(number)s chuyển %(body)s")
            % {"number": forward.letter.book_number, "body": forward.to_body},
            "intro": _("Chuyển ngày %(day)s; hạn báo cáo kết quả %(due)s.")
            % {
                "day": forward.forwarded_on.strftime("%d/%m/%Y"),
                "due": forward.result_due_on.strftime("%d/%m/%Y"),
            },
            "form": form,
            "submit_label": _("Ghi nhận kết quả"),
            "cancel_url": reverse("petitions:letter", args=[forward.letter.uuid]),
            "crumbs": _crumbs(forward.letter, forwarded=True),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_GET
def follow_up(request: HttpRequest) -> HttpResponse:
    """The forwards of the person's units still awaiting the body's result, overdue first."""
    person = cast(Person, request.user)
    awaiting = selectors.forwards_awaiting(person)
    pages = paging.pages(
        total=awaiting.count(), number=request.GET.get(paging.PARAM), per_page=PAGE
    )
    rows: list[Forward] = list(
        awaiting.prefetch_related("letter__citizens")[pages.start : pages.end]
    )
    for row in rows:
        # A summary is typed by an officer and may name the denouncer: never in a list.
        letter = row.letter
        summary = letter.summary
        if letter.denunciation:
            summary = redact(summary, identity_values(letter.citizens.all()))
        row.summary_shown = summary  # type: ignore[attr-defined]
        row.may_act = workflow.may_act(  # type: ignore[attr-defined]
            person, unit=letter.unit, handler_id=letter.handler_id
        )
    return render(
        request,
        "petitions/follow_up.html",
        {
            "title": _("Đơn đã chuyển chờ kết quả"),
            "rows": rows,
            "pages": pages,
            "today": timezone.localdate(),
        },
    )
