"""Pages of the letters book: the list, registering and correcting a letter, a letter's file,
and the fields (lĩnh vực). One letter's page and its forms are in `views_letter`.

A denunciation's petitioners never reach a list: the list loads no petitioner of a letter that
protects identity and shows "(Giữ bí mật)" in their place, whoever reads it."""

from __future__ import annotations

import re
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vanphong.core import paging
from vanphong.core.access import get_visible_or_404
from vanphong.core.forms import attempt
from vanphong.core.inbox import today as inbox_today
from vanphong.documents.forms_outgoing import uploads
from vanphong.documents.models import IncomingDocument
from vanphong.documents.selectors import incoming_visible
from vanphong.documents.views_files import download
from vanphong.org.models import Person, Unit, UnitKind
from vanphong.petitions import (
    selectors,
    services,
    services_fields,
    services_reception,
    services_visit_letter,
    workflow,
)
from vanphong.petitions.forms import FieldEditForm, FieldForm, LetterFilterForm, LetterForm
from vanphong.petitions.models import Channel, Field, Letter, Visit
from vanphong.petitions.views_letter import may_correct

PAGE = 50
_INCOMING_NUMBER = re.compile(r"^\s*(\d{1,7})\s*(?:/\s*(\d{4}))?\s*$")


def _book_asked(person: Person, raw: str) -> Unit | None:
    """`don-vi`: one book among those the person sees (an emulation figure links here); a
    value that is not one of them is not applied."""
    try:
        uuid = UUID(raw.strip())
    except ValueError:
        return None
    return Unit.objects.filter(uuid=uuid, pk__in=selectors.visible_unit_ids(person)).first()


@login_required
@require_GET
def letters(request: HttpRequest) -> HttpResponse:
    person = cast(Person, request.user)
    asked = request.GET.copy()
    # A year at a time, as the book is numbered: the newest by default — but the letters due
    # soon or overdue (the inbox's "see all") are few and of any year.
    if not asked.get("nam") and not asked.get("han"):
        year = selectors.list_year(person, asked.get("q", ""))
        asked["nam"] = str(year) if year is not None else ""
    filters = LetterFilterForm(asked, fields=Field.objects.order_by("position"))
    found = selectors.LetterFilter()
    book = _book_asked(person, asked.get("don-vi", ""))
    if filters.is_valid():
        data = filters.cleaned_data
        found = selectors.LetterFilter(
            unit=book,
            year=data["year"],
            status=data["status"] or "",
            kind=data["kind"] or "",
            field=data["field"],
            text=data["text"] or "",
            due=data["due"] or "",
            today=inbox_today(timezone.localdate()) if data["due"] else None,
        )
    matching = selectors.letters_found(person, found)
    pages = paging.pages(
        total=matching.count(), number=request.GET.get(paging.PARAM), per_page=PAGE
    )
    rows = selectors.letters_rows(matching, pages.start, pages.end)
    return render(
        request,
        "petitions/letters.html",
        {
            "title": _("Sổ đơn thư"),
            "letters": rows,
            "filters": filters,
            "book": book,
            "pages": pages,
            "may_register": selectors.registering_units(person).exists(),
            # An empty page under a filter says so, not that the book is empty.
            "filtered": filters.is_valid()
            and (
                book is not None
                or any(
                    filters.cleaned_data[name]
                    for name in ("status", "kind", "field", "text", "due")
                )
            ),
        },
    )


def _places() -> Any:
    """The district-level committees a letter's place may lie in (for the reports by place)."""
    return Unit.objects.filter(
        kind__in=(UnitKind.DISTRICT_COMMITTEE, UnitKind.TOWN_COMMITTEE), is_active=True
    ).order_by("name")


def _covering(person: Person, unit: Unit | None, typed: str) -> IncomingDocument | None:
    """The covering document typed as its incoming number (`125` or `125/2011`) in the
    unit's book; a number not found is an error on the field."""
    if not typed.strip():
        return None
    match = _INCOMING_NUMBER.match(typed)
    documents = incoming_visible(person).filter(unit=unit) if unit is not None else None
    if match is not None and documents is not None:
        documents = documents.filter(number=int(match.group(1)))
        if match.group(2):
            documents = documents.filter(year=int(match.group(2)))
        found = documents.order_by("-year", "-number").first()
        if found is not None:
            return found
    raise ValidationError(
        {"covering": _("Không tìm thấy văn bản đến số “%(n)s” trong sổ của đơn vị.") % {"n": typed}}
    )


