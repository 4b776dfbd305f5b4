"""Linking a letter to the letter it repeats: "đơn trùng lần n".

A chain is its first letter (lần 1) and the letters marked as its duplicates, each with its
round (2, 3, …) counted in the chain while the first letter's row is locked, so two officers
linking at once get two rounds.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.org.models import Person
from vanphong.petitions.models import Letter
from vanphong.petitions.selectors import visible_unit_ids
from vanphong.petitions.workflow import may_act


def _check_may_act(actor: Person, letter: Letter) -> None:
    if not may_act(actor, unit=letter.unit, handler_id=letter.handler_id):
        raise PermissionDenied(_("Anh/chị không xử lý đơn này."))


def _locked(*ids: int) -> dict[int, Letter]:
    # In primary-key order, so two links of one chain never wait on each other crosswise.
    rows = Letter.objects.select_for_update().filter(pk__in=ids).order_by("pk")
    return {row.pk: row for row in rows.select_related("unit")}


@transaction.atomic
def letter_duplicate_link(*, actor: Person, letter: Letter, original: Letter) -> Letter:
    """Mark `letter` as a duplicate of `original`'s chain: the chain's next round."""
    _check_may_act(actor, letter)
    if original.pk == letter.pk:
        raise ValidationError({"original": _("Không thể đánh dấu đơn trùng với chính nó.")})
    if original.unit_id not in visible_unit_ids(actor):
        raise ValidationError({"original": _("Không tìm thấy đơn được chọn.")})
    # The chain as stored now (the caller's copy may be stale), locked with its first letter.
    head = Letter.objects.filter(pk=original.pk).values_list("duplicate_of_id", flat=True).get()
    first_id = head or original.pk
    rows = _locked(letter.pk, original.pk, first_id)
    current, first, chosen = rows[letter.pk], rows[first_id], rows[original.pk]
    if (chosen.duplicate_of_id or chosen.pk) != first_id:
        raise ValidationError({"original": _("Đơn được chọn vừa thay đổi; xin thử lại.")})
    if current.duplicate_of_id is not None:
        raise ValidationError(
            {
                "original": _("Đơn này đã được đánh dấu là đơn trùng lần %(n)d.")
                % {"n": current.duplicate_round}
            }
        )
    if first.pk == current.pk or current.duplicates.exists():
        raise ValidationError(
            {
                "original": _(
                    "Đơn này là đơn đầu của các đơn trùng khác; không thể đánh dấu nó trùng."
                )
            }
        )
    if (chosen.received_on, chosen.pk) > (current.received_on, current.pk):
        raise ValidationError(
            {"original": _("Đơn được chọn nhận sau đơn này: hãy đánh dấu đơn sau là đơn trùng.")}
        )
    last = first.duplicates.aggregate(last=Max("duplicate_round"))["last"]
    current.duplicate_of = first
    current.duplicate_round = (last or 1) + 1
    current.save(update_fields=["duplicate_of", "duplicate_round"])
    audit.record(
        actor=actor,
        action="letter.duplicate_linked",
        target=current,
        before={"duplicate_of": None, "duplicate_round": None},
        after={"duplicate_of": str(first.uuid), "duplicate_round": current.duplicate_round},
    )
    return current


@transaction.atomic
def letter_duplicate_unlink(*, actor: Person, letter: Letter) -> Letter:
    """Undo the mark; the later rounds of the chain move up one."""
    _check_may_act(actor, letter)
    head = Letter.objects.filter(pk=letter.pk).values_list("duplicate_of_id", flat=True).get()
    if head is None:
        raise ValidationError({"original": _("Đơn này không phải là đơn trùng.")})
    rows = _locked(letter.pk, head)
    current, first = rows[letter.pk], rows.get(head)
    if current.duplicate_of_id != head or first is None:
        raise ValidationError({"original": _("Đơn này không phải là đơn trùng.")})
    old_round = current.duplicate_round or 0
    before = {"duplicate_of": str(first.uuid), "duplicate_round": old_round}
    current.duplicate_of = None
    current.duplicate_round = None
    current.save(update_fields=["duplicate_of", "duplicate_round"])
    later = list(
        first.duplicates.select_for_update()
        .filter(duplicate_round__gt=old_round)
        .order_by("duplicate_round")
    )
    for row in later:
        Letter.objects.filter(pk=row.pk).update(duplicate_round=(row.duplicate_round or 0) - 1)
    audit.record(
        actor=actor,
        action="letter.duplicate_unlinked",
        target=current,
        before=before,
        after={"duplicate_of": None, "renumbered": len(later)},
    )
    return current
