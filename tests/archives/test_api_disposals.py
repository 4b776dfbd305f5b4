"""The disposals API: a list from proposal to execution, refusals as 422/403/404, holds placed
and released, and the holdings counted by what the caller sees."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_disposals import archived, hold, proposed
from vanphong.api.services import token_create
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
def w(db: None) -> ArchWorld:
    return build_archives_world()


def test_a_disposal_goes_from_proposal_to_execution(client: Client, w: ArchWorld) -> None:
    kept, gone = archived(w), archived(w)
    archivist = Caller(client, w.province_archivist)
    offered = archivist.get("/tieu-huy/ho-so-het-han", archive_unit=str(w.province_office.uuid))
    assert {f["uuid"] for f in offered.json()} == {str(kept.uuid), str(gone.uuid)}
    made = archivist.post(
        "/tieu-huy",
        {
            "archive_unit": str(w.province_office.uuid),
            "title": "Đợt 2017",
            "files": [str(kept.uuid), str(gone.uuid)],
        },
    )
    assert made.status_code == 201, made.json()
    path = f"/tieu-huy/{made.json()['uuid']}"
    appraised = archivist.post(
        f"{path}/tham-dinh",
        {
            "council": [str(w.province_office_leader.uuid)],
            "opinion": "Đồng ý",
            "keep": {str(kept.uuid): "Còn giá trị"},
        },
    )
    assert appraised.json()["status"] == "appraised"
    assert archivist.post(f"{path}/phe-duyet", {"decision": "Số 1"}).status_code == 403
    head = Caller(client, w.province_office_leader)
    assert head.post(f"{path}/phe-duyet", {"decision": "Số 1"}).json()["status"] == "approved"
    done = archivist.post(
        f"{path}/thuc-hien",
        {"method": "Nghiền", "executed_on": timezone.localdate().isoformat()},
    )
    assert done.status_code == 200, done.json()
    body = done.json()
    assert body["status"] == "executed"
    assert body["has_record"] is True
    status = {i["file"]["uuid"]: i["file"]["status"] for i in body["items"]}
    assert status == {str(kept.uuid): "transferred", str(gone.uuid): "destroyed"}


def test_a_permanent_file_is_a_422_on_files(client: Client, w: ArchWorld) -> None:
    permanent = archived(w, retention_years=None)
    answer = Caller(client, w.province_archivist).post(
        "/tieu-huy",
        {
            "archive_unit": str(w.province_office.uuid),
            "title": "Đợt",
            "files": [str(permanent.uuid)],
        },
    )
    assert answer.status_code == 422
    assert "vĩnh viễn không được tiêu hủy" in answer.json()["errors"]["files"][0]


def test_a_disposal_is_404_for_an_outsider(client: Client, w: ArchWorld) -> None:
    disposal = proposed(w, [archived(w)])
    assert Caller(client, w.hoa_thanh_clerk).get(f"/tieu-huy/{disposal.uuid}").status_code == 404


def test_a_held_file_shows_its_hold_on_the_list(client: Client, w: ArchWorld) -> None:
    file = archived(w)
    disposal = proposed(w, [file])
    hold(w, [file], reference="Đơn số 7")
    body = Caller(client, w.province_archivist).get(f"/tieu-huy/{disposal.uuid}").json()
    assert "Đơn số 7" in body["items"][0]["holds"][0]


def test_holds_are_placed_and_released(client: Client, w: ArchWorld) -> None:
    file = archived(w)
    leader = Caller(client, w.province_office_leader)
    made = leader.post(
        "/tam-giu",
        {
            "unit": str(w.province_office.uuid),
            "kind": "litigation",
            "reason": "Tranh chấp đất đai",
            "files": [str(file.uuid)],
        },
    )
    assert made.status_code == 201, made.json()
    uuid = made.json()["uuid"]
    assert [h["uuid"] for h in leader.get("/tam-giu").json()["items"]] == [uuid]
    refused = Caller(client, w.province_archivist).post(f"/tam-giu/{uuid}/go", {"reason": "x"})
    assert refused.status_code == 403
    released = leader.post(f"/tam-giu/{uuid}/go", {"reason": "Đã xét xử xong"})
    assert released.json()["released_at"] is not None


def test_the_holdings_count_only_what_the_caller_sees(client: Client, w: ArchWorld) -> None:
    archived(w)
    archived(w, confidentiality=Clearance.TOP_SECRET, retention_years=None)
    leader = Caller(client, w.province_office_leader).get("/thong-ke").json()
    assert leader["total"]["total"] == 2
    assert leader["total"]["permanent"] == 1
    archivist = Caller(client, w.province_archivist).get("/thong-ke", year=2011).json()
    assert archivist["total"]["total"] == 1
    assert archivist["total"]["by_confidentiality"] == [1, 0, 0, 0]