def _letter_values(person: Person, form: LetterForm, unit: Unit | None) -> dict[str, Any]:
    data = form.cleaned_data
    values: dict[str, Any] = {
        "received_on": data["received_on"],
        "channel": data["channel"],
        "summary": data["summary"],
        "anonymous": data["anonymous"],
        "field": data["field"],
        "place": data["place"],
        "place_unit": data["place_unit"],
        "subject_kind": data["subject_kind"],
        "subject": data["subject"],
        "covering": _covering(person, unit, data["covering"]),
        "sender_body": data["sender_body"],
        "group_size": data["group_size"],
        "files": uploads(data["scans"]),
        **form.kind_flags(),
    }
    if "citizens" in form.fields:
        values["citizens"] = data["citizens"]
    return values


def _from_visit(person: Person, visit: Visit) -> dict[str, Any]:
    """The register form filled from the visit a letter was handed in at: in person, its
    kinds, what was raised, and the visitors when the officer may read them."""
    readable = services_reception.visit_identity_read(actor=person, visit=visit)
    visitors = list(visit.citizens.all()) if readable else []
    return {
        "unit": visit.unit,
        "received_on": visit.session.day,
        "channel": Channel.IN_PERSON,
        "kinds": [kind for kind in selectors.KINDS if getattr(visit, kind)],
        "citizens": [(c.full_name, c.id_number, c.address, c.phone) for c in visitors],
        "group_size": visit.group_size,
        "field": visit.field,
        "place": visit.place,
        "place_unit": visit.place_unit,
        "summary": visit.raised,
    }


