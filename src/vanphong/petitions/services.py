"""Every write to the petitions book: registering a letter and correcting it, reading a
denouncer's identity (an audited read), and the fields (lĩnh vực). The handling of a letter —
handler, classification, handling, result, telling the petitioner, closing — is in
`services_handling`; the building blocks both use are here.

The fields (lĩnh vực) are kept in `services_fields`.

A letter's number (số vào sổ) comes from core.numbering inside the registration's transaction
and only after every check passed, so a refused registration uses no number. The audit events
of a denunciation never carry its petitioners' identity (Luật Tố cáo 2018 điều 47–48): the
audit log is read by administrators, who may not read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.files import Checked, safe_filename, store, stored_name
from vanphong.core.numbering import allocate
from vanphong.core.vietnamese import clean, fold
from vanphong.documents.models import IncomingDocument
from vanphong.documents.selectors import incoming_visible
from vanphong.documents.services import Upload
from vanphong.org.models import Person, Unit
from vanphong.petitions import clocks, redaction, workflow
from vanphong.petitions.identity import id_number_clean
from vanphong.petitions.models import (
    Channel,
    Citizen,
    Field,
    FileKind,
    Letter,
    LetterFile,
    LetterStatus,
    SubjectKind,
    Visit,
)

# What the audit keeps of a letter: never its petitioners (they are Citizen rows).
LETTER_FIELDS = (
    "unit",
    "year",
    "number",
    "received_on",
    "channel",
    "covering",
    "sender_body",
    "anonymous",
    "complaint",
    "denunciation",
    "proposal",
    "report",
    "field",
    "place",
    "place_unit",
    "subject_kind",
    "subject",
    "summary",
    "group_size",
    "second_complaint",
    "complexity",
    "remote",
    "status",
    "handler",
    "eligibility",
    "ineligible_reason",
    "classified_on",
    "handling",
    "handled_on",
    "handling_note",
    "assigned_unit",
    "accepted_on",
    "result",
    "result_on",
    "told_on",
    "told_how",
    "guide_document",
    "closed_on",
)


@dataclass(frozen=True)
class CitizenData:
    """A petitioner as the services take it."""

    full_name: str
    id_number: str = ""
    id_issued: str = ""
    address: str = ""
    phone: str = ""
    is_representative: bool = False


def series(unit: Unit, year: int) -> str:
    """The numbering series of a unit's petitions book for a year."""
    return f"petitions.letter:{unit.pk}:{year}"


# --- building blocks: called inside a service's transaction ---------------------------------


def letter_lock(letter: Letter) -> Letter:
    """The letter, locked for the rest of the transaction, with its unit and handler."""
    return (
        Letter.objects.select_for_update(of=("self",))
        .select_related("unit", "handler")
        .get(pk=letter.pk)
    )


def require_act(actor: Person, letter: Letter) -> None:
    if not workflow.may_act(actor, unit=letter.unit, handler_id=letter.handler_id):
        raise PermissionDenied(_("Bạn không được xử lý đơn này."))


def may_read(actor: Person, letter: Letter) -> bool:
    return workflow.may_read_identity(
        actor, unit=letter.unit, handler_id=letter.handler_id, denunciation=letter.denunciation
    )


def letter_audit(
    actor: Person,
    letter: Letter,
    action: str,
    before: dict[str, Any] | None = None,
    **extra: Any,
) -> None:
    audit.record(
        actor=actor,
        action=action,
        target=letter,
        before=before,
        after={**audit.snapshot(letter, LETTER_FIELDS), **extra},
    )


def denouncer_in_text(letter: Letter, **texts: str) -> dict[str, str]:
    """The errors of a denunciation's free text written while it is handled (a note, a result,
    how the petitioner was told) that names its denouncer: it is kept in the audit and shown
    to all who see the letter."""
    if not workflow.protects_identity(denunciation=letter.denunciation):
        return {}
    return redaction.free_text_errors(texts, letter.citizens.all())


def day_check(errors: dict[str, str], name: str, day: date | None, *, after: date | None) -> None:
    """A date of the letter's handling: not in the future, not before `after`."""
    if day is None:
        return
    if day > timezone.localdate():
        errors[name] = _("Ngày không được sau hôm nay.")
    elif after is not None and day < after:
        errors[name] = _("Ngày không được trước %(day)s.") % {"day": after.strftime("%d/%m/%Y")}


