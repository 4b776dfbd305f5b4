"""The incoming-document pages: registration, the book, a document's page and its workflow
steps, and the reception queue of documents sent by other units."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest
from django.conf import LazySettings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from tests.support.documents import (
    DocWorld,
    cleared_clerk,
    register_2011,
    register_post,
    sent_secret,
    url,
)
from tests.support.factories import MembershipFactory
from tests.support.files import PDF, PNG
from tests.support.web import login, messages_of, page_queries
from vanphong.core.models import AuditEvent, Counter
from vanphong.documents import services_incoming, services_outgoing
from vanphong.documents.models import (
    AssignmentRole,
    Delivery,
    DeliveryStatus,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    Urgency,
)
from vanphong.documents.services import Upload
from vanphong.documents.services_delivery import Recipient
from vanphong.documents.services_incoming import Handler
from vanphong.org.models import Clearance, Role, Unit

RECEIVED = datetime(2011, 3, 7, 2, 30, tzinfo=UTC)  # 09:30 in Tây Ninh
SUBJECT = "Về lãnh đạo cuộc bầu cử đại biểu Quốc hội khoá XIII"


@pytest.fixture(autouse=True)
def _media(settings: LazySettings, tmp_path: object) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


# --- helpers --------------------------------------------------------------------------------


def counter(unit: Unit, year: int) -> int:
    row = Counter.objects.filter(series=f"in:{unit.pk}:{year}").first()
    return row.value if row else 0


def this_year() -> int:
    return timezone.localdate().year


def docx_bomb(declared: int = 100_000) -> bytes:
    """A DOCX whose document.xml inflates far beyond its compressed size."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"0" * declared)
    return buffer.getvalue()


# --- registration ---------------------------------------------------------------------------


def test_clerk_registers_a_document_with_attachments_and_lands_on_its_page(
    client: Client, world: DocWorld
) -> None:
    login(client, world.chau_thanh_clerk)
    data = register_post(
        world,
        attachments=[
            SimpleUploadedFile("Công văn 12.pdf", PDF),
            SimpleUploadedFile("phu-luc.png", PNG),
        ],
    )
    response = client.post(url("incoming_register"), data, follow=True)
    document = IncomingDocument.objects.get()
    assert response.redirect_chain[-1][0] == url("incoming_detail", document.uuid)
    assert (document.number, document.year) == (1, this_year())
    assert document.number_symbol == "12-CV/TU"
    assert document.type_name == "Công văn"
    assert document.registered_by == world.chau_thanh_clerk
    assert document.page_count == 3
    assert sorted(a.filename for a in document.attachments.all()) == [
        "Công văn 12.pdf",
        "phu-luc.png",
    ]
    assert any("Đã vào sổ văn bản đến số 1/" in m for m in messages_of(response))
    body = response.content.decode()
    assert "Công văn 12.pdf" in body
    assert url("attachment", document.attachments.get(filename="phu-luc.png").uuid) in body


def test_register_form_offers_only_the_clerks_units_and_the_levels_they_may_see(
    client: Client, world: DocWorld
) -> None:
    login(client, world.chau_thanh_clerk)
    response = client.get(url("incoming_register"))
    form = response.context["form"]
    assert list(form.fields["unit"].queryset) == [world.chau_thanh_office]
    assert [v for v, _ in form.fields["confidentiality"].choices] == [0, 1]
    assert form["submission_id"].value()
    assert form["received_at"].value() is not None
    body = response.content.decode()
    assert 'enctype="multipart/form-data"' in body
    assert 'type="file" name="attachments"' in body
    assert "multiple" in body


def test_someone_who_is_no_clerk_is_told_the_register_page_is_for_clerks(
    client: Client, world: DocWorld
) -> None:
    login(client, world.chau_thanh_specialist)
    response = client.get(url("incoming_register"))
    assert response.status_code == 403
    assert "không phải văn thư" in response.content.decode()
    response = client.post(url("incoming_register"), register_post(world))
    assert response.status_code == 403
    assert not IncomingDocument.objects.exists()


def test_a_clerk_cannot_register_into_another_units_book(client: Client, world: DocWorld) -> None:
    login(client, world.hoa_thanh_clerk)
    response = client.post(url("incoming_register"), register_post(world))
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not IncomingDocument.objects.exists()


