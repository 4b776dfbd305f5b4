"""Reception sessions (buổi tiếp công dân) and the visits received in them: one atomic, audited
function per use case.

A planned session is an entry of the committee's weekly schedule of its leaders (planning's
`ScheduleKind.LEADERS`: the week the committee head's days appear in), written through
planning's own services, so its permissions (only the Office's compilers write a week), clash
checks and audit apply, and its refusals reach the reception form unchanged. When the week is
already published the session goes into an amendment of it (planning's `schedule_amend`, the
amendment shown as such and published by the Office leader as any other), never into the
published version.

A visit is a row of the reception register, numbered per unit and year after every check, so a
refused visit consumes no number. The visitors of a denunciation visit are protected as a
denouncer's letter is: nothing but the visit page, for those `workflow.may_read_identity`
allows, shows them, and no audit payload carries them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit, numbering
from vanphong.core.files import store, stored_name
from vanphong.core.vietnamese import clean, fold
from vanphong.org.models import Person, Role, Unit, UnitKind
from vanphong.org.selectors import people_holding
from vanphong.petitions import redaction, workflow
from vanphong.petitions.identity import id_number_clean
from vanphong.petitions.models import (
    Citizen,
    Field,
    FileKind,
    Letter,
    LetterFile,
    ReceptionSession,
    SessionKind,
    Visit,
)
from vanphong.petitions.services import CitizenData as CitizenData  # a visitor, as a petitioner
from vanphong.planning import services_schedule
from vanphong.planning.conflicts import EntryData
from vanphong.planning.models import ScheduleKind, ScheduleVersion, VersionStatus
from vanphong.planning.selectors import leaders_of

SESSION_FIELDS = (
    "unit",
    "kind",
    "day",
    "place",
    "host",
    "host_title",
    "entry_lineage",
    "note",
    "held",
)
VISIT_FIELDS = (
    "session",
    "unit",
    "year",
    "number",
    "group_size",
    "complaint",
    "denunciation",
    "proposal",
    "report",
    "field",
    "place",
    "place_unit",
    "letter",
)
GROUP = 5  # a group of this many or more (đoàn đông người) speaks through one representative
DAY_PARTS = ("morning", "afternoon")


def visit_series(unit: Unit, year: int) -> str:
    return f"petitions.visit:{unit.pk}:{year}"


def committee_of(unit: Unit) -> Unit:
    """The committee an Office receives citizens for."""
    if unit.kind != UnitKind.OFFICE or unit.parent is None or not unit.parent.is_committee:
        raise ValidationError({"unit": _("Chỉ Văn phòng của cấp ủy mới tổ chức tiếp công dân.")})
    return unit.parent


def may_receive(person: Person, unit: Unit) -> bool:
    """Planning and recording sessions and visits: the unit's reception officers and leaders."""
    return workflow.may_register(person, unit) or workflow.is_leader_for(person, unit)


def _require_receives(actor: Person, unit: Unit) -> None:
    if not may_receive(actor, unit):
        raise PermissionDenied(
            _("Chỉ cán bộ tiếp công dân và lãnh đạo của đơn vị mới ghi buổi tiếp, lượt tiếp.")
        )


def visitors_readable(person: Person, visit: Visit) -> bool:
    """Whether `person` reads the visit's visitors (names, numbers, addresses, scans)."""
    return workflow.may_read_identity(
        person, unit=visit.unit, handler_id=visit.received_by_id, denunciation=visit.denunciation
    )