def _citizens_clean(citizens: Sequence[CitizenData], errors: dict[str, str]) -> list[CitizenData]:
    cleaned: list[CitizenData] = []
    problems: list[str] = []
    for position, citizen in enumerate(citizens, start=1):
        name = clean(citizen.full_name)
        if not name:
            problems.append(_("Người gửi đơn thứ %(n)s chưa có họ tên.") % {"n": position})
            continue
        try:
            number = id_number_clean(citizen.id_number)
        except ValidationError as error:
            problems.extend(error.messages)
            continue
        cleaned.append(
            CitizenData(
                full_name=name[:200],
                id_number=number,
                id_issued=clean(citizen.id_issued)[:200],
                address=clean(citizen.address)[:300],
                phone=clean(citizen.phone)[:30],
                is_representative=citizen.is_representative,
            )
        )
    if problems:
        errors["citizens"] = " ".join(problems)
    return cleaned


@dataclass(frozen=True)
class _Checked:
    citizens: list[CitizenData]
    values: dict[str, Any]


def _check(
    actor: Person,
    *,
    received_on: date,
    channel: str,
    summary: str,
    complaint: bool,
    denunciation: bool,
    proposal: bool,
    report: bool,
    anonymous: bool,
    citizens: Sequence[CitizenData] | None,
    field: Field | None,
    place: str,
    place_unit: Unit | None,
    subject_kind: str,
    subject: str,
    covering: IncomingDocument | None,
    sender_body: str,
    group_size: int | None,
    current_field: int | None = None,
    kept_citizens: Sequence[Citizen] = (),
) -> _Checked:
    """Every check of a letter's registration data, all errors at once, on their fields."""
    errors: dict[str, str] = {}
    cleaned: list[CitizenData] = []
    if citizens is not None:
        cleaned = _citizens_clean(citizens, errors)
        if "citizens" not in errors:
            if anonymous and cleaned:
                errors["citizens"] = _("Đơn nặc danh không ghi người gửi đơn.")
            elif not anonymous and not cleaned:
                errors["citizens"] = _(
                    "Cần ghi ít nhất một người gửi đơn, hoặc đánh dấu đơn nặc danh."
                )
    if not (complaint or denunciation or proposal or report):
        errors["kinds"] = _("Chọn ít nhất một loại đơn: khiếu nại, tố cáo, kiến nghị, phản ánh.")
    if received_on > timezone.localdate():
        errors["received_on"] = _("Ngày nhận không được sau hôm nay.")
    if channel not in Channel.values:
        errors["channel"] = _("Nguồn đơn không hợp lệ.")
    summary = clean(summary)
    if not summary:
        errors["summary"] = _("Cần nhập nội dung tóm tắt của đơn.")
    if subject_kind and subject_kind not in SubjectKind.values:
        errors["subject_kind"] = _("Đối tượng không hợp lệ.")
    if field is not None and not field.is_active and field.pk != current_field:
        errors["field"] = _("Lĩnh vực “%(name)s” không còn dùng.") % {"name": field.name}
    if covering is not None and not incoming_visible(actor).filter(pk=covering.pk).exists():
        errors["covering"] = _("Bạn không được xem văn bản này; chọn văn bản đến khác.")
    sender_body = clean(sender_body)[:300]
    if channel == Channel.FORWARDED and not sender_body and covering is None:
        errors["sender_body"] = _(
            "Đơn do cơ quan khác chuyển đến: ghi cơ quan chuyển hoặc chọn văn bản chuyển đơn."
        )
    if covering is not None and not sender_body:
        sender_body = covering.sender_name[:300]
    if denunciation:
        # A denouncer named in the free text would be shown wherever the letter is listed.
        named: Sequence[redaction.Identity] = cleaned if citizens is not None else kept_citizens
        texts = {"summary": summary, "subject": clean(subject), "place": clean(place)}
        errors.update(redaction.free_text_errors(texts, named))
    signers = len(cleaned)
    if group_size is not None and (
        group_size < 1 or (citizens is not None and group_size < signers)
    ):
        errors["group_size"] = _("Số người đứng đơn phải từ 1 và không ít hơn số người đã ghi.")
    if errors:
        raise ValidationError(errors)
    values: dict[str, Any] = {
        "received_on": received_on,
        "channel": channel,
        "summary": summary,
        "summary_folded": fold(summary),
        "complaint": complaint,
        "denunciation": denunciation,
        "proposal": proposal,
        "report": report,
        "anonymous": anonymous,
        "field": field,
        "place": clean(place)[:300],
        "place_unit": place_unit,
        "subject_kind": subject_kind,
        "subject": clean(subject)[:300],
        "covering": covering,
        "sender_body": sender_body,
    }
    if group_size is not None:
        values["group_size"] = group_size
    elif citizens is not None:
        values["group_size"] = max(1, signers)
    return _Checked(cleaned, values)


