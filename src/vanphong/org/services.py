"""Every write to the organisation's units and committee terms, and the check every org
service shares (`_require_admin`); people in services_people, posts in services_memberships.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from vanphong.core import audit
from vanphong.core.vietnamese import clean, fold
from vanphong.org.models import (
    COMMITTEE_KINDS,
    CommitteeTerm,
    Membership,
    NumberingStyle,
    Person,
    Role,
    Unit,
    UnitKind,
)
from vanphong.org.selectors import (
    _chain_up,
    clerical_candidates,
    forget_scope,
    scope_for,
    subtrees,
)

UNIT_FIELDS = (
    "parent",
    "kind",
    "name",
    "short_name",
    "symbol",
    "superior_name",
    "place",
    "numbering_style",
    "sort_order",
    "is_active",
    "clerical_unit",
)
TERM_FIELDS = ("committee", "name", "congress", "starts_on", "ends_on")


def _require_admin(actor: Person | None, unit: Unit | None) -> None:
    """Refuse unless the actor administers `unit` (None: the top of the tree, superusers only)."""
    if actor is None:  # system work: the demo loader, migrations, the command line
        return
    scope = scope_for(actor)
    if scope.everything or (unit is not None and scope.administers(unit.id)):
        return
    raise PermissionDenied(_("Bạn không có quyền quản trị đơn vị này."))


# --- units ---------------------------------------------------------------------------------


def _check_unit(unit: Unit) -> None:
    if not unit.name:
        raise ValidationError({"name": _("Cần nhập tên đơn vị.")})
    if not unit.symbol:
        raise ValidationError({"symbol": _("Cần nhập ký hiệu văn bản của đơn vị.")})
    if unit.kind not in UnitKind.values:
        raise ValidationError({"kind": _("Loại đơn vị không hợp lệ.")})
    if unit.numbering_style not in NumberingStyle.values:
        raise ValidationError({"numbering_style": _("Kiểu đánh số không hợp lệ.")})
    siblings = Unit.objects.filter(parent=unit.parent, name_folded=unit.name_folded)
    if siblings.exclude(pk=unit.pk).exists():
        raise ValidationError({"name": _("Đã có đơn vị cùng tên trong đơn vị cấp trên này.")})


def _check_clerical(actor: Person | None, unit: Unit, clerical_unit: Unit | None) -> None:
    """Whoever does the unit's clerical work receives what is sent to it: one of its own
    committee's active bodies (org.selectors.clerical_candidates) that the actor administers
    too, so an administrator routes mail only among units he answers for."""
    if clerical_unit is None or clerical_unit.pk == unit.pk:
        return
    if not clerical_unit.is_active or clerical_unit.pk not in clerical_candidates(unit):
        raise ValidationError(
            {
                "clerical_unit": _(
                    "Đơn vị làm công tác văn thư phải là một đơn vị đang hoạt động thuộc cùng "
                    "cấp ủy với đơn vị này."
                )
            }
        )
    try:
        _require_admin(actor, clerical_unit)
    except PermissionDenied:
        raise ValidationError(
            {"clerical_unit": _("Bạn không quản trị đơn vị làm công tác văn thư đã chọn.")}
        ) from None


@transaction.atomic
def unit_create(
    *,
    actor: Person | None,
    parent: Unit | None,
    kind: str,
    name: str,
    symbol: str,
    short_name: str = "",
    superior_name: str = "",
    place: str = "",
    numbering_style: str = NumberingStyle.PARTY,
    sort_order: int = 0,
    clerical_unit: Unit | None = None,
) -> Unit:
    _require_admin(actor, parent)
    unit = Unit(
        parent=parent,
        kind=kind,
        name=clean(name),
        short_name=clean(short_name),
        symbol=clean(symbol),
        superior_name=clean(superior_name),
        place=clean(place),
        numbering_style=numbering_style,
        sort_order=sort_order,
    )
    unit.name_folded = fold(unit.name)
    _check_unit(unit)
    unit.save()
    if clerical_unit is not None:  # checked once the unit has its place in the tree
        _check_clerical(actor, unit, clerical_unit)
        unit.clerical_unit = clerical_unit
        unit.save(update_fields=["clerical_unit"])
    if actor is not None:
        forget_scope(actor)  # its cached scope predates the new unit
    audit.record(
        actor=actor, action="unit.create", target=unit, after=audit.snapshot(unit, UNIT_FIELDS)
    )
    return unit


RESTRUCTURE_REFUSED = _lazy(
    "Thay đổi này mở văn bản cho cán bộ đang công tác ở đơn vị khác mà không qua xác nhận "
    "cấp quyền; chỉ quản trị tối cao thực hiện được."
)


def _restructure_grants(actor: Person | None, units: set[int]) -> bool:
    """Whether a move or a change of kind by an administrator would act as a grant: people
    with a working post (not ended) in `units` would come to see, or act for, units they were
    never granted — a grant that skips the second administrator. The system and superusers
    restructure freely."""
    if actor is None or scope_for(actor).everything or not units:
        return False
    live = Membership.objects.not_ended().filter(unit_id__in=sorted(units))
    return live.exclude(role=Role.ADMIN).exists()


@transaction.atomic
def unit_update(
    *,
    actor: Person | None,
    unit: Unit,
    parent: Unit | None,
    kind: str,
    name: str,
    symbol: str,
    short_name: str = "",
    superior_name: str = "",
    place: str = "",
    numbering_style: str = NumberingStyle.PARTY,
    sort_order: int = 0,
    is_active: bool = True,
    clerical_unit: Unit | None = None,
) -> Unit:
    """Change a unit; `clerical_unit` (None: the default rule of receiving_unit) says which
    unit receives what is sent to it."""
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    _require_admin(actor, unit)
    if parent != unit.parent:
        _require_admin(actor, parent)
        if parent is not None and parent.id in subtrees([unit.id])[unit.id]:
            raise ValidationError(
                {"parent": _("Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.")}
            )
        gained = set(_chain_up(parent.id) if parent else []) - set(_chain_up(unit.id))
        if _restructure_grants(actor, gained):
            raise ValidationError({"parent": RESTRUCTURE_REFUSED})
    if kind != unit.kind:
        children = Unit.objects.filter(parent=unit).values_list("id", flat=True)
        if _restructure_grants(actor, {unit.id, *children}):
            raise ValidationError({"kind": RESTRUCTURE_REFUSED})
    before = audit.snapshot(unit, UNIT_FIELDS)
    unit.parent = parent
    unit.kind = kind
    unit.name = clean(name)
    unit.name_folded = fold(unit.name)
    unit.short_name = clean(short_name)
    unit.symbol = clean(symbol)
    unit.superior_name = clean(superior_name)
    unit.place = clean(place)
    unit.numbering_style = numbering_style
    unit.sort_order = sort_order
    unit.is_active = is_active
    _check_unit(unit)
    _check_clerical(actor, unit, clerical_unit)
    unit.clerical_unit = clerical_unit
    unit.save()
    if actor is not None:
        forget_scope(actor)  # a move changes which units lie below the actor's
    after = audit.snapshot(unit, UNIT_FIELDS)
    if after != before:
        audit.record(actor=actor, action="unit.update", target=unit, before=before, after=after)
    return unit


# --- committee terms -----------------------------------------------------------------------


def _check_term(term: CommitteeTerm) -> None:
    if term.committee.kind not in COMMITTEE_KINDS:
        raise ValidationError({"committee": _("Nhiệm kỳ chỉ thuộc về một cấp ủy.")})
    if not term.name:
        raise ValidationError({"name": _("Cần nhập tên nhiệm kỳ.")})
    if term.ends_on is not None and term.ends_on <= term.starts_on:
        raise ValidationError({"ends_on": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    overlapping = CommitteeTerm.objects.filter(committee=term.committee).exclude(pk=term.pk)
    if term.ends_on is not None:
        overlapping = overlapping.filter(starts_on__lte=term.ends_on)
    overlapping = overlapping.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=term.starts_on))
    clash = overlapping.first()
    if clash is not None:
        raise ValidationError(
            {"starts_on": _("Nhiệm kỳ trùng thời gian với %(term)s.") % {"term": clash.name}}
        )


@transaction.atomic
def term_create(
    *,
    actor: Person | None,
    committee: Unit,
    name: str,
    starts_on: date,
    ends_on: date | None = None,
    congress: str = "",
) -> CommitteeTerm:
    _require_admin(actor, committee)
    Unit.objects.select_for_update().filter(pk=committee.pk).first()  # one term change at a time
    term = CommitteeTerm(
        committee=committee,
        name=clean(name),
        congress=clean(congress),
        starts_on=starts_on,
        ends_on=ends_on,
    )
    _check_term(term)
    term.save()
    audit.record(
        actor=actor, action="term.create", target=term, after=audit.snapshot(term, TERM_FIELDS)
    )
    return term


@transaction.atomic
def term_update(
    *,
    actor: Person | None,
    term: CommitteeTerm,
    name: str,
    starts_on: date,
    ends_on: date | None = None,
    congress: str = "",
) -> CommitteeTerm:
    _require_admin(actor, term.committee)
    Unit.objects.select_for_update().filter(pk=term.committee_id).first()
    term = CommitteeTerm.objects.select_related("committee").get(pk=term.pk)
    before = audit.snapshot(term, TERM_FIELDS)
    term.name = clean(name)
    term.congress = clean(congress)
    term.starts_on = starts_on
    term.ends_on = ends_on
    _check_term(term)
    term.save()
    after = audit.snapshot(term, TERM_FIELDS)
    if after != before:
        audit.record(actor=actor, action="term.update", target=term, before=before, after=after)
    return term
