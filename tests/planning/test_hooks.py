"""Moving a programme item tells the apps above planning, inside the move's transaction."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from tests.support.planning import PlanWorld, programme_with_items
from vanphong.core.models import AuditEvent
from vanphong.directives.services import programme_item_follow
from vanphong.planning import hooks, services_programme
from vanphong.planning.models import ItemState, ProgrammeItem


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """A listener of this test's own, beside those the apps subscribed."""
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(hooks, "_listeners", list(hooks._listeners))
    hooks.on_programme_item_moved(lambda **kwargs: calls.append(kwargs))
    return calls


def approved_item(world: PlanWorld) -> ProgrammeItem:
    programme = programme_with_items(world)
    services_programme.programme_approve(actor=world.chief, programme=programme)
    return programme.items.get(month=2)


def test_directives_follows_the_moves_of_programme_items() -> None:
    assert programme_item_follow in hooks._listeners


def test_a_move_is_told_with_the_item_in_its_new_month_and_nothing_else_is(
    world: PlanWorld, heard: list[dict[str, Any]]
) -> None:
    item = approved_item(world)
    services_programme.programme_item_track(
        actor=world.specialist, item=item, state=ItemState.POSTPONED, reason="Chờ chỉ đạo"
    )
    services_programme.programme_item_track(
        actor=world.specialist, item=item, state=ItemState.DROPPED, reason="Không cần nữa"
    )
    assert heard == []
    services_programme.programme_item_track(
        actor=world.specialist, item=item, state=ItemState.MOVED, reason="Dời lịch", month=4
    )
    [call] = heard
    assert call["actor"] == world.specialist
    assert (call["item"].pk, call["item"].month) == (item.pk, 4)


def test_a_listener_that_refuses_undoes_the_move_and_its_audit_event(
    world: PlanWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    item = approved_item(world)

    def refuse(**_kwargs: Any) -> None:
        raise ValidationError("Nhiệm vụ có nhiệm vụ con hạn muộn hơn.")

    monkeypatch.setattr(hooks, "_listeners", [refuse])
    with pytest.raises(ValidationError):
        services_programme.programme_item_track(
            actor=world.specialist, item=item, state=ItemState.MOVED, reason="Dời", month=4
        )
    item.refresh_from_db()
    assert (item.month, item.state) == (2, ItemState.PLANNED)
    assert not AuditEvent.objects.filter(action="programme.item_moved").exists()


def test_a_listener_subscribed_twice_is_told_once(
    world: PlanWorld, heard: list[dict[str, Any]]
) -> None:
    listener = hooks._listeners[-1]
    hooks.on_programme_item_moved(listener)
    services_programme.programme_item_track(
        actor=world.specialist,
        item=approved_item(world),
        state=ItemState.MOVED,
        reason="Dời",
        quarter=3,
    )
    assert len(heard) == 1
