"""Disposal: proposed by the archivist from files past retention, appraised by the council,
approved by the head, executed with its record; permanent and held files refused, a hold
placed after approval keeps its file, the destroyed file stays as a stub."""

from __future__ import annotations

import ast
import io
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.utils import timezone

from tests.support.archives import build_archives_world
from tests.support.archives_disposals import (
    appraised,
    approved,
    archived,
    executed,
    hold,
    proposed,
)
from vanphong.archives import services_disposals, services_holds
from vanphong.archives.models import (
    DisposalItem,
    DisposalStatus,
    FileItem,
    FileStatus,
    ItemKind,
    RecordFile,
)
from vanphong.core import files
from vanphong.core.models import AuditEvent
from vanphong.org.models import Clearance

pytestmark = pytest.mark.django_db


def _messages(error: ValidationError) -> str:
    return " ".join(error.message_dict["files"])


def test_the_archivist_proposes_files_past_their_retention() -> None:
    w = build_archives_world()
    file = archived(w)
    disposal = proposed(w, [file])
    assert disposal.status == DisposalStatus.PROPOSED
    assert [i.file for i in disposal.items.all()] == [file]
    assert AuditEvent.objects.filter(action="disposal.propose").count() == 1


def test_a_permanent_file_is_refused() -> None:
    w = build_archives_world()
    with pytest.raises(ValidationError) as refused:
        proposed(w, [archived(w, retention_years=None)])
    assert "hồ sơ bảo quản vĩnh viễn không được tiêu hủy" in _messages(refused.value)


def test_a_file_still_within_its_retention_is_refused() -> None:
    w = build_archives_world()
    recent = archived(w, year=timezone.localdate().year, work_ended_on=timezone.localdate())
    with pytest.raises(ValidationError) as refused:
        proposed(w, [recent])
    assert "chưa hết thời hạn bảo quản" in _messages(refused.value)


def test_a_held_file_is_refused_naming_the_hold() -> None:
    w = build_archives_world()
    file = archived(w)
    hold(w, [file], reference="Đơn số 15/2016")
    with pytest.raises(ValidationError) as refused:
        proposed(w, [file])
    assert "Đơn số 15/2016" in _messages(refused.value)


def test_a_hold_covering_a_secret_file_the_archivist_cannot_see_is_not_named() -> None:
    w = build_archives_world()
    file = archived(w)
    top_secret = archived(w, confidentiality=Clearance.TOP_SECRET)
    hold(w, [file, top_secret], reason="Thanh tra vụ việc X", reference="QĐ 9-QĐ/UBKT")
    with pytest.raises(ValidationError) as refused:
        proposed(w, [file])
    text = _messages(refused.value)
    assert "một lệnh tạm giữ" in text
    assert "QĐ 9-QĐ/UBKT" not in text
    assert "Thanh tra vụ việc X" not in text


def test_a_file_the_archivist_cannot_see_is_not_found() -> None:
    w = build_archives_world()
    top_secret = archived(w, confidentiality=Clearance.TOP_SECRET)
    with pytest.raises(ValidationError) as refused:
        proposed(w, [top_secret])
    assert _messages(refused.value) == "Không tìm thấy hồ sơ."


def test_a_file_on_another_open_disposal_or_destroyed_is_refused() -> None:
    w = build_archives_world()
    file = archived(w)
    proposed(w, [file])
    with pytest.raises(ValidationError) as busy:
        proposed(w, [file])
    assert "đợt tiêu hủy khác" in _messages(busy.value)
    gone = archived(w)
    executed(w, [gone], timezone.localdate())
    with pytest.raises(ValidationError) as destroyed:
        proposed(w, [gone])
    assert "đã bị tiêu hủy" in _messages(destroyed.value)


def test_only_an_archivist_of_the_archive_proposes() -> None:
    w = build_archives_world()
    file = archived(w)
    for outsider in (w.province_clerk, w.chau_thanh_archivist, w.province_office_leader):
        with pytest.raises(PermissionDenied):
            services_disposals.disposal_propose(
                actor=outsider, archive_unit=w.province_office, title="Đợt", files=[file]
            )


