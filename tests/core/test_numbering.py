from __future__ import annotations

import random
import threading

import pytest
from django.db import IntegrityError, connection, transaction

from vanphong.core.models import Counter, NumberAllocation
from vanphong.core.numbering import NotInTransaction, allocate, peek

THREADS = 8
PER_THREAD = 200
ROLLBACK_SHARE = 0.10


class _Abandon(Exception):
    pass


@pytest.mark.django_db(transaction=True)
def test_allocation_outside_a_transaction_is_refused() -> None:
    with pytest.raises(NotInTransaction):
        allocate("lonely")
    assert not Counter.objects.filter(series="lonely").exists()


def test_each_series_counts_from_one_on_its_own(db: None) -> None:
    with transaction.atomic():
        assert [allocate("a"), allocate("a"), allocate("b"), allocate("a")] == [1, 2, 1, 3]
    assert peek("a") == 3
    assert peek("never-used") == 0


def test_a_rolled_back_allocation_gives_its_number_back(db: None) -> None:
    with transaction.atomic():
        assert allocate("s") == 1
    with pytest.raises(_Abandon), transaction.atomic():
        assert allocate("s") == 2
        raise _Abandon
    with transaction.atomic():
        assert allocate("s") == 2


def test_the_ledger_refuses_a_number_twice(db: None) -> None:
    with transaction.atomic():
        allocate("s")
    with pytest.raises(IntegrityError), transaction.atomic():
        NumberAllocation.objects.create(series="s", number=1)


@pytest.mark.concurrency
@pytest.mark.django_db(transaction=True)
def test_concurrent_allocations_with_rollbacks_leave_no_gap_and_no_duplicate() -> None:
    series = "concurrency"
    committed: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        try:
            start.wait()
            for _ in range(PER_THREAD):
                try:
                    with transaction.atomic():
                        number = allocate(series)
                        if rng.random() < ROLLBACK_SHARE:
                            raise _Abandon
                except _Abandon:
                    continue
                with lock:
                    committed.append(number)
        except BaseException as error:  # surfaced to the main thread below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(seed,)) for seed in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    stored = sorted(NumberAllocation.objects.filter(series=series).values_list("number", flat=True))
    rolled_back = THREADS * PER_THREAD - len(committed)
    assert rolled_back > 0, "the test must exercise rollbacks"
    assert sorted(committed) == stored, "every committed number is stored exactly once"
    assert stored == list(range(1, len(stored) + 1)), "the committed numbers have no gap"
    assert Counter.objects.get(series=series).value == len(stored)