def _session_errors(
    *, kind: str, committee: Unit, day: date, host: Person | None
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if kind not in SessionKind.values:
        errors["kind"] = _("Chọn hình thức tiếp.")
    elif kind == SessionKind.HEAD:
        if host is None:
            errors["host"] = _("Buổi tiếp của người đứng đầu cần ghi người chủ trì.")
        elif (
            not people_holding(units=[committee], roles=[Role.COMMITTEE_LEADER], on=day)
            .filter(pk=host.pk)
            .exists()
        ):
            errors["host"] = _(
                "Người chủ trì phải là lãnh đạo của %(committee)s vào ngày tiếp."
            ) % {"committee": committee.name}
    return errors


def _week(actor: Person, committee: Unit, day: date) -> ScheduleVersion:
    """The version of the week an entry may be added to: the open draft, a new week, or an
    amendment of the published one."""
    latest = (
        ScheduleVersion.objects.filter(
            schedule__committee=committee, schedule__kind=ScheduleKind.LEADERS
        )
        .filter(schedule__monday=day - timedelta(days=day.weekday()))
        .order_by("-number")
        .first()
    )
    if latest is not None and latest.status == VersionStatus.PUBLISHED:
        return services_schedule.schedule_amend(
            actor=actor,
            version=latest,
            note=_("Bổ sung buổi tiếp công dân ngày %(day)s") % {"day": f"{day:%d/%m/%Y}"},
        )
    return services_schedule.schedule_open(
        actor=actor, committee=committee, kind=ScheduleKind.LEADERS, day=day
    )


def _entry_content(kind: str, host: Person | None, host_title: str) -> str:
    if kind == SessionKind.HEAD and host is not None:
        who = clean(f"{host_title} {host.full_name}")
        return _("Tiếp công dân định kỳ (%(who)s chủ trì)") % {"who": who}
    return str(SessionKind(kind).label)


def _create_session(
    *,
    actor: Person,
    unit: Unit,
    kind: str,
    day: date,
    place: str,
    host: Person | None,
    host_title: str,
    note: str,
    held: bool,
    entry_lineage: Any = None,
    action: str,
) -> ReceptionSession:
    session = ReceptionSession.objects.create(
        unit=unit,
        kind=kind,
        day=day,
        place=clean(place)[:300],
        host=host,
        host_title=clean(host_title)[:200],
        note=clean(note)[:500],
        held=held,
        entry_lineage=entry_lineage,
        created_by=actor,
    )
    audit.record(
        actor=actor,
        action=action,
        target=session,
        after=audit.snapshot(session, SESSION_FIELDS),
    )
    return session


@transaction.atomic
def reception_session_plan(
    *,
    actor: Person,
    unit: Unit,
    kind: str,
    day: date,
    session: str,
    place: str,
    host: Person | None = None,
    host_title: str = "",
    note: str = "",
    overrides: Mapping[str, str] | None = None,
) -> ReceptionSession:
    """Plan a session: an entry of the committee's weekly schedule of its leaders (the host
    attends it when they are one of its leaders), and the session holding its lineage.
    Planning refuses an actor who does not compile the week; its message is raised as is."""
    _require_receives(actor, unit)
    committee = committee_of(unit)
    errors = _session_errors(kind=kind, committee=committee, day=day, host=host)
    if session not in DAY_PARTS:
        errors["session"] = _("Chọn buổi sáng hoặc chiều.")
    if errors:
        raise ValidationError(errors)
    leaders = {person.pk for person in leaders_of(committee)}
    version = _week(actor, committee, day)
    entry = services_schedule.entry_add(
        actor=actor,
        version=version,
        data=EntryData(
            day=day,
            session=session,
            content=_entry_content(kind, host, host_title),
            place=place,
            note=note,
            preparing_unit=unit,
            leaders=[host] if host is not None and host.pk in leaders else [],
        ),
        overrides=overrides,
    )
    return _create_session(
        actor=actor,
        unit=unit,
        kind=kind,
        day=day,
        place=place,
        host=host,
        host_title=host_title,
        note=note,
        held=False,
        entry_lineage=entry.lineage,
        action="reception.plan",
    )


@transaction.atomic
def reception_session_record(
    *,
    actor: Person,
    unit: Unit,
    kind: str,
    day: date,
    place: str = "",
    host: Person | None = None,
    host_title: str = "",
    note: str = "",
) -> ReceptionSession:
    """Record a session held without being planned ahead (ad hoc, or entered afterwards)."""
    _require_receives(actor, unit)
    committee = committee_of(unit)
    errors = _session_errors(kind=kind, committee=committee, day=day, host=host)
    if day > timezone.localdate():
        errors["day"] = _("Buổi tiếp chưa diễn ra; hãy lên lịch buổi tiếp.")
    if errors:
        raise ValidationError(errors)
    return _create_session(
        actor=actor,
        unit=unit,
        kind=kind,
        day=day,
        place=place,
        host=host,
        host_title=host_title,
        note=note,
        held=True,
        action="reception.record",
    )


def _lock(session: ReceptionSession) -> ReceptionSession:
    return ReceptionSession.objects.select_for_update().select_related("unit").get(pk=session.pk)


@transaction.atomic
def reception_session_hold(*, actor: Person, session: ReceptionSession) -> ReceptionSession:
    """Confirm a planned session took place (a session with no visitor is still held)."""
    session = _lock(session)
    _require_receives(actor, session.unit)
    if session.day > timezone.localdate():
        raise ValidationError(_("Buổi tiếp chưa diễn ra."))
    if not session.held:
        session.held = True
        session.save(update_fields=["held"])
        audit.record(
            actor=actor,
            action="reception.hold",
            target=session,
            before={"held": False},
            after={"held": True},
        )
    return session


def _citizen_errors(
    citizens: Sequence[CitizenData], group_size: int
) -> tuple[dict[str, str], list[str]]:
    errors: dict[str, str] = {}
    numbers: list[str] = []
    if not citizens:
        errors["citizens"] = _("Cần ghi ít nhất một công dân.")
    elif len(citizens) > group_size:
        errors["group_size"] = _("Số người ít hơn số công dân đã ghi (%(count)d).") % {
            "count": len(citizens)
        }
    for index, citizen in enumerate(citizens):
        prefix = f"citizens-{index}-"
        if not clean(citizen.full_name):
            errors[prefix + "full_name"] = _("Cần nhập họ và tên.")
        number = ""
        if clean(citizen.id_number):
            try:
                number = id_number_clean(citizen.id_number)
            except ValidationError as error:
                errors[prefix + "id_number"] = error.messages[0]
        numbers.append(number)
    marked = sum(1 for citizen in citizens if citizen.is_representative)
    if marked > 1:
        errors["citizens"] = _("Chỉ đánh dấu một người đại diện.")
    elif group_size >= GROUP and citizens and marked == 0:
        errors["citizens"] = _("Đoàn đông người (từ %(group)d người) cần ghi người đại diện.") % {
            "group": GROUP
        }
    return errors, numbers


@transaction.atomic
def visit_record(
    *,
    actor: Person,
    session: ReceptionSession,
    group_size: int,
    citizens: Sequence[CitizenData],
    complaint: bool = False,
    denunciation: bool = False,
    proposal: bool = False,
    report: bool = False,
    field: Field | None = None,
    place: str = "",
    place_unit: Unit | None = None,
    raised: str,
    answer: str = "",
    agreed: str = "",
    files: Sequence[IO[bytes]] = (),
    letter: Letter | None = None,
) -> Visit:
    """Record one citizen or group received in `session`, with the papers they handed in.
    Recording a visit confirms the session was held."""
    session = _lock(session)
    unit = session.unit
    _require_receives(actor, unit)
    if session.day > timezone.localdate():
        raise ValidationError(_("Buổi tiếp chưa diễn ra."))
    errors, numbers = _citizen_errors(citizens, group_size)
    if group_size < 1:
        errors["group_size"] = _("Số người phải từ 1 trở lên.")
    if not (complaint or denunciation or proposal or report):
        errors["kinds"] = _("Chọn ít nhất một loại: khiếu nại, tố cáo, kiến nghị, phản ánh.")
    if not clean(raised):
        errors["raised"] = _("Cần ghi nội dung công dân trình bày.")
    if field is not None and not field.is_active:
        errors["field"] = _("Lĩnh vực này không còn dùng.")
    if letter is not None and letter.unit_id != unit.pk:
        errors["letter"] = _("Đơn không thuộc sổ đơn thư của đơn vị này.")
    if denunciation:
        # What is written of a visit is shown in the session and the register, lists that
        # never name a denouncer.
        visitors = [replace(c, id_number=n) for c, n in zip(citizens, numbers, strict=True)]
        texts = {"raised": raised, "answer": answer, "agreed": agreed, "place": place}
        errors.update(redaction.free_text_errors(texts, visitors))
    if errors:
        raise ValidationError(errors)
    stored = []
    for upload in files:
        try:
            checked = store(upload)
        except ValidationError as error:
            raise ValidationError({"files": error.messages}) from None
        stored.append((checked, getattr(upload, "name", "") or ""))
    year = session.day.year
    visit = Visit.objects.create(
        session=session,
        unit=unit,
        year=year,
        number=numbering.allocate(visit_series(unit, year)),
        group_size=group_size,
        complaint=complaint,
        denunciation=denunciation,
        proposal=proposal,
        report=report,
        field=field,
        place=clean(place)[:300],
        place_unit=place_unit,
        raised=clean(raised),
        answer=clean(answer),
        agreed=clean(agreed),
        letter=letter,
        received_by=actor,
    )
    Citizen.objects.bulk_create(
        Citizen(
            visit=visit,
            position=position,
            full_name=clean(citizen.full_name)[:200],
            name_folded=fold(citizen.full_name)[:200],
            id_number=number,
            id_issued=clean(citizen.id_issued)[:200],
            address=clean(citizen.address)[:300],
            phone=clean(citizen.phone)[:30],
            is_representative=citizen.is_representative,
        )
        for position, (citizen, number) in enumerate(zip(citizens, numbers, strict=True))
    )
    for checked, name in stored:
        LetterFile.objects.create(
            visit=visit,
            file=checked.stored,
            filename=stored_name(name, checked.stored.content_type)[:200],
            kind=FileKind.EVIDENCE,
            reveals_identity=denunciation,
            uploaded_by=actor,
        )
    if not session.held:
        session.held = True
        session.save(update_fields=["held"])
    # The count of visitors and files, never who they are: the audit log is read more widely
    # than a denouncer's file.
    audit.record(
        actor=actor,
        action="visit.record",
        target=visit,
        after={
            **audit.snapshot(visit, VISIT_FIELDS),
            "visitors": len(citizens),
            "files": len(stored),
        },
    )
    return visit


@transaction.atomic
def visit_identity_read(*, actor: Person, visit: Visit) -> bool:
    """Whether the visit page shows `actor` the visitors; a denunciation's read is audited."""
    if not visitors_readable(actor, visit):
        return False
    if workflow.protects_identity(denunciation=visit.denunciation):
        audit.record(actor=actor, action="visit.identity_read", target=visit)
    return True
