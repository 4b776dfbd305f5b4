"""Outgoing documents through the JSON API: drafting, approval, signing, issue, exchange."""

from __future__ import annotations

import base64
from pathlib import Path

from django.conf import LazySettings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.support.api import ISSUED_ON, Caller, create_draft, signed
from tests.support.documents import DocWorld, cleared_clerk, secret_signed, sent_secret
from vanphong.documents.models import DeliveryStatus, IncomingDocument, OutgoingDocument
from vanphong.org.models import Clearance

API = "/api/v1/van-ban"
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n"


def pdf(name: str) -> dict[str, str]:
    return {"name": name, "content_base64": base64.b64encode(PDF).decode()}


def test_a_draft_is_approved_signed_issued_and_registered_by_its_recipient(
    client: Client, world: DocWorld
) -> None:
    specialist = Caller(client, world.chau_thanh_specialist)
    office_leader = Caller(client, world.chau_thanh_office_leader)
    committee_leader = Caller(client, world.chau_thanh_leader)
    clerk = Caller(client, world.chau_thanh_clerk)

    document = create_draft(world, specialist, attachments=[pdf("du-thao.pdf")])
    assert (document["status"], len(document["versions"])) == ("draft", 1)
    assert document["versions"][0]["attachments"][0]["filename"] == "du-thao.pdf"
    path = f"/di/{document['uuid']}"

    submitted = specialist.post(f"{path}/trinh")
    assert (submitted.status_code, submitted.json()["status"]) == (200, "in_review")
    assert [d["uuid"] for d in office_leader.get("/di/cho-toi-duyet").json()] == [document["uuid"]]
    approved = office_leader.post(f"{path}/duyet", {"comment": "Đồng ý."})
    assert approved.json()["status"] == "approved"
    assert [d["decision"] for d in approved.json()["decisions"]] == ["approved"]

    signed = committee_leader.post(f"{path}/ky", {"position": "Bí thư", "authority": "T/M"})
    assert (signed.json()["status"], signed.json()["signer"]["username"]) == (
        "signed",
        "bt.chauthanh",
    )
    assert [d["uuid"] for d in clerk.get("/di/cho-phat-hanh").json()] == [document["uuid"]]

    issued = clerk.post(
        f"{path}/phat-hanh",
        {
            "issued_on": ISSUED_ON,
            "recipients": [
                {"unit": str(world.province_office.uuid)},
                {"external_name": "Ủy ban nhân dân huyện Châu Thành"},
            ],
            "page_count": 3,
            "attachments": [pdf("bc-01.pdf")],
        },
    )
    assert issued.status_code == 200, issued.json()
    sent = issued.json()
    assert (sent["status"], sent["number"], sent["issued_on"]) == ("issued", 1, ISSUED_ON)
    assert sent["number_symbol"].endswith("-BC/VPHU")
    assert [a["filename"] for a in sent["attachments"]] == ["bc-01.pdf"]
    assert {
        d["external_name"] or d["recipient_unit"]["name"]: d["status"] for d in sent["deliveries"]
    } == {
        "Văn phòng Tỉnh ủy": "01",
        "Ủy ban nhân dân huyện Châu Thành": "00",
    }

    province_clerk = Caller(client, world.province_clerk)
    [waiting] = province_clerk.get("/cho-vao-so").json()
    assert waiting["document"]["number_symbol"] == sent["number_symbol"]
    registered = province_clerk.post(f"/cho-vao-so/{waiting['uuid']}/vao-so", {})
    assert registered.status_code == 201, registered.json()
    copy = registered.json()
    assert (copy["medium"], copy["number_symbol"], copy["document_date"]) == (
        "internal",
        sent["number_symbol"],
        ISSUED_ON,
    )
    assert copy["sender_unit"]["uuid"] == str(world.chau_thanh_office.uuid)
    assert [a["filename"] for a in copy["attachments"]] == ["bc-01.pdf"]
    assert province_clerk.get("/cho-vao-so").json() == []

    statuses = {d["status"] for d in clerk.get(path).json()["deliveries"]}
    assert statuses == {"03", "00"}


