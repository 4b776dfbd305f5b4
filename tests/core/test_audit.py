from __future__ import annotations

import hashlib
import itertools
import json
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.conf import LazySettings
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.utils import timezone

from tests.support.personas import Personas
from vanphong.core import audit
from vanphong.core.models import AuditEvent, AuditHead, CalendarDay
from vanphong.core.numbering import NotInTransaction
from vanphong.org import services
from vanphong.org.models import UnitKind

_names = itertools.count()


def _make_events(people: Personas, count: int) -> None:
    for _ in range(count):
        n = next(_names)
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
    assert events[0].after["name"].startswith("Ban thứ ")
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


# --- the head, the key and what verify can prove --------------------------------------------

OTHER_KEY = "an-attackers-own-key-of-more-than-32-characters"


def _rehash(from_seq: int, *, key: bytes | None, key_id: str, label: str = "") -> None:
    """What someone with write access to the database can do: change event `from_seq`,
    recompute it and every later event with `key` (None: plain SHA-256), and move the head."""
    prev = audit.GENESIS
    for event in AuditEvent.objects.order_by("seq"):
        if event.seq >= from_seq:
            if event.seq == from_seq and label:
                event.object_label = label
            event.prev_hash = prev
            event.key_id = key_id
            event.hash = audit._digest(audit._content(event), key)
            event.save()
        prev = event.hash
    AuditHead.objects.update(hash=prev)


def test_deleting_the_newest_events_fails_verify(people: Personas) -> None:
    _make_events(people, 5)
    _tamper("DELETE FROM {table} WHERE seq >= %s", [4])
    result = audit.verify()
    assert (result.ok, result.broken_seq, result.checked) == (False, 4, 3)
    assert "the chain ends at #3 but the anchored head is #5" in result.reason
    with pytest.raises(CommandError, match="#4"):
        call_command("audit", "verify")


def test_deleting_every_event_fails_verify(people: Personas) -> None:
    _make_events(people, 2)
    _tamper("DELETE FROM {table}", [])
    assert audit.verify().broken_seq == 1


def test_the_head_moves_with_each_event_and_a_rolled_back_one_leaves_it(people: Personas) -> None:
    _make_events(people, 2)
    last = AuditEvent.objects.get(seq=2)
    with pytest.raises(RuntimeError), transaction.atomic():
        _make_events(people, 1)
        raise RuntimeError
    assert AuditHead.objects.values_list("seq", "hash").get() == (2, last.hash)


def test_an_event_beyond_the_head_fails_verify(people: Personas) -> None:
    _make_events(people, 3)
    AuditHead.objects.update(seq=2, hash=AuditEvent.objects.get(seq=2).hash)
    result = audit.verify()
    assert (result.broken_seq, result.reason) == (3, "event #3 lies beyond the anchored head")


def test_rewriting_an_event_and_rehashing_the_rest_without_the_key_fails(
    people: Personas,
) -> None:
    _make_events(people, 4)
    real_id = AuditEvent.objects.get(seq=1).key_id
    _rehash(2, key=OTHER_KEY.encode(), key_id=real_id, label="Ban khác")
    result = audit.verify()
    assert (result.broken_seq, result.reason) == (2, "content does not match its hash")


def test_rewriting_events_as_plain_sha256_ones_fails(people: Personas) -> None:
    _make_events(people, 3)
    _rehash(2, key=None, key_id=audit.UNKEYED, label="Ban khác")
    assert audit.verify().reason == "an unkeyed event follows keyed ones"
    _rehash(1, key=None, key_id=audit.UNKEYED)
    result = audit.verify()
    assert (result.broken_seq, result.reason) == (3, "no keyed event closes the chain")


