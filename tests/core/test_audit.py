from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from tests.personas import Personas
from vanphong.core import audit
from vanphong.core.models import AuditEvent
from vanphong.org import services
from vanphong.org.models import UnitKind


def _make_events(people: Personas, count: int) -> None:
    for n in range(count):
        services.unit_create(
            actor=people.superuser,
            parent=people.province,
            kind=UnitKind.BOARD,
            name=f"Ban thứ {n}",
            symbol=f"B{n}",
        )


def test_events_link_into_a_chain_that_verifies(people: Personas) -> None:
    _make_events(people, 3)
    events = list(AuditEvent.objects.order_by("seq"))
    assert [e.seq for e in events] == [1, 2, 3]
    assert events[0].prev_hash == audit.GENESIS
    assert events[1].prev_hash == events[0].hash
    assert events[0].actor == people.superuser
    assert events[0].after is not None
    assert events[0].after["name"] == "Ban thứ 0"
    assert audit.verify().ok
    assert audit.verify().checked == 3


def test_an_event_of_a_rolled_back_change_does_not_exist(people: Personas) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        _make_events(people, 1)
        raise RuntimeError
    _make_events(people, 1)
    assert list(AuditEvent.objects.values_list("seq", flat=True)) == [1]
    assert audit.verify().ok


def _tamper(sql: str, params: list[str | int]) -> None:
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql.replace("{table}", table), params)


def test_editing_an_event_behind_the_applications_back_breaks_verify(people: Personas) -> None:
    _make_events(people, 4)
    _tamper("UPDATE {table} SET object_label = %s WHERE seq = %s", ["Ban khác", 2])
    result = audit.verify()
    assert not result.ok
    assert result.broken_seq == 2
    assert result.checked == 1
    with pytest.raises(CommandError, match="#2"):
        call_command("audit", "verify")


def test_rewriting_an_event_and_its_hash_breaks_the_next_link(people: Personas) -> None:
    _make_events(people, 3)
    _tamper("UPDATE {table} SET hash = %s WHERE seq = %s", ["f" * 64, 2])
    result = audit.verify()
    assert result.broken_seq in {2, 3}


def test_deleting_an_event_is_named_as_a_missing_event(people: Personas) -> None:
    _make_events(people, 3)
    _tamper("DELETE FROM {table} WHERE seq = %s", [2])
    result = audit.verify()
    assert (result.broken_seq, result.reason) == (2, "event #2 is missing")


def test_verify_command_reports_an_intact_chain(people: Personas, capsys: object) -> None:
    _make_events(people, 2)
    call_command("audit", "verify")
    assert "2 events verified" in capsys.readouterr().out  # type: ignore[attr-defined]
