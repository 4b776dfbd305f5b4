"""The fields (lĩnh vực) of letters: editable data shared by every unit, kept by the province's
administrators and its Office's leaders (`workflow.may_manage_fields`)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.vietnamese import clean, fold
from vanphong.org.models import Person
from vanphong.petitions import workflow
from vanphong.petitions.models import Field

FIELD_FIELDS = ("name", "position", "is_active")


def _require_fields_keeper(actor: Person) -> None:
    if not workflow.may_manage_fields(actor):
        raise PermissionDenied(
            _("Chỉ quản trị hoặc lãnh đạo Văn phòng cấp tỉnh mới sửa danh mục lĩnh vực.")
        )


def _field_name(name: str, *, other_than: int | None = None) -> str:
    cleaned = clean(name)
    if not cleaned:
        raise ValidationError({"name": _("Cần nhập tên lĩnh vực.")})
    if len(cleaned) > 200:
        raise ValidationError({"name": _("Tên lĩnh vực dài tối đa 200 ký tự.")})
    folded = fold(cleaned)
    for pk, existing in Field.objects.values_list("pk", "name"):
        if pk != other_than and fold(existing) == folded:
            raise ValidationError({"name": _("Đã có lĩnh vực “%(name)s”.") % {"name": existing}})
    return cleaned


@transaction.atomic
def field_create(*, actor: Person, name: str, position: int | None = None) -> Field:
    """Add a field; without a position it goes last."""
    _require_fields_keeper(actor)
    cleaned = _field_name(name)
    if position is None:
        last = Field.objects.aggregate(last=Max("position"))["last"]
        position = (last or 0) + 1
    field = Field.objects.create(name=cleaned, position=position)
    audit.record(
        actor=actor,
        action="petition_field.create",
        target=field,
        after=audit.snapshot(field, FIELD_FIELDS),
    )
    return field


@transaction.atomic
def field_update(
    *,
    actor: Person,
    field: Field,
    name: str | None = None,
    position: int | None = None,
    is_active: bool | None = None,
) -> Field:
    """Rename, reorder or stop using a field; letters keep the field they were filed under."""
    _require_fields_keeper(actor)
    field = Field.objects.select_for_update().get(pk=field.pk)
    before = audit.snapshot(field, FIELD_FIELDS)
    if name is not None:
        field.name = _field_name(name, other_than=field.pk)
    if position is not None:
        field.position = position
    if is_active is not None:
        field.is_active = is_active
    field.save()
    audit.record(
        actor=actor,
        action="petition_field.update",
        target=field,
        before=before,
        after=audit.snapshot(field, FIELD_FIELDS),
    )
    return field
