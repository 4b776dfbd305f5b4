"""One letter's page: its registration data, classification, handling, result, clocks,
history and files, with the forms the person may use on it (take it, give it to a handler,
classify, decide the handling, record the result, record that the petitioner was told, close),
and the POST of each form.

The petitioners show only to one who may read them (`workflow.may_read_identity`), and then
through `services.letter_identity_read`, so reading a denouncer's identity is audited.
`LETTER_ACTIONS` is the one list of the forms: the page shows those whose `allowed` holds; the
service, not `allowed`, is what refuses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from vanphong.core.forms import BootstrapForm, attempt
from vanphong.documents.forms_outgoing import uploads
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.org.models import Person, Unit
from vanphong.org.selectors import committee_of, unit_subtree
from vanphong.petitions import selectors, services, views_duplicates, workflow
from vanphong.petitions import services_handling as handling
from vanphong.petitions.forms import (
    ClassifyForm,
    CloseForm,
    FilesForm,
    HandleForm,
    HandlerForm,
    ResultForm,
    ToldForm,
)
from vanphong.petitions.forms_clocks import ExtensionForm, SuspensionEndForm, SuspensionForm
from vanphong.petitions.models import Handling, Letter, LetterStatus


def _boards(letter: Letter) -> Any:
    """The units of the letter's committee a letter may be given to for verification."""
    committee = committee_of(letter.unit)
    if committee is None:
        return Unit.objects.none()
    return (
        Unit.objects.filter(pk__in=unit_subtree(committee), is_active=True)
        .exclude(pk__in=[committee.pk, letter.unit_id])
        .order_by("name")
    )


# --- who sees which form -------------------------------------------------------------------


def _acts(person: Person, letter: Letter) -> bool:
    return workflow.may_act(person, unit=letter.unit, handler_id=letter.handler_id)


def _open(letter: Letter) -> bool:
    return letter.status != LetterStatus.CLOSED


def _takes(person: Person, letter: Letter) -> bool:
    return _open(letter) and workflow.may_take(person, letter.unit, letter.handler_id)


def _leads(person: Person, letter: Letter) -> bool:
    return _open(letter) and workflow.may_lead(person, letter.unit)


def _classifies(person: Person, letter: Letter) -> bool:
    unhandled = letter.status in (LetterStatus.REGISTERED, LetterStatus.CLASSIFIED)
    return unhandled and not letter.handling and _acts(person, letter)


def may_correct(person: Person, letter: Letter) -> bool:
    """Whether the correction page (`/sua/`) is offered: as the classification, before the
    handling is decided, to one who may act (services.letter_update refuses the rest)."""
    return _classifies(person, letter)


def _handles(person: Person, letter: Letter) -> bool:
    return (
        letter.status == LetterStatus.CLASSIFIED and not letter.handling and _acts(person, letter)
    )


def _records_result(person: Person, letter: Letter) -> bool:
    waiting = letter.status == LetterStatus.FOLLOWING and letter.result_on is None
    return (
        waiting and letter.handling in (Handling.ASSIGN, Handling.ACCEPT) and _acts(person, letter)
    )


def _forwards(person: Person, letter: Letter) -> bool:
    """The forward page is offered until another handling is decided (services_forward
    refuses the rest)."""
    undecided = letter.handling in ("", Handling.FORWARD)
    return _open(letter) and undecided and _acts(person, letter)


def _tells(person: Person, letter: Letter) -> bool:
    if letter.anonymous or not letter.handling or letter.told_on is not None:
        return False
    if letter.handling in handling.FOLLOWED and handling.result_in(letter) is None:
        return False
    return _acts(person, letter)


# --- the forms -----------------------------------------------------------------------------


def _classify_form(letter: Letter, data: Any, person: Person) -> BootstrapForm:
    initial = {
        **handling.proposed_classification(letter),
        "kinds": [k for k in ("complaint", "denunciation", "proposal", "report")
                  if getattr(letter, k)],
        "field": letter.field,
        "complexity": letter.complexity,
        "remote": letter.remote,
        "second_complaint": letter.second_complaint,
        "classified_on": timezone.localdate(),
    }  # fmt: skip
    if letter.eligibility:
        initial.update(eligibility=letter.eligibility, ineligible_reason=letter.ineligible_reason)
    return ClassifyForm(data, fields=selectors.fields_active(), initial=initial)


def _classify(person: Person, letter: Letter, form: Any) -> Any:
    data = form.cleaned_data
    return handling.letter_classify(
        actor=person,
        letter=letter,
        eligibility=data["eligibility"],
        ineligible_reason=data["ineligible_reason"],
        field=data["field"],
        complexity=data["complexity"],
        remote=data["remote"],
        second_complaint=data["second_complaint"],
        classified_on=data["classified_on"],
        **form.kind_flags(),
    )


def _handle(person: Person, letter: Letter, form: Any) -> Any:
    data = form.cleaned_data
    return handling.letter_handle(
        actor=person,
        letter=letter,
        handling=data["handling"],
        note=data["note"],
        assigned_unit=data["assigned_unit"],
        accepted_on=data["accepted_on"],
        handled_on=data["handled_on"],
        guide_document=data["guide_document"],
    )