def test_the_council_keeps_a_file_back_with_a_reason() -> None:
    w = build_archives_world()
    kept, gone = archived(w), archived(w)
    disposal = appraised(w, [kept, gone], keep={kept: "Còn giá trị tham khảo"})
    assert disposal.status == DisposalStatus.APPRAISED
    item = DisposalItem.objects.get(disposal=disposal, file=kept)
    assert item.keep
    assert item.reason == "Còn giá trị tham khảo"
    with pytest.raises(ValidationError):
        services_disposals.disposal_appraise(
            actor=w.province_archivist,
            disposal=proposed(w, [archived(w)]),
            council=[],
            opinion="",
        )


def test_only_the_head_of_the_archive_unit_approves() -> None:
    w = build_archives_world()
    disposal = appraised(w, [archived(w)])
    for wrong in (w.province_archivist, w.province_clerk, w.chau_thanh_office_leader):
        with pytest.raises(PermissionDenied):
            services_disposals.disposal_approve(actor=wrong, disposal=disposal, decision="Số 1")
    with pytest.raises(ValidationError):
        services_disposals.disposal_approve(
            actor=w.province_office_leader, disposal=disposal, decision=" "
        )
    done = services_disposals.disposal_approve(
        actor=w.province_office_leader, disposal=disposal, decision="Số 12-QĐ/VPTU"
    )
    assert done.status == DisposalStatus.APPROVED
    assert done.approved_by == w.province_office_leader


def test_a_step_out_of_order_is_refused() -> None:
    w = build_archives_world()
    disposal = proposed(w, [archived(w)])
    with pytest.raises(ValidationError):
        services_disposals.disposal_approve(
            actor=w.province_office_leader, disposal=disposal, decision="Số 1"
        )
    with pytest.raises(ValidationError):
        services_disposals.disposal_execute(
            actor=w.province_archivist,
            disposal=disposal,
            method="Đốt",
            executed_on=timezone.localdate(),
        )


def test_execution_keeps_the_destroyed_file_as_a_stub_with_its_index_and_makes_the_record() -> None:
    w = build_archives_world()
    file = archived(w, title="Báo cáo tuần 2011")
    item = FileItem.objects.create(
        file=file,
        kind=ItemKind.OTHER,
        source_uuid="00000000-0000-0000-0000-000000000001",
        position=1,
        title="Báo cáo tuần 1",
        added_by=w.province_clerk,
    )
    disposal = executed(w, [file], timezone.localdate())
    assert disposal.status == DisposalStatus.EXECUTED
    stub = RecordFile.objects.get(pk=file.pk)
    assert stub.status == FileStatus.DESTROYED
    assert stub.disposal == disposal
    assert stub.destroyed_at is not None
    assert stub.title == "Báo cáo tuần 2011"
    assert FileItem.objects.filter(pk=item.pk).exists()
    assert disposal.record is not None
    with files.open_stored(disposal.record) as handle:
        assert handle.read(5) == b"%PDF-"
    assert AuditEvent.objects.filter(action="file.destroy", object_id=str(file.uuid)).exists()


def test_the_database_refuses_to_delete_a_destroyed_file_or_its_index() -> None:
    w = build_archives_world()
    file = archived(w)
    FileItem.objects.create(
        file=file,
        kind=ItemKind.OTHER,
        source_uuid="00000000-0000-0000-0000-000000000002",
        position=1,
        title="Văn bản",
        added_by=w.province_clerk,
    )
    executed(w, [file], timezone.localdate())
    with pytest.raises(ProtectedError):
        RecordFile.objects.get(pk=file.pk).delete()
    assert RecordFile.objects.filter(pk=file.pk).exists()
    assert FileItem.objects.filter(file=file).count() == 1


