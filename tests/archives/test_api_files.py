"""The files API: list and read files with their index, open, file a document, remove, move,
number sheets, close, reopen, suggestions — with the pages' visibility and errors."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_files import file_document, incoming, open_file
from vanphong.api.services import token_create
from vanphong.archives.models import FileItem, FileStatus
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

    def delete(self, path: str) -> Any:
        return self.client.delete(API + path, headers=self.headers)


@pytest.fixture
def w() -> ArchWorld:
    return build_archives_world()


def test_a_clerk_opens_a_file_files_a_document_numbers_and_closes_it(
    client: Client, w: ArchWorld
) -> None:
    clerk = Caller(client, w.chau_thanh_clerk)
    opened = clerk.post(
        "/ho-so",
        {
            "unit": str(w.chau_thanh_office.uuid),
            "year": 2012,
            "opened_on": "2012-01-03",
            "code": "01.TH",
            "title": "Hồ sơ bầu cử đại biểu Quốc hội",
            "retention_years": 10,
        },
    )
    assert opened.status_code == 201, opened.json()
    file_uuid = opened.json()["uuid"]
    document = incoming(w, 1)
    filed = clerk.post(
        f"/ho-so/{file_uuid}/van-ban", {"kind": "incoming", "source_uuid": str(document.uuid)}
    )
    assert filed.status_code == 201, filed.json()
    assert filed.json()["item"]["url"] == f"/van-ban/den/{document.uuid}/"
    assert filed.json()["elsewhere"] == []
    twice = clerk.post(
        f"/ho-so/{file_uuid}/van-ban", {"kind": "incoming", "source_uuid": str(document.uuid)}
    )
    assert twice.status_code == 422
    assert "01.TH" in twice.json()["errors"]["source_uuid"][0]
    refused = clerk.post(f"/ho-so/{file_uuid}/ket-thuc", {"work_ended_on": "2012-12-31"})
    assert refused.status_code == 422
    numbered = clerk.post(f"/ho-so/{file_uuid}/danh-so-to", {"manual": None})
    assert numbered.json()["items"][0]["page_from"] == 1
    closed = clerk.post(f"/ho-so/{file_uuid}/ket-thuc", {"work_ended_on": "2012-12-31"})
    assert closed.status_code == 200, closed.json()
    assert closed.json()["status"] == FileStatus.CLOSED
    assert closed.json()["page_count"] == 2


def test_the_list_and_a_file_follow_the_files_visibility(client: Client, w: ArchWorld) -> None:
    file = open_file(w)
    file_document(w, file, incoming(w, 1, confidentiality=Clearance.SECRET))
    listed = Caller(client, w.chau_thanh_clerk).get("/ho-so", year=2012)
    assert [f["code"] for f in listed.json()["files"]] == ["01.TH"]
    specialist = Caller(client, w.chau_thanh_specialist)
    assert specialist.get("/ho-so").json()["total"] == 0
    assert specialist.get(f"/ho-so/{file.uuid}").status_code == 404
    assert Caller(client, w.hoa_thanh_clerk).get(f"/ho-so/{file.uuid}").status_code == 404


def test_a_document_the_caller_may_not_see_is_not_found(client: Client, w: ArchWorld) -> None:
    file = open_file(w, actor=w.chau_thanh_specialist)
    secret = incoming(w, 1, confidentiality=Clearance.SECRET)
    answer = Caller(client, w.chau_thanh_specialist).post(
        f"/ho-so/{file.uuid}/van-ban", {"kind": "incoming", "source_uuid": str(secret.uuid)}
    )
    assert answer.status_code == 422
    assert answer.json()["errors"]["source_uuid"] == ["Không tìm thấy văn bản này."]


def test_another_units_clerk_may_not_open_a_file_there(client: Client, w: ArchWorld) -> None:
    answer = Caller(client, w.hoa_thanh_clerk).post(
        "/ho-so",
        {
            "unit": str(w.chau_thanh_office.uuid),
            "year": 2012,
            "opened_on": "2012-01-03",
            "code": "01.TH",
            "title": "Hồ sơ",
            "permanent": True,
        },
    )
    assert answer.status_code == 422
    assert "unit" in answer.json()["errors"]


def test_lines_are_moved_and_removed(client: Client, w: ArchWorld) -> None:
    file = open_file(w)
    first, second = (file_document(w, file, incoming(w, n)).item for n in (1, 2))
    clerk = Caller(client, w.chau_thanh_clerk)
    moved = clerk.post(f"/ho-so/{file.uuid}/van-ban/{second.uuid}/vi-tri", {"position": 1})
    assert [i["uuid"] for i in moved.json()["items"]] == [str(second.uuid), str(first.uuid)]
    assert clerk.delete(f"/ho-so/{file.uuid}/van-ban/{first.uuid}").status_code == 204
    assert list(FileItem.objects.filter(file=file)) == [second]


def test_suggestions_rank_the_open_files_by_subject(client: Client, w: ArchWorld) -> None:
    election = open_file(w, code="01.TH", title="Hồ sơ bầu cử đại biểu Quốc hội khóa XIII")
    open_file(w, code="02.TH", title="Hồ sơ thi đua khen thưởng")
    document = incoming(w, 1)
    answer = Caller(client, w.chau_thanh_clerk).get(
        "/goi-y-ho-so", kind="incoming", source_uuid=str(document.uuid)
    )
    assert [f["uuid"] for f in answer.json()] == [str(election.uuid)]


def test_the_unit_leader_reopens_a_closed_file(client: Client, w: ArchWorld) -> None:
    file = open_file(w)
    file_document(w, file, incoming(w, 1))
    clerk = Caller(client, w.chau_thanh_clerk)
    clerk.post(f"/ho-so/{file.uuid}/ket-thuc", {"work_ended_on": "2012-12-31"})
    assert clerk.post(f"/ho-so/{file.uuid}/mo-lai", {"reason": "Bổ sung"}).status_code == 403
    leader = Caller(client, w.chau_thanh_office_leader)
    reopened = leader.post(f"/ho-so/{file.uuid}/mo-lai", {"reason": "Bổ sung"})
    assert reopened.status_code == 200
    assert reopened.json()["status"] == FileStatus.OPEN
