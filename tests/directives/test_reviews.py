"""The review (sơ kết, tổng kết) of a directive: figures as of the end day, the DOCX draft in
Party format, who may make it, and the form's refusals.

The figures are checked against counts made here by walking the tasks in Python on the
working-day calendar, not by calling the code under test."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from docx import Document

from tests.support.api import caller
from tests.support.directives import district_task, province_directive, review_url
from tests.support.documents import DocWorld
from vanphong.core.models import AuditEvent
from vanphong.core.workdays import WorkCalendar
from vanphong.directives import (
    review_figures,
    reviews,
    services,
    services_decisions,
    services_reports,
)
from vanphong.directives.models import Directive, ProgressReport, Task, TaskState
from vanphong.org.models import Person, Unit

TODAY = date(2011, 4, 20)
START, END = date(2011, 3, 1), date(2011, 4, 15)
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
COLUMNS = ("on_time", "late", "submitted", "open", "overdue", "cannot_do")


@pytest.fixture(autouse=True)
def _april_2011(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: TODAY)


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=LOCAL)


def lead_person(world: DocWorld, unit: Unit) -> Person:
    person: Person = world.hoa_thanh_clerk if unit == world.hoa_thanh else world.chau_thanh_clerk
    return person


def assigned(world: DocWorld, on: date, *, lead: Unit | None = None, **fields: Any) -> Task:
    """A task given on `on` (the services stamp the real clock; the scenario is in 2011)."""
    task = district_task(world, lead_unit=lead or world.chau_thanh, **fields)
    Task.objects.filter(pk=task.pk).update(created_at=at(on))
    task.refresh_from_db()
    return task


def finished(world: DocWorld, task: Task, on: date, *, confirm: bool = True, **kw: Any) -> None:
    services_reports.task_complete(
        actor=lead_person(world, task.lead_unit), task=task, text="", done_on=on, **kw
    )
    if confirm:
        services_decisions.completion_accept(actor=world.province_leader, task=task)


def reported(world: DocWorld, task: Task, on: date, text: str, state: str = "in_progress") -> None:
    report = services_reports.task_report(
        actor=lead_person(world, task.lead_unit), task=task, text=text, state=state
    )
    ProgressReport.objects.filter(pk=report.pk).update(created_at=at(on))
    if state == TaskState.CANNOT_DO:
        Task.objects.filter(pk=task.pk).update(closed_at=at(on, 16))


def scenario(world: DocWorld) -> Directive:
    """Tasks of Chỉ thị 01-CT/TW in every state, some changing state after END."""
    directive = province_directive(world)
    ht = world.hoa_thanh
    before = assigned(
        world, date(2011, 1, 10), deadline=date(2011, 3, 15), content="Họp triển khai"
    )
    finished(world, before, date(2011, 2, 25))  # on time, before the period
    late = assigned(world, date(2011, 2, 1), deadline=date(2011, 4, 8), content="Lập danh sách")
    finished(world, late, date(2011, 4, 13))  # late: the 8th is a Friday
    on_time = assigned(
        world, date(2011, 3, 5), deadline=date(2011, 4, 29), content="Niêm yết danh sách"
    )
    finished(world, on_time, date(2011, 4, 12))
    Task.objects.filter(pk=on_time.pk).update(product="Kế hoạch niêm yết")
    waiting = assigned(world, date(2011, 3, 5), deadline=date(2011, 4, 5), content="Tập huấn")
    finished(world, waiting, date(2011, 4, 14), confirm=False)
    overdue = assigned(world, date(2011, 3, 10), deadline=date(2011, 4, 1), content="Tuyên truyền")
    reported(world, overdue, date(2011, 4, 10), "Đang chờ các xã gửi số liệu")
    # Two supporting units: still one task, though the visible tasks join them.
    assigned(
        world,
        date(2011, 3, 10),
        deadline=date(2011, 5, 30),
        content="Tổng hợp kết quả",
        supporting_units=[ht, world.province_office],
    )
    # Done after END: open on END, and overdue then (due on the 12th).
    after = assigned(world, date(2011, 4, 1), deadline=date(2011, 4, 12), content="Kiểm tra")
    finished(world, after, date(2011, 4, 18))
    submitted_after = assigned(world, date(2011, 4, 1), deadline=date(2011, 4, 29), content="Rà")
    finished(world, submitted_after, date(2011, 4, 19), confirm=False)
    dropped = assigned(
        world, date(2011, 2, 15), lead=ht, deadline=date(2011, 4, 30), content="Xây hội trường"
    )
    reported(world, dropped, date(2011, 4, 1), "Không bố trí được kinh phí", "cannot_do")
    dropped_after = assigned(
        world, date(2011, 2, 15), lead=ht, deadline=date(2011, 5, 30), content="Mua loa"
    )
    reported(world, dropped_after, date(2011, 4, 18), "Hết kinh phí", "cannot_do")
    assigned(world, date(2011, 4, 18), lead=ht, deadline=date(2011, 5, 30), content="Giao sau")
    # A sub-task Châu Thành gave its Office: Châu Thành's to review, not the province's.
    sub = services.task_assign(
        actor=world.chau_thanh_office_leader,
        directive=directive,
        parent=overdue,
        lead_unit=world.chau_thanh_office,
        content="Nhiệm vụ con",
        deadline=date(2011, 3, 30),
    )
    Task.objects.filter(pk=sub.pk).update(created_at=at(date(2011, 3, 12)))
    return directive


def counted(directive: Directive, start: date, end: date) -> dict[str, Counter[str]]:
    """The figures by lead unit name, counted task by task in Python."""
    calendar = WorkCalendar.load(date(2011, 1, 1), end)
    found: dict[str, Counter[str]] = {}
    for task in Task.objects.filter(directive=directive, parent=None).select_related("lead_unit"):
        if task.created_at.astimezone(LOCAL).date() > end:
            continue
        if task.state == TaskState.DONE and task.done_on and task.done_on <= end:
            late = task.deadline and calendar.days_late(task.deadline, task.done_on) > 0
            state = "late" if late else "on_time"
        elif task.state == TaskState.SUBMITTED and task.done_on and task.done_on <= end:
            state = "submitted"
        elif (
            task.state == TaskState.CANNOT_DO
            and task.closed_at
            and task.closed_at.astimezone(LOCAL).date() <= end
        ):
            state = "cannot_do"
        elif task.deadline and calendar.days_late(task.deadline, end) > 0:
            state = "overdue"
        else:
            state = "open"
        counts = found.setdefault(task.lead_unit.name, Counter())
        counts[state] += 1
        counts["assigned"] += 1
        if state in ("on_time", "late") and task.done_on and task.done_on >= start:
            counts["done_in_period"] += 1
    return found


def cells(row: Any) -> list[str]:
    return [cell.text for cell in row.cells]


def test_the_docx_opens_in_party_format_and_every_figure_equals_a_count_of_the_tasks(
    world: DocWorld, client: Client
) -> None:
    directive = scenario(world)
    client.force_login(world.province_office_leader)
    answer = client.get(review_url(directive, loai="so-ket", tu="01/03/2011", den="15/04/2011"))
    assert answer.status_code == 200, answer.content[:500]
    assert answer["Content-Type"] == reviews.DOCX_TYPE
    assert 'filename="BC-so-ket-01-CT-TW.docx"' in answer["Content-Disposition"]
    document = Document(io.BytesIO(answer.content))

    section = document.sections[0]
    sizes = (
        section.page_width,
        section.page_height,
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    )
    assert [round(size.mm) if size else None for size in sizes] == [210, 297, 20, 20, 30, 15]
    assert document.styles["Normal"].font.name == "Times New Roman"
    header = document.tables[0].rows[0].cells
    assert header[0].text.splitlines() == ["TỈNH ỦY TÂY NINH", "*", "Số      -BC/TU"]
    assert header[1].text.splitlines()[0] == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert header[1].text.splitlines()[-1] == "ngày 20 tháng 4 năm 2011"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO\nSơ kết thực hiện Chỉ thị số 01-CT/TW ngày 05/01/2011 về lãnh đạo" in text
    for heading in ("I. TÌNH HÌNH TRIỂN KHAI", "II. KẾT QUẢ THỰC HIỆN", "IV. PHƯƠNG HƯỚNG"):
        assert heading in text
    assert "III. NHỮNG NHIỆM VỤ CHƯA HOÀN THÀNH, NGUYÊN NHÂN" in text

    expected = counted(directive, START, END)
    table = document.tables[1]
    rows = [cells(row) for row in table.rows]
    assert rows[0][2:] == [
        "Nhiệm vụ được giao",
        "Hoàn thành đúng hạn",
        "Hoàn thành trễ hạn",
        "Báo cáo hoàn thành, chờ xác nhận",
        "Đang thực hiện, còn hạn",
        "Quá hạn",
        "Không thực hiện được",
    ]
    by_unit = {row[1]: [int(n) for n in row[2:]] for row in rows[1:-1]}
    assert by_unit == {
        name: [counts["assigned"], *(counts[c] for c in COLUMNS)]
        for name, counts in expected.items()
    }
    total: Counter[str] = sum(expected.values(), Counter())
    assert rows[-1][1] == "Tổng cộng"
    assert [int(n) for n in rows[-1][2:]] == [total["assigned"], *(total[c] for c in COLUMNS)]
    # The scenario gives every column something to count, so none is right by being zero.
    assert all(total[c] for c in COLUMNS)
    assert total["assigned"] == 10  # the task given after END and the sub-task are not counted

    units = len(expected)
    assert f"đã giao {total['assigned']} nhiệm vụ cho {units} đơn vị chủ trì thực hiện" in text
    assert f"Trong kỳ báo cáo đã hoàn thành {total['done_in_period']} nhiệm vụ." in text
    assert "Niêm yết danh sách (Huyện ủy Châu Thành; hoàn thành ngày 12/04/2011" in text
    assert "Sản phẩm: Kế hoạch niêm yết" in text
    assert "Họp triển khai (" not in text  # done before the period
    assert "Đang chờ các xã gửi số liệu" in text  # the reason of an unfinished task
    assert "Không bố trí được kinh phí" in text
    assert "Hết kinh phí" not in text  # given after END, when the task was still open
    assert "Nơi nhận:" in document.tables[2].rows[0].cells[0].text
    assert "T/M TỈNH ỦY" in document.tables[2].rows[0].cells[1].text


def test_a_task_done_after_the_end_day_was_open_on_it_and_one_given_after_it_is_not_counted(
    world: DocWorld,
) -> None:
    directive = province_directive(world)
    done_later = assigned(world, date(2011, 3, 1), deadline=date(2011, 4, 29))
    finished(world, done_later, date(2011, 4, 18))
    assigned(world, date(2011, 4, 16), deadline=date(2011, 4, 29))
    tasks = Task.objects.filter(directive=directive)

    on_end = review_figures.review_figures(directive=directive, tasks=tasks, start=START, end=END)
    assert (on_end.total.assigned, on_end.total.open, on_end.total.done) == (1, 1, 0)
    on_today = review_figures.review_figures(
        directive=directive, tasks=tasks, start=START, end=TODAY
    )
    assert (on_today.total.assigned, on_today.total.on_time, on_today.total.open) == (2, 1, 1)
    assert on_today.total.done_in_period == 1


def test_a_reported_completion_awaits_confirmation_and_a_dropped_task_counts_from_its_closing(
    world: DocWorld,
) -> None:
    directive = province_directive(world)
    waiting = assigned(world, date(2011, 3, 1), deadline=date(2011, 4, 29))
    finished(world, waiting, date(2011, 4, 14), confirm=False)
    dropped = assigned(world, date(2011, 3, 1), deadline=date(2011, 4, 1))
    reported(world, dropped, date(2011, 4, 18), "Không khả thi", "cannot_do")
    tasks = Task.objects.filter(directive=directive)

    on_end = review_figures.review_figures(directive=directive, tasks=tasks, start=START, end=END)
    assert (on_end.total.submitted, on_end.total.overdue, on_end.total.cannot_do) == (1, 1, 0)
    later = review_figures.review_figures(directive=directive, tasks=tasks, start=START, end=TODAY)
    assert (later.total.submitted, later.total.overdue, later.total.cannot_do) == (1, 0, 1)


def test_the_figures_take_the_same_few_queries_for_many_tasks_as_for_few(
    world: DocWorld, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    directive = scenario(world)
    tasks = Task.objects.filter(directive=directive)
    # the calendar, the grouped counts, the unit tree (order and labels)
    with django_assert_max_num_queries(3) as few:
        review_figures.review_figures(directive=directive, tasks=tasks, start=START, end=END)
    for n in range(30):
        lead = world.hoa_thanh if n % 2 else world.chau_thanh
        task = assigned(world, date(2011, 3, 20), lead=lead, deadline=date(2011, 4, 8))
        if n % 3 == 0:
            finished(world, task, date(2011, 4, 11))
    with django_assert_max_num_queries(3) as many:
        figures = review_figures.review_figures(
            directive=directive, tasks=tasks, start=START, end=END
        )
    assert len(many.captured_queries) == len(few.captured_queries)
    assert figures.total.assigned == 41


def test_a_district_that_sees_the_directive_is_refused_and_one_that_does_not_gets_404(
    world: DocWorld, client: Client
) -> None:
    directive = province_directive(world)
    assigned(world, date(2011, 3, 1), deadline=date(2011, 4, 29))  # led by Châu Thành
    params = {"loai": "so-ket", "tu": "01/03/2011", "den": "15/04/2011"}
    for person, status in (
        (world.chau_thanh_clerk, 403),  # sees the directive through its task
        (world.hoa_thanh_clerk, 404),  # has nothing to do with it
        (world.province_specialist, 200),  # the province's Office acts for the province
    ):
        client.force_login(person)
        assert client.get(review_url(directive)).status_code == status
        assert client.get(review_url(directive, **params)).status_code == status
        api = caller(client, person).get(
            f"/van-ban/{directive.uuid}/bao-cao?loai=so-ket&tu=2011-03-01&den=2011-04-15"
        )
        assert api.status_code == status
    assert not AuditEvent.objects.filter(
        actor_id=world.chau_thanh_clerk.pk, action="directive.review"
    ).exists()


def test_the_form_shows_the_directives_date_and_today_and_refuses_a_period_out_of_order(
    world: DocWorld, client: Client
) -> None:
    directive = province_directive(world)
    client.force_login(world.province_office_leader)
    blank = client.get(review_url(directive)).content.decode()
    assert 'value="05/01/2011"' in blank
    assert 'value="20/04/2011"' in blank

    backwards = client.get(
        review_url(directive, loai="tong-ket", tu="15/04/2011", den="01/03/2011")
    )
    assert backwards["Content-Type"].startswith("text/html")
    assert "Đến ngày không được trước từ ngày (15/04/2011)." in backwards.content.decode()
    early = client.get(review_url(directive, loai="so-ket", tu="01/01/2011", den="15/04/2011"))
    assert "Từ ngày không được trước ngày của văn bản (05/01/2011)." in early.content.decode()
    unreadable = client.get(review_url(directive, loai="so-ket", tu="31/02/2011", den="x"))
    page = unreadable.content.decode()
    assert "tháng 2 năm 2011 không có ngày 31" in page
    assert "Không nhận ra định dạng ngày" in page
    assert not AuditEvent.objects.filter(action="directive.review").exists()

    future = client.get(review_url(directive, loai="tong-ket", tu="05/01/2011", den="31/12/2011"))
    assert "Đến ngày không được sau hôm nay." in future.content.decode()
    assert not AuditEvent.objects.filter(action="directive.review").exists()
    made = client.get(review_url(directive, loai="tong-ket", tu="05/01/2011", den="20/04/2011"))
    assert made["Content-Type"] == reviews.DOCX_TYPE
    assert "BC-tong-ket-01-CT-TW.docx" in made["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(made.content)).paragraphs)
    assert "Tổng kết thực hiện Chỉ thị số 01-CT/TW" in text


def test_making_a_review_is_audited_with_its_kind_and_period(
    world: DocWorld, client: Client
) -> None:
    directive = province_directive(world)
    client.force_login(world.province_office_leader)
    client.get(review_url(directive, loai="so-ket", tu="01/03/2011", den="15/04/2011"))
    event = AuditEvent.objects.get(action="directive.review")
    assert event.object_id == str(directive.uuid)
    assert event.actor_id == world.province_office_leader.pk
    assert event.after == {"kind": "interim", "start": "2011-03-01", "end": "2011-04-15"}


def test_the_api_answers_the_docx_and_422_for_a_period_that_ends_before_it_starts(
    world: DocWorld, client: Client
) -> None:
    directive = scenario(world)
    api = caller(client, world.province_office_leader)
    path = f"/van-ban/{directive.uuid}/bao-cao"
    made = api.get(f"{path}?loai=tong-ket&tu=2011-03-01&den=2011-04-15")
    assert made.status_code == 200
    assert "BC-tong-ket-01-CT-TW.docx" in made["Content-Disposition"]
    rows = Document(io.BytesIO(made.content)).tables[1].rows
    total: Counter[str] = sum(counted(directive, START, END).values(), Counter())
    assert [int(n) for n in cells(rows[-1])[2:]] == [
        total["assigned"],
        *(total[c] for c in COLUMNS),
    ]
    refused = api.get(f"{path}?loai=so-ket&tu=2011-04-15&den=2011-03-01")
    assert refused.status_code == 422
    assert "den" in refused.json()["errors"]
    assert api.get(f"{path}?loai=nam&tu=2011-03-01&den=2011-04-15").status_code == 422


@pytest.mark.parametrize(
    ("title", "about"),
    [
        ("Về lãnh đạo cuộc bầu cử", "về lãnh đạo cuộc bầu cử"),
        ("Chỉ thị về lãnh đạo cuộc bầu cử", "về lãnh đạo cuộc bầu cử"),
        ("Chương trình hành động về phát triển kinh tế", "về phát triển kinh tế"),
        ("Tăng cường công tác dân vận", "về Tăng cường công tác dân vận"),
    ],
)
def test_the_subject_is_said_once_after_the_documents_name(title: str, about: str) -> None:
    assert reviews._about(title) == about
