"""The annual review's writes: the sections the Office writes (cryptography-IT, finance,
administration, the way ahead), the review conference (an entry of the committee's weekly
schedule, by its lineage), and the report and conclusions notice (outgoing documents).

Each is the Office's to do: its Office leaders and emulation officers (`workflow.acts_for`).
What is linked must be something the actor sees: the entry through planning's selectors (a
published week, or one they compile; a secret entry only if cleared for it), the documents
through documents' selectors. Audited as `annual_review.*`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.vietnamese import clean
from vanphong.documents.models import OutgoingDocument
from vanphong.documents.selectors import outgoing_visible
from vanphong.emulation import workflow
from vanphong.emulation.models import AnnualReview
from vanphong.emulation.review import TEXT_KEYS, office_and_committee
from vanphong.org.models import Person, Unit
from vanphong.planning import selectors as planning
from vanphong.planning.models import Entry, VersionStatus

TEXT_LIMIT: Final = 20000
FIRST_YEAR: Final = 1990


def _require(actor: Person, unit: Unit, year: int) -> Unit:
    """The Office the review belongs to, after checking the actor acts for it."""
    office, _committee = office_and_committee(unit)
    if not workflow.acts_for(actor, office.pk):
        raise PermissionDenied(
            _("Chỉ lãnh đạo Văn phòng, cán bộ thi đua của đơn vị mới sửa báo cáo tổng kết.")
        )
    if not FIRST_YEAR <= year <= timezone.localdate().year + 1:
        raise ValidationError({"year": _("Năm không hợp lệ.")})
    return office


def _locked(office: Unit, year: int) -> AnnualReview:
    AnnualReview.objects.get_or_create(unit=office, year=year)
    return AnnualReview.objects.select_for_update().get(unit=office, year=year)


@transaction.atomic
def review_texts_update(
    *, actor: Person, unit: Unit, year: int, texts: Mapping[str, str]
) -> AnnualReview:
    """Replace the given assessed sections (others are kept); an empty text removes one."""
    office = _require(actor, unit, year)
    errors: dict[str, str] = {}
    cleaned: dict[str, str] = {}
    for key, text in texts.items():
        if key not in TEXT_KEYS:
            errors[key] = _("Không có phần “%(key)s” trong báo cáo tổng kết.") % {"key": key}
            continue
        value = clean(text or "")
        if len(value) > TEXT_LIMIT:
            errors[key] = _("Mỗi phần dài tối đa %(n)s ký tự.") % {"n": TEXT_LIMIT}
        cleaned[key] = value
    if errors:
        raise ValidationError(errors)
    review = _locked(office, year)
    before = dict(review.texts)
    merged = {**before, **cleaned}
    review.texts = {key: merged[key] for key in TEXT_KEYS if merged.get(key)}
    review.save(update_fields=["texts", "updated_at"])
    audit.record(
        actor=actor,
        action="annual_review.texts",
        target=review,
        before={"texts": before},
        after={"texts": review.texts},
    )
    return review


def conference_entry(actor: Person, committee: Unit | None, lineage: UUID) -> Entry | None:
    """The latest version's entry of `lineage` in `committee`'s schedules that the actor may
    read: a published (or superseded) week, or any version of a week they compile or lead."""
    if committee is None:
        return None
    found = (
        Entry.objects.filter(lineage=lineage, version__schedule__committee=committee)
        .select_related("version__schedule")
        .order_by("-version__number")
    )
    opens = planning.opens_unpublished(actor, committee)
    if not opens:
        found = found.filter(
            version__status__in=[VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED]
        )
    entry = found.first()
    if entry is None:
        return None
    if not planning.sees_entry(actor, entry, planning.clearance_units(committee)):
        return None
    return entry


@transaction.atomic
def review_conference_link(
    *, actor: Person, unit: Unit, year: int, lineage: UUID | None
) -> AnnualReview:
    """Link the review conference (an entry of the committee's schedule), or unlink it."""
    office = _require(actor, unit, year)
    _office, committee = office_and_committee(office)
    if lineage is not None:
        entry = conference_entry(actor, committee, lineage)
        if entry is None:
            raise ValidationError(
                {"conference": _("Không tìm thấy cuộc họp này trong lịch công tác của cấp ủy.")}
            )
        if entry.day.year not in (year, year + 1):
            raise ValidationError(
                {
                    "conference": _(
                        "Hội nghị tổng kết năm %(year)s phải họp trong năm %(year)s "
                        "hoặc đầu năm sau."
                    )
                    % {"year": year}
                }
            )
    review = _locked(office, year)
    before = {"conference_lineage": review.conference_lineage}
    review.conference_lineage = lineage
    review.save(update_fields=["conference_lineage", "updated_at"])
    audit.record(
        actor=actor,
        action="annual_review.conference",
        target=review,
        before=before,
        after={"conference_lineage": lineage},
    )
    return review


def _document(
    actor: Person, uuid: UUID | None, own: set[int], field: str
) -> OutgoingDocument | None:
    if uuid is None:
        return None
    document = outgoing_visible(actor).filter(uuid=uuid).first()
    if document is None or document.unit_id not in own:
        raise ValidationError(
            {field: _("Chọn một văn bản đi của Văn phòng hoặc cấp ủy mà bạn được xem.")}
        )
    return document


@transaction.atomic
def review_documents_link(
    *,
    actor: Person,
    unit: Unit,
    year: int,
    report: UUID | None,
    conclusions: UUID | None,
) -> AnnualReview:
    """Link the review's report and the conclusions notice (outgoing documents of the Office
    or its committee the actor sees); None unlinks."""
    office = _require(actor, unit, year)
    _office, committee = office_and_committee(office)
    own = {office.pk} | ({committee.pk} if committee is not None else set())
    errors: dict[str, list[str]] = {}
    found: dict[str, OutgoingDocument | None] = {}
    for field, uuid in (("report", report), ("conclusions", conclusions)):
        try:
            found[field] = _document(actor, uuid, own, field)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    review = _locked(office, year)
    before = {"report": review.report_id, "conclusions": review.conclusions_id}
    review.report = found["report"]
    review.conclusions = found["conclusions"]
    review.save(update_fields=["report", "conclusions", "updated_at"])
    audit.record(
        actor=actor,
        action="annual_review.documents",
        target=review,
        before=before,
        after={"report": review.report_id, "conclusions": review.conclusions_id},
    )
    return review
