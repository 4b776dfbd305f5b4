"""A task reported while its programme item is moved: both go through, one after the other
(every service locks the task before the audit chain, so neither waits on the other's lock
while holding its own)."""

from __future__ import annotations

import io
import threading
import time
from datetime import date

import pytest
from django.conf import LazySettings
from django.db import connection

from tests.support.planning import build_world, programme_with_items
from vanphong.directives import services, services_decisions, services_reports
from vanphong.directives.models import Task
from vanphong.planning import services_programme as planning_programme
from vanphong.planning.models import ItemState

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class SlowUpload(io.BytesIO):
    """An attachment still arriving while the report holds the task's row lock."""

    name = "bao-cao.pdf"

    def __init__(self, locked: threading.Event) -> None:
        super().__init__(PDF)
        self.locked = locked

    def read(self, n: int | None = -1) -> bytes:
        if not self.locked.is_set():
            self.locked.set()
            time.sleep(1.0)  # the move starts meanwhile
        return super().read(n)


@pytest.mark.django_db(transaction=True)
def test_a_report_and_a_move_of_its_programme_item_do_not_deadlock(
    settings: LazySettings, tmp_path: object
) -> None:
    if connection.vendor == "sqlite":
        pytest.skip("SQLite writes one transaction at a time: no row locks to order")
    settings.MEDIA_ROOT = str(tmp_path)
    world = build_world()
    programme = programme_with_items(world)
    planning_programme.programme_approve(actor=world.chief, programme=programme)
    services.programme_track(actor=world.specialist, programme=programme)
    services_decisions.delegation_create(
        actor=world.secretary, unit=world.province, delegate=world.specialist
    )
    item = programme.items.get(month=2)
    task = Task.objects.get(programme_item=item)
    services_reports.task_report(actor=world.chief, task=task, text="Đã triển khai")
    locked = threading.Event()
    errors: list[BaseException] = []

    def report() -> None:
        try:
            services_reports.task_report(
                actor=world.chief,
                task=task,
                text="Đang thực hiện",
                attachments=[SlowUpload(locked)],  # type: ignore[list-item]
            )
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    def move() -> None:
        locked.wait()
        try:
            planning_programme.programme_item_track(
                actor=world.specialist, item=item, state=ItemState.MOVED, month=4, reason="Chờ"
            )
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=report), threading.Thread(target=move)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    task.refresh_from_db()
    assert (task.deadline, task.reports.count()) == (date(2011, 4, 30), 2)
