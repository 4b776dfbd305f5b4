"""The review (sơ kết, tổng kết) of a directive: a form of kind and period, answered with the
draft report as a DOCX download."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vanphong.core.access import get_visible_or_404
from vanphong.directives import reviews, selectors
from vanphong.directives.forms_reviews import ReviewForm
from vanphong.documents.views_files import content_disposition
from vanphong.org.models import Person


@login_required
@require_GET
def directive_review(request: HttpRequest, directive_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    directive = get_visible_or_404(selectors.directives_visible(person), directive_uuid)
    if not selectors.acts_for(person, directive.unit):
        # Seeing a directive (through a task of one's unit) is not reviewing it.
        raise PermissionDenied(_("Chỉ đơn vị theo dõi văn bản mới lập báo cáo sơ kết, tổng kết."))
    asked = any(name in request.GET for name in ("loai", "tu", "den"))
    form = ReviewForm(
        request.GET if asked else None,
        initial={"loai": "so-ket", "tu": directive.document_date, "den": timezone.localdate()},
    )
    if asked and form.is_valid():
        kind = reviews.REVIEW_KIND_OF_SLUG[form.cleaned_data["loai"]]
        try:
            body = reviews.review_generate(
                actor=person,
                directive=directive,
                kind=kind,
                start=form.cleaned_data["tu"],
                end=form.cleaned_data["den"],
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            response = HttpResponse(body, content_type=reviews.DOCX_TYPE)
            response["Content-Disposition"] = content_disposition(reviews.filename(directive, kind))
            return response
    return render(
        request,
        "directives/review_form.html",
        {
            "title": _("Báo cáo sơ kết, tổng kết: %(doc)s") % {"doc": directive.number_symbol},
            "directive": directive,
            "form": form,
        },
    )