def _guides(person: Person, letter: Letter) -> Any:
    """The outgoing documents of the letter's unit the person sees: the guide letter's."""
    return outgoing_visible(person).filter(unit=letter.unit_id)


def _files_add(person: Person, letter: Letter, form: Any) -> Any:
    data = form.cleaned_data
    return services.letter_files_add(
        actor=person, letter=letter, files=uploads(data["scans"]), kind=data["kind"]
    )


@dataclass(frozen=True)
class LetterAction:
    """One form of the letter page; `form` None for a button without fields. `form` is given
    the letter, the posted data (None for an empty form) and the person."""

    slug: str
    label: Promise
    form: Callable[[Letter, Any, Person], BootstrapForm] | None
    allowed: Callable[[Person, Letter], bool]
    run: Callable[[Person, Letter, Any], Any]
    message: Promise


# In the order the page shows them.
LETTER_ACTIONS: dict[str, LetterAction] = {
    action.slug: action
    for action in (
        LetterAction(
            "nhan-xu-ly",
            gettext_lazy("Nhận xử lý đơn này"),
            None,
            _takes,
            lambda person, letter, form: handling.letter_take(actor=person, letter=letter),
            gettext_lazy("Bạn đã nhận xử lý đơn."),
        ),
        LetterAction(
            "can-bo",
            gettext_lazy("Giao cán bộ xử lý"),
            lambda letter, data, person: HandlerForm(
                data, candidates=handling.handler_candidates(letter.unit)
            ),
            _leads,
            lambda person, letter, form: handling.letter_handler_assign(
                actor=person, letter=letter, handler=form.cleaned_data["handler"]
            ),
            gettext_lazy("Đã giao cán bộ xử lý."),
        ),
        LetterAction(
            "phan-loai",
            gettext_lazy("Phân loại đơn"),
            _classify_form,
            _classifies,
            _classify,
            gettext_lazy("Đã phân loại đơn."),
        ),
        LetterAction(
            "xu-ly",
            gettext_lazy("Hướng xử lý"),
            lambda letter, data, person: HandleForm(
                data,
                boards=_boards(letter),
                guides=_guides(person, letter),
                initial={"handled_on": timezone.localdate()},
            ),
            _handles,
            _handle,
            gettext_lazy("Đã ghi hướng xử lý."),
        ),
        LetterAction(
            "ket-qua",
            gettext_lazy("Kết quả giải quyết"),
            lambda letter, data, person: ResultForm(
                data, initial={"result_on": timezone.localdate()}
            ),
            _records_result,
            lambda person, letter, form: handling.letter_result_record(
                actor=person,
                letter=letter,
                result=form.cleaned_data["result"],
                result_on=form.cleaned_data["result_on"],
            ),
            gettext_lazy("Đã ghi kết quả."),
        ),
        LetterAction(
            "thong-bao",
            gettext_lazy("Thông báo cho người gửi đơn"),
            lambda letter, data, person: ToldForm(data, initial={"told_on": timezone.localdate()}),
            _tells,
            lambda person, letter, form: handling.letter_told(
                actor=person,
                letter=letter,
                told_on=form.cleaned_data["told_on"],
                told_how=form.cleaned_data["told_how"],
            ),
            gettext_lazy("Đã ghi việc thông báo cho người gửi đơn."),
        ),
        LetterAction(
            "them-tep",
            gettext_lazy("Thêm tệp"),
            lambda letter, data, person: FilesForm(data),
            _acts,
            _files_add,
            gettext_lazy("Đã thêm tệp vào đơn."),
        ),
        LetterAction(
            "ket-thuc",
            gettext_lazy("Kết thúc đơn"),
            lambda letter, data, person: CloseForm(
                data, initial={"closed_on": timezone.localdate()}
            ),
            _leads,
            lambda person, letter, form: handling.letter_close(
                actor=person,
                letter=letter,
                reason=form.cleaned_data["reason"],
                closed_on=form.cleaned_data["closed_on"],
            ),
            gettext_lazy("Đã kết thúc đơn."),
        ),
    )
}


# What the history says of each audited change.
HISTORY_LABELS = {
    "letter.register": gettext_lazy("Vào sổ"),
    "letter.update": gettext_lazy("Sửa thông tin vào sổ"),
    "letter.files_add": gettext_lazy("Thêm tệp"),
    "letter.identity_read": gettext_lazy("Xem thông tin người tố cáo"),
    "letter.take": gettext_lazy("Nhận xử lý"),
    "letter.handler_assign": gettext_lazy("Giao cán bộ xử lý"),
    "letter.classify": gettext_lazy("Phân loại"),
    "letter.handle": gettext_lazy("Ghi hướng xử lý"),
    "letter.result": gettext_lazy("Ghi kết quả"),
    "letter.told": gettext_lazy("Thông báo cho người gửi đơn"),
    "letter.close": gettext_lazy("Kết thúc"),
    "letter.forward": gettext_lazy("Chuyển đơn"),
}


# --- the page ------------------------------------------------------------------------------


