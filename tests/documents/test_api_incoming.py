"""Incoming documents and their handling through the JSON API, with bearer tokens."""

from __future__ import annotations

import base64
from typing import Any

from django.conf import LazySettings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.support.api import Caller
from tests.support.documents import DocWorld
from vanphong.core.models import AuditEvent
from vanphong.documents.models import IncomingDocument

API = "/api/v1/van-ban"
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n"


def registration(world: DocWorld, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "unit": str(world.chau_thanh_office.uuid),
        "medium": "paper",
        "sender_name": "Tỉnh ủy Tây Ninh",
        "number_symbol": "Số 45-CV/TU",
        "document_date": "2012-02-10",
        "subject": "V/v chuẩn bị Hội nghị sơ kết công tác quý I",
    }
    data.update(overrides)
    return data


def register(world: DocWorld, clerk: Caller, **overrides: Any) -> dict[str, Any]:
    response = clerk.post("/den", registration(world, **overrides))
    assert response.status_code == 201, response.json()
    return dict(response.json())


def test_a_document_goes_from_registration_to_done_through_the_api(
    client: Client, world: DocWorld
) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    leader = Caller(client, world.chau_thanh_office_leader)
    specialist = Caller(client, world.chau_thanh_specialist)

    document = register(
        world,
        clerk,
        urgency=1,
        attachments=[{"name": "cv-45.pdf", "content_base64": base64.b64encode(PDF).decode()}],
    )
    assert (document["number"], document["number_symbol"]) == (1, "45-CV/TU")
    assert document["is_urgent"] is True
    assert document["status"] == "registered"
    [attachment] = document["attachments"]
    assert (attachment["filename"], attachment["content_type"]) == ("cv-45.pdf", "application/pdf")
    path = f"/den/{document['uuid']}"

    presented = clerk.post(f"{path}/trinh", {"leader": str(world.chau_thanh_office_leader.uuid)})
    assert presented.status_code == 200
    assert presented.json()["status"] == "presented"
    waiting = leader.get("/den/trinh-toi").json()
    assert [d["uuid"] for d in waiting] == [document["uuid"]]

    directed = leader.post(
        f"{path}/chi-dao",
        {
            "text": "Giao đồng chí Huỳnh chuẩn bị nội dung, báo cáo trước ngày 20/02.",
            "lead": {"person": str(world.chau_thanh_specialist.uuid)},
            "deadline": "2099-02-20",
        },
    )
    assert directed.status_code == 201
    [assignment] = directed.json()["assignments"]
    assert assignment["role"] == "lead"

    [item] = specialist.get("/viec-cua-toi").json()
    assert item["uuid"] == assignment["uuid"]
    assert item["document"]["number_symbol"] == "45-CV/TU"
    task = f"/phan-cong/{item['uuid']}"
    progress = specialist.post(f"{task}/tien-do", {"text": "Đã liên hệ các ban để lấy số liệu."})
    assert progress.status_code == 201
    completed = specialist.post(f"{task}/hoan-thanh", {"result": "Đã gửi báo cáo cho lãnh đạo."})
    assert completed.status_code == 200
    assert completed.json()["status"] == "done"
    assert specialist.get("/viec-cua-toi").json() == []

    final = leader.get(path).json()
    assert final["status"] == "done"
    assert [d["text"][:8] for d in final["directions"]] == ["Giao đồn"]
    [handled] = final["assignments"]
    assert handled["status"] == "done"
    assert [n["text"] for n in handled["notes"]] == ["Đã liên hệ các ban để lấy số liệu."]


def test_a_leader_returns_what_was_presented_and_the_clerk_files_or_cancels(
    client: Client, world: DocWorld
) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    leader = Caller(client, world.chau_thanh_office_leader)
    first = register(world, clerk)
    path = f"/den/{first['uuid']}"
    clerk.post(f"{path}/trinh", {"leader": str(world.chau_thanh_office_leader.uuid)})
    returned = leader.post(f"{path}/tra-lai", {"reason": "Trình nhầm người."})
    assert (returned.json()["status"], returned.json()["status_reason"]) == (
        "registered",
        "Trình nhầm người.",
    )
    assert clerk.post(f"{path}/luu", {"note": "Để biết."}).json()["status"] == "filed"

    second = register(world, clerk, number_symbol="46-CV/TU")
    cancelled = clerk.post(f"/den/{second['uuid']}/huy", {"reason": "Vào sổ nhầm."})
    assert cancelled.json()["status"] == "cancelled"


