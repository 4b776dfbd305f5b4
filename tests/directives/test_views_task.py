"""The task page: each side sees the forms it may use, bad input keeps what was typed, and
the files of a report reach only those who see the task."""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.support.directives import district_task
from tests.support.documents import DocWorld
from vanphong.directives import services, services_reports
from vanphong.directives.models import ExtensionRequest, ProgressReport, Task, TaskState

PDF = b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n"


def url(task: Task, action: str = "") -> str:
    return f"/nhiem-vu/{task.uuid}/{action + '/' if action else ''}"


def test_the_lead_unit_sees_report_forms_and_the_assigning_side_the_deadline(
    world: DocWorld, client: Client
) -> None:
    task = district_task(world)
    client.force_login(world.chau_thanh_clerk)
    forms = client.get(url(task)).context["forms"]
    assert set(forms) == {"bao-cao", "hoan-thanh", "gia-han", "nhiem-vu-con"}
    client.force_login(world.province_office_leader)
    assert set(client.get(url(task)).context["forms"]) == set()
    client.force_login(world.province_leader)
    assert set(client.get(url(task)).context["forms"]) == {"thoi-han"}


def test_a_progress_report_with_a_file_is_downloadable_by_the_assigning_side(
    world: DocWorld, client: Client
) -> None:
    task = district_task(world)
    client.force_login(world.chau_thanh_clerk)
    sent = client.post(
        url(task, "bao-cao"),
        {
            "text": "Đã niêm yết danh sách cử tri",
            "state": "in_progress",
            "attachments": SimpleUploadedFile("Danh sách.pdf", PDF),
        },
    )
    assert sent.status_code == 302
    task.refresh_from_db()
    assert task.state == TaskState.IN_PROGRESS
    attached = ProgressReport.objects.get().files.get()
    client.force_login(world.province_office_leader)
    page = client.get(url(task)).content.decode()
    assert f"/nhiem-vu/tep/{attached.uuid}/" in page
    download = client.get(f"/nhiem-vu/tep/{attached.uuid}/")
    assert download.status_code == 200
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == PDF  # type: ignore[attr-defined]
    client.force_login(world.hoa_thanh_clerk)
    assert client.get(f"/nhiem-vu/tep/{attached.uuid}/").status_code == 404


def test_a_report_file_is_named_by_its_detected_type_not_by_the_sender(
    world: DocWorld, client: Client
) -> None:
    task = district_task(world)
    client.force_login(world.chau_thanh_clerk)
    client.post(
        url(task, "bao-cao"),
        {
            "text": "Kèm danh sách",
            "state": "in_progress",
            "attachments": SimpleUploadedFile("danh-sach.html", PDF, "text/html"),
        },
    )
    attached = ProgressReport.objects.get().files.get()
    assert attached.filename == "danh-sach.pdf"
    download = client.get(f"/nhiem-vu/tep/{attached.uuid}/")
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="danh-sach.pdf"'
    assert "no-store" in download["Cache-Control"]


def test_a_refused_file_shows_the_form_again_with_the_text_kept(
    world: DocWorld, client: Client
) -> None:
    task = district_task(world)
    client.force_login(world.chau_thanh_clerk)
    page = client.post(
        url(task, "bao-cao"),
        {
            "text": "Nội dung còn giữ",
            "state": "in_progress",
            "attachments": SimpleUploadedFile("x.pdf", b"MZ\x90\x00 not a pdf"),
        },
    )
    assert page.status_code == 400
    html = page.content.decode()
    assert "Nội dung còn giữ" in html
    assert "Loại tệp không được chấp nhận" in html
    assert not ProgressReport.objects.exists()


def test_an_extension_is_asked_then_approved_and_the_deadline_moves(
    world: DocWorld, client: Client
) -> None:
    task = district_task(world, deadline=date(2011, 4, 15))
    client.force_login(world.chau_thanh_clerk)
    asked = client.post(
        url(task, "gia-han"), {"new_deadline": "2011-04-29", "reason": "Chờ danh sách bổ sung"}
    )
    assert asked.status_code == 302
    pending = ExtensionRequest.objects.get()
    client.force_login(world.province_office_leader)  # prepares, does not decide
    waiting = client.get(url(task))
    assert waiting.context["decide"] is None
    assert 'data-testid="awaiting"' in waiting.content.decode()
    client.force_login(world.province_leader)
    page = client.get(url(task))
    assert page.context["decide"] is not None
    decided = client.post(
        f"/nhiem-vu/gia-han/{pending.uuid}/quyet-dinh/", {"approve": "1", "note": ""}
    )
    assert decided.status_code == 302
    task.refresh_from_db()
    assert task.deadline == date(2011, 4, 29)


