"""A letter handed in during a visit: registered in the petitions book and linked to the visit
(`Visit.letter`), so the register of visits and the letter's page point at each other."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.org.models import Person
from vanphong.petitions import services, workflow
from vanphong.petitions.models import Letter, Visit


def _link(actor: Person, visit: Visit, letter: Letter) -> Visit:
    visit = Visit.objects.select_for_update().select_related("unit").get(pk=visit.pk)
    if not workflow.may_register(actor, visit.unit):
        raise PermissionDenied(_("Chỉ cán bộ tiếp dân của đơn vị mới vào sổ đơn thư."))
    if letter.unit_id != visit.unit_id:
        raise ValidationError({"letter": _("Đơn không thuộc sổ đơn thư của đơn vị này.")})
    if visit.letter_id is not None and visit.letter_id != letter.pk:
        raise ValidationError({"letter": _("Lượt tiếp này đã gắn với một đơn khác.")})
    visit.letter = letter
    visit.save(update_fields=["letter"])
    audit.record(
        actor=actor,
        action="visit.letter_link",
        target=visit,
        after={"letter": str(letter.uuid), "book_number": letter.book_number},
    )
    return visit


@transaction.atomic
def visit_letter_link(*, actor: Person, visit: Visit, letter: Letter) -> Visit:
    """Record that `letter` was handed in during `visit`."""
    return _link(actor, visit, letter)


@transaction.atomic
def letter_register_from_visit(*, actor: Person, visit: Visit, **values: Any) -> Letter:
    """Register the letter a visitor handed in (services.letter_register's arguments) and link
    it to the visit, in one transaction: a refused link registers nothing."""
    if visit.letter_id is not None:
        raise ValidationError({"unit": _("Lượt tiếp này đã gắn với một đơn khác.")})
    letter = services.letter_register(actor=actor, unit=visit.unit, **values)
    _link(actor, visit, letter)
    return letter
