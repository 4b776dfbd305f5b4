"""The duplicate proposal of a letter: an htmx fragment of the letter page, and its actions."""

from __future__ import annotations

from typing import Any, cast
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from vanphong.org.models import Person
from vanphong.petitions import duplicates, selectors, services_duplicates
from vanphong.petitions.models import Letter
from vanphong.petitions.workflow import may_act


def fragment_context(person: Person, letter: Letter, error: str = "") -> dict[str, Any]:
    """What `petitions/_duplicates.html` shows: on the letter's page, and after each action."""
    return {
        "letter": letter,
        "original": letter.duplicate_of,
        "candidates": duplicates.propose(letter, person=person),
        "may_link": may_act(person, unit=letter.unit, handler_id=letter.handler_id),
        "error": error,
    }


def _fragment(request: HttpRequest, letter: Letter, error: str = "") -> HttpResponse:
    context = fragment_context(cast(Person, request.user), letter, error)
    return render(request, "petitions/_duplicates.html", context)


def _message(error: ValidationError | PermissionDenied) -> str:
    if isinstance(error, ValidationError):
        return " ".join(str(m) for m in error.messages)
    return str(error)


@login_required
@require_GET
def letter_duplicates(request: HttpRequest, letter_uuid: UUID) -> HttpResponse:
    letter = selectors.letter_or_404(cast(Person, request.user), letter_uuid)
    return _fragment(request, letter)


@login_required
@require_POST
def letter_duplicate_link(request: HttpRequest, letter_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    letter = selectors.letter_or_404(person, letter_uuid)
    original = selectors.letter_or_404(person, request.POST.get("original", ""))
    try:
        letter = services_duplicates.letter_duplicate_link(
            actor=person, letter=letter, original=original
        )
    except (ValidationError, PermissionDenied) as error:
        return _fragment(request, letter, _message(error))
    return _fragment(request, selectors.letter_or_404(person, letter_uuid))


@login_required
@require_POST
def letter_duplicate_unlink(request: HttpRequest, letter_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    letter = selectors.letter_or_404(person, letter_uuid)
    try:
        services_duplicates.letter_duplicate_unlink(actor=person, letter=letter)
    except (ValidationError, PermissionDenied) as error:
        return _fragment(request, letter, _message(error))
    return _fragment(request, selectors.letter_or_404(person, letter_uuid))