def _tell_prompt(letter: Letter, result_day: Any) -> bool:
    """The results are in and the petitioner still waits to be told: the step left before the
    letter closes (an anonymous letter has nobody to tell)."""
    return (
        letter.handling in handling.FOLLOWED
        and result_day is not None
        and letter.told_on is None
        and not letter.anonymous
    )


def _clock_forms(person: Person, letter: Letter) -> dict[str, Any]:
    """The extension and suspension forms, for one who may act on an accepted complaint or
    denunciation still waiting for its result (services_clocks refuses the rest)."""
    settling = (
        (letter.complaint or letter.denunciation)
        and letter.handling == Handling.ACCEPT
        and letter.accepted_on is not None
        and letter.result_on is None
        and _open(letter)
    )
    extensions = list(letter.extensions.order_by("decision_date", "id"))
    suspensions = list(letter.suspensions.order_by("starts_on", "id"))
    shown: dict[str, Any] = {"extensions": extensions, "suspensions": suspensions}
    if not (settling and _acts(person, letter)):
        return {**shown, "clocks_allowed": False}
    suspended = any(s.ends_on is None for s in suspensions)
    return {
        **shown,
        "clocks_allowed": True,
        "extension_form": ExtensionForm(auto_id="id_gia-han_%s"),
        "suspension_form": None if suspended else SuspensionForm(auto_id="id_tam-dinh-chi_%s"),
        "suspension_end_form": SuspensionEndForm(auto_id="id_ket-thuc-tdc_%s")
        if suspended
        else None,
    }


def _page(
    request: HttpRequest, letter: Letter, bound: tuple[str, BootstrapForm] | None = None
) -> HttpResponse:
    person = cast(Person, request.user)
    reads = services.may_read(person, letter)
    citizens = services.letter_identity_read(actor=person, letter=letter) if reads else None
    forms: list[tuple[LetterAction, BootstrapForm | None]] = []
    for action in LETTER_ACTIONS.values():
        if bound is not None and bound[0] == action.slug:
            forms.append((action, bound[1]))
        elif action.allowed(person, letter):
            forms.append((action, action.form(letter, None, person) if action.form else None))
    result_day = handling.result_in(letter)
    return render(
        request,
        "petitions/letter.html",
        {
            **views_duplicates.fragment_context(person, letter),
            **_clock_forms(person, letter),
            "title": _("Đơn số %(n)s") % {"n": letter.book_number},
            "letter": letter,
            "reads": reads,
            "citizens": citizens,
            "protects": workflow.protects_identity(denunciation=letter.denunciation),
            "deadlines": list(letter.deadlines.order_by("due_on", "id")),
            "history": [
                (event, HISTORY_LABELS.get(event.action, event.action))
                for event in selectors.letter_history(letter)
            ],
            "files": selectors.letter_files(person, letter),
            "forms": forms,
            "edits": _classifies(person, letter),
            "result_in": result_day,
            "tell_prompt": _tell_prompt(letter, result_day),
            "covering_seen": letter.covering_id is not None
            and incoming_visible(person).filter(pk=letter.covering_id).exists(),
            "guide_seen": letter.guide_document_id is not None
            and outgoing_visible(person).filter(pk=letter.guide_document_id).exists(),
            "visits": list(letter.visits.select_related("session").order_by("year", "number")),
            "forwards": selectors.forwards_of(letter),
            "forwards_to": _forwards(person, letter),
            "may_act": _acts(person, letter),
            "today": timezone.localdate(),
        },
        status=400 if bound is not None else 200,
    )


def _letter(person: Person, letter_uuid: UUID) -> Letter:
    return selectors.letter_or_404(person, letter_uuid)


@login_required
@require_GET
def letter(request: HttpRequest, letter_uuid: UUID) -> HttpResponse:
    item = _letter(cast(Person, request.user), letter_uuid)
    return _page(request, _related(item))


def _related(letter: Letter) -> Letter:
    return (
        Letter.objects.select_related(
            "unit", "handler", "field", "covering", "place_unit", "assigned_unit",
            "guide_document", "created_by",
        ).get(pk=letter.pk)
    )  # fmt: skip


@login_required
@require_POST
def letter_action(request: HttpRequest, letter_uuid: UUID, action: str) -> HttpResponse:
    """One form of the letter page; a refusal or bad input shows the page again with what was
    typed and the reason, and nothing is saved."""
    person = cast(Person, request.user)
    item = _related(_letter(person, letter_uuid))
    chosen = LETTER_ACTIONS.get(action)
    if chosen is None:
        raise Http404
    if chosen.form is None:
        try:
            chosen.run(person, item, None)
        except (ValidationError, PermissionDenied) as error:
            text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            messages.error(request, text)
            return redirect("petitions:letter", item.uuid)
    else:
        form = chosen.form(item, request.POST, person)
        if form.is_multipart():
            # The factories take the posted fields only; the files come with the request.
            form.files = request.FILES
        if not form.is_valid():
            return _page(request, item, (action, form))
        if attempt(form, lambda: chosen.run(person, item, form)) is None:
            return _page(request, item, (action, form))
    messages.success(request, str(chosen.message))
    return redirect("petitions:letter", item.uuid)