def _stored(uploads: Sequence[Upload]) -> list[tuple[Upload, Checked]]:
    stored = []
    for upload in uploads:
        try:
            stored.append((upload, store(upload.stream)))
        except ValidationError as error:
            raise ValidationError(
                {"files": [f"{safe_filename(upload.name)}: {m}" for m in error.messages]}
            ) from None
    return stored


def _file_rows(
    actor: Person, letter: Letter, stored: Sequence[tuple[Upload, Checked]], kind: str
) -> list[LetterFile]:
    return [
        LetterFile.objects.create(
            letter=letter,
            file=checked.stored,
            filename=stored_name(upload.name, checked.stored.content_type),
            kind=kind,
            # The handwriting of a denunciation's letter reveals who wrote it.
            reveals_identity=letter.denunciation and kind == FileKind.LETTER,
            uploaded_by=actor,
        )
        for upload, checked in stored
    ]


def _citizen_rows(letter: Letter, citizens: Sequence[CitizenData]) -> None:
    Citizen.objects.bulk_create(
        Citizen(
            letter=letter,
            position=position,
            full_name=citizen.full_name,
            name_folded=fold(citizen.full_name)[:200],
            id_number=citizen.id_number,
            id_issued=citizen.id_issued,
            address=citizen.address,
            phone=citizen.phone,
            is_representative=citizen.is_representative,
        )
        for position, citizen in enumerate(citizens)
    )


def _citizens_audit(letter: Letter) -> dict[str, Any]:
    """What the audit says of the petitioners: how many, never who — whatever the letter is
    now. A letter registered as a complaint may be classified a denunciation later, and the
    audit, append-only, outlives both that change and the purge of personal data."""
    return {"citizens_count": letter.citizens.count()}


# --- registering, correcting ------------------------------------------------------------------


@transaction.atomic
def letter_register(
    *,
    actor: Person,
    unit: Unit,
    received_on: date,
    channel: str,
    summary: str,
    complaint: bool = False,
    denunciation: bool = False,
    proposal: bool = False,
    report: bool = False,
    anonymous: bool = False,
    citizens: Sequence[CitizenData] = (),
    field: Field | None = None,
    place: str = "",
    place_unit: Unit | None = None,
    subject_kind: str = "",
    subject: str = "",
    covering: IncomingDocument | None = None,
    sender_body: str = "",
    files: Sequence[Upload] = (),
    group_size: int | None = None,
) -> Letter:
    """Enter a letter in the unit's petitions book under the next number of its year."""
    if not workflow.may_register(actor, unit):
        raise PermissionDenied(_("Chỉ cán bộ tiếp dân của đơn vị mới vào sổ đơn thư."))
    checked = _check(
        actor,
        received_on=received_on,
        channel=channel,
        summary=summary,
        complaint=complaint,
        denunciation=denunciation,
        proposal=proposal,
        report=report,
        anonymous=anonymous,
        citizens=citizens,
        field=field,
        place=place,
        place_unit=place_unit,
        subject_kind=subject_kind,
        subject=subject,
        covering=covering,
        sender_body=sender_body,
        group_size=group_size,
    )
    stored = _stored(files)
    year = received_on.year
    letter = Letter.objects.create(
        unit=unit,
        year=year,
        number=allocate(series(unit, year)),
        created_by=actor,
        **checked.values,
    )
    _citizen_rows(letter, checked.citizens)
    attached = _file_rows(actor, letter, stored, FileKind.LETTER)
    clocks.refresh(letter)
    letter_audit(actor, letter, "letter.register", **_citizens_audit(letter), files=len(attached))
    return letter


