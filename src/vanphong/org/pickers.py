"""Form fields choosing units and people, shown by `core.widgets.Picker` (or a grouped select).

They validate against the queryset a page gives them, exactly as Django's model choice fields
(a value outside it is refused: scoping and secrecy stay the selectors'); only the showing
changes:
- units in the organisation's order, under their unmistakable label (`org.units`);
- people grouped under the unit of their current post, "Name — position" (the role when the
  post names no position), the leaders first in each group.
Each field's choices cost a fixed number of queries however many options: the queryset, the
posts of the people in it, the unit tree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanphong.core.widgets import Picker
from vanphong.org.models import Membership, Person, Role, Unit
from vanphong.org.units import Directory, directory

# Who comes first in a unit's group: its leaders, then everyone by name.
_ROLE_RANK: dict[str, int] = {Role.COMMITTEE_LEADER: 0, Role.OFFICE_LEADER: 1}

Group = tuple[str, list[tuple[Person, str]]]


def people_grouped(
    people: Iterable[Person], *, on: date | None = None, units: Directory | None = None
) -> list[Group]:
    """`people` under the label of the unit of their current post (the one of a working role
    before a quản trị post, then the first in the organisation's order), each with the label
    "Name — position"; groups in the organisation's order, people without a current post
    last. Two queries: the posts, the unit tree (unless given)."""
    people = list(people)
    tree = units or directory()
    posts = (
        Membership.objects.current(on)
        .filter(person_id__in=[p.pk for p in people])
        .order_by()
        .values_list("person_id", "unit_id", "role", "position")
    )
    best: dict[int, tuple[tuple[bool, int, int], int, str, str]] = {}
    for person_id, unit_id, role, position in posts:
        rank = (role == Role.ADMIN, _ROLE_RANK.get(role, 2), tree.key(unit_id))
        if person_id not in best or rank < best[person_id][0]:
            best[person_id] = (rank, unit_id, role, position)
    grouped: dict[int | None, list[tuple[tuple[int, str], Person, str]]] = defaultdict(list)
    for person in people:
        name = str(person)
        post = best.get(person.pk)
        if post is None:
            grouped[None].append(((2, person.name_folded), person, name))
            continue
        _rank, unit_id, role, position = post
        what = position or (str(Role(role).label) if role in Role.values else "")
        label = f"{name} — {what}" if what else name
        grouped[unit_id].append(((_ROLE_RANK.get(role, 2), person.name_folded), person, label))
    order = sorted((u for u in grouped if u is not None), key=tree.key)
    result: list[Group] = [
        (tree.label(unit_id), [(p, label) for _k, p, label in sorted(grouped[unit_id])])
        for unit_id in order
    ]
    if grouped[None]:
        result.append((_("Chưa có công tác"), [(p, lb) for _k, p, lb in sorted(grouped[None])]))
    return result


class _UnitIterator(ModelChoiceIterator):
    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for unit in directory().ordered(self.queryset.all()):
            yield self.choice(unit)


class _GroupedUnitIterator(ModelChoiceIterator):
    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for group, members in directory().by_committee(self.queryset.all()):
            yield (group, [self.choice(unit) for unit in members])


class _PeopleIterator(ModelChoiceIterator):
    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for group, members in people_grouped(self.queryset.all()):
            yield (
                group,
                [
                    (ModelChoiceIteratorValue(self.field.prepare_value(p), p), label)
                    for p, label in members
                ],
            )


class _Ordered:
    """What the four fields share: the picker (or a select), the optional empty choice."""

    def _setup(self, kwargs: dict[str, Any], *, multiple: bool, picker: bool) -> dict[str, Any]:
        rows = kwargs.pop("rows", 10)
        if "widget" not in kwargs:
            # A select for a single choice in a filter or a short list; never a multi-select.
            kwargs["widget"] = Picker(multiple=multiple, rows=rows) if picker else forms.Select
        return kwargs


class UnitChoiceField(_Ordered, forms.ModelChoiceField):  # type: ignore[type-arg]
    """One unit, in a select (a filter, a short list) or a picker (`picker=True`)."""

    iterator = _UnitIterator

    def __init__(self, *args: Any, picker: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", Unit.objects.none())
        super().__init__(*args, **self._setup(kwargs, multiple=False, picker=picker))

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)


class UnitsChoiceField(_Ordered, forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Several units, checked in a picker, under their committees."""

    iterator = _GroupedUnitIterator

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", Unit.objects.none())
        super().__init__(*args, **self._setup(kwargs, multiple=True, picker=True))

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)


class PersonChoiceField(_Ordered, forms.ModelChoiceField):  # type: ignore[type-arg]
    """One person, in a picker of radio buttons (or a grouped select, `picker=False`)."""

    iterator = _PeopleIterator

    def __init__(self, *args: Any, picker: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", Person.objects.none())
        required = kwargs.get("required", True)
        if picker and not required:
            kwargs.setdefault("empty_label", gettext_lazy("(Không chọn)"))
        super().__init__(*args, **self._setup(kwargs, multiple=False, picker=picker))
        if picker and required:
            self.empty_label = None  # a radio button for "nobody" would be a wrong answer


class PeopleChoiceField(_Ordered, forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Several people, checked in a picker."""

    iterator = _PeopleIterator

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", Person.objects.none())
        super().__init__(*args, **self._setup(kwargs, multiple=True, picker=True))


def set_queryset(field: forms.Field, queryset: QuerySet[Any]) -> None:
    """Give a picker field (or any model choice field) the scoped queryset it validates with."""
    field.queryset = queryset  # type: ignore[attr-defined]