@login_required
@require_http_methods(["GET", "POST"])
def letter_register(request: HttpRequest) -> HttpResponse:
    """Register a letter; `?luot=<visit>` registers the one handed in at a visit, linked to it."""
    person = cast(Person, request.user)
    units = selectors.registering_units(person)
    visit = None
    initial: dict[str, Any] = {"received_on": timezone.localdate(), "channel": Channel.POST}
    if request.GET.get("luot"):
        visit = get_visible_or_404(
            selectors.visits_visible(person).select_related("unit", "session"),
            request.GET["luot"],
        )
        units = units.filter(pk=visit.unit_id)
        if request.method == "GET":
            initial = _from_visit(person, visit)
    form = LetterForm(
        request.POST or None,
        request.FILES or None,
        units=units,
        places=_places(),
        fields=selectors.fields_active(),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        letter = attempt(
            form,
            lambda: (
                services.letter_register(
                    actor=person, unit=unit, **_letter_values(person, form, unit)
                )
                if visit is None
                else services_visit_letter.letter_register_from_visit(
                    actor=person, visit=visit, **_letter_values(person, form, unit)
                )
            ),
        )
        if letter is not None:
            messages.success(request, _("Đã vào sổ đơn số %(n)s.") % {"n": letter.book_number})
            return redirect("petitions:letter", letter.uuid)
    return render(
        request,
        "petitions/letter_form.html",
        {
            "title": _("Vào sổ đơn thư"),
            "form": form,
            "no_unit": not units.exists(),
            "visit": visit,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def _edit_initial(letter: Letter, citizens: list[Any] | None) -> dict[str, Any]:
    covering = letter.covering
    return {
        "received_on": letter.received_on,
        "channel": letter.channel,
        "sender_body": letter.sender_body,
        "covering": f"{covering.number}/{covering.year}" if covering is not None else "",
        "kinds": [
            kind
            for kind in ("complaint", "denunciation", "proposal", "report")
            if getattr(letter, kind)
        ],
        "anonymous": letter.anonymous,
        "citizens": [(c.full_name, c.id_number, c.address, c.phone) for c in citizens or []],
        "group_size": letter.group_size,
        "field": letter.field,
        "place": letter.place,
        "place_unit": letter.place_unit,
        "subject_kind": letter.subject_kind,
        "subject": letter.subject,
        "summary": letter.summary,
    }


@login_required
@require_http_methods(["GET", "POST"])
def letter_edit(request: HttpRequest, letter_uuid: UUID) -> HttpResponse:
    """Correct a letter's registration data before its handling is decided. The petitioners
    are shown and replaced only by one who may read them."""
    person = cast(Person, request.user)
    letter = selectors.letter_or_404(person, letter_uuid)
    if not may_correct(person, letter):
        # As documents' form pages: a letter seen but not to be corrected (by this person, or
        # any more) goes back to its page with the reason; the form is never shown.
        messages.warning(
            request,
            _(
                "Bạn không sửa được thông tin vào sổ của đơn này (chỉ cán bộ xử lý, lãnh đạo "
                "đơn vị, trước khi có hướng xử lý)."
            ),
        )
        return redirect("petitions:letter", letter.uuid)
    reads = services.may_read(person, letter)
    if request.method == "GET":
        citizens = services.letter_identity_read(actor=person, letter=letter) if reads else None
        initial = _edit_initial(letter, citizens)
    else:
        initial = {}
    form = LetterForm(
        request.POST or None,
        request.FILES or None,
        units=None,
        places=_places(),
        fields=Field.objects.filter(
            Q(is_active=True) | Q(pk__in=[letter.field_id] if letter.field_id else [])
        ).order_by("position", "name"),
        with_citizens=reads,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        changed = attempt(
            form,
            lambda: services.letter_update(
                actor=person, letter=letter, **_letter_values(person, form, letter.unit)
            ),
        )
        if changed is not None:
            messages.success(request, _("Đã sửa thông tin vào sổ."))
            return redirect("petitions:letter", letter.uuid)
    return render(
        request,
        "petitions/letter_form.html",
        {
            "title": _("Sửa thông tin đơn số %(n)s") % {"n": letter.book_number},
            "form": form,
            "letter": letter,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_GET
def letter_file(request: HttpRequest, letter_file_uuid: UUID) -> FileResponse:
    person = cast(Person, request.user)
    stored = selectors.letter_file_or_404(person, letter_file_uuid)
    services.letter_file_open(actor=person, stored=stored)
    return download(stored.file, stored.filename)


# --- fields ------------------------------------------------------------------------------------


def _field_form(field: Field) -> FieldEditForm:
    return FieldEditForm(
        initial={"name": field.name, "position": field.position, "is_active": field.is_active},
        auto_id=f"id_field_{field.pk}_%s",
    )


@login_required
@require_http_methods(["GET", "POST"])
def fields(request: HttpRequest) -> HttpResponse:
    """The fields (lĩnh vực) of letters; those who keep them add one here."""
    person = cast(Person, request.user)
    keeps = workflow.may_manage_fields(person)
    form = FieldForm(request.POST or None) if keeps else None
    if request.method == "POST" and form is not None and form.is_valid():
        data = form.cleaned_data
        created = attempt(
            form,
            lambda: services_fields.field_create(
                actor=person, name=data["name"], position=data["position"]
            ),
        )
        if created is not None:
            messages.success(request, _("Đã thêm lĩnh vực “%(name)s”.") % {"name": created.name})
            return redirect("petitions:fields")
    rows = list(Field.objects.order_by("position", "name"))
    edits: list[tuple[Field, FieldEditForm | None]] = [
        (field, _field_form(field) if keeps else None) for field in rows
    ]
    return render(
        request,
        "petitions/fields.html",
        {"title": _("Lĩnh vực đơn thư"), "form": form, "rows": edits, "keeps": keeps},
        status=400 if form is not None and form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def field_edit(request: HttpRequest, field_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    field = get_object_or_404(Field, uuid=field_uuid)
    form = FieldEditForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        changed = attempt(
            form,
            lambda: services_fields.field_update(
                actor=person,
                field=field,
                name=data["name"],
                position=data["position"],
                is_active=data["is_active"],
            ),
        )
        if changed is not None:
            messages.success(request, _("Đã sửa lĩnh vực “%(name)s”.") % {"name": changed.name})
            return redirect("petitions:fields")
    messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("petitions:fields")
