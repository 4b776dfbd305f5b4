"""A paper document the system does not hold is filed by typing its line of the index."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_files import open_file
from vanphong.archives import services_files, services_paper
from vanphong.archives.models import FileItem, FileStatus, ItemKind
from vanphong.org.models import Clearance

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> ArchWorld:
    return build_archives_world()


def test_a_paper_document_is_filed_as_typed_and_the_file_closes_with_it(w: ArchWorld) -> None:
    record = open_file(w, retention_years=10)
    item = services_paper.item_add_paper(
        actor=w.chau_thanh_clerk,
        file=record,
        number_symbol="35-CV/VPHU",
        document_date=date(2012, 3, 12),
        author="Văn phòng Huyện ủy Châu Thành",
        title="V/v chuẩn bị hội nghị",
        page_count=3,
    )
    assert item.kind == ItemKind.OTHER
    assert (item.position, item.number_symbol, item.page_count) == (1, "35-CV/VPHU", 3)
    services_files.items_number_pages(actor=w.chau_thanh_clerk, file=record)
    closed = services_files.file_close(
        actor=w.chau_thanh_clerk, file=record, work_ended_on=date(2012, 12, 31)
    )
    assert closed.status == FileStatus.CLOSED
    assert (closed.item_count, closed.page_count) == (1, 3)


def test_a_secret_paper_document_raises_the_files_confidentiality(w: ArchWorld) -> None:
    record = open_file(w)
    services_paper.item_add_paper(
        actor=w.chau_thanh_clerk,
        file=record,
        document_date=date(2012, 3, 12),
        author="Công an huyện",
        title="Báo cáo tình hình",
        confidentiality=Clearance.SECRET,
    )
    record.refresh_from_db()
    assert record.confidentiality == Clearance.SECRET


def test_a_paper_line_without_title_or_author_is_refused_on_its_fields(w: ArchWorld) -> None:
    record = open_file(w)
    with pytest.raises(ValidationError) as refused:
        services_paper.item_add_paper(
            actor=w.chau_thanh_clerk, file=record, document_date=None, author=" ", title=""
        )
    assert set(refused.value.message_dict) == {"title", "author"}
    assert not FileItem.objects.filter(file=record).exists()


def test_another_units_clerk_cannot_file_paper_in_the_file(w: ArchWorld) -> None:
    record = open_file(w)
    with pytest.raises(PermissionDenied):
        services_paper.item_add_paper(
            actor=w.hoa_thanh_clerk, file=record, document_date=None, author="X", title="Y"
        )
