"""The transfer and access pages: a transfer from the form to the received record, the due
list, the catalogue a stranger finds empty, a request through approval and loan, refusals on
the form, and list pages whose queries do not grow with their rows."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook  # type: ignore[import-untyped]

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_transfers import (
    archived_file,
    board_member,
    district_file,
    transfer_row,
)
from tests.support.web import login, messages_of, page_queries
from vanphong.archives.models import (
    AccessRequest,
    AccessStatus,
    FileStatus,
    Transfer,
    TransferStatus,
)
from vanphong.org.models import Clearance

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(settings: Any, tmp_path: Path) -> ArchWorld:
    settings.MEDIA_ROOT = str(tmp_path)
    return build_archives_world()


def url(name: str, *args: object) -> str:
    return reverse(f"archives:{name}", args=args)


def test_a_clerk_makes_and_submits_a_transfer_and_the_archivist_receives_it(
    client: Client, w: ArchWorld
) -> None:
    one, two = district_file(w, title="Hồ sơ đại hội Đảng bộ"), district_file(w)
    login(client, w.chau_thanh_clerk)
    response = client.post(
        url("transfer_create"),
        {
            "unit": str(w.chau_thanh_office.uuid),
            "year": "2011",
            "record_files": [str(one.uuid), str(two.uuid)],
            "note": "",
        },
    )
    transfer = Transfer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("transfer_detail", transfer.uuid)
    client.post(url("transfer_submit", transfer.uuid))
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.SUBMITTED

    login(client, w.chau_thanh_archivist)
    page = client.get(url("transfer_detail", transfer.uuid))
    assert page.context["may_receive"] is True
    response = client.post(
        url("transfer_receive", transfer.uuid),
        {
            "received_on": timezone.localdate().strftime("%d/%m/%Y"),
            f"box_{one.pk}": "1",
            f"shelf_{one.pk}": "A",
            f"box_{two.pk}": "2",
            f"shelf_{two.pk}": "A",
        },
    )
    assert response.status_code == 302
    one.refresh_from_db()
    assert (one.status, one.box) == (FileStatus.TRANSFERRED, "1")
    record = client.get(url("transfer_record", transfer.uuid))
    assert record.status_code == 200
    assert record["Content-Type"] == "application/pdf"
    sheet = client.get(url("transfer_list_export", transfer.uuid, "xlsx"))
    assert sheet.status_code == 200
    assert client.get(url("transfer_list_export", transfer.uuid, "pdf")).status_code == 200
    assert client.get(url("transfer_list_export", transfer.uuid, "doc")).status_code == 404


def test_a_receipt_without_a_box_stays_on_the_form_with_the_error(
    client: Client, w: ArchWorld
) -> None:
    file = district_file(w)
    transfer = transfer_row(w, [file])
    login(client, w.chau_thanh_archivist)
    response = client.post(
        url("transfer_receive", transfer.uuid),
        {"received_on": timezone.localdate().strftime("%d/%m/%Y")},
    )
    assert response.status_code == 200
    assert "ghi số hộp" in response.content.decode()
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.SUBMITTED


def test_an_open_file_is_not_offered_and_a_short_lived_one_neither(
    client: Client, w: ArchWorld
) -> None:
    offered = district_file(w)
    district_file(w, status=FileStatus.OPEN)
    district_file(w, retention_years=2)
    login(client, w.chau_thanh_clerk)
    form = client.get(url("transfer_create")).context["form"]
    assert list(form.fields["record_files"].queryset) == [offered]


def test_a_stranger_finds_neither_the_transfer_nor_the_file(client: Client, w: ArchWorld) -> None:
    transfer = transfer_row(w, [district_file(w)])
    archived = archived_file(w, province=False)
    login(client, w.hoa_thanh_clerk)
    assert client.get(url("transfer_detail", transfer.uuid)).status_code == 404
    assert client.get(url("access_catalogue")).context["rows"] == []
    assert client.get(url("access_request_create", archived.uuid)).status_code == 404


def test_the_due_list_shows_the_files_due_and_lets_the_head_keep_one_back(
    client: Client, w: ArchWorld
) -> None:
    today = timezone.localdate()
    due = district_file(w, work_ended_on=date(today.year - 1, today.month, 1))
    district_file(w, work_ended_on=today)  # due next year
    login(client, w.chau_thanh_office_leader)
    page = client.get(url("transfer_due"))
    assert [file for file, _deadline, _clock in page.context["due"]] == [due]
    until = date(today.year + 1, 1, 1)
    response = client.post(
        url("transfer_keep_back", due.uuid),
        {"until": until.strftime("%d/%m/%Y"), "reason": "Đang thanh tra"},
    )
    assert response.status_code == 302
    due.refresh_from_db()
    assert due.kept_back_until == until
    login(client, w.chau_thanh_clerk)
    assert client.get(url("transfer_keep_back", due.uuid)).status_code == 404


def test_a_request_is_approved_from_the_queue_lent_and_returned(
    client: Client, w: ArchWorld
) -> None:
    file = archived_file(w, province=False, title="Hồ sơ Đại hội lần thứ X")
    asker = board_member(w)
    login(client, asker)
    assert [f.title for f in client.get(url("access_catalogue")).context["rows"]] == [file.title]
    response = client.post(
        url("access_request_create", file.uuid),
        {"mode": "borrow", "purpose": "Biên soạn lịch sử Đảng bộ", "days": "5"},
    )
    request = AccessRequest.objects.get()
    assert response["Location"] == url("access_request", request.uuid)

    login(client, w.chau_thanh_archivist)
    assert list(client.get(url("access_queue")).context["rows"]) == [request]
    refused = client.post(url("access_decide", request.uuid), {"approve": "0", "note": ""})
    assert refused.status_code == 422
    assert "Ghi lý do từ chối" in refused.content.decode()
    client.post(url("access_decide", request.uuid), {"approve": "1", "note": ""})
    request.refresh_from_db()
    assert request.status == AccessStatus.APPROVED
    page = client.get(url("access_request", request.uuid))
    assert page.context["may_lend"] is True
    client.post(url("access_lend", request.uuid))
    assert list(client.get(url("access_loans")).context["rows"]) == [request]
    response = client.post(url("access_return", request.uuid), follow=True)
    assert "Đã nhận lại hồ sơ." in messages_of(response)
    request.refresh_from_db()
    assert request.status == AccessStatus.RETURNED


def test_an_uncleared_person_cannot_decide_and_sees_no_form(client: Client, w: ArchWorld) -> None:
    file = archived_file(w, province=False, confidentiality=Clearance.SECRET)
    login(client, board_member(w))
    client.post(
        url("access_request_create", file.uuid),
        {"mode": "read", "purpose": "Đọc", "days": "2"},
    )
    request = AccessRequest.objects.get()
    login(client, w.chau_thanh_archivist)  # Không mật: not this file's approver
    assert client.get(url("access_request", request.uuid)).status_code == 404
    response = client.post(url("access_decide", request.uuid), {"approve": "1"})
    assert response.status_code == 404
    login(client, w.chau_thanh_office_leader)
    page = client.get(url("access_request", request.uuid))
    assert page.context["decide_form"] is not None


def test_the_list_pages_queries_do_not_grow_with_their_rows(client: Client, w: ArchWorld) -> None:
    asker = board_member(w)
    for _ in range(2):
        transfer_row(w, [district_file(w)])
        archived_file(w, province=False)
    login(client, w.chau_thanh_clerk)
    transfers = page_queries(client, url("transfer_list"))
    login(client, asker)
    catalogue = page_queries(client, url("access_catalogue"))
    for _ in range(8):
        transfer_row(w, [district_file(w)])
        archived_file(w, province=False)
    login(client, w.chau_thanh_clerk)
    assert page_queries(client, url("transfer_list")) == transfers
    login(client, asker)
    assert page_queries(client, url("access_catalogue")) == catalogue
    assert transfers <= 15
    assert catalogue <= 15


def test_a_transfer_page_leaves_out_the_files_a_reader_may_not_see(
    client: Client, w: ArchWorld
) -> None:
    secret = district_file(w, confidentiality=Clearance.SECRET, title="Hồ sơ nhân sự mật")
    transfer = transfer_row(w, [district_file(w), secret])
    login(client, w.chau_thanh_specialist)
    page = client.get(url("transfer_detail", transfer.uuid))
    assert page.context["hidden"] == 1
    assert "Hồ sơ nhân sự mật" not in page.content.decode()
    sheet = client.get(url("transfer_list_export", transfer.uuid, "xlsx"))
    book = load_workbook(io.BytesIO(sheet.content))
    cells = [str(c.value) for row in book.active.iter_rows() for c in row]
    assert secret.title not in cells
    assert len([c for c in cells if c.startswith("Hồ sơ")]) == 1
    login(client, w.chau_thanh_clerk)
    assert "Hồ sơ nhân sự mật" in client.get(url("transfer_detail", transfer.uuid)).content.decode()


def test_every_page_renders_for_whom_it_is_for(client: Client, w: ArchWorld) -> None:
    today = timezone.localdate()
    due = district_file(w, work_ended_on=date(today.year - 1, today.month, 1))
    transfer = transfer_row(w, [district_file(w)])
    archived = archived_file(w, province=False, transfer=transfer)
    login(client, w.chau_thanh_office_leader)
    for address in (
        url("transfer_list"),
        url("transfer_due"),
        url("transfer_create"),
        url("transfer_detail", transfer.uuid),
        url("transfer_keep_back", due.uuid),
    ):
        assert client.get(address).status_code == 200, address
    login(client, w.chau_thanh_archivist)
    for address in (
        url("transfer_receive", transfer.uuid),
        url("transfer_place", archived.uuid),
        url("access_queue"),
        url("access_loans"),
    ):
        assert client.get(address).status_code == 200, address
    login(client, board_member(w))
    for address in (
        url("access_catalogue") + "?tim=hội nghị",
        url("access_request_create", archived.uuid),
        url("access_requests"),
    ):
        assert client.get(address).status_code == 200, address
    login(client, w.chau_thanh_clerk)
    assert client.get(url("transfer_place", archived.uuid)).status_code == 404
