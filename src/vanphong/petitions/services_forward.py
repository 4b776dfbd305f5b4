"""Forwarding a letter to the body competent to settle it, and following it until the result.

The forwarding note (phiếu chuyển đơn) is an outgoing draft of the letter's unit, made through
the documents flow (`services_outgoing.outgoing_create`): it is approved, signed, numbered and
sent there like any công văn. The copy sent with it is, for a denunciation, a generated
redacted copy (`redaction`), kept among the letter's files next to the untouched original;
otherwise the original scans. The petitioner is told of the result on the letter's page (the
letters book's "told" step), which closes the letter.
"""

from __future__ import annotations

import io
from contextlib import ExitStack
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.files import open_stored, store
from vanphong.core.vietnamese import clean, format_date
from vanphong.documents import selectors as document_selectors
from vanphong.documents import services_outgoing
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.documents.services import Upload
from vanphong.org.models import Person, Unit
from vanphong.petitions import clocks, redaction, workflow
from vanphong.petitions.models import (
    Citizen,
    Eligibility,
    FileKind,
    Forward,
    Handling,
    IneligibleReason,
    Letter,
    LetterFile,
    LetterStatus,
)
from vanphong.petitions.services import denouncer_in_text
from vanphong.petitions.services_handling import close_if_done

NOTE_TYPE = "CV"  # a Party office forwards a letter by công văn (PARTY_TYPES has no "phiếu")
# The scans sent with a note for a letter that protects nobody's identity.
SENT_KINDS = (FileKind.LETTER, FileKind.EVIDENCE)


def _lock_letter(letter: Letter) -> Letter:
    # `of`: PostgreSQL locks no row of the nullable side of an outer join (the field).
    return (
        Letter.objects.select_for_update(of=("self",))
        .select_related("unit", "field")
        .get(pk=letter.pk)
    )


def _require_actor(actor: Person, letter: Letter) -> None:
    if not workflow.may_act(actor, unit=letter.unit, handler_id=letter.handler_id):
        raise PermissionDenied(_("Bạn không xử lý đơn này."))


def _default_subject(letter: Letter) -> str:
    # One subject for every letter: a denouncer is never named, and neither is anyone else.
    kinds = " ".join(kind.lower() for kind in letter.kinds())
    return _("V/v chuyển đơn %(kinds)s của công dân") % {"kinds": kinds}


def _forward_checks(
    letter: Letter,
    *,
    to_body: str,
    forwarded_on: date,
    subject: str,
    values: list[str],
) -> None:
    """Every refusal of a forward, all at once, before anything is written."""
    if letter.status == LetterStatus.CLOSED:
        raise ValidationError(_("Đơn đã kết thúc xử lý; không chuyển được."))
    if letter.purged_at is not None:
        raise ValidationError(_("Dữ liệu của đơn đã được xóa theo thời hạn lưu trữ."))
    if letter.handling and letter.handling != Handling.FORWARD:
        raise ValidationError(
            _("Đơn đã có hướng xử lý khác (%(handling)s).")
            % {"handling": Handling(letter.handling).label}
        )
    # An ineligible letter is not processed, unless what it lacks is the Office's competence:
    # that is exactly the letter to forward.
    if (
        letter.eligibility == Eligibility.INELIGIBLE
        and letter.ineligible_reason != IneligibleReason.NOT_COMPETENT
    ):
        raise ValidationError(_("Đơn không đủ điều kiện xử lý; không chuyển đơn."))
    errors: dict[str, str] = {}
    if not to_body:
        errors["to_body"] = _("Cần nhập cơ quan nhận đơn.")
    elif len(to_body) > 300:
        errors["to_body"] = _("Tên cơ quan dài tối đa 300 ký tự.")
    elif to_body.casefold() in {
        # Compared here: SQLite's iexact folds ASCII only ("Ủy" is not "ủy" there).
        body.casefold()
        for body in letter.forwards.filter(result_on__isnull=True).values_list("to_body", flat=True)
    }:
        errors["to_body"] = _("Đơn đã chuyển đến cơ quan này và đang chờ kết quả.")
    if forwarded_on < letter.received_on:
        errors["forwarded_on"] = _("Ngày chuyển đơn không được trước ngày nhận đơn (%(day)s).") % {
            "day": format_date(letter.received_on)
        }
    elif forwarded_on > timezone.localdate():
        errors["forwarded_on"] = _("Ngày chuyển đơn không được ở tương lai.")
    if letter.denunciation and redaction.names_identity(subject, values):
        errors["note_subject"] = _("Trích yếu không được nêu thông tin của người tố cáo.")
    if errors:
        raise ValidationError(errors)