def test_no_code_of_the_disposal_flow_deletes_anything() -> None:
    src = Path(services_disposals.__file__).parent
    for name in (
        "services_disposals.py",
        "services_holds.py",
        "retention.py",
        "registers.py",
        "views_disposals.py",
        "api/disposals.py",
    ):
        tree = ast.parse((src / name).read_text())
        calls = [
            node.func.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        ]
        assert "delete" not in calls, name


def test_a_hold_placed_after_approval_keeps_its_file_at_execution() -> None:
    w = build_archives_world()
    held, free = archived(w), archived(w)
    disposal = approved(w, [held, free])
    placed = hold(w, [held], reference="Đơn số 3/2017")
    done = services_disposals.disposal_execute(
        actor=w.province_archivist,
        disposal=disposal,
        method="Nghiền",
        executed_on=timezone.localdate(),
    )
    held.refresh_from_db()
    free.refresh_from_db()
    assert held.status == FileStatus.TRANSFERRED
    assert held.disposal is None
    assert free.status == FileStatus.DESTROYED
    line = DisposalItem.objects.get(disposal=done, file=held)
    assert line.keep
    assert "tạm giữ" in line.reason
    event = AuditEvent.objects.get(action="disposal.execute")
    assert event.after is not None
    assert event.after["left_out"] == {str(held.pk): [placed.pk]}


def test_a_released_hold_no_longer_blocks() -> None:
    w = build_archives_world()
    file = archived(w)
    placed = hold(w, [file])
    services_holds.hold_release(actor=w.province_office_leader, hold=placed, reason="Đã giải quyết")
    assert proposed(w, [file]).items.count() == 1


def test_execution_is_dated_no_later_than_today_and_no_earlier_than_approval() -> None:
    w = build_archives_world()
    disposal = approved(w, [archived(w)])
    for day in (date(2000, 1, 1), date(2999, 1, 1)):
        with pytest.raises(ValidationError) as refused:
            services_disposals.disposal_execute(
                actor=w.province_archivist, disposal=disposal, method="Đốt", executed_on=day
            )
        assert "executed_on" in refused.value.message_dict


def test_a_wrong_actor_cannot_execute_or_cancel() -> None:
    w = build_archives_world()
    disposal = approved(w, [archived(w)])
    with pytest.raises(PermissionDenied):
        services_disposals.disposal_execute(
            actor=w.chau_thanh_archivist,
            disposal=disposal,
            method="Đốt",
            executed_on=timezone.localdate(),
        )
    with pytest.raises(PermissionDenied):
        services_disposals.disposal_cancel(
            actor=w.province_clerk, disposal=disposal, reason="Không cần"
        )


def test_a_cancelled_disposal_frees_its_files_and_stays() -> None:
    w = build_archives_world()
    file = archived(w)
    disposal = proposed(w, [file])
    services_disposals.disposal_cancel(
        actor=w.province_archivist, disposal=disposal, reason="Lập lại danh sách"
    )
    disposal.refresh_from_db()
    assert disposal.status == DisposalStatus.CANCELLED
    assert proposed(w, [file]).items.count() == 1


def test_the_record_names_the_destroyed_files_the_decision_and_those_left_out() -> None:
    w = build_archives_world()
    held = archived(w, code="07.VP")
    gone = archived(w, code="08.VP", title="Sổ theo dõi công văn 2011")
    disposal = approved(w, [held, gone])
    hold(w, [held])
    done = services_disposals.disposal_execute(
        actor=w.province_archivist,
        disposal=disposal,
        method="Nghiền bột giấy",
        executed_on=timezone.localdate(),
    )
    assert done.record is not None
    with files.open_stored(done.record) as handle:
        pdf = pdfium.PdfDocument(io.BytesIO(handle.read()))
    try:
        text = " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in pdf)
    finally:
        pdf.close()
    assert "BIÊN BẢN HỦY TÀI LIỆU HẾT GIÁ TRỊ" in text
    assert "Số 12-QĐ/VPTU" in text
    assert "Sổ theo dõi công văn 2011" in text
    assert "Nghiền bột giấy" in text
    assert "Không hủy 1 hồ sơ đang bị tạm giữ khi thực hiện: 07.VP" in text