def test_a_returned_draft_is_revised_and_submitted_again(client: Client, world: DocWorld) -> None:
    specialist = Caller(client, world.chau_thanh_specialist)
    office_leader = Caller(client, world.chau_thanh_office_leader)
    document = create_draft(world, specialist)
    path = f"/di/{document['uuid']}"
    specialist.post(f"{path}/trinh")

    returned = office_leader.post(f"{path}/tra-lai", {"comment": "Bổ sung số liệu xã Thanh Điền."})
    assert (returned.json()["status"], returned.json()["status_reason"]) == (
        "returned",
        "Bổ sung số liệu xã Thanh Điền.",
    )
    revised = specialist.post(
        f"{path}/phien-ban", {"body": "Dự thảo lần 2", "note": "Đã bổ sung số liệu."}
    )
    assert (revised.status_code, revised.json()["version"]) == (201, 2)
    assert specialist.post(f"{path}/trinh").json()["status"] == "in_review"
    assert [v["version"] for v in specialist.get(path).json()["versions"]] == [1, 2]


def test_the_drafter_cannot_approve_their_own_draft(client: Client, world: DocWorld) -> None:
    office_leader = Caller(client, world.chau_thanh_office_leader)
    document = create_draft(world, office_leader)
    office_leader.post(f"/di/{document['uuid']}/trinh")
    response = office_leader.post(f"/di/{document['uuid']}/duyet")
    assert response.status_code == 403
    assert response.json()["detail"] == "Không được tự duyệt dự thảo của mình."


def test_a_signer_must_lead_the_unit_or_its_committee(client: Client, world: DocWorld) -> None:
    specialist = Caller(client, world.chau_thanh_specialist)
    document = create_draft(world, specialist)
    path = f"/di/{document['uuid']}"
    specialist.post(f"{path}/trinh")
    Caller(client, world.chau_thanh_office_leader).post(f"{path}/duyet")
    for person in (world.chau_thanh_clerk, world.chau_thanh_specialist):
        response = Caller(client, person).post(f"{path}/ky", {"position": "Chuyên viên"})
        assert response.status_code == 403
        assert response.json()["detail"] == "Người ký phải là lãnh đạo của đơn vị hoặc cấp ủy."
    assert OutgoingDocument.objects.get().status == "approved"


def test_the_signer_recorded_is_the_caller_never_someone_named(
    client: Client, world: DocWorld
) -> None:
    specialist = Caller(client, world.chau_thanh_specialist)
    document = create_draft(world, specialist)
    path = f"/di/{document['uuid']}"
    specialist.post(f"{path}/trinh")
    Caller(client, world.chau_thanh_office_leader).post(f"{path}/duyet")
    leader = str(world.chau_thanh_leader.uuid)
    for person in (world.chau_thanh_clerk, world.chau_thanh_office_leader):
        response = Caller(client, person).post(
            f"{path}/ky", {"signer": leader, "position": "Bí thư", "authority": "T/M"}
        )
        assert response.status_code == 422
        assert list(response.json()["errors"]) == ["signer"]
    unsigned = OutgoingDocument.objects.get()
    assert (unsigned.status, unsigned.signer) == ("approved", None)
    signed = Caller(client, world.chau_thanh_leader).post(
        f"{path}/ky", {"signer": leader, "position": "Bí thư", "authority": "T/M"}
    )
    assert (signed.status_code, signed.json()["signer"]["uuid"]) == (200, leader)


def test_issuing_needs_recipients_and_a_date_in_a_committee_term(
    client: Client, world: DocWorld
) -> None:
    document = signed(world, client)
    clerk = Caller(client, world.chau_thanh_clerk)
    path = f"/di/{document['uuid']}/phat-hanh"
    nobody = clerk.post(path, {"issued_on": ISSUED_ON, "recipients": []})
    assert (nobody.status_code, list(nobody.json()["errors"])) == (422, ["recipients"])
    both = clerk.post(
        path,
        {"recipients": [{"unit": str(world.province_office.uuid), "external_name": "UBND"}]},
    )
    assert (both.status_code, list(both.json()["errors"])) == (422, ["recipients.0"])
    outside_term = clerk.post(
        path, {"issued_on": "2009-05-04", "recipients": [{"external_name": "UBND huyện"}]}
    )
    assert (outside_term.status_code, list(outside_term.json()["errors"])) == (422, ["issued_on"])
    assert OutgoingDocument.objects.get().number is None