def test_a_double_submit_registers_once_and_uses_one_number(
    client: Client, world: DocWorld
) -> None:
    login(client, world.chau_thanh_clerk)
    data = register_post(world)
    first = client.post(url("incoming_register"), data)
    second = client.post(url("incoming_register"), data)
    document = IncomingDocument.objects.get()
    assert first["Location"] == second["Location"] == url("incoming_detail", document.uuid)
    assert counter(world.chau_thanh_office, this_year()) == 1


def test_a_duplicate_is_warned_about_and_registered_only_with_a_reason(
    client: Client, world: DocWorld
) -> None:
    existing = register_2011(
        world,
        number_symbol="12-CV/TU",
        document_date=date(2012, 2, 10),
        received_at=datetime(2012, 2, 11, 2, 0, tzinfo=UTC),
    )
    login(client, world.chau_thanh_clerk)
    data = register_post(world, sender_name="Tỉnh uỷ  Tây Ninh", number_symbol="12 - cv / tu")
    response = client.post(url("incoming_register"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "có vẻ đã được vào sổ" in body
    assert url("incoming_detail", existing.uuid) in body
    assert response.context["duplicates"] == [existing]
    assert 'name="duplicate_reason"' in body
    assert 'value="Tỉnh uỷ  Tây Ninh"' in body  # what was typed is kept
    assert IncomingDocument.objects.count() == 1
    assert counter(world.chau_thanh_office, this_year()) == 0

    data["duplicate_reason"] = "Bản chính đến sau bản fax"
    response = client.post(url("incoming_register"), data)
    assert response.status_code == 302
    second = IncomingDocument.objects.exclude(pk=existing.pk).get()
    assert second.duplicate_of == existing
    assert second.duplicate_reason == "Bản chính đến sau bản fax"
    page = client.get(url("incoming_detail", second.uuid)).content.decode()
    assert "Bản chính đến sau bản fax" in page


def _future() -> str:
    return (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        pytest.param({"number_symbol": "CV/TU"}, "number_symbol", "Thiếu số văn bản", id="symbol"),
        pytest.param({"number_symbol": "12"}, "number_symbol", "Thiếu ký hiệu", id="no-symbol"),
        pytest.param({"received_at": "FUTURE"}, "received_at", "tương lai", id="future"),
        pytest.param(
            {"received_at": "2012-02-09T08:00"},
            "document_date",
            "không được sau ngày đến",
            id="date-after-received",
        ),
        pytest.param(
            {"attachments": [SimpleUploadedFile("to-trinh.pdf", b"plain text, not a PDF")]},
            "attachments",
            "Loại tệp không được chấp nhận",
            id="text-named-pdf",
        ),
        pytest.param({"subject": " "}, "subject", "bắt buộc", id="no-subject"),
        pytest.param({"document_date": "31/02/2012"}, "document_date", "hợp lệ", id="bad-date"),
    ],
)
def test_bad_input_shows_a_vietnamese_message_and_saves_nothing(
    client: Client, world: DocWorld, overrides: dict[str, Any], field: str, message: str
) -> None:
    if overrides.get("received_at") == "FUTURE":
        overrides["received_at"] = _future()
    login(client, world.chau_thanh_clerk)
    data = register_post(world, **overrides)
    response = client.post(url("incoming_register"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert message in " ".join(form.errors[field])
    body = response.content.decode()
    assert "Chưa lưu được" in body
    assert 'value="Tỉnh ủy Tây Ninh"' in body
    assert not IncomingDocument.objects.exists()
    assert counter(world.chau_thanh_office, this_year()) == 0
    assert counter(world.chau_thanh_office, 2012) == 0


def test_files_must_be_chosen_again_after_an_error_and_the_page_says_so(
    client: Client, world: DocWorld
) -> None:
    login(client, world.chau_thanh_clerk)
    data = register_post(world, number_symbol="abc", attachments=[SimpleUploadedFile("a.pdf", PDF)])
    response = client.post(url("incoming_register"), data)
    assert "chọn lại các tệp đính kèm" in " ".join(response.context["form"].errors["attachments"])
    assert 'data-testid="files-lost"' in response.content.decode()


def test_a_png_named_pdf_is_accepted_as_png(client: Client, world: DocWorld) -> None:
    login(client, world.chau_thanh_clerk)
    data = register_post(world, attachments=[SimpleUploadedFile("scan.pdf", PNG)])
    assert client.post(url("incoming_register"), data).status_code == 302
    attachment = IncomingDocument.objects.get().attachments.get()
    assert attachment.file.content_type == "image/png"


def test_an_oversize_file_is_refused_and_no_number_is_used(
    client: Client, world: DocWorld, settings: LazySettings
) -> None:
    settings.VANPHONG_MAX_UPLOAD_BYTES = 1 << 20
    login(client, world.chau_thanh_clerk)
    big = PDF + b"0" * (1 << 20)
    data = register_post(world, attachments=[SimpleUploadedFile("lon.pdf", big)])
    response = client.post(url("incoming_register"), data)
    assert response.status_code == 200
    assert "Tệp quá lớn" in " ".join(response.context["form"].errors["attachments"])
    assert not IncomingDocument.objects.exists()
    assert counter(world.chau_thanh_office, this_year()) == 0


def test_a_zip_bomb_docx_is_refused_and_no_number_is_used(
    client: Client, world: DocWorld, settings: LazySettings
) -> None:
    settings.VANPHONG_MAX_UNZIPPED_BYTES = 10_000
    login(client, world.chau_thanh_clerk)
    bomb = docx_bomb(200_000)
    assert len(bomb) < 10_000
    data = register_post(world, attachments=[SimpleUploadedFile("bao-cao.docx", bomb)])
    response = client.post(url("incoming_register"), data)
    assert response.status_code == 200
    assert "giải nén quá lớn" in " ".join(response.context["form"].errors["attachments"])
    assert not IncomingDocument.objects.exists()
    assert counter(world.chau_thanh_office, this_year()) == 0


# --- the book -------------------------------------------------------------------------------


def _fill_book(world: DocWorld, count: int, *, start: int = 1, year: int = 2011) -> None:
    for n in range(start, start + count):
        register_2011(
            world,
            number_symbol=f"{n}-CV/TU",
            received_at=datetime(year, 1, 1, 1, 0, tzinfo=UTC) + timedelta(hours=n),
            document_date=date(year, 1, 1),
            subject=f"Công văn số {n} về công tác tổ chức",
            urgency=Urgency.URGENT if n % 10 == 0 else Urgency.NORMAL,
        )


def test_the_book_shows_the_decree_30_columns_newest_first(client: Client, world: DocWorld) -> None:
    first = register_2011(world)
    second = register_2011(
        world,
        number_symbol="07-KH/TU",
        received_at=RECEIVED + timedelta(hours=1),
        urgency=Urgency.FLASH,
        subject="Kế hoạch tổ chức bầu cử",
    )
    login(client, world.chau_thanh_clerk)
    response = client.get(url("incoming_book"), {"nam": "2011"})
    body = response.content.decode()
    for column in ("Số đến", "Ngày đến", "Tác giả", "Số, ký hiệu", "Ngày VB"):
        assert f">{column}<" in body
    assert "Tên loại và trích yếu" in body
    assert "Đơn vị, người nhận" in body
    assert [d.number for d in response.context["rows"]] == [second.number, first.number]
    assert body.count('class="vp-urgent" data-urgent="1"') == 1
    assert "HỎA TỐC" in body
    assert url("incoming_detail", first.uuid) in body
    assert response.context["unit"] == world.chau_thanh_office


def test_the_book_opens_on_the_latest_year_of_the_unit_by_default(
    client: Client, world: DocWorld
) -> None:
    register_2011(world)
    login(client, world.chau_thanh_clerk)
    response = client.get(url("incoming_book"))
    assert response.context["year"] == 2011
    assert len(response.context["rows"]) == 1


def test_the_book_filters_by_urgency_text_status_and_dates(client: Client, world: DocWorld) -> None:
    _fill_book(world, 20)
    login(client, world.chau_thanh_clerk)
    address = url("incoming_book")
    urgent = client.get(address, {"nam": "2011", "khan": "1"}).context["rows"]
    assert [d.number for d in urgent] == [20, 10]
    found = client.get(address, {"nam": "2011", "q": " CÔNG VĂN số 17 "}).context["rows"]
    assert [d.number for d in found] == [17]
    found = client.get(address, {"nam": "2011", "trang-thai": "filed"}).context["rows"]
    assert found == []
    # received 01:00 UTC + n hours: numbers 1–15 arrived on 1 January in Tây Ninh
    ranged = client.get(address, {"nam": "2011", "tu": "2011-01-01", "den": "2011-01-01"})
    assert [d.number for d in ranged.context["rows"]] == list(range(15, 0, -1))
    ranged = client.get(address, {"nam": "2011", "tu": "2011-01-02"})
    assert [d.number for d in ranged.context["rows"]] == [20, 19, 18, 17, 16]
    bad = client.get(address, {"nam": "2011", "tu": "hôm qua"})
    assert bad.status_code == 200
    assert "không hợp lệ" in bad.content.decode()
    assert len(bad.context["rows"]) == 20


def test_the_book_pages_by_fifty_with_its_total_and_numbered_pages(
    client: Client, world: DocWorld
) -> None:
    _fill_book(world, 55)
    login(client, world.chau_thanh_clerk)
    response = client.get(url("incoming_book"), {"nam": "2011", "khan": ""})
    rows = response.context["rows"]
    assert [d.number for d in rows[:2]] == [55, 54]
    assert len(rows) == 50
    body = response.content.decode()
    assert "55 văn bản · trang 1/2" in body
    # The page's filters stay in the numbered links.
    assert "?nam=2011&amp;khan=&amp;trang=2" in body
    following = client.get(url("incoming_book"), {"nam": "2011", "trang": "2"})
    assert [d.number for d in following.context["rows"]] == [5, 4, 3, 2, 1]
    assert "55 văn bản · trang 2/2" in following.content.decode()


def test_a_page_number_out_of_range_shows_the_nearest_page(client: Client, world: DocWorld) -> None:
    _fill_book(world, 3)
    login(client, world.chau_thanh_clerk)
    for asked in ("khong-hop-le", "0", "99"):
        response = client.get(url("incoming_book"), {"nam": "2011", "trang": asked})
        assert response.status_code == 200
        assert len(response.context["rows"]) == 3


def test_htmx_filtering_swaps_only_the_rows(client: Client, world: DocWorld) -> None:
    _fill_book(world, 3)
    login(client, world.chau_thanh_clerk)
    response = client.get(url("incoming_book"), {"nam": "2011"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert next(t.name for t in response.templates) == "documents/_incoming_rows.html"
    assert "<html" not in body
    assert "Công văn số 3" in body
    assert "HX-Request" in response["Vary"]


def test_a_district_clerk_does_not_see_another_districts_book(
    client: Client, world: DocWorld
) -> None:
    register_2011(world)
    login(client, world.hoa_thanh_clerk)
    response = client.get(url("incoming_book"), {"nam": "2011"})
    assert response.context["unit"] == world.hoa_thanh_office
    assert response.context["rows"] == []
    response = client.get(
        url("incoming_book"), {"nam": "2011", "don-vi": str(world.chau_thanh_office.uuid)}
    )
    assert response.context["unit"] == world.hoa_thanh_office
    assert SUBJECT not in response.content.decode()


def test_the_book_query_count_does_not_grow_with_the_rows(
    client: Client, world: DocWorld, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    def handled(number: int) -> None:
        document = IncomingDocument.objects.get(number=number)
        services_incoming.incoming_present(
            actor=world.chau_thanh_clerk, document=document, leader=world.chau_thanh_office_leader
        )
        if number % 2:
            services_incoming.direction_give(
                actor=world.chau_thanh_office_leader,
                document=document,
                text="Giao chuyên viên tham mưu",
                lead=Handler(person=world.chau_thanh_specialist),
                supporting=[Handler(unit=world.chau_thanh_office)],
            )

    _fill_book(world, 2)
    handled(1)
    handled(2)
    login(client, world.chau_thanh_clerk)
    address = url("incoming_book") + f"?nam=2011&don-vi={world.chau_thanh_office.uuid}"
    few = page_queries(client, address)
    _fill_book(world, 48, start=3)
    for number in range(3, 50):
        handled(number)
    assert page_queries(client, address) == few
    assert page_queries(client, address, HX_Request="true") <= few
    # session, user, scope (2), units, the chosen unit, the book's years, the page, its
    # handlers and the leaders presented to, the unit tree (the units' order and labels)
    with django_assert_max_num_queries(11):
        client.get(address)


# --- a document's page and its steps ----------------------------------------------------------


def test_the_document_page_shows_fields_history_and_the_clerks_steps(
    client: Client, world: DocWorld
) -> None:
    document = register_2011(world, attachments=[Upload("Chỉ thị 45.pdf", io.BytesIO(PDF))])
    login(client, world.chau_thanh_clerk)
    response = client.get(url("incoming_detail", document.uuid))
    body = response.content.decode()
    assert response.status_code == 200
    for text in ("45-CT/TU", "Tỉnh ủy Tây Ninh", SUBJECT, "01/03/2011", "Chỉ thị 45.pdf"):
        assert text in body
    actions = response.context["actions"]
    assert (actions.present, actions.file, actions.cancel) == (True, True, True)
    assert (actions.direct, actions.give_back) == (False, False)
    assert url("incoming_present", document.uuid) in body
    assert url("incoming_direct", document.uuid) not in body
    assert [h["what"] for h in response.context["history"]] == ["Vào sổ"]


def test_clerk_presents_to_a_leader_of_the_unit_who_then_directs_it(
    client: Client, world: DocWorld
) -> None:
    document = register_2011(world)
    login(client, world.chau_thanh_clerk)
    form = client.get(url("incoming_present", document.uuid)).context["form"]
    leaders = set(form.fields["leader"].queryset)
    # leaders of the unit, of its committee and of the province above (workflow.is_leader_of)
    assert leaders == {
        world.chau_thanh_office_leader,
        world.chau_thanh_leader,
        world.province_leader,
    }
    assert world.hoa_thanh_clerk not in leaders
    response = client.post(
        url("incoming_present", document.uuid),
        {"leader": str(world.chau_thanh_office_leader.uuid)},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == IncomingStatus.PRESENTED
    assert document.presented_to == world.chau_thanh_office_leader

    login(client, world.chau_thanh_office_leader)
    presented = client.get(url("presented_to_me"))
    assert [d.pk for d in presented.context["documents"]] == [document.pk]
    page = client.get(url("incoming_detail", document.uuid))
    assert page.context["actions"].direct
    assert page.context["actions"].give_back
    form = client.get(url("incoming_direct", document.uuid)).context["form"]
    assert world.chau_thanh_specialist in form.fields["lead_person"].queryset
    assert world.hoa_thanh_clerk not in form.fields["lead_person"].queryset
    assert world.chau_thanh_office in form.fields["lead_unit"].queryset
    deadline = timezone.localdate() + timedelta(days=10)
    response = client.post(
        url("incoming_direct", document.uuid),
        {
            "text": "Giao đồng chí Chuyên Viên tham mưu báo cáo",
            "lead_person": str(world.chau_thanh_specialist.uuid),
            "supporting": [str(world.chau_thanh_clerk.uuid)],
            "informed": [str(world.chau_thanh_leader.uuid)],
            "deadline": deadline.isoformat(),
        },
        follow=True,
    )
    document.refresh_from_db()
    assert document.status == IncomingStatus.ASSIGNED
    roles = {(a.assignee, a.role) for a in document.assignments.all()}
    assert roles == {
        (world.chau_thanh_specialist, AssignmentRole.LEAD),
        (world.chau_thanh_clerk, AssignmentRole.SUPPORT),
        (world.chau_thanh_leader, AssignmentRole.INFO),
    }
    body = response.content.decode()
    assert "Giao đồng chí Chuyên Viên tham mưu báo cáo" in body
    assert "Chủ trì" in body
    assert [h["what"] for h in response.context["history"]] == [
        "Vào sổ",
        "Trình lãnh đạo",
        "Cho ý kiến chỉ đạo",
    ]


def test_a_direction_without_text_or_lead_keeps_what_was_typed(
    client: Client, world: DocWorld
) -> None:
    document = register_2011(world)
    login(client, world.chau_thanh_office_leader)
    response = client.post(
        url("incoming_direct", document.uuid), {"text": "Nghiên cứu, đề xuất", "deadline": ""}
    )
    assert response.status_code == 200
    assert "Cần chọn người hoặc đơn vị chủ trì" in response.content.decode()
    assert "Nghiên cứu, đề xuất" in response.content.decode()
    assert not document.assignments.exists()


def test_the_leader_returns_a_presented_document_with_a_reason(
    client: Client, world: DocWorld
) -> None:
    document = register_2011(world)
    services_incoming.incoming_present(
        actor=world.chau_thanh_clerk, document=document, leader=world.chau_thanh_office_leader
    )
    login(client, world.chau_thanh_office_leader)
    response = client.post(url("incoming_return", document.uuid), {"reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    response = client.post(url("incoming_return", document.uuid), {"reason": "Thiếu phụ lục"})
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.status, document.status_reason) == (IncomingStatus.REGISTERED, "Thiếu phụ lục")
    login(client, world.chau_thanh_clerk)
    assert "Thiếu phụ lục" in client.get(url("incoming_detail", document.uuid)).content.decode()


def test_another_leader_is_not_offered_the_return_of_a_document_not_presented_to_them(
    client: Client, world: DocWorld
) -> None:
    document = register_2011(world)
    services_incoming.incoming_present(
        actor=world.chau_thanh_clerk, document=document, leader=world.chau_thanh_office_leader
    )
    login(client, world.chau_thanh_leader)
    assert not client.get(url("incoming_detail", document.uuid)).context["actions"].give_back
    response = client.post(url("incoming_return", document.uuid), {"reason": "x"}, follow=True)
    assert any("không thực hiện được" in m for m in messages_of(response))
    document.refresh_from_db()
    assert document.status == IncomingStatus.PRESENTED


def test_clerk_files_a_document_for_information(client: Client, world: DocWorld) -> None:
    document = register_2011(world)
    login(client, world.chau_thanh_clerk)
    response = client.post(url("incoming_file", document.uuid), {"note": "Để biết"})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == IncomingStatus.FILED


def test_clerk_cancels_a_registration_with_a_reason_and_the_number_stays(
    client: Client, world: DocWorld
) -> None:
    document = register_2011(world)
    login(client, world.chau_thanh_clerk)
    response = client.post(url("incoming_cancel", document.uuid), {"reason": ""})
    assert response.status_code == 200
    assert "Lý do" in response.content.decode()
    response = client.post(url("incoming_cancel", document.uuid), {"reason": "Vào sổ nhầm"})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == IncomingStatus.CANCELLED
    page = client.get(url("incoming_detail", document.uuid))
    assert not page.context["actions"].any
    book = client.get(url("incoming_book"), {"nam": "2011"})
    assert [d.number for d in book.context["rows"]] == [1]


def test_a_specialist_is_offered_no_steps_and_is_turned_back(
    client: Client, world: DocWorld
) -> None:
    document = register_2011(world)
    login(client, world.chau_thanh_specialist)
    page = client.get(url("incoming_detail", document.uuid))
    assert page.status_code == 200
    assert not page.context["actions"].any
    assert 'data-testid="actions"' not in page.content.decode()
    response = client.get(url("incoming_present", document.uuid), follow=True)
    assert response.redirect_chain[-1][0] == url("incoming_detail", document.uuid)
    assert any("không thực hiện được" in m for m in messages_of(response))


def test_a_document_of_another_district_is_a_404_on_every_page(
    client: Client, world: DocWorld
) -> None:
    document = register_2011(world)
    login(client, world.hoa_thanh_clerk)
    for name in (
        "incoming_detail",
        "incoming_present",
        "incoming_direct",
        "incoming_return",
        "incoming_file",
        "incoming_cancel",
    ):
        assert client.get(url(name, document.uuid)).status_code == 404, name
        if name != "incoming_detail":
            response = client.post(url(name, document.uuid), {"reason": "x"})
            assert response.status_code == 404, name
    assert client.get(url("incoming_detail", uuid4())).status_code == 404
    document.refresh_from_db()
    assert document.status == IncomingStatus.REGISTERED


def test_a_secret_document_is_hidden_from_a_specialist_until_assigned_and_reads_are_audited(
    client: Client, world: DocWorld
) -> None:
    document = register_2011(world, confidentiality=Clearance.SECRET)
    login(client, world.chau_thanh_specialist)
    assert client.get(url("incoming_detail", document.uuid)).status_code == 404
    book = client.get(url("incoming_book"), {"nam": "2011"})
    assert book.context["rows"] == []

    services_incoming.direction_give(
        actor=world.chau_thanh_office_leader,
        document=document,
        text="Đồng chí Chuyên Viên nghiên cứu",
        lead=Handler(person=world.chau_thanh_specialist),
    )
    response = client.get(url("incoming_detail", document.uuid))
    assert response.status_code == 200
    assert "MẬT" in response.content.decode()
    reads = AuditEvent.objects.filter(action="document.read", object_id=str(document.uuid))
    assert list(reads.values_list("actor", flat=True)) == [world.chau_thanh_specialist.pk]
    assert response.context["reads"] == 1
    assert client.get(url("incoming_detail", document.uuid)).context["reads"] == 2


def test_an_unclassified_document_page_writes_no_read_event(
    client: Client, world: DocWorld
) -> None:
    document = register_2011(world)
    login(client, world.chau_thanh_clerk)
    client.get(url("incoming_detail", document.uuid))
    assert not AuditEvent.objects.filter(action="document.read").exists()


# --- the reception queue --------------------------------------------------------------------


def sent_to_hoa_thanh(world: DocWorld, **overrides: Any) -> OutgoingDocument:
    """A document Châu Thành drafts, approves, signs and issues to Hòa Thành's Office."""
    fields: dict[str, Any] = {
        "actor": world.chau_thanh_specialist,
        "unit": world.chau_thanh_office,
        "type_symbol": "CV",
        "subject": "V/v phối hợp tổ chức hội nghị liên huyện",
        "body": "Kính gửi …",
        "urgency": Urgency.URGENT,
    }
    fields.update(overrides)
    document = services_outgoing.outgoing_create(**fields)
    services_outgoing.outgoing_submit(actor=world.chau_thanh_specialist, document=document)
    services_outgoing.outgoing_approve(actor=world.chau_thanh_office_leader, document=document)
    services_outgoing.outgoing_sign(
        actor=world.chau_thanh_office_leader,
        document=document,
        position="Chánh Văn phòng",
    )
    return services_outgoing.outgoing_issue(
        actor=world.chau_thanh_clerk,
        document=document,
        recipients=[Recipient(unit=world.hoa_thanh_office, note="Kính gửi Thường trực")],
        issued_on=date(2012, 3, 1),
        attachments=[Upload("Công văn phối hợp.pdf", io.BytesIO(PDF))],
    )


def test_a_delivery_above_the_clerks_clearance_is_not_offered_anywhere_and_nothing_changes(
    client: Client, world: DocWorld
) -> None:
    delivery = sent_secret(world, Clearance.TOP_SECRET)
    events = AuditEvent.objects.count()
    login(client, world.hoa_thanh_clerk)  # a clerk there, cleared for Mật only
    queue = client.get(url("queue"))
    assert queue.context["deliveries"] == []
    assert "bảo vệ bí mật" not in queue.content.decode()
    address = url("incoming_register") + f"?lien-thong={delivery.uuid}"
    assert client.get(address).status_code == 404, "no prefill of its subject"
    posted = register_post(
        world, unit=str(world.hoa_thanh_office.uuid), delivery=str(delivery.uuid)
    )
    assert client.post(url("incoming_register"), posted).status_code == 404
    assert client.get(url("queue_refuse", delivery.uuid)).status_code == 404
    refused = client.post(url("queue_refuse", delivery.uuid), {"reason": "Gửi nhầm"})
    assert refused.status_code == 404
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.ARRIVED
    assert not IncomingDocument.objects.exists()
    assert AuditEvent.objects.count() == events

    cleared = cleared_clerk(world.hoa_thanh_office, Clearance.TOP_SECRET)
    login(client, cleared)
    assert [d.pk for d in client.get(url("queue")).context["deliveries"]] == [delivery.pk]
    assert client.get(address).status_code == 200


def test_a_delivery_is_registered_as_sent_whatever_the_form_says(
    client: Client, world: DocWorld
) -> None:
    delivery = sent_secret(world, Clearance.SECRET)
    sent = delivery.document
    login(client, world.hoa_thanh_clerk)
    lowered = register_post(
        world,
        unit=str(world.hoa_thanh_office.uuid),
        medium="paper",
        sender_name="Cơ quan khác",
        number_symbol="Số 99-CV/XX",
        document_date="2012-01-02",
        subject="Trích yếu sửa lại",
        page_count="1",
        confidentiality=str(Clearance.UNCLASSIFIED),
        urgency=str(Urgency.FLASH),
        delivery=str(delivery.uuid),
        attachments=[SimpleUploadedFile("them.png", PNG)],
    )
    response = client.post(url("incoming_register"), lowered)
    assert response.status_code == 302
    copy = IncomingDocument.objects.get()
    assert (copy.confidentiality, copy.urgency) == (Clearance.SECRET, sent.urgency)
    assert (copy.number_symbol, copy.document_date, copy.subject) == (
        sent.number_symbol,
        date(2012, 3, 1),
        sent.subject,
    )
    assert (copy.sender_name, copy.sender_unit, copy.type_symbol, copy.medium) == (
        "Văn phòng Huyện ủy Châu Thành",
        world.chau_thanh_office,
        "PA",
        "internal",
    )
    assert copy.page_count == 4
    assert [a.filename for a in copy.attachments.all()] == ["Phương án.pdf"]
    # Colleagues not cleared for Mật do not open the copy or its file.
    colleague = MembershipFactory.create(unit=world.hoa_thanh_office, role=Role.SPECIALIST).person
    login(client, colleague)
    assert client.get(url("incoming_detail", copy.uuid)).status_code == 404
    assert client.get(url("attachment", copy.attachments.get().uuid)).status_code == 404


def test_the_form_for_a_delivery_shows_the_sent_document_and_asks_only_the_receiving_side(
    client: Client, world: DocWorld
) -> None:
    delivery = sent_secret(world, Clearance.SECRET)
    login(client, world.hoa_thanh_clerk)
    page = client.get(url("incoming_register"), {"lien-thong": str(delivery.uuid)})
    assert set(page.context["form"].fields) == {
        "received_at", "deadline", "recipients_note", "note", "duplicate_reason",
        "submission_id", "delivery",
    }  # fmt: skip
    facts = page.content.decode()
    for shown in (delivery.document.subject, delivery.document.number_symbol, "01/03/2012",
                  "Mật", "Văn phòng Huyện ủy Châu Thành"):  # fmt: skip
        assert shown in facts


def test_the_queue_lists_what_other_units_sent_and_registers_it_prefilled(
    client: Client, world: DocWorld
) -> None:
    sent = sent_to_hoa_thanh(world)
    delivery = Delivery.objects.get(document=sent, recipient_unit=world.hoa_thanh_office)
    login(client, world.hoa_thanh_clerk)
    queue = client.get(url("queue"))
    assert [d.pk for d in queue.context["deliveries"]] == [delivery.pk]
    body = queue.content.decode()
    assert sent.number_symbol in body
    assert 'class="vp-urgent"' in body
    assert f"?lien-thong={delivery.uuid}" in body

    page = client.get(url("incoming_register"), {"lien-thong": str(delivery.uuid)})
    facts = page.content.decode()
    assert "Văn phòng Huyện ủy Châu Thành" in facts
    assert sent.number_symbol in facts
    assert "01/03/2012" in facts
    assert sent.subject in facts
    form = page.context["form"]
    assert str(form["delivery"].value()) == str(delivery.uuid)
    assert form["recipients_note"].value() == "Kính gửi Thường trực"

    data = {
        "received_at": "",
        "recipients_note": "Kính gửi Thường trực",
        "submission_id": str(uuid4()),
        "delivery": str(delivery.uuid),
    }
    response = client.post(url("incoming_register"), data)
    assert response.status_code == 302
    document = IncomingDocument.objects.get(unit=world.hoa_thanh_office)
    assert document.delivery == delivery
    assert document.sender_unit == world.chau_thanh_office
    assert [a.filename for a in document.attachments.all()] == ["Công văn phối hợp.pdf"]
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.REGISTERED
    assert client.get(url("queue")).context["deliveries"] == []
    detail = client.get(url("incoming_detail", document.uuid)).content.decode()
    assert "Văn bản liên thông" in detail
    assert "Văn phòng Huyện ủy Châu Thành" in detail


def test_the_clerk_refuses_a_misaddressed_document_with_a_reason(
    client: Client, world: DocWorld
) -> None:
    sent = sent_to_hoa_thanh(world)
    delivery = Delivery.objects.get(document=sent, recipient_unit=world.hoa_thanh_office)
    login(client, world.hoa_thanh_clerk)
    response = client.post(url("queue_refuse", delivery.uuid), {"reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    response = client.post(url("queue_refuse", delivery.uuid), {"reason": "Gửi nhầm đơn vị"})
    assert response["Location"] == url("queue")
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.REFUSED
    assert delivery.events.last().description == "Gửi nhầm đơn vị"  # type: ignore[union-attr]
    assert not IncomingDocument.objects.exists()


def test_a_delivery_to_another_unit_is_a_404_for_registering_and_refusing(
    client: Client, world: DocWorld
) -> None:
    sent = sent_to_hoa_thanh(world)
    delivery = Delivery.objects.get(document=sent, recipient_unit=world.hoa_thanh_office)
    login(client, world.chau_thanh_clerk)
    assert client.get(url("queue")).context["deliveries"] == []
    assert client.get(url("queue_refuse", delivery.uuid)).status_code == 404
    address = url("incoming_register") + f"?lien-thong={delivery.uuid}"
    assert client.get(address).status_code == 404
    data = register_post(world, delivery=str(delivery.uuid))
    assert client.post(url("incoming_register"), data).status_code == 404
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.ARRIVED


def test_someone_who_is_no_clerk_has_no_queue(client: Client, world: DocWorld) -> None:
    login(client, world.chau_thanh_specialist)
    assert client.get(url("queue")).status_code == 403


def test_the_queue_query_count_does_not_grow_with_the_rows(
    client: Client, world: DocWorld, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    sent_to_hoa_thanh(world)
    login(client, world.hoa_thanh_clerk)
    few = page_queries(client, url("queue"))
    for n in range(5):
        sent_to_hoa_thanh(world, subject=f"Công văn liên thông số {n}")
    assert page_queries(client, url("queue")) == few
    with django_assert_max_num_queries(6):
        client.get(url("queue"))
