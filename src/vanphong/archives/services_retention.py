"""Every write to the retention tables (bảng thời hạn bảo quản): edited by an archivist or
Office leader of the Office keeping a root committee's archive (`workflow.may_edit_retention`),
audited as `retention_rule.update`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vanphong.archives import workflow
from vanphong.archives.models import RetentionRule
from vanphong.archives.services_plans import MAX_YEARS, _text
from vanphong.core import audit
from vanphong.core.vietnamese import fold
from vanphong.org.models import Person

RULE_FIELDS: Final = ("group", "title", "retention_years", "source", "verified", "note")


@dataclass(frozen=True)
class RuleInput:
    group: str
    title: str
    retention_years: int | None
    permanent: bool
    source: str
    verified: bool
    note: str = ""


@transaction.atomic
def retention_rule_update(*, actor: Person, rule: RetentionRule, data: RuleInput) -> RetentionRule:
    """Correct a row of a retention table (its title, retention, source, whether checked)."""
    workflow.require(
        workflow.may_edit_retention(actor),
        _("Chỉ cán bộ lưu trữ, lãnh đạo Văn phòng Tỉnh ủy mới sửa bảng thời hạn bảo quản."),
    )
    errors: dict[str, str] = {}
    group = _text(data.group, "group", 200, required=True, errors=errors)
    title = _text(data.title, "title", 500, required=True, errors=errors)
    source = _text(data.source, "source", 300, required=True, errors=errors)
    note = _text(data.note, "note", 500, required=False, errors=errors)
    years: int | None = None
    if data.permanent and data.retention_years is not None:
        errors["retention_years"] = _("Chọn vĩnh viễn hoặc một số năm, không chọn cả hai.")
    elif not data.permanent:
        if data.retention_years is None:
            errors["retention_years"] = _("Chọn vĩnh viễn hoặc nhập số năm.")
        elif not 1 <= data.retention_years <= MAX_YEARS:
            errors["retention_years"] = _("Thời hạn bảo quản từ 1 đến %(n)s năm.") % {
                "n": MAX_YEARS
            }
        else:
            years = data.retention_years
    if errors:
        raise ValidationError(errors)
    rule = RetentionRule.objects.select_for_update().get(pk=rule.pk)
    before = audit.snapshot(rule, RULE_FIELDS)
    rule.group, rule.title, rule.title_folded = group, title, fold(title)
    rule.retention_years, rule.source, rule.verified, rule.note = years, source, data.verified, note
    rule.save()
    audit.record(
        actor=actor,
        action="retention_rule.update",
        target=rule,
        before=before,
        after=audit.snapshot(rule, RULE_FIELDS),
    )
    return rule