def test_a_recipient_refuses_a_misaddressed_document_and_the_sender_sees_it(
    client: Client, world: DocWorld
) -> None:
    document = signed(world, client)
    clerk = Caller(client, world.chau_thanh_clerk)
    clerk.post(
        f"/di/{document['uuid']}/phat-hanh",
        {"issued_on": ISSUED_ON, "recipients": [{"unit": str(world.province_office.uuid)}]},
    )
    province_clerk = Caller(client, world.province_clerk)
    [waiting] = province_clerk.get("/cho-vao-so").json()
    refused = province_clerk.post(
        f"/cho-vao-so/{waiting['uuid']}/tu-choi", {"reason": "Gửi nhầm nơi nhận."}
    )
    assert (refused.status_code, refused.json()["status"]) == (200, "02")
    [delivery] = clerk.get(f"/di/{document['uuid']}").json()["deliveries"]
    assert delivery["status"] == "02"
    assert delivery["events"][-1]["description"] == "Gửi nhầm nơi nhận."
    # Another unit's clerk cannot touch that delivery.
    stranger = Caller(client, world.hoa_thanh_clerk)
    assert stranger.post(f"/cho-vao-so/{waiting['uuid']}/vao-so", {}).status_code == 404


def test_recalling_an_issued_document_freezes_the_recipients_copy(
    client: Client, world: DocWorld
) -> None:
    document = signed(world, client)
    clerk = Caller(client, world.chau_thanh_clerk)
    path = f"/di/{document['uuid']}"
    clerk.post(
        f"{path}/phat-hanh",
        {"issued_on": ISSUED_ON, "recipients": [{"unit": str(world.province_office.uuid)}]},
    )
    province_clerk = Caller(client, world.province_clerk)
    [waiting] = province_clerk.get("/cho-vao-so").json()
    copy = province_clerk.post(f"/cho-vao-so/{waiting['uuid']}/vao-so", {}).json()

    recalled = clerk.post(f"{path}/thu-hoi", {"reason": "Sai số liệu phụ lục."})
    assert recalled.json()["status"] == "withdrawn"
    assert province_clerk.get(f"/den/{copy['uuid']}").json()["status"] == "recalled"


def test_a_drafter_cancels_a_draft_and_distribution_adds_recipients(
    client: Client, world: DocWorld
) -> None:
    specialist = Caller(client, world.chau_thanh_specialist)
    draft = create_draft(world, specialist)
    cancelled = specialist.post(f"/di/{draft['uuid']}/huy", {"reason": "Không cần ban hành."})
    assert cancelled.json()["status"] == "cancelled"

    document = signed(world, client)
    clerk = Caller(client, world.chau_thanh_clerk)
    path = f"/di/{document['uuid']}"
    clerk.post(
        f"{path}/phat-hanh", {"issued_on": ISSUED_ON, "recipients": [{"external_name": "A"}]}
    )
    more = clerk.post(f"{path}/gui", {"recipients": [{"unit": str(world.hoa_thanh_office.uuid)}]})
    assert len(more.json()["deliveries"]) == 2
    assert len(Caller(client, world.hoa_thanh_clerk).get("/cho-vao-so").json()) == 1


def test_another_districts_draft_and_its_files_are_not_found(
    client: Client, world: DocWorld
) -> None:
    document = create_draft(
        world, Caller(client, world.chau_thanh_specialist), attachments=[pdf("a.pdf")]
    )
    stranger = Caller(client, world.hoa_thanh_clerk)
    path = f"/di/{document['uuid']}"
    assert stranger.get(path).status_code == 404
    assert stranger.post(f"{path}/huy", {"reason": "Thử."}).status_code == 404
    file_uuid = document["versions"][0]["attachments"][0]["uuid"]
    assert stranger.get(f"{path}/tep/{file_uuid}").status_code == 404
    own = Caller(client, world.chau_thanh_clerk).get(f"{path}/tep/{file_uuid}")
    assert (own.status_code, b"".join(own.streaming_content)) == (200, PDF)