def _note_body(
    letter: Letter, citizens: list[Citizen], *, to_body: str, due: date, values: list[str]
) -> str:
    """The draft's text: what the letter is, where it goes, and when the result is owed."""
    kinds = ", ".join(kind.lower() for kind in letter.kinds())
    if letter.anonymous:
        sender = _("không rõ họ tên, địa chỉ (nặc danh)")
    elif letter.denunciation:
        sender = _("của công dân (thông tin người tố cáo được giữ bí mật)")
    else:
        sender = "; ".join(
            ", ".join(part for part in (c.full_name, c.address) if part) for c in citizens
        )
        sender = _("của %(who)s") % {"who": sender}
    summary = redaction.redact(letter.summary, values) if letter.denunciation else letter.summary
    subject = redaction.redact(letter.subject, values) if letter.denunciation else letter.subject
    lines = [
        _(
            "Ngày %(day)s, %(unit)s nhận được đơn (%(kinds)s) %(sender)s, vào sổ đơn thư số "
            "%(number)s."
        )
        % {
            "day": format_date(letter.received_on),
            "unit": letter.unit.name,
            "kinds": kinds,
            "sender": sender,
            "number": letter.book_number,
        },
        _("Nội dung: %(summary)s") % {"summary": summary},
    ]
    if subject:
        lines.append(_("Người, tổ chức, quyết định bị đề cập: %(subject)s") % {"subject": subject})
    lines.append(
        _(
            "%(unit)s chuyển đơn đến %(body)s để xem xét, giải quyết theo thẩm quyền và đề nghị "
            "thông báo kết quả giải quyết về %(unit)s trước ngày %(due)s."
        )
        % {"unit": letter.unit.name, "body": to_body, "due": format_date(due)}
    )
    if letter.denunciation:
        lines.append(
            _(
                "Gửi kèm: bản sao nội dung đơn (đã che thông tin người tố cáo). Đề nghị giữ bí "
                "mật họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo "
                "theo quy định của pháp luật."
            )
        )
    else:
        lines.append(_("Gửi kèm: bản sao đơn."))
    return "\n\n".join(lines)


@transaction.atomic
def letter_forward(
    *,
    actor: Person,
    letter: Letter,
    to_body: str,
    forwarded_on: date,
    to_unit: Unit | None = None,
    note_subject: str = "",
) -> Forward:
    """Forward the letter to `to_body` (`to_unit` when it is a unit of the system): the
    forwarding note drafted as an outgoing công văn of the letter's unit, the copy attached
    (redacted for a denunciation), the letter followed until the body's result comes back.
    A letter may go to several bodies; one forward each."""
    letter = _lock_letter(letter)
    _require_actor(actor, letter)
    to_body = clean(to_body) or (to_unit.name if to_unit is not None else "")
    citizens = list(letter.citizens.all())
    values = redaction.identity_values(citizens)
    subject = clean(note_subject) or _default_subject(letter)
    _forward_checks(
        letter, to_body=to_body, forwarded_on=forwarded_on, subject=subject, values=values
    )
    due = clocks.forward_due(letter, forwarded_on)
    body = _note_body(letter, citizens, to_body=to_body, due=due, values=values)
    with ExitStack() as files:
        if letter.denunciation:
            content = redaction.redacted_copy_pdf(letter, citizens)
            checked = store(io.BytesIO(content))
            copy: LetterFile | None = LetterFile.objects.create(
                letter=letter,
                file=checked.stored,
                filename=redaction.copy_filename(letter),
                kind=FileKind.REDACTED,
                reveals_identity=False,
                uploaded_by=actor,
            )
            uploads = [Upload(redaction.copy_filename(letter), io.BytesIO(content))]
        else:
            originals = list(
                letter.files.filter(kind__in=SENT_KINDS).select_related("file").order_by("id")
            )
            copy = originals[0] if originals else None
            uploads = [
                Upload(original.filename, files.enter_context(open_stored(original.file)))
                for original in originals
            ]
        note = services_outgoing.outgoing_create(
            actor=actor,
            unit=letter.unit,
            type_symbol=NOTE_TYPE,
            subject=subject,
            body=body,
            attachments=uploads,
        )
    forward = Forward.objects.create(
        letter=letter,
        to_body=to_body,
        to_unit=to_unit,
        note=note,
        copy=copy,
        forwarded_on=forwarded_on,
        result_due_on=due,
        created_by=actor,
    )
    before = audit.snapshot(letter, ("handling", "handled_on", "status"))
    letter.handling = Handling.FORWARD
    letter.handled_on = min(letter.handled_on or forwarded_on, forwarded_on)
    letter.status = LetterStatus.FOLLOWING
    letter.save(update_fields=["handling", "handled_on", "status"])
    # Names no petitioner: the event log is read by auditors who may not read the identity.
    audit.record(
        actor=actor,
        action="letter.forward",
        target=letter,
        before=before,
        after={
            **audit.snapshot(letter, ("handling", "handled_on", "status")),
            "forward": str(forward.uuid),
            "to_body": to_body,
            "forwarded_on": forwarded_on,
            "result_due_on": due,
            "note": str(note.uuid),
            "redacted": letter.denunciation,
        },
    )
    clocks.refresh(letter)
    return forward


