"""The transfers and access API: a transfer made, submitted and received with its boxes; the
refusals as 422 on their field or 403; a stranger's 404; a request approved, lent and
returned; the due list."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_transfers import (
    archived_file,
    board_member,
    district_file,
    transfer_row,
)
from vanphong.api.services import token_create
from vanphong.archives.models import FileStatus
from vanphong.org.models import Clearance, Person

pytestmark = pytest.mark.django_db

API = "/api/v1/luu-tru"


class Caller:
    def __init__(self, client: Client, person: Person) -> None:
        self.client = client
        token = token_create(actor=None, person=person, name="thử").token
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(API + path, params, headers=self.headers)

    def post(self, path: str, data: dict[str, Any] | None = None) -> Any:
        return self.client.post(
            API + path, data or {}, content_type="application/json", headers=self.headers
        )


@pytest.fixture
def w(settings: Any, tmp_path: Path) -> ArchWorld:
    settings.MEDIA_ROOT = str(tmp_path)
    return build_archives_world()


def test_a_transfer_goes_from_creation_to_receipt(client: Client, w: ArchWorld) -> None:
    one, two = district_file(w), district_file(w)
    clerk = Caller(client, w.chau_thanh_clerk)
    made = clerk.post(
        "/nop-luu",
        {
            "unit": str(w.chau_thanh_office.uuid),
            "year": 2011,
            "files": [str(one.uuid), str(two.uuid)],
        },
    )
    assert made.status_code == 201
    uuid = made.json()["uuid"]
    assert {f["uuid"] for f in made.json()["files"]} == {str(one.uuid), str(two.uuid)}
    assert clerk.post(f"/nop-luu/{uuid}/gui").json()["status"] == "submitted"
    archivist = Caller(client, w.chau_thanh_archivist)
    no_box = archivist.post(
        f"/nop-luu/{uuid}/nhan",
        {"received_on": timezone.localdate().isoformat(), "placements": []},
    )
    assert no_box.status_code == 422
    assert "box" in no_box.json()["errors"]
    received = archivist.post(
        f"/nop-luu/{uuid}/nhan",
        {
            "received_on": timezone.localdate().isoformat(),
            "placements": [
                {"file": str(one.uuid), "box": "1", "shelf": "A"},
                {"file": str(two.uuid), "box": "1", "shelf": "A"},
            ],
        },
    )
    assert received.status_code == 200
    body = received.json()
    assert body["status"] == "received"
    assert body["has_record"] is True
    assert {f["status"] for f in body["files"]} == {FileStatus.TRANSFERRED}
    assert len(clerk.get("/nop-luu").json()["items"]) == 1


def test_an_open_file_is_a_422_naming_it_and_a_stranger_gets_404(
    client: Client, w: ArchWorld
) -> None:
    file = district_file(w, status=FileStatus.OPEN, title="Hồ sơ còn mở")
    response = Caller(client, w.chau_thanh_clerk).post(
        "/nop-luu",
        {"unit": str(w.chau_thanh_office.uuid), "year": 2011, "files": [str(file.uuid)]},
    )
    assert response.status_code == 422
    assert "Hồ sơ còn mở" in " ".join(response.json()["errors"]["files"])
    transfer = transfer_row(w, [district_file(w)])
    assert Caller(client, w.hoa_thanh_clerk).get(f"/nop-luu/{transfer.uuid}").status_code == 404
    # A secret file of the transfer is left out for someone not cleared, and counted.
    secret = district_file(w, confidentiality=Clearance.SECRET)
    shown = Caller(client, w.chau_thanh_specialist).get(f"/nop-luu/{transfer.uuid}").json()
    assert shown["hidden_files"] == 0
    transfer_with_secret = transfer_row(w, [district_file(w), secret])
    shown = (
        Caller(client, w.chau_thanh_specialist).get(f"/nop-luu/{transfer_with_secret.uuid}").json()
    )
    assert shown["hidden_files"] == 1
    assert str(secret.uuid) not in {f["uuid"] for f in shown["files"]}


def test_a_request_is_approved_lent_and_returned(client: Client, w: ArchWorld) -> None:
    file = archived_file(w, province=False)
    asker = Caller(client, board_member(w))
    assert asker.get("/khai-thac/muc-luc").json()["total"] == 1
    made = asker.post(
        "/khai-thac/yeu-cau",
        {"file": str(file.uuid), "mode": "borrow", "purpose": "Biên soạn", "days": 3},
    )
    assert made.status_code == 201
    uuid = made.json()["uuid"]
    archivist = Caller(client, w.chau_thanh_archivist)
    assert [r["uuid"] for r in archivist.get("/khai-thac/yeu-cau", cho_duyet=True).json()] == [uuid]
    refused = archivist.post(f"/khai-thac/yeu-cau/{uuid}/quyet-dinh", {"approve": False})
    assert refused.status_code == 422
    assert "note" in refused.json()["errors"]
    assert (
        archivist.post(f"/khai-thac/yeu-cau/{uuid}/quyet-dinh", {"approve": True}).json()["status"]
        == "approved"
    )
    clerk = Caller(client, w.chau_thanh_clerk)  # neither the asker nor a keeper of the file
    assert clerk.post(f"/khai-thac/yeu-cau/{uuid}/giao").status_code == 404
    assert archivist.post(f"/khai-thac/yeu-cau/{uuid}/giao").json()["status"] == "lent"
    assert archivist.post(f"/khai-thac/yeu-cau/{uuid}/tra").json()["status"] == "returned"


def test_an_uncleared_approver_is_refused_and_a_stranger_finds_nothing(
    client: Client, w: ArchWorld
) -> None:
    file = archived_file(w, province=False, confidentiality=Clearance.ULTRA_SECRET)
    asker = Caller(client, board_member(w))
    uuid = asker.post(
        "/khai-thac/yeu-cau",
        {"file": str(file.uuid), "mode": "read", "purpose": "Đọc", "days": 2},
    ).json()["uuid"]
    # Hồ Bí Thư leads the committee but holds Tối mật: the request is not theirs to see.
    leader = Caller(client, w.chau_thanh_leader)
    decided = leader.post(f"/khai-thac/yeu-cau/{uuid}/quyet-dinh", {"approve": True})
    assert decided.status_code == 404
    assert leader.get("/khai-thac/yeu-cau", cho_duyet=True).json() == []
    stranger = Caller(client, w.hoa_thanh_clerk)
    assert stranger.get("/khai-thac/muc-luc").json()["total"] == 0
    response = stranger.post(
        "/khai-thac/yeu-cau",
        {"file": str(file.uuid), "mode": "read", "purpose": "Đọc", "days": 2},
    )
    assert response.status_code == 404


def test_the_due_list_and_keeping_back(client: Client, w: ArchWorld) -> None:
    today = timezone.localdate()
    file = district_file(w, work_ended_on=date(today.year - 1, today.month, 1))
    due = Caller(client, w.chau_thanh_clerk).get("/nop-luu/den-han").json()
    assert [f["uuid"] for f in due] == [str(file.uuid)]
    head = Caller(client, w.chau_thanh_office_leader)
    too_late = head.post(
        f"/nop-luu/ho-so/{file.uuid}/giu-lai",
        {"until": date(today.year + 3, 1, 1).isoformat(), "reason": "Còn dùng"},
    )
    assert too_late.status_code == 422
    assert "until" in too_late.json()["errors"]
    kept = head.post(
        f"/nop-luu/ho-so/{file.uuid}/giu-lai",
        {"until": date(today.year + 1, 1, 1).isoformat(), "reason": "Còn dùng"},
    )
    assert kept.status_code == 200
    assert kept.json()["kept_back_until"] == date(today.year + 1, 1, 1).isoformat()