def test_calls_without_a_token_are_refused(client: Client, world: DocWorld) -> None:
    assert client.get(f"{API}/den", {"unit": str(world.chau_thanh_office.uuid)}).status_code == 401
    response = client.post(f"{API}/den", registration(world), content_type="application/json")
    assert response.status_code == 401
    assert not IncomingDocument.objects.exists()


def test_another_districts_document_is_not_found(client: Client, world: DocWorld) -> None:
    document = register(
        world,
        Caller(client, world.chau_thanh_clerk),
        attachments=[{"name": "a.pdf", "content_base64": base64.b64encode(PDF).decode()}],
    )
    stranger = Caller(client, world.hoa_thanh_clerk)
    path = f"/den/{document['uuid']}"
    assert stranger.get(path).status_code == 404
    assert stranger.get(f"{path}/tep/{document['attachments'][0]['uuid']}").status_code == 404
    refused = stranger.post(f"{path}/trinh", {"leader": str(world.chau_thanh_office_leader.uuid)})
    assert refused.status_code == 404
    assert refused.json() == {"detail": "Not Found"}
    assert stranger.get("/den", unit=str(world.chau_thanh_office.uuid)).status_code == 404


def test_a_malformed_number_symbol_is_refused_with_the_field_named(
    client: Client, world: DocWorld
) -> None:
    response = Caller(client, world.chau_thanh_clerk).post(
        "/den", registration(world, number_symbol="CV-TU")
    )
    assert response.status_code == 422
    body = response.json()
    assert list(body["errors"]) == ["number_symbol"]
    assert "số" in body["errors"]["number_symbol"][0].lower()
    assert body["detail"]
    assert not IncomingDocument.objects.exists()


def test_a_malformed_request_is_answered_in_the_same_shape(client: Client, world: DocWorld) -> None:
    data = registration(world)
    del data["subject"]
    response = Caller(client, world.chau_thanh_clerk).post("/den", {**data, "urgency": 9})
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"subject", "urgency"}


def test_a_duplicate_is_refused_with_the_existing_entry_then_registered_with_a_reason(
    client: Client, world: DocWorld
) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    first = register(world, clerk)

    again = clerk.post("/den", registration(world, number_symbol="45 - cv / tu"))
    assert again.status_code == 409
    body = again.json()
    assert [e["uuid"] for e in body["existing"]] == [first["uuid"]]
    assert "duplicate_reason" in body["hint"]
    assert "number_symbol" in body["errors"]

    saved = clerk.post(
        "/den", registration(world, duplicate_reason="Bản gửi qua bưu điện, đến sau bản điện tử.")
    )
    assert saved.status_code == 201
    assert (saved.json()["number"], saved.json()["duplicate_of"]) == (2, first["uuid"])


def test_a_time_without_an_offset_is_office_time(client: Client, world: DocWorld) -> None:
    document = register(
        world, Caller(client, world.chau_thanh_clerk), received_at="2012-02-11T07:30"
    )
    assert document["received_at"].startswith("2012-02-11T00:30:00")
    assert document["year"] == 2012


def test_the_same_submission_sent_twice_registers_once(client: Client, world: DocWorld) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    key = "3b0c5d0e-8f7a-4c1e-9d5b-2a6f1e0c9b77"
    first = register(world, clerk, submission_id=key)
    second = register(world, clerk, submission_id=key)
    assert first["uuid"] == second["uuid"]
    assert IncomingDocument.objects.count() == 1


def test_registering_needs_a_clerk_of_a_unit_one_sees(client: Client, world: DocWorld) -> None:
    specialist = Caller(client, world.chau_thanh_specialist).post("/den", registration(world))
    assert specialist.status_code == 403
    assert specialist.json()["detail"] == "Chỉ văn thư của đơn vị mới làm được việc này."
    elsewhere = Caller(client, world.hoa_thanh_clerk).post("/den", registration(world))
    assert elsewhere.status_code == 422
    assert list(elsewhere.json()["errors"]) == ["unit"]


