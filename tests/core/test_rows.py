from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import IntegrityError, transaction

from vanphong.core import rows
from vanphong.core.models import AuditEvent, NumberAllocation

pytestmark = pytest.mark.django_db


def test_insert_sets_the_key_and_stores_every_field_as_save_would() -> None:
    event = rows.insert(
        AuditEvent(
            seq=1,
            occurred_at=datetime(2011, 3, 7, 2, 30, tzinfo=UTC),
            actor_label="Văn thư",
            action="test.insert",
            object_type="core.test",
            object_id="1",
            after={"trích_yếu": "Về bầu cử", "số": 45, "ngày": None},
            prev_hash="0" * 64,
            hash="a" * 64,
        )
    )
    assert event.pk is not None
    assert not event._state.adding
    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.after == {"trích_yếu": "Về bầu cử", "số": 45, "ngày": None}
    assert stored.occurred_at == datetime(2011, 3, 7, 2, 30, tzinfo=UTC)
    assert stored.actor_id is None


def test_insert_fills_auto_now_add_fields() -> None:
    allocation = rows.insert(NumberAllocation(series="test:rows", number=7))
    assert allocation.allocated_at is not None
    stored = NumberAllocation.objects.get(pk=allocation.pk)
    assert (stored.series, stored.number) == ("test:rows", 7)
    assert stored.allocated_at == allocation.allocated_at


def test_insert_respects_unique_constraints() -> None:
    rows.insert(NumberAllocation(series="test:rows", number=1))
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.insert(NumberAllocation(series="test:rows", number=1))
    assert NumberAllocation.objects.filter(series="test:rows").count() == 1