def _lock_forward(forward: Forward) -> tuple[Forward, Letter]:
    # The letter first, as letter_forward locks it: two services never wait on each other.
    letter = _lock_letter(Letter(pk=forward.letter_id))
    locked = Forward.objects.select_for_update().get(pk=forward.pk)
    locked.letter = letter
    return locked, letter


@transaction.atomic
def forward_result_record(
    *,
    actor: Person,
    forward: Forward,
    result: str,
    result_on: date,
    reply: IncomingDocument | None = None,
) -> Forward:
    """The receiving body's result, with its reply document from the incoming book. Once every
    forward of the letter has its result the letter has its result, and the follow-up clock is
    met; telling the petitioner is the letter page's step."""
    forward, letter = _lock_forward(forward)
    _require_actor(actor, letter)
    result = clean(result)
    errors: dict[str, str] = {}
    if not result:
        errors["result"] = _("Cần nhập kết quả giải quyết.")
    if result_on < forward.forwarded_on:
        errors["result_on"] = _("Ngày nhận kết quả không được trước ngày chuyển đơn (%(day)s).") % {
            "day": format_date(forward.forwarded_on)
        }
    elif result_on > timezone.localdate():
        errors["result_on"] = _("Ngày nhận kết quả không được ở tương lai.")
    if reply is not None:
        visible = document_selectors.incoming_visible(actor).filter(pk=reply.pk).exists()
        if not visible or reply.unit_id != letter.unit_id:
            errors["reply"] = _("Văn bản trả lời phải là văn bản đến của đơn vị giữ đơn.")
    errors.update(denouncer_in_text(letter, result=result))
    if errors:
        raise ValidationError(errors)
    fields = ("result", "result_on")
    before = {**audit.snapshot(forward, fields), "reply": _uuid(forward.reply)}
    forward.result = result
    forward.result_on = result_on
    forward.reply = reply
    forward.save(update_fields=["result", "result_on", "reply"])
    audit.record(
        actor=actor,
        action="forward.result",
        target=forward,
        before=before,
        after={**audit.snapshot(forward, fields), "reply": _uuid(reply)},
    )
    _letter_result(letter)
    clocks.refresh(letter)
    # An anonymous letter, or one whose petitioner was told already, is done with its result.
    close_if_done(actor, letter)
    return forward


def _uuid(document: IncomingDocument | OutgoingDocument | None) -> str | None:
    return str(document.uuid) if document is not None else None


def _letter_result(letter: Letter) -> None:
    """The letter's result once every forward has one: each body's, on the latest date."""
    forwards = list(letter.forwards.order_by("forwarded_on", "id"))
    if any(f.result_on is None for f in forwards):
        return
    letter.result = "\n".join(f"{f.to_body}: {f.result}" for f in forwards)
    letter.result_on = max(f.result_on for f in forwards if f.result_on is not None)
    letter.save(update_fields=["result", "result_on"])
