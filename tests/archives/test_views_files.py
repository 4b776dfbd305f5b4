"""The file pages: the list (filters, a pinned number of queries), a file with its index, the
"Đưa vào hồ sơ" page reached from a document, numbering, closing, and the links a document's
page shows."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_files import closed_file, file_document, incoming, open_file
from tests.support.web import login, messages_of, page_queries
from vanphong.archives.links_files import file_action_link, files_of_document
from vanphong.archives.models import FileItem, FileStatus, RecordFile
from vanphong.org.models import Clearance

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> ArchWorld:
    return build_archives_world()


def url(name: str, *args: object) -> str:
    return reverse(f"archives:{name}", args=args)


def test_the_list_shows_the_files_one_sees_and_filters_them(client: Client, w: ArchWorld) -> None:
    open_file(w, code="01.TH", title="Hồ sơ bầu cử")
    open_file(w, code="02.TH", title="Hồ sơ hội nghị", permanent=True)
    open_file(
        w,
        actor=w.hoa_thanh_clerk,
        unit=w.hoa_thanh_office,
        code="09.HT",
        title="Hồ sơ Hòa Thành",
    )
    page = login(client, w.chau_thanh_clerk).get(url("file_list"))
    text = page.content.decode()
    assert "Hồ sơ bầu cử" in text
    assert "Hồ sơ hội nghị" in text
    assert "Hồ sơ Hòa Thành" not in text
    permanent = client.get(url("file_list"), {"thoi_han": "vinh-vien"}).content.decode()
    assert "Hồ sơ hội nghị" in permanent
    assert "Hồ sơ bầu cử" not in permanent


def test_the_list_runs_the_same_number_of_queries_for_3_or_30_files(
    client: Client, w: ArchWorld
) -> None:
    for n in range(3):
        open_file(w, code=f"{n:02}.A", title=f"Hồ sơ {n}")
    login(client, w.chau_thanh_clerk)
    few = page_queries(client, url("file_list"))
    for n in range(27):
        open_file(w, code=f"{n:02}.B", title=f"Hồ sơ B {n}")
    assert page_queries(client, url("file_list")) == few
    assert few <= 14


def test_a_file_of_another_unit_is_not_found(client: Client, w: ArchWorld) -> None:
    file = open_file(w)
    assert login(client, w.hoa_thanh_clerk).get(url("file_detail", file.uuid)).status_code == 404


def test_the_file_page_lists_its_index_with_links_to_the_documents(
    client: Client, w: ArchWorld
) -> None:
    file = open_file(w)
    documents = [incoming(w, n) for n in (1, 2, 3)]
    for document in documents:
        file_document(w, file, document)
    login(client, w.chau_thanh_clerk)
    few = page_queries(client, url("file_detail", file.uuid))
    page = client.get(url("file_detail", file.uuid))
    text = page.content.decode()
    for document in documents:
        assert f"/van-ban/den/{document.uuid}/" in text
    assert text.count('data-testid="item-row"') == 3
    file_document(w, file, incoming(w, 4))
    assert page_queries(client, url("file_detail", file.uuid)) == few


def test_filing_from_a_document_suggests_the_file_by_its_subject_and_files_it(
    client: Client, w: ArchWorld
) -> None:
    election = open_file(w, code="01.TH", title="Hồ sơ bầu cử đại biểu Quốc hội khóa XIII")
    open_file(w, code="02.TH", title="Hồ sơ thi đua khen thưởng")
    document = incoming(w, 1)
    address = f"{url('file_add_item')}?loai=incoming&ma={document.uuid}"
    page = login(client, w.chau_thanh_clerk).get(address)
    assert page.status_code == 200
    suggested = page.context["suggested"]
    assert suggested == [election]
    done = client.post(address, {"file": str(election.uuid), "note": ""}, follow=True)
    assert done.redirect_chain[-1][0] == url("file_detail", election.uuid)
    assert FileItem.objects.filter(file=election, source_uuid=document.uuid).exists()
    again = client.post(address, {"file": str(election.uuid), "note": ""})
    assert "đã có trong hồ sơ 01.TH" in again.content.decode()


def test_filing_a_document_one_may_not_see_is_not_found(client: Client, w: ArchWorld) -> None:
    open_file(w, actor=w.chau_thanh_specialist)
    secret = incoming(w, 1, confidentiality=Clearance.SECRET)
    address = f"{url('file_add_item')}?loai=incoming&ma={secret.uuid}"
    assert login(client, w.chau_thanh_specialist).get(address).status_code == 404
    assert client.get(f"{url('file_add_item')}?loai=incoming&ma=x").status_code == 404


def test_a_documents_page_links_to_its_files_and_to_filing_it(client: Client, w: ArchWorld) -> None:
    file = open_file(w)
    document = incoming(w, 1)
    file_document(w, file, document)
    page = login(client, w.chau_thanh_clerk).get(
        reverse("documents:incoming_detail", args=[document.uuid])
    )
    text = page.content.decode()
    assert url("file_detail", file.uuid) in text
    assert "Hồ sơ: 01.TH" in text
    assert files_of_document(w.hoa_thanh_clerk, document) == []
    action = file_action_link(w.chau_thanh_clerk, document)
    assert [link.url for link in action] == [
        f"{url('file_add_item')}?loai=incoming&ma={document.uuid}"
    ]
    assert file_action_link(w.unassigned, document) == []


def test_numbering_and_closing_from_the_pages(client: Client, w: ArchWorld) -> None:
    file = open_file(w, retention_years=10)
    file_document(w, file, incoming(w, 1))
    file_document(w, file, incoming(w, 2))
    login(client, w.chau_thanh_clerk)
    refused = client.post(url("file_close", file.uuid), {"work_ended_on": "31/12/2012"})
    assert "Dòng 1" in refused.content.decode()
    client.post(url("file_number_pages", file.uuid), {"mode": "auto"})
    done = client.post(url("file_close", file.uuid), {"work_ended_on": "31/12/2012"}, follow=True)
    assert "Đã kết thúc hồ sơ 01.TH." in messages_of(done)
    file.refresh_from_db()
    assert file.status == FileStatus.CLOSED
    assert file.work_ended_on == date(2012, 12, 31)


def test_manual_numbering_sets_the_sheets_typed(client: Client, w: ArchWorld) -> None:
    file = open_file(w, permanent=True)
    item = file_document(w, file, incoming(w, 1)).item
    login(client, w.chau_thanh_clerk).post(
        url("file_number_pages", file.uuid),
        {"mode": "manual", f"from_{item.uuid}": "1", f"to_{item.uuid}": "7"},
    )
    item.refresh_from_db()
    assert (item.page_from, item.page_to) == (1, 7)


def test_removing_and_moving_lines_from_the_file_page(client: Client, w: ArchWorld) -> None:
    file = open_file(w)
    first, second = (file_document(w, file, incoming(w, n)).item for n in (1, 2))
    login(client, w.chau_thanh_clerk)
    client.post(url("file_item_move", file.uuid, second.uuid), {"position": "1"})
    second.refresh_from_db()
    assert second.position == 1
    client.post(url("file_item_remove", file.uuid, first.uuid))
    assert list(FileItem.objects.filter(file=file)) == [second]


def test_the_unit_leader_reopens_a_closed_file_from_its_page(client: Client, w: ArchWorld) -> None:
    file = closed_file(w)
    login(client, w.chau_thanh_clerk)
    assert 'data-testid="reopen"' not in client.get(url("file_detail", file.uuid)).content.decode()
    login(client, w.chau_thanh_office_leader)
    assert 'data-testid="reopen"' in client.get(url("file_detail", file.uuid)).content.decode()
    client.post(url("file_reopen", file.uuid), {"reason": "Bổ sung văn bản"})
    file.refresh_from_db()
    assert file.status == FileStatus.OPEN


def test_opening_a_file_from_the_page_then_filing_the_document(
    client: Client, w: ArchWorld
) -> None:
    document = incoming(w, 1)
    address = f"{url('file_open')}?loai=incoming&ma={document.uuid}"
    response = login(client, w.chau_thanh_clerk).post(
        address,
        {
            "unit": str(w.chau_thanh_office.uuid),
            "year": "2012",
            "code": "07.TH",
            "title": "Hồ sơ bầu cử",
            "retention_years": "5",
            "opened_on": "05/03/2012",
        },
    )
    assert response.status_code == 302
    assert response["Location"].startswith(url("file_add_item"))
    assert RecordFile.objects.filter(code="07.TH", retention_years=5).exists()