@transaction.atomic
def letter_update(
    *,
    actor: Person,
    letter: Letter,
    received_on: date,
    channel: str,
    summary: str,
    complaint: bool,
    denunciation: bool,
    proposal: bool,
    report: bool,
    anonymous: bool,
    citizens: Sequence[CitizenData] | None = None,
    field: Field | None = None,
    place: str = "",
    place_unit: Unit | None = None,
    subject_kind: str = "",
    subject: str = "",
    covering: IncomingDocument | None = None,
    sender_body: str = "",
    group_size: int | None = None,
    files: Sequence[Upload] = (),
) -> Letter:
    """Correct a letter's registration data before it is handled. `citizens` None keeps the
    petitioners; replacing a denouncer's is for those who may read them."""
    letter = letter_lock(letter)
    require_act(actor, letter)
    if letter.handling or letter.status not in (LetterStatus.REGISTERED, LetterStatus.CLASSIFIED):
        raise ValidationError(_("Đơn đã có hướng xử lý; không sửa thông tin vào sổ."))
    if citizens is not None and not may_read(actor, letter):
        raise PermissionDenied(_("Bạn không được xem, sửa thông tin người tố cáo."))
    if anonymous != letter.anonymous and citizens is None:
        raise ValidationError({"citizens": _("Ghi lại người gửi đơn khi đổi đơn nặc danh.")})
    checked = _check(
        actor,
        received_on=received_on,
        channel=channel,
        summary=summary,
        complaint=complaint,
        denunciation=denunciation,
        proposal=proposal,
        report=report,
        anonymous=anonymous,
        citizens=citizens,
        field=field,
        place=place,
        place_unit=place_unit,
        subject_kind=subject_kind,
        subject=subject,
        covering=covering,
        sender_body=sender_body,
        group_size=group_size,
        current_field=letter.field_id,
        kept_citizens=list(letter.citizens.all()) if citizens is None else (),
    )
    if received_on.year != letter.year:
        raise ValidationError(
            {
                "received_on": _(
                    "Đơn đã vào sổ năm %(year)s; ngày nhận phải trong năm đó (số vào sổ theo năm)."
                )
                % {"year": letter.year}
            }
        )
    stored = _stored(files)
    before = audit.snapshot(letter, LETTER_FIELDS)
    for name, value in checked.values.items():
        setattr(letter, name, value)
    letter.save()
    if citizens is not None:
        letter.citizens.all().delete()
        _citizen_rows(letter, checked.citizens)
    if letter.denunciation:
        # Scans already kept reveal the denouncer now that the letter is a denunciation.
        letter.files.filter(kind=FileKind.LETTER).update(reveals_identity=True)
    _file_rows(actor, letter, stored, FileKind.LETTER)
    clocks.refresh(letter)
    letter_audit(actor, letter, "letter.update", before, **_citizens_audit(letter))
    return letter


@transaction.atomic
def letter_files_add(
    *, actor: Person, letter: Letter, files: Sequence[Upload], kind: str = FileKind.EVIDENCE
) -> list[LetterFile]:
    """Keep more scans with a letter (the letter itself, evidence, decisions)."""
    letter = letter_lock(letter)
    require_act(actor, letter)
    if kind not in FileKind.values:
        raise ValidationError({"kind": _("Loại tệp không hợp lệ.")})
    if not files:
        raise ValidationError({"files": _("Chọn tệp để tải lên.")})
    attached = _file_rows(actor, letter, _stored(files), kind)
    # A scan of the letter is often named after who wrote it, and reveals a denouncer (now,
    # or once the letter is classified a denunciation): it is counted, not named.
    audit.record(
        actor=actor,
        action="letter.files_add",
        target=letter,
        after={
            "files": [f.filename for f in attached if f.kind != FileKind.LETTER],
            "letter_scans": sum(f.kind == FileKind.LETTER for f in attached),
            "kind": kind,
        },
    )
    return attached


@transaction.atomic
def letter_identity_read(*, actor: Person, letter: Letter) -> list[Citizen]:
    """The petitioners, for one who may read them; the read of a denouncer's is audited."""
    if not may_read(actor, letter):
        raise PermissionDenied(_("Thông tin người tố cáo được giữ bí mật."))
    if workflow.protects_identity(denunciation=letter.denunciation):
        audit.record(
            actor=actor,
            action="letter.identity_read",
            target=letter,
            after={"handler": letter.handler_id},
        )
    return list(letter.citizens.all())


@transaction.atomic
def letter_file_open(*, actor: Person, stored: LetterFile) -> LetterFile:
    """A letter's or a visit's file, for one the selector let open it: a scan revealing a
    denouncer is their identity read — by their handwriting — and audited like the page's."""
    if stored.reveals_identity:
        target: Letter | Visit | None = stored.letter if stored.letter is not None else stored.visit
        if target is not None:
            audit.record(
                actor=actor,
                action="letter.identity_read"
                if isinstance(target, Letter)
                else "visit.identity_read",
                target=target,
                after={"file": str(stored.uuid)},
            )
    return stored