def test_attachments_are_checked_by_content(client: Client, world: DocWorld) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    not_base64 = clerk.post(
        "/den", registration(world, attachments=[{"name": "a.pdf", "content_base64": "%%%"}])
    )
    assert not_base64.status_code == 422
    assert "base64" in not_base64.json()["errors"]["attachments"][0]
    text = base64.b64encode(b"plain text, not a PDF").decode()
    wrong_type = clerk.post(
        "/den", registration(world, attachments=[{"name": "a.pdf", "content_base64": text}])
    )
    assert wrong_type.status_code == 422
    assert wrong_type.json()["errors"]["attachments"][0].startswith("a.pdf: ")
    assert not IncomingDocument.objects.exists()


def test_a_request_larger_than_the_servers_limit_is_refused_with_413(
    client: Client, world: DocWorld, settings: LazySettings
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096
    big = base64.b64encode(PDF * 100).decode()
    response = Caller(client, world.chau_thanh_clerk).post(
        "/den", registration(world, attachments=[{"name": "lon.pdf", "content_base64": big}])
    )
    assert (response.status_code, response.json()) == (413, {"detail": "Yêu cầu quá lớn."})
    assert not IncomingDocument.objects.exists()


def test_reading_a_secret_document_or_its_file_is_audited(client: Client, world: DocWorld) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    document = register(
        world,
        clerk,
        confidentiality=1,
        attachments=[{"name": "mat.pdf", "content_base64": base64.b64encode(PDF).decode()}],
    )
    reads = AuditEvent.objects.filter(action="document.read")
    assert not reads.exists()
    assert clerk.get(f"/den/{document['uuid']}").status_code == 200
    assert reads.count() == 1
    download = clerk.get(f"/den/{document['uuid']}/tep/{document['attachments'][0]['uuid']}")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]
    assert reads.count() == 2
    # The specialist of the same office is not cleared for it.
    specialist = Caller(client, world.chau_thanh_specialist)
    assert specialist.get(f"/den/{document['uuid']}").status_code == 404


def test_the_book_pages_by_cursor_with_filters(client: Client, world: DocWorld) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    for n in range(1, 4):
        special = {"urgency": 1, "subject": "Giấy mời họp Ban Thường vụ"} if n == 2 else {}
        register(world, clerk, number_symbol=f"{n}-CV/TU", **special)
    unit = str(world.chau_thanh_office.uuid)

    first = clerk.get("/den", unit=unit, limit=2).json()
    assert [d["number"] for d in first["items"]] == [3, 2]
    second = clerk.get("/den", unit=unit, limit=2, after=first["next_after"]).json()
    assert ([d["number"] for d in second["items"]], second["next_after"]) == ([1], None)

    assert [d["number"] for d in clerk.get("/den", unit=unit, urgent=True).json()["items"]] == [2]
    found = clerk.get("/den", unit=unit, q="giay moi hop").json()["items"]
    assert [d["number"] for d in found] == [2]
    too_many = clerk.get("/den", unit=unit, limit=201)
    assert (too_many.status_code, list(too_many.json()["errors"])) == (422, ["limit"])


def test_a_book_page_costs_the_same_queries_for_few_or_many_rows(
    client: Client, world: DocWorld
) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    unit = str(world.chau_thanh_office.uuid)

    def page_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert clerk.get("/den", unit=unit).status_code == 200
        return len(queries)

    register(world, clerk, number_symbol="1-CV/TU")
    few = page_queries()
    for n in range(2, 9):
        register(world, clerk, number_symbol=f"{n}-CV/TU")
    assert page_queries() == few