def test_refusing_an_extension_without_a_reason_is_asked_again(
    world: DocWorld, client: Client
) -> None:
    task = district_task(world)
    services_reports.extension_request(
        actor=world.chau_thanh_clerk, task=task, new_deadline=date(2011, 5, 2), reason="Bận"
    )
    pending = ExtensionRequest.objects.get()
    client.force_login(world.province_leader)
    page = client.post(f"/nhiem-vu/gia-han/{pending.uuid}/quyet-dinh/", {"approve": "0"})
    assert page.status_code == 400
    assert "Cần nêu lý do không đồng ý." in page.content.decode()
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_the_lead_unit_cannot_decide_its_own_extension(world: DocWorld, client: Client) -> None:
    task = district_task(world)
    services_reports.extension_request(
        actor=world.chau_thanh_clerk, task=task, new_deadline=date(2011, 5, 2), reason="Bận"
    )
    pending = ExtensionRequest.objects.get()
    client.force_login(world.chau_thanh_clerk)
    assert client.get(url(task)).context["decide"] is None
    page = client.post(f"/nhiem-vu/gia-han/{pending.uuid}/quyet-dinh/", {"approve": "1"})
    assert page.status_code == 400
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_a_completion_with_an_unknown_product_keeps_what_was_typed(
    world: DocWorld, client: Client
) -> None:
    task = district_task(world)
    client.force_login(world.chau_thanh_clerk)
    page = client.post(
        url(task, "hoan-thanh"),
        {"text": "Đã hoàn thành niêm yết", "done_on": "2011-04-14", "product_number": "99-BC/HU"},
    )
    assert page.status_code == 400
    html = page.content.decode()
    assert "Không tìm thấy văn bản đi đã ban hành số “99-BC/HU”" in html
    assert "Đã hoàn thành niêm yết" in html
    task.refresh_from_db()
    assert task.state == TaskState.NOT_STARTED


def test_a_completion_is_accepted_by_the_assigning_side_only(
    world: DocWorld, client: Client
) -> None:
    task = district_task(world)
    client.force_login(world.chau_thanh_clerk)
    client.post(url(task, "hoan-thanh"), {"text": "Xong", "done_on": "2011-04-14"})
    task.refresh_from_db()
    assert task.state == TaskState.SUBMITTED
    assert client.post(url(task, "xac-nhan")).status_code == 403
    client.force_login(world.province_office_leader)  # the Office prepares, does not decide
    assert set(client.get(url(task)).context["forms"]) == set()
    assert client.post(url(task, "xac-nhan")).status_code == 403
    client.force_login(world.province_leader)
    assert set(client.get(url(task)).context["forms"]) == {"thoi-han", "tra-lai", "xac-nhan"}
    assert client.post(url(task, "xac-nhan")).status_code == 302
    task.refresh_from_db()
    assert task.state == TaskState.DONE


def test_a_returned_completion_goes_back_in_progress_with_the_reason(
    world: DocWorld, client: Client
) -> None:
    task = district_task(world)
    services_reports.task_complete(
        actor=world.chau_thanh_clerk, task=task, text="Xong", done_on=date(2011, 4, 14)
    )
    client.force_login(world.province_leader)
    assert client.post(url(task, "tra-lai"), {"reason": ""}).status_code == 400
    assert client.post(url(task, "tra-lai"), {"reason": "Thiếu số liệu xã"}).status_code == 302
    task.refresh_from_db()
    assert (task.state, task.state_reason) == (TaskState.IN_PROGRESS, "Thiếu số liệu xã")


def test_a_closed_task_offers_no_forms_and_refuses_a_report(
    world: DocWorld, client: Client
) -> None:
    task = district_task(world)
    services_reports.task_report(actor=world.chau_thanh_clerk, task=task, text="Không khả thi",
                         state="cannot_do")  # fmt: skip
    client.force_login(world.chau_thanh_clerk)
    assert client.get(url(task)).context["forms"] == {}
    page = client.post(url(task, "bao-cao"), {"text": "Thêm", "state": "in_progress"})
    assert page.status_code == 400
    assert "Nhiệm vụ đã kết thúc; không báo cáo thêm." in page.content.decode()
    assert ProgressReport.objects.count() == 1


def test_the_district_breaks_a_task_into_a_sub_task_the_province_does_not_list(
    world: DocWorld, client: Client
) -> None:
    task = district_task(world, deadline=date(2011, 4, 15))
    client.force_login(world.chau_thanh_clerk)
    late = client.post(
        url(task, "nhiem-vu-con"),
        {"content": "Tổng hợp danh sách các xã", "lead_unit": world.chau_thanh_office.pk,
         "deadline": "2011-04-20"},
    )  # fmt: skip
    assert late.status_code == 400
    assert "Nhiệm vụ con không được hạn sau nhiệm vụ cha (15/04/2011)." in late.content.decode()
    made = client.post(
        url(task, "nhiem-vu-con"),
        {"content": "Tổng hợp danh sách các xã", "lead_unit": world.chau_thanh_office.pk,
         "deadline": "2011-04-12"},
    )  # fmt: skip
    assert made.status_code == 302
    child = Task.objects.get(parent=task)
    assert child.assigning_unit == world.chau_thanh
    client.force_login(world.province_office_leader)
    assert list(client.get(url(task)).context["children"]) == []
    assert client.get(url(child)).status_code == 404


def test_an_unknown_action_and_someone_elses_task_are_not_found(
    world: DocWorld, client: Client
) -> None:
    task = district_task(world)
    client.force_login(world.chau_thanh_clerk)
    assert client.post(url(task, "xoa")).status_code == 404
    client.force_login(world.hoa_thanh_clerk)
    assert client.get(url(task)).status_code == 404
    assert client.post(url(task, "bao-cao"), {"text": "x"}).status_code == 404


def test_a_unit_with_nobody_below_it_is_not_offered_sub_tasks(
    world: DocWorld, client: Client
) -> None:
    task = district_task(world)
    sub = services.task_assign(
        actor=world.chau_thanh_clerk,
        directive=task.directive,
        parent=task,
        lead_unit=world.chau_thanh_office,
        content="Tổng hợp các xã",
    )
    client.force_login(world.chau_thanh_clerk)  # acts for the Office, which has no units below
    assert "nhiem-vu-con" not in client.get(url(sub)).context["forms"]
    assert "nhiem-vu-con" in client.get(url(task)).context["forms"]