def test_a_reply_is_linked_when_the_assignment_is_completed(
    client: Client, world: DocWorld
) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)
    incoming = clerk.post(
        "/den",
        {
            "unit": str(world.chau_thanh_office.uuid),
            "medium": "electronic",
            "sender_name": "Tỉnh ủy Tây Ninh",
            "number_symbol": "12-CV/TU",
            "document_date": "2012-02-01",
            "subject": "V/v báo cáo kết quả bầu cử",
        },
    ).json()
    Caller(client, world.chau_thanh_office_leader).post(
        f"/den/{incoming['uuid']}/chi-dao",
        {"text": "Trả lời.", "lead": {"person": str(world.chau_thanh_specialist.uuid)}},
    )
    reply = signed(world, client)
    clerk.post(
        f"/di/{reply['uuid']}/phat-hanh",
        {"issued_on": ISSUED_ON, "recipients": [{"unit": str(world.province_office.uuid)}]},
    )
    specialist = Caller(client, world.chau_thanh_specialist)
    [task] = specialist.get("/viec-cua-toi").json()
    done = specialist.post(f"/phan-cong/{task['uuid']}/hoan-thanh", {"reply": reply["uuid"]})
    assert (done.status_code, done.json()["reply"]) == (200, reply["uuid"])
    assert IncomingDocument.objects.get(uuid=incoming["uuid"]).status == "done"


def test_a_document_with_its_deliveries_costs_a_fixed_number_of_queries(
    client: Client, world: DocWorld
) -> None:
    clerk = Caller(client, world.chau_thanh_clerk)

    def detail_queries(uuid: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert clerk.get(f"/di/{uuid}").status_code == 200
        return len(queries)

    few = signed(world, client)
    clerk.post(
        f"/di/{few['uuid']}/phat-hanh",
        {"issued_on": ISSUED_ON, "recipients": [{"external_name": "A"}]},
    )
    many = signed(world, client)
    clerk.post(
        f"/di/{many['uuid']}/phat-hanh",
        {
            "issued_on": ISSUED_ON,
            "attachments": [pdf("b.pdf")],
            "recipients": [
                {"unit": str(world.province_office.uuid)},
                {"unit": str(world.hoa_thanh_office.uuid)},
                {"external_name": "B"},
            ],
        },
    )
    assert detail_queries(many["uuid"]) == detail_queries(few["uuid"])


def test_a_delivery_above_the_clerks_clearance_is_a_404_in_the_api(
    client: Client, world: DocWorld, settings: LazySettings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    delivery = sent_secret(world, Clearance.TOP_SECRET)
    clerk = Caller(client, world.hoa_thanh_clerk)  # cleared for Mật only
    assert clerk.get("/cho-vao-so").json() == []
    registered = clerk.post(f"/cho-vao-so/{delivery.uuid}/vao-so", {})
    refused = clerk.post(f"/cho-vao-so/{delivery.uuid}/tu-choi", {"reason": "Gửi nhầm."})
    assert (registered.status_code, refused.status_code) == (404, 404)
    assert "bảo vệ bí mật" not in registered.content.decode() + refused.content.decode()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.ARRIVED
    assert not IncomingDocument.objects.exists()


def test_a_delivery_registered_in_the_api_ignores_a_page_count_the_sender_gave(
    client: Client, world: DocWorld, settings: LazySettings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    delivery = sent_secret(world, Clearance.SECRET)
    clerk = Caller(client, world.hoa_thanh_clerk)
    copy = clerk.post(f"/cho-vao-so/{delivery.uuid}/vao-so", {"page_count": 40})
    assert copy.status_code == 201, copy.json()
    assert (copy.json()["page_count"], copy.json()["confidentiality"]) == (4, Clearance.SECRET)


def test_the_awaiting_issue_list_leaves_out_what_the_clerk_is_not_cleared_for(
    client: Client, world: DocWorld
) -> None:
    hidden = secret_signed(world, Clearance.TOP_SECRET, subject="Phương án tuyệt đối giữ kín")
    shown = signed(world, client)
    clerk = Caller(client, world.chau_thanh_clerk)  # cleared for Mật
    listed = clerk.get("/di/cho-phat-hanh")
    assert [d["uuid"] for d in listed.json()] == [shown["uuid"]]
    assert "giữ kín" not in listed.content.decode()
    cleared = Caller(client, cleared_clerk(world.chau_thanh_office, Clearance.TOP_SECRET))
    assert {d["uuid"] for d in cleared.get("/di/cho-phat-hanh").json()} == {
        shown["uuid"],
        str(hidden.uuid),
    }
