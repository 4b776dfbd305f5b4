"""Reads of the organisation, scoped to what the asking person may see.

A membership in a unit lets a person see that unit and every unit below it, at the clearance of
that membership; the widest grant wins where memberships overlap. Administration follows the
same shape: a quản trị membership administers its unit's subtree — and opens nothing secret:
it counts as Không mật here, its clearance being only the level up to which its holder may
confirm other people's grants (`request_refusal`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core.access import get_visible_or_404
from vanphong.core.vietnamese import fold
from vanphong.org.models import (
    COMMITTEE_KINDS,
    Clearance,
    CommitteeTerm,
    Membership,
    MembershipRequest,
    Person,
    RequestStatus,
    Role,
    Unit,
    UnitKind,
)
from vanphong.org.units import directory


@dataclass(frozen=True)
class Scope:
    """What one person may see: units with the clearance they hold there, and their roles."""

    clearance_by_unit: Mapping[int, int] = field(default_factory=dict)
    roles_by_unit: Mapping[int, frozenset[str]] = field(default_factory=dict)
    administered: frozenset[int] = frozenset()
    everything: bool = False
    # role -> units where the person holds it, including every unit below
    role_units: Mapping[str, frozenset[int]] = field(default_factory=dict)
    # role -> unit (and every unit below) -> the clearance of the posts in that role
    role_clearance: Mapping[str, Mapping[int, int]] = field(default_factory=dict)

    @property
    def unit_ids(self) -> frozenset[int]:
        return frozenset(self.clearance_by_unit)

    def sees(self, unit_id: int, clearance: int = Clearance.UNCLASSIFIED) -> bool:
        held = self.clearance_by_unit.get(unit_id)
        return held is not None and held >= clearance

    def has_role(self, unit_id: int, *roles: str) -> bool:
        return bool(self.roles_by_unit.get(unit_id, frozenset()) & set(roles))

    def administers(self, unit_id: int) -> bool:
        return self.everything or unit_id in self.administered

    def units_with_role(self, *roles: str) -> frozenset[int]:
        """Units where the person holds one of `roles`, directly or from a unit above."""
        found: set[int] = set()
        for role in roles:
            found |= self.role_units.get(role, frozenset())
        return frozenset(found)

    def clearance_as(self, unit_id: int, *roles: str) -> int:
        """The clearance held over the unit by posts in one of `roles` (-1 with none): a
        clearance counts only with the post that carries it, never lent to another post's
        role."""
        return max(
            (self.role_clearance.get(role, {}).get(unit_id, -1) for role in roles), default=-1
        )

    def holds(self, unit_id: int, *roles: str) -> bool:
        return unit_id in self.units_with_role(*roles)


def subtrees(roots: Iterable[int]) -> dict[int, set[int]]:
    """Each root mapped to itself and all units below it, from one query over the tree."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for unit_id, parent_id in Unit.objects.values_list("id", "parent_id"):
        children[parent_id].append(unit_id)
    result: dict[int, set[int]] = {}
    for root in roots:
        seen = {root}
        stack = [root]
        while stack:
            for child in children.get(stack.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        result[root] = seen
    return result


def unit_subtree(unit: Unit) -> set[int]:
    """The ids of `unit` and every unit below it."""
    return subtrees([unit.id])[unit.id]


def active_memberships(person: Person, *, on: date | None = None) -> QuerySet[Membership]:
    return Membership.objects.current(on).filter(person=person).select_related("unit")


def leader_role(unit: Unit) -> str:
    """The role that leads `unit`: Lãnh đạo cấp ủy for a committee, Lãnh đạo Văn phòng for an
    Office or a board."""
    return Role.COMMITTEE_LEADER if unit.is_committee else Role.OFFICE_LEADER


def people_holding(
    *,
    units: Iterable[Unit] | Iterable[int] | QuerySet[Unit],
    roles: Iterable[str] | None = None,
    on: date | None = None,
) -> QuerySet[Person]:
    """The active people with a membership in one of `units` (in one of `roles`, when given)
    in force on `on` (today when not given) — one subquery, no join to fan rows out."""
    held = Membership.objects.current(on).filter(unit__in=units)
    if roles is not None:
        held = held.filter(role__in=list(roles))
    return Person.objects.filter(pk__in=held.values("person_id"), is_active=True)


def unit_leaders(unit: Unit, *, on: date | None = None) -> QuerySet[Person]:
    """Who leads `unit` by a post in the unit itself (`leader_role`), in force on `on`."""
    return people_holding(units=[unit.pk], roles=[leader_role(unit)], on=on)


def _grants_with_subtrees(person: Person) -> list[tuple[int, str, int, int]]:
    """(unit, role, clearance, a unit at or below it) for each active membership.

    One recursive query instead of the memberships and then the whole unit tree: the scope is
    computed on every request, and the round trip is most of its cost.
    """
    today = connection.ops.adapt_datefield_value(timezone.localdate())
    sql = f"""
        WITH RECURSIVE held(unit_id, role, clearance) AS (
            SELECT unit_id, role, clearance FROM {Membership._meta.db_table}
            WHERE person_id = %s AND starts_on <= %s AND (ends_on IS NULL OR ends_on >= %s)
        ), tree(root, unit_id) AS (
            SELECT unit_id, unit_id FROM held
            UNION
            SELECT tree.root, child.id FROM {Unit._meta.db_table} child
            JOIN tree ON child.parent_id = tree.unit_id
        )
        SELECT held.unit_id, held.role, held.clearance, tree.unit_id
        FROM held JOIN tree ON tree.root = held.unit_id
    """  # noqa: S608 (table names from the models, values bound)
    with connection.cursor() as cursor:
        cursor.execute(sql, [person.pk, today, today])
        return [(int(u), str(r), int(c), int(m)) for u, r, c, m in cursor.fetchall()]


def scope_for(person: Person | None) -> Scope:
    """The person's scope today; cached on the person object for the rest of the request."""
    if person is None or not person.is_authenticated or not person.is_active:
        return Scope()
    cached: Scope | None = getattr(person, "_vanphong_scope", None)
    if cached is not None:
        return cached
    clearance: dict[int, int] = {}
    roles: dict[int, set[str]] = defaultdict(set)
    role_units: dict[str, set[int]] = defaultdict(set)
    role_clearance: dict[str, dict[int, int]] = defaultdict(dict)
    administered: set[int] = set()
    for unit_id, role, level, member in _grants_with_subtrees(person):
        roles[unit_id].add(role)
        role_units[role].add(member)
        if role == Role.ADMIN:
            administered.add(member)
            # The units stay in view (their pages, books to configure) at Không mật only:
            # administration is not a way into secret documents or schedule entries.
            level = Clearance.UNCLASSIFIED
        clearance[member] = max(clearance.get(member, -1), level)
        role_clearance[role][member] = max(role_clearance[role].get(member, -1), level)
    everything = bool(person.is_superuser)
    if everything:
        all_units = Unit.objects.values_list("id", flat=True)
        for unit_id in all_units:
            clearance.setdefault(unit_id, Clearance.UNCLASSIFIED)
    scope = Scope(
        clearance_by_unit=clearance,
        roles_by_unit={unit: frozenset(r) for unit, r in roles.items()},
        administered=frozenset(administered),
        everything=everything,
        role_units={role: frozenset(units) for role, units in role_units.items()},
        role_clearance=dict(role_clearance),
    )
    person._vanphong_scope = scope  # type: ignore[attr-defined]
    return scope


def forget_scope(person: Person) -> None:
    """Drop the cached scope after a change to the person's memberships."""
    person.__dict__.pop("_vanphong_scope", None)


# --- units ---------------------------------------------------------------------------------


def units_visible(person: Person) -> QuerySet[Unit]:
    return Unit.objects.filter(id__in=scope_for(person).unit_ids)


def units_administered(person: Person) -> QuerySet[Unit]:
    scope = scope_for(person)
    if scope.everything:
        return Unit.objects.all()
    return Unit.objects.filter(id__in=scope.administered)


def administers_root(user: AbstractBaseUser | None) -> bool:
    """A superuser, or a person holding the quản trị role on a unit without a parent."""
    scope = scope_for(user if isinstance(user, Person) else None)
    if scope.everything:
        return True
    # A unit at the top is administered only through a membership in that very unit.
    roots = Unit.objects.filter(parent__isnull=True, id__in=sorted(scope.administered))
    return bool(scope.administered) and roots.exists()


def unit_get_administered(person: Person, unit_uuid: UUID | str) -> Unit:
    """A unit the person administers, or 404 (never revealing that it exists)."""
    return get_visible_or_404(units_administered(person), unit_uuid)


@dataclass(frozen=True)
class TreeRow:
    unit: Unit
    depth: int


def unit_tree(units: Iterable[Unit]) -> list[TreeRow]:
    """Units in tree order (parents before children, siblings by sort order and name)."""
    items = list(units)
    ids = {u.id for u in items}
    children: dict[int | None, list[Unit]] = defaultdict(list)
    for unit in items:
        children[unit.parent_id if unit.parent_id in ids else None].append(unit)
    tree = directory()  # the organisation's order, and every unit's label at no query
    for group in children.values():
        group[:] = tree.ordered(group)
    rows: list[TreeRow] = []

    def walk(parent: int | None, depth: int) -> None:
        for unit in children.get(parent, []):
            rows.append(TreeRow(unit, depth))
            walk(unit.id, depth + 1)

    walk(None, 0)
    return rows


def ancestors(unit: Unit) -> list[Unit]:
    """The chain from the root down to `unit`'s parent."""
    by_id = {u.id: u for u in Unit.objects.all()}
    chain: list[Unit] = []
    current = by_id.get(unit.parent_id) if unit.parent_id else None
    while current is not None:
        chain.append(current)
        current = by_id.get(current.parent_id) if current.parent_id else None
    return list(reversed(chain))


def committee_of(unit: Unit) -> Unit | None:
    """The nearest committee at or above `unit` (whose terms number its Party documents)."""
    if unit.is_committee:
        return unit
    for candidate in reversed(ancestors(unit)):
        if candidate.is_committee:
            return candidate
    return None


def receiving_unit(unit: Unit) -> Unit:
    """The unit that receives what is sent to `unit` (its clerical work): the unit set as its
    `clerical_unit` while that one is active; otherwise, for a committee (which has no clerk of
    its own), its active Office below it, the first in the organisation's order; otherwise the
    unit itself. What is sent stays addressed to `unit`; this unit's clerks register it."""
    if unit.clerical_unit_id is not None:
        chosen = Unit.objects.filter(pk=unit.clerical_unit_id, is_active=True).first()
        if chosen is not None:
            return chosen
    if unit.is_committee:
        office = (
            Unit.objects.filter(parent=unit, kind=UnitKind.OFFICE, is_active=True)
            .order_by("sort_order", "name_folded", "id")
            .first()
        )
        if office is not None:
            return office
    return unit


def office_of(unit: Unit) -> Unit | None:
    """The Office that keeps the unit's books: the unit itself if it is an Office, else the
    unit receiving for its committee (receiving_unit) when that is an Office."""
    if unit.kind == UnitKind.OFFICE:
        return unit
    receiving = receiving_unit(committee_of(unit) or unit)
    return receiving if receiving.kind == UnitKind.OFFICE else None


def clerical_candidates(unit: Unit) -> set[int]:
    """The units that may do `unit`'s clerical work: the active bodies of its committee (the
    committee and the units below it, those of the committees below excluded) and the unit
    itself — mail is never routed to another committee's people."""
    top = committee_of(unit)
    if top is None:
        return {unit.id}
    children: dict[int | None, list[tuple[int, str, bool]]] = defaultdict(list)
    for unit_id, parent_id, kind, active in Unit.objects.values_list(
        "id", "parent_id", "kind", "is_active"
    ):
        children[parent_id].append((unit_id, kind, active))
    found = {top.id} if top.is_active else set()
    stack = [top.id]
    while stack:
        for child, kind, active in children.get(stack.pop(), []):
            if kind in COMMITTEE_KINDS:
                continue
            if active:
                found.add(child)
            stack.append(child)
    return found | {unit.id}


def term_in_force(committee: Unit, on: date) -> CommitteeTerm | None:
    return (
        CommitteeTerm.objects.filter(committee=committee, starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .order_by("-starts_on")
        .first()
    )


def term_get_administered(person: Person, term_uuid: UUID | str) -> CommitteeTerm:
    terms = CommitteeTerm.objects.select_related("committee")
    return get_visible_or_404(terms.filter(committee__in=units_administered(person)), term_uuid)


# --- people --------------------------------------------------------------------------------


def people_administered(person: Person) -> QuerySet[Person]:
    """People with a membership (open or ended) in a unit the person administers, or a request
    for one (someone just created, whose first post awaits confirmation or was refused).

    Seeing someone here is not authority over their account: see `may_manage_account`."""
    scope = scope_for(person)
    if scope.everything:
        return Person.objects.all()
    units = sorted(scope.administered)
    return Person.objects.filter(
        Q(pk__in=Membership.objects.filter(unit_id__in=units).values("person_id"))
        | Q(pk__in=MembershipRequest.objects.filter(unit_id__in=units).values("person_id"))
    )


def people_list(
    person: Person, *, text: str = "", unit: Unit | None = None, active: bool | None = None
) -> QuerySet[Person]:
    """The administration list: people the person administers, filtered, each with
    `current_memberships` (in administered units) prefetched so rows cost no query."""
    administered = units_administered(person)
    found = people_administered(person)
    if text:
        found = people_search(found, text)
    if unit is not None:
        below = subtrees([unit.id])[unit.id]
        placed = Membership.objects.not_ended().filter(unit_id__in=below)
        found = found.filter(pk__in=placed.values("person_id"))
    if active is not None:
        found = found.filter(is_active=active)
    shown = (
        Membership.objects.not_ended()
        .filter(unit__in=administered)
        .select_related("unit")
        .order_by("unit__sort_order", "unit__name", "role")
    )
    return found.prefetch_related(
        Prefetch("memberships", queryset=shown, to_attr="current_memberships")
    )


def people_search(people: QuerySet[Person], text: str) -> QuerySet[Person]:
    """Match every word of `text` against name and login, ignoring marks and tone placement."""
    for word in fold(text).split():
        people = people.filter(Q(name_folded__contains=word) | Q(username__icontains=word))
    return people


def person_get_administered(person: Person, person_uuid: UUID | str) -> Person:
    return get_visible_or_404(people_administered(person), person_uuid)


def account_units(person: Person) -> set[int]:
    """The units whose administration carries authority over the person's account: those of
    their posts not ended (one starting next month counts already) and of the posts proposed
    for them (a password reset while a province post awaits confirmation would hand that post
    over); with neither, those of every post they held (retired) or were proposed for."""
    held = Membership.objects.filter(person=person)
    current = set(held.not_ended().values_list("unit_id", flat=True))
    requests = MembershipRequest.objects.filter(person=person)
    current |= set(requests.filter(status=RequestStatus.PENDING).values_list("unit_id", flat=True))
    return (
        current
        or set(held.values_list("unit_id", flat=True))
        or set(requests.values_list("unit_id", flat=True))  # created, and the post refused
    )


def may_manage_account(actor: Person | None, person: Person) -> bool:
    """Whether the actor may set the person's password, (de)activate the account, edit its
    profile or revoke its tokens: he administers every unit where the person works — one post
    in his district does not hand him an account that also works at the province. A superuser
    is managed by superusers only; `None` is the system."""
    if actor is None:
        return True
    scope = scope_for(actor)
    if scope.everything:
        return True
    if person.is_superuser:
        return False
    units = account_units(person)
    return bool(units) and all(scope.administers(unit_id) for unit_id in units)


def person_get_account_administered(
    person: Person, person_uuid: UUID | str, *, or_self: bool = False
) -> Person:
    """A person whose account the asking person may manage (or himself, with `or_self`): 404
    when not administered at all, PermissionDenied when seen (he has a post in the asking
    person's units) but not wholly his."""
    found = person_get_administered(person, person_uuid)
    if not (or_self and found.pk == person.pk) and not may_manage_account(person, found):
        raise PermissionDenied(_("Cán bộ này còn công tác ở đơn vị bạn không quản trị."))
    return found


def membership_get_administered(person: Person, membership_uuid: UUID | str) -> Membership:
    memberships = Membership.objects.select_related("person", "unit")
    return get_visible_or_404(
        memberships.filter(unit__in=units_administered(person)), membership_uuid
    )


# --- membership requests ---------------------------------------------------------------------


def _chain_up(unit_id: int, parents: Mapping[int, int | None] | None = None) -> list[int]:
    """`unit_id` and the units above it, nearest first."""
    if parents is None:
        parents = dict(Unit.objects.values_list("id", "parent_id"))
    chain: list[int] = []
    current: int | None = unit_id
    while current is not None and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return chain


def _admin_posts(people: Iterable[Person]) -> dict[int, set[int]]:
    """Each active person's units held with a quản trị post today, in one query."""
    active = [person.pk for person in people if person.is_active]
    posts = (
        Membership.objects.current()
        .filter(person_id__in=active, role=Role.ADMIN)
        .values_list("person_id", "unit_id")
    )
    found: dict[int, set[int]] = defaultdict(set)
    for person_id, unit_id in posts:
        found[person_id].add(unit_id)
    return found


def request_refusal(
    actor: Person,
    request: MembershipRequest,
    *,
    confirming: bool,
    parents: Mapping[int, int | None] | None = None,
    admin_posts: Mapping[int, set[int]] | None = None,
) -> str | None:
    """Why the actor may not decide a request, or None when he may.

    A second administrator decides: not the requester nor the person concerned; one who
    administers the unit from strictly higher up — a quản trị post in a unit above every unit
    from which the requester administers it — or a superuser; and to confirm, one who holds a
    clearance over the unit at least the one requested (superusers are the top)."""
    if actor.pk in (request.requested_by_id, request.person_id):
        return _("Không ai tự quyết định đề nghị do mình gửi hay về chính mình.")
    if scope_for(actor).everything:
        return None
    chain = _chain_up(request.unit_id, parents)
    if admin_posts is None:
        admin_posts = _admin_posts([request.requested_by, actor])
    theirs = admin_posts.get(request.requested_by_id, set()) & set(chain)
    if not theirs:
        return _("Người đề nghị không còn quản trị đơn vị này; chỉ quản trị tối cao quyết định.")
    above = set(chain[max(chain.index(unit) for unit in theirs) + 1 :])
    if not admin_posts.get(actor.pk, set()) & above:
        return _("Chỉ quản trị ở cấp trên người đề nghị mới quyết định được đề nghị này.")
    if confirming:
        held = max(
            active_memberships(actor).filter(unit_id__in=chain).values_list("clearance", flat=True),
            default=-1,
        )
        if held < request.clearance:
            return _("Độ mật được đề nghị cao hơn độ mật của bạn ở đơn vị này.")
    return None


def requests_visible(person: Person) -> QuerySet[MembershipRequest]:
    """Requests the person sent, and those about units he administers."""
    found = MembershipRequest.objects.select_related(
        "person", "unit", "requested_by", "decided_by", "membership"
    )
    scope = scope_for(person)
    if scope.everything:
        return found
    return found.filter(Q(requested_by=person) | Q(unit_id__in=sorted(scope.administered)))


def request_get_visible(person: Person, request_uuid: UUID | str) -> MembershipRequest:
    return get_visible_or_404(requests_visible(person), request_uuid)


def requests_to_decide(person: Person) -> list[MembershipRequest]:
    """Pending requests the person may confirm or refuse, oldest first."""
    pending = list(
        requests_visible(person).filter(status=RequestStatus.PENDING).order_by("requested_at")
    )
    parents = dict(Unit.objects.values_list("id", "parent_id"))
    posts = _admin_posts([person, *(r.requested_by for r in pending)])
    return [
        r
        for r in pending
        if request_refusal(person, r, confirming=False, parents=parents, admin_posts=posts) is None
    ]


def requests_pending_for(viewer: Person, person: Person) -> QuerySet[MembershipRequest]:
    """A person's grants awaiting confirmation, those the viewer may see."""
    return requests_visible(viewer).filter(person=person, status=RequestStatus.PENDING)
