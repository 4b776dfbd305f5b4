"""Compiling files: opening, filing documents by reference, numbering sheets, closing and
reopening — each refused where Decree 30 or the unit's rules say no."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_files import (
    closed_file,
    file_document,
    incoming,
    open_file,
)
from vanphong.archives import services_files
from vanphong.archives.models import (
    FileItem,
    FilePlan,
    FileStatus,
    PlanEntry,
    PlanHeading,
    RecordFile,
)
from vanphong.core.models import AuditEvent
from vanphong.org.models import Clearance

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> ArchWorld:
    return build_archives_world()


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_a_document_filed_twice_in_the_same_file_is_refused_naming_the_file(w: ArchWorld) -> None:
    file = open_file(w)
    document = incoming(w)
    file_document(w, file, document)
    with pytest.raises(ValidationError) as refused:
        file_document(w, file, document)
    assert "01.TH" in messages(refused.value)
    assert FileItem.objects.filter(file=file).count() == 1


def test_the_same_document_may_sit_in_another_file_which_says_where_else_it_is(
    w: ArchWorld,
) -> None:
    first = open_file(w)
    second = open_file(w, code="02.TH", title="Hồ sơ hội nghị")
    document = incoming(w)
    assert file_document(w, first, document).elsewhere == []
    filed = file_document(w, second, document)
    assert filed.elsewhere == [first]
    assert filed.item.incoming == document
    assert FileItem.objects.filter(source_uuid=document.uuid).count() == 2


def test_an_item_takes_the_next_position_and_a_snapshot_of_the_document(w: ArchWorld) -> None:
    file = open_file(w)
    file_document(w, file, incoming(w, 1))
    item = file_document(w, file, incoming(w, 2)).item
    assert item.position == 2
    assert item.number_symbol == "42-CT/TU"
    assert item.author == "Tỉnh ủy Tây Ninh"
    assert item.document_date == date(2012, 3, 2)
    assert item.page_count == 3
    file.refresh_from_db()
    assert file.item_count == 2


def test_an_empty_file_cannot_be_closed(w: ArchWorld) -> None:
    file = open_file(w)
    with pytest.raises(ValidationError) as refused:
        services_files.file_close(
            actor=w.chau_thanh_clerk, file=file, work_ended_on=date(2012, 6, 1)
        )
    assert "chưa có văn bản" in messages(refused.value)
    file.refresh_from_db()
    assert file.status == FileStatus.OPEN


def test_a_file_takes_the_retention_of_its_most_valuable_document(w: ArchWorld) -> None:
    file = open_file(w, retention_years=2)
    file_document(w, file, incoming(w, 1))
    file_document(w, file, incoming(w, 2), retention_years=10)
    file_document(w, file, incoming(w, 3), permanent=True)
    services_files.items_number_pages(actor=w.chau_thanh_clerk, file=file)
    closed = services_files.file_close(
        actor=w.chau_thanh_clerk, file=file, work_ended_on=date(2012, 6, 1)
    )
    assert closed.retention_years is None
    assert closed.is_permanent


def test_a_longer_retention_of_the_file_itself_is_kept(w: ArchWorld) -> None:
    file = open_file(w, retention_years=20)
    file_document(w, file, incoming(w, 1), retention_years=10)
    services_files.items_number_pages(actor=w.chau_thanh_clerk, file=file)
    closed = services_files.file_close(
        actor=w.chau_thanh_clerk, file=file, work_ended_on=date(2012, 6, 1)
    )
    assert closed.retention_years == 20


def test_closing_computes_dates_counts_and_pages(w: ArchWorld) -> None:
    file = closed_file(w, documents=3)
    assert file.status == FileStatus.CLOSED
    assert (file.first_date, file.last_date) == (date(2012, 3, 1), date(2012, 3, 3))
    assert file.item_count == 3
    assert file.page_count == 2 + 3 + 4
    assert file.work_ended_on == date(2012, 12, 31)
    assert file.closed_by == w.chau_thanh_clerk


def test_a_file_kept_five_years_is_closed_only_with_its_sheets_numbered(w: ArchWorld) -> None:
    file = open_file(w, retention_years=5)
    file_document(w, file, incoming(w, 1))
    file_document(w, file, incoming(w, 2))
    with pytest.raises(ValidationError) as refused:
        services_files.file_close(
            actor=w.chau_thanh_clerk, file=file, work_ended_on=date(2012, 6, 1)
        )
    text = messages(refused.value)
    assert "Dòng 1" in text
    assert "Dòng 2" in text
    assert "chưa đánh số tờ" in text


def test_gaps_and_overlaps_in_the_sheets_are_listed_line_by_line(w: ArchWorld) -> None:
    file = open_file(w, permanent=True)
    items = [file_document(w, file, incoming(w, n)).item for n in (1, 2, 3)]
    services_files.items_number_pages(
        actor=w.chau_thanh_clerk,
        file=file,
        manual={items[0].uuid: (1, 2), items[1].uuid: (5, 7), items[2].uuid: (6, 9)},
    )
    with pytest.raises(ValidationError) as refused:
        services_files.file_close(
            actor=w.chau_thanh_clerk, file=file, work_ended_on=date(2012, 6, 1)
        )
    text = messages(refused.value)
    assert "Dòng 2" in text
    assert "thiếu tờ 3–4" in text
    assert "Dòng 3" in text
    assert "trùng" in text
    assert "Dòng 1 " not in text


def test_automatic_numbering_runs_continuously_from_the_page_counts(w: ArchWorld) -> None:
    file = open_file(w, permanent=True)
    for n in (1, 2):
        file_document(w, file, incoming(w, n))
    services_files.items_number_pages(actor=w.chau_thanh_clerk, file=file)
    pages = list(FileItem.objects.filter(file=file).values_list("page_from", "page_to"))
    assert pages == [(1, 2), (3, 5)]
    closed = services_files.file_close(
        actor=w.chau_thanh_clerk, file=file, work_ended_on=date(2012, 6, 1)
    )
    assert closed.page_count == 5


def test_automatic_numbering_needs_every_page_count(w: ArchWorld) -> None:
    file = open_file(w, permanent=True)
    file_document(w, file, incoming(w, 1, page_count=None))
    with pytest.raises(ValidationError) as refused:
        services_files.items_number_pages(actor=w.chau_thanh_clerk, file=file)
    assert "Dòng 1" in messages(refused.value)


def test_a_secret_document_raises_the_files_confidentiality(w: ArchWorld) -> None:
    file = open_file(w)
    file_document(w, file, incoming(w, 1, confidentiality=Clearance.SECRET))
    file.refresh_from_db()
    assert file.confidentiality == Clearance.SECRET


def test_a_document_the_compiler_may_not_see_is_not_found(w: ArchWorld) -> None:
    file = open_file(w, actor=w.chau_thanh_specialist)
    secret = incoming(w, 1, confidentiality=Clearance.SECRET)
    with pytest.raises(ValidationError) as refused:
        file_document(w, file, secret, actor=w.chau_thanh_specialist)
    with pytest.raises(ValidationError) as unknown:
        services_files.item_add(
            actor=w.chau_thanh_specialist,
            file=file,
            kind="incoming",
            source_uuid="00000000-0000-0000-0000-000000000000",
        )
    assert messages(refused.value) == messages(unknown.value)
    assert not FileItem.objects.exists()


def test_another_units_clerk_may_neither_open_nor_fill_a_file(w: ArchWorld) -> None:
    with pytest.raises(PermissionDenied):
        open_file(w, actor=w.hoa_thanh_clerk, responsible=w.chau_thanh_clerk)
    file = open_file(w)
    with pytest.raises(PermissionDenied):
        file_document(w, file, incoming(w), actor=w.hoa_thanh_clerk)


def test_documents_are_added_only_while_the_file_is_open(w: ArchWorld) -> None:
    file = closed_file(w)
    with pytest.raises(ValidationError):
        file_document(w, file, incoming(w, 9))
    item = FileItem.objects.filter(file=file).first()
    assert item is not None
    with pytest.raises(ValidationError):
        services_files.item_remove(actor=w.chau_thanh_clerk, file=file, item=item)


def test_removing_and_moving_keep_the_index_numbered_from_one(w: ArchWorld) -> None:
    file = open_file(w)
    items = [file_document(w, file, incoming(w, n)).item for n in (1, 2, 3, 4)]
    services_files.item_remove(actor=w.chau_thanh_clerk, file=file, item=items[1])
    services_files.item_move(actor=w.chau_thanh_clerk, file=file, item=items[3], position=1)
    order = list(
        FileItem.objects.filter(file=file).order_by("position").values_list("pk", "position")
    )
    assert order == [(items[3].pk, 1), (items[0].pk, 2), (items[2].pk, 3)]
    file.refresh_from_db()
    assert file.item_count == 3


def test_a_file_opened_from_the_plan_copies_the_entrys_code_title_and_retention(
    w: ArchWorld,
) -> None:
    plan = FilePlan.objects.create(
        unit=w.chau_thanh_office, year=2012, created_by=w.chau_thanh_clerk
    )
    heading = PlanHeading.objects.create(plan=plan, position=1, title="Tổng hợp")
    entry = PlanEntry.objects.create(
        plan=plan,
        heading=heading,
        position=1,
        code="05.TH",
        title="Hồ sơ hội nghị tổng kết",
        retention_years=None,
    )
    file = services_files.file_open(
        actor=w.chau_thanh_clerk,
        unit=w.chau_thanh_office,
        year=2012,
        plan_entry=entry,
        responsible=w.chau_thanh_clerk,
        opened_on=date(2012, 1, 5),
    )
    assert (file.code, file.title, file.retention_years) == ("05.TH", entry.title, None)
    with pytest.raises(ValidationError):
        services_files.file_open(
            actor=w.chau_thanh_clerk,
            unit=w.chau_thanh_office,
            year=2013,
            plan_entry=entry,
            responsible=w.chau_thanh_clerk,
            opened_on=date(2013, 1, 5),
        )


def test_a_code_is_used_once_per_unit_and_year(w: ArchWorld) -> None:
    open_file(w)
    with pytest.raises(ValidationError) as refused:
        open_file(w)
    assert "code" in refused.value.message_dict


def test_only_the_units_leader_reopens_a_closed_file_with_a_reason(w: ArchWorld) -> None:
    file = closed_file(w)
    with pytest.raises(PermissionDenied):
        services_files.file_reopen(actor=w.chau_thanh_clerk, file=file, reason="Bổ sung")
    with pytest.raises(ValidationError):
        services_files.file_reopen(actor=w.chau_thanh_office_leader, file=file, reason=" ")
    reopened = services_files.file_reopen(
        actor=w.chau_thanh_office_leader, file=file, reason="Bổ sung văn bản còn thiếu"
    )
    assert reopened.status == FileStatus.OPEN
    assert reopened.closed_at is None


def test_every_write_is_audited(w: ArchWorld) -> None:
    closed_file(w, documents=1)
    actions = list(
        AuditEvent.objects.filter(object_type="archives.recordfile").values_list(
            "action", flat=True
        )
    )
    assert actions == [
        "record_file.open",
        "record_file.item_add",
        "record_file.number_pages",
        "record_file.close",
    ]
    assert RecordFile.objects.count() == 1
