"""The demo's directives: the province's 2011 directives broken into tasks for its boards and
districts, the districts' own sub-tasks, every state and dashboard figure, and a second load
that adds nothing.

Loaded once for the module without the year of documents (the directives from the Centre are
then registered under their historical numbers), inside a transaction rolled back at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from pytest_django import DjangoDbBlocker

from vanphong.core import audit
from vanphong.core.models import AuditEvent
from vanphong.demo import directives, scenario
from vanphong.directives import stats
from vanphong.directives.models import (
    Directive,
    ExtensionRequest,
    ExtensionStatus,
    ProgressReport,
    Recurrence,
    Task,
    TaskState,
)
from vanphong.org.models import Unit, UnitKind

pytestmark = pytest.mark.django_db
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

DISTRICT_KINDS = (UnitKind.DISTRICT_COMMITTEE, UnitKind.TOWN_COMMITTEE)


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[Unit]:
    with django_db_blocker.unblock(), transaction.atomic():
        # Module fixtures run before the autouse ones: the fast hasher is set here (Argon2 for
        # the demo's people would take ten seconds).
        with override_settings(VANPHONG_DEMO_SCALE=0, PASSWORD_HASHERS=FAST_HASHERS):
            scenario.load()
            assert not Directive.objects.exists(), "skipped without the year of documents"
        directives.load()
        yield Unit.objects.get(parent=None)
        transaction.set_rollback(True)


def _documents(province: Unit) -> list[Directive]:
    return list(Directive.objects.filter(unit=province, programme=None).order_by("document_date"))


def test_the_province_follows_its_three_directives_of_2011(demo: Unit) -> None:
    followed = _documents(demo)
    assert [(d.number_symbol, d.document_date) for d in followed] == [
        ("51-CT/TW", date(2010, 10, 4)),
        ("01-CT/TW", date(2011, 3, 9)),
        ("01-CTr/VPTU", date(2011, 4, 25)),
    ]
    assert followed[0].incoming is not None
    assert followed[0].incoming.sender_name == "Bộ Chính trị"
    assert followed[2].outgoing is not None
    assert followed[2].outgoing.status == "issued"
    for directive in followed:
        top = directive.tasks.filter(parent=None, previous=None)  # not the recurring periods
        assert 4 <= top.count() <= 10, directive
        assert top.exclude(leader=None).exists()
        assert top.exclude(clause="").exists()
        assert top.exclude(product="").exists()


def test_tasks_go_to_the_boards_and_the_districts(demo: Unit) -> None:
    top = Task.objects.filter(directive__unit=demo, parent=None)
    boards = set(top.filter(lead_unit__kind=UnitKind.BOARD).values_list("lead_unit", flat=True))
    assert boards == set(
        Unit.objects.filter(parent=demo, kind=UnitKind.BOARD).values_list("pk", flat=True)
    )
    districts = top.filter(lead_unit__kind__in=DISTRICT_KINDS).values_list("lead_unit", flat=True)
    assert len(set(districts)) >= 7
    assert top.filter(supporting_units__isnull=False).exists()
    assert top.filter(deadline=None).exists(), "thường xuyên"
    recurring = set(top.values_list("recurrence", flat=True)) - {Recurrence.NONE}
    assert {Recurrence.QUARTERLY, Recurrence.HALF_YEARLY} <= recurring


def test_districts_break_provincial_tasks_into_their_own(demo: Unit) -> None:
    subtasks = Task.objects.exclude(parent=None).select_related("parent", "assigning_unit")
    committees = {task.assigning_unit.name for task in subtasks}
    assert {"Huyện ủy Châu Thành", "Huyện uỷ Hoà Thành"} <= committees
    for task in subtasks:
        assert task.parent is not None
        assert task.assigning_unit == task.parent.lead_unit
        assert task.lead_unit.parent == task.assigning_unit, "the district's Office leads"
        assert (
            task.deadline is None
            or task.parent.deadline is None
            or (task.deadline <= task.parent.deadline)
        )


def test_tasks_are_found_in_every_state_and_every_dashboard_figure(demo: Unit) -> None:
    assert set(Task.objects.values_list("state", flat=True)) == set(TaskState.values)
    counts = stats.dashboard(Task.objects.all(), by="directive_id", today=timezone.localdate())
    assert all(n > 0 for _kind, n in counts.total.items()), counts.total
    cannot = Task.objects.get(state=TaskState.CANNOT_DO)
    assert cannot.state_reason
    assert ProgressReport.objects.filter(task__state=TaskState.IN_PROGRESS).exists()


def test_extensions_are_granted_refused_and_one_waits(demo: Unit) -> None:
    statuses = set(ExtensionRequest.objects.values_list("status", flat=True))
    assert statuses == set(ExtensionStatus.values)
    granted = ExtensionRequest.objects.get(status=ExtensionStatus.APPROVED)
    assert granted.task.deadline == granted.new_deadline
    waiting = ExtensionRequest.objects.get(status=ExtensionStatus.PENDING)
    assert not waiting.task.is_closed


def test_a_completion_was_sent_back_and_reported_again(demo: Unit) -> None:
    returned = AuditEvent.objects.filter(action="task.return").values_list("object_id", flat=True)
    assert len(returned) == 1
    task = Task.objects.get(uuid=returned[0])
    assert task.state == TaskState.DONE
    submits = AuditEvent.objects.filter(action="task.submit", object_id=returned[0]).count()
    assert submits == 2


def test_the_2011_work_programme_is_followed_and_partly_done(demo: Unit) -> None:
    followed = Directive.objects.get(unit=demo, programme__year=2011)
    assert followed.programme is not None
    tasks = followed.tasks.filter(previous=None)
    assert tasks.count() == followed.programme.items.exclude(state="dropped").count()
    assert tasks.filter(state=TaskState.DONE).count() >= 3


def test_the_story_keeps_its_dates(demo: Unit) -> None:
    for created in Task.objects.values_list("created_at", flat=True):
        assert timezone.localtime(created).year == 2011
    for created in ProgressReport.objects.values_list("created_at", flat=True):
        assert timezone.localtime(created).year == 2011
    closed = Task.objects.exclude(closed_at=None).values_list("closed_at", "done_on")
    for closed_at, done_on in closed:
        assert closed_at is not None
        assert timezone.localtime(closed_at).year == 2011
        assert done_on is None or done_on <= timezone.localtime(closed_at).date()


def test_loading_twice_adds_nothing(demo: Unit) -> None:
    counts = (
        Directive.objects.count(),
        Task.objects.count(),
        ProgressReport.objects.count(),
        ExtensionRequest.objects.count(),
        AuditEvent.objects.count(),
    )
    directives.load()
    assert counts == (
        Directive.objects.count(),
        Task.objects.count(),
        ProgressReport.objects.count(),
        ExtensionRequest.objects.count(),
        AuditEvent.objects.count(),
    )
    assert audit.verify().ok