def test_a_rotated_key_keeps_old_events_verifiable(
    people: Personas, settings: LazySettings, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_events(people, 2)
    first = settings.VANPHONG_AUDIT_KEY
    settings.VANPHONG_AUDIT_KEY = "the-new-audit-key-after-rotation-0123456789"
    settings.VANPHONG_AUDIT_OLD_KEYS = [first]
    _make_events(people, 1)
    ids = list(AuditEvent.objects.order_by("seq").values_list("key_id", flat=True))
    assert ids == [audit.key_id(first)] * 2 + [audit.key_id(settings.VANPHONG_AUDIT_KEY)]
    result = audit.verify()
    assert result.ok
    assert result.keys == {ids[0]: 2, ids[2]: 1}
    call_command("audit", "verify")
    out = capsys.readouterr().out
    assert f"{ids[0]}: 2" in out
    assert f"{ids[2]} (current): 1" in out


def test_a_key_missing_from_the_configuration_fails_loudly(
    people: Personas, settings: LazySettings
) -> None:
    _make_events(people, 2)
    lost = audit.key_id(settings.VANPHONG_AUDIT_KEY)
    settings.VANPHONG_AUDIT_KEY = "a-new-key-while-the-old-one-was-lost-0123456789"
    result = audit.verify()
    assert (result.broken_seq, result.checked) == (1, 0)
    assert f"its key {lost} is not among the configured keys" in result.reason
    with pytest.raises(CommandError, match=lost):
        call_command("audit", "verify")


def _unkeyed_event(seq: int, prev: str) -> str:
    event = AuditEvent(
        seq=seq,
        occurred_at=timezone.now(),
        actor_label="system",
        action="unit.create",
        object_type="org.unit",
        object_id=str(seq),
        object_label=f"Ban cũ {seq}",
        after={"n": seq},
        prev_hash=prev,
    )
    # Exactly what `record` stored before the chain was keyed.
    event.hash = hashlib.sha256(
        json.dumps(
            audit._content(event), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        ).encode()
    ).hexdigest()
    event.save()
    return event.hash


def test_events_from_before_the_keys_verify_once_sealed_and_cannot_be_rewritten(
    db: None,
) -> None:
    AuditHead.objects.all().delete()
    prev = audit.GENESIS
    for seq in (1, 2, 3):
        prev = _unkeyed_event(seq, prev)
    audit.seal_unkeyed(AuditEvent, AuditHead)
    seal = AuditEvent.objects.get(seq=4)
    assert (seal.action, seal.after, seal.prev_hash) == (
        "audit.keyed",
        {"unkeyed_through": 3},
        prev,
    )
    result = audit.verify()
    assert result.ok
    assert result.keys == {audit.UNKEYED: 3, seal.key_id: 1}

    # Rewriting an old event and re-hashing the old ones breaks the keyed seal's link.
    event = AuditEvent.objects.get(seq=2)
    event.object_label = "Ban khác"
    event.save()
    _rehash(2, key=None, key_id=audit.UNKEYED)
    assert not audit.verify().ok


def test_an_empty_installation_is_anchored_at_the_start(db: None) -> None:
    AuditHead.objects.all().delete()
    audit.seal_unkeyed(AuditEvent, AuditHead)
    assert not AuditEvent.objects.exists()
    assert AuditHead.objects.values_list("seq", "hash").get() == (0, audit.GENESIS)
    assert audit.verify().ok


def test_removing_the_tail_and_moving_the_head_back_is_caught_by_the_witness(
    people: Personas, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    witness = tmp_path / "audit-witness"
    _make_events(people, 2)
    call_command("audit", "verify", "--witness", str(witness))
    assert witness.read_text().split()[0] == "2"
    _make_events(people, 2)
    call_command("audit", "verify", "--witness", str(witness))
    assert "passes through the witnessed #2" in capsys.readouterr().out
    assert witness.read_text().split()[0] == "4"

    _tamper("DELETE FROM {table} WHERE seq >= %s", [3])
    AuditHead.objects.update(seq=2, hash=AuditEvent.objects.get(seq=2).hash)
    # Without the witness this looks like a shorter history: a limit verify states.
    assert audit.verify().ok
    with pytest.raises(CommandError, match="before #4 that the witness recorded"):
        call_command("audit", "verify", "--witness", str(witness))


def test_verify_says_what_it_proves_and_what_it_cannot(
    people: Personas, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_events(people, 3)
    head = AuditEvent.objects.get(seq=3).hash
    call_command("audit", "verify")
    out = capsys.readouterr().out
    assert "events #1–#3 are all present and in order" in out
    assert f"ends at the anchored head #3 {head}" in out
    assert "Not proved: that an event was never rewritten by someone holding an audit key" in out
    assert "head moved back" in out


def test_an_append_costs_three_statements(
    people: Personas, monkeypatch: pytest.MonkeyPatch, django_assert_num_queries: Any
) -> None:
    _make_events(people, 1)
    monkeypatch.setattr(audit, "_listeners", [])
    with transaction.atomic(), django_assert_num_queries(3):
        # Take the head, insert the event, move the head: no read of the previous event.
        audit.record(actor=None, action="test", target=people.province)


@pytest.mark.django_db(transaction=True)
def test_an_append_outside_a_transaction_is_refused() -> None:
    target = CalendarDay.objects.create(day=date(2030, 1, 2), name="Nghỉ thử")
    with pytest.raises(NotInTransaction):
        audit.record(actor=None, action="test", target=target)
    assert not AuditEvent.objects.exists()


@pytest.mark.concurrency
@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_with_rollbacks_keep_one_chain_ending_at_the_head() -> None:
    target = CalendarDay.objects.create(day=date(2030, 1, 2), name="Nghỉ thử")
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def worker(seed: int) -> None:
        try:
            start.wait()
            for n in range(40):
                try:
                    with transaction.atomic():
                        audit.record(actor=None, action="test", target=target, after={"n": n})
                        if (seed + n) % 7 == 0:
                            raise RuntimeError
                except RuntimeError:
                    continue
        except BaseException as error:  # surfaced to the main thread below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(seed,)) for seed in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    result = audit.verify()
    assert result.ok, result.reason
    assert result.checked == AuditEvent.objects.count() > 100