def test_a_document_with_its_handling_costs_a_fixed_number_of_queries(
    client: Client, world: DocWorld
) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    leader = Caller(client, world.chau_thanh_office_leader)
    document = register(world, clerk)
    path = f"/den/{document['uuid']}"

    def detail_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert leader.get(path).status_code == 200
        return len(queries)

    lead = {"person": str(world.chau_thanh_specialist.uuid)}
    leader.post(f"{path}/chi-dao", {"text": "Xử lý.", "lead": lead})
    one = detail_queries()
    leader.post(
        f"{path}/chi-dao",
        {
            "text": "Bổ sung.",
            "lead": lead,
            "supporting": [{"unit": str(world.chau_thanh.uuid)}],
            "informed": [{"person": str(world.chau_thanh_clerk.uuid)}],
        },
    )
    assert detail_queries() == one


def test_a_person_hands_over_their_part_and_cannot_act_on_it_again(
    client: Client, world: DocWorld
) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    leader = Caller(client, world.chau_thanh_office_leader)
    document = register(world, clerk)
    leader.post(
        f"/den/{document['uuid']}/chi-dao",
        {"text": "Xử lý.", "lead": {"person": str(world.chau_thanh_specialist.uuid)}},
    )
    specialist = Caller(client, world.chau_thanh_specialist)
    [item] = specialist.get("/viec-cua-toi").json()
    handed = specialist.post(
        f"/phan-cong/{item['uuid']}/chuyen-giao",
        {"to": str(world.chau_thanh_clerk.uuid), "note": "Văn thư xử lý tiếp."},
    )
    assert handed.status_code == 201
    assert handed.json()["assignee"]["username"] == "vt.chauthanh"
    again = specialist.post(f"/phan-cong/{item['uuid']}/tien-do", {"text": "Thử."})
    assert again.status_code == 422
    assert list(again.json()["errors"]) == ["__all__"]
    assert [i["uuid"] for i in clerk.get("/viec-cua-toi").json()] == [handed.json()["uuid"]]


def test_a_direction_needs_exactly_one_person_or_unit_per_handler(
    client: Client, world: DocWorld
) -> None:
    document = register(world, Caller(client, world.chau_thanh_clerk))
    response = Caller(client, world.chau_thanh_office_leader).post(
        f"/den/{document['uuid']}/chi-dao", {"text": "Xử lý.", "lead": {}}
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["lead"]


def test_a_direction_names_nobody_outside_the_leaders_units(
    client: Client, world: DocWorld
) -> None:
    document = register(world, Caller(client, world.chau_thanh_clerk), confidentiality=1)
    response = Caller(client, world.chau_thanh_office_leader).post(
        f"/den/{document['uuid']}/chi-dao",
        {"text": "Xử lý.", "lead": {"person": str(world.hoa_thanh_clerk.uuid)}},
    )
    assert (response.status_code, list(response.json()["errors"])) == (422, ["lead"])
    stranger = Caller(client, world.hoa_thanh_clerk)
    assert stranger.get(f"/den/{document['uuid']}").status_code == 404


def test_the_openapi_schema_documents_every_document_endpoint(client: Client, db: None) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/v1/van-ban/den",
        "/api/v1/van-ban/den/{document_uuid}",
        "/api/v1/van-ban/den/{document_uuid}/chi-dao",
        "/api/v1/van-ban/viec-cua-toi",
        "/api/v1/van-ban/phan-cong/{assignment_uuid}/hoan-thanh",
        "/api/v1/van-ban/cho-vao-so/{delivery_uuid}/vao-so",
        "/api/v1/van-ban/di/{document_uuid}/phat-hanh",
        "/api/v1/van-ban/di/{document_uuid}/tep/{attachment_uuid}",
    ):
        assert path in paths, path
    for path, operations in paths.items():
        if not path.startswith("/api/v1/van-ban/"):
            continue
        for method, operation in operations.items():
            assert operation["summary"], (method, path)
            assert {"200", "201"} & set(operation["responses"]), (method, path)
            assert {"401", "403", "404", "422"} <= set(operation["responses"]), (method, path)
    register_op = paths["/api/v1/van-ban/den"]["post"]
    assert "409" in register_op["responses"]
    body = register_op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    fields = schema["components"]["schemas"][body.rsplit("/", 1)[-1]]["properties"]
    assert fields["number_symbol"]["description"]
