"""The letters pages: the list and its filters, registering with petitioner rows, the letter's
page and its forms, the files, the fields page."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.support.files import PDF
from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from vanphong.core.numbering import peek
from vanphong.core.workdays import WorkCalendar
from vanphong.petitions import clocks, selectors, services
from vanphong.petitions.models import Deadline, Field, Letter, LetterStatus


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def form_data(world: PetitionWorld, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "unit": str(world.province_office.uuid),
        "received_on": "12/09/2011",
        "channel": "post",
        "kinds": ["complaint"],
        "citizens-ho-ten": ["Nguyễn Văn Khiếu", "Lê Thị Hai", ""],
        "citizens-so-giay-to": ["290 111 222", "", ""],
        "citizens-dia-chi": ["ấp Trường Lưu", "", ""],
        "citizens-dien-thoai": ["", "", ""],
        "field": str(world.land.uuid),
        "summary": "Khiếu nại việc bồi thường đất khi mở rộng đường",
    }
    data.update(overrides)
    return data


def test_an_officer_registers_a_letter_with_two_petitioners_and_a_scan(
    world: PetitionWorld, client: Client
) -> None:
    client.force_login(world.province_reception)
    assert client.get(reverse("petitions:letter_register")).status_code == 200
    scan = SimpleUploadedFile("don.pdf", PDF, content_type="application/pdf")
    response = client.post(
        reverse("petitions:letter_register"), {**form_data(world), "scans": scan}
    )
    letter = Letter.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("petitions:letter", args=[letter.uuid])
    assert [c.full_name for c in letter.citizens.all()] == ["Nguyễn Văn Khiếu", "Lê Thị Hai"]
    assert letter.citizens.first().id_number == "290111222"  # type: ignore[union-attr]
    assert letter.files.count() == 1


def test_a_wrong_identity_number_shows_on_the_petitioners_and_keeps_the_rows(
    world: PetitionWorld, client: Client
) -> None:
    client.force_login(world.province_reception)
    data = form_data(world, **{"citizens-so-giay-to": ["2901", "", ""]})
    response = client.post(reverse("petitions:letter_register"), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "id_citizens_error" in body
    assert "9 chữ số" in body
    assert 'value="Lê Thị Hai"' in body
    assert not Letter.objects.exists()
    assert peek(services.series(world.province_office, 2011)) == 0


def test_a_row_without_a_name_is_the_only_row_marked_and_keeps_what_was_typed(
    world: PetitionWorld, client: Client
) -> None:
    client.force_login(world.province_reception)
    data = form_data(
        world,
        **{
            "citizens-ho-ten": ["Nguyễn Văn Khiếu", "", ""],
            "citizens-so-giay-to": ["290111222", "072080005678", ""],
        },
    )
    response = client.post(reverse("petitions:letter_register"), data)
    body = response.content.decode()
    names = re.findall(r'<input[^>]*name="citizens-ho-ten"[^>]*>', body)
    assert response.status_code == 400
    assert "Có dòng chưa ghi họ tên người gửi đơn." in body
    assert 'value="072080005678"' in body
    assert ["is-invalid" in tag for tag in names] == [False, True, False, False]
    assert not Letter.objects.exists()


def test_a_letter_without_a_kind_is_refused_on_the_kinds(
    world: PetitionWorld, client: Client
) -> None:
    client.force_login(world.province_reception)
    response = client.post(reverse("petitions:letter_register"), form_data(world, kinds=[]))
    assert response.status_code == 400
    assert "id_kinds_error" in response.content.decode()


def test_a_covering_document_is_found_by_its_incoming_number(
    world: PetitionWorld, client: Client
) -> None:
    client.force_login(world.province_reception)
    response = client.post(
        reverse("petitions:letter_register"),
        form_data(world, channel="forwarded", covering="77"),
    )
    assert response.status_code == 400
    assert "id_covering_error" in response.content.decode()


def test_the_list_shows_each_letters_row_and_hides_a_denouncer(
    world: PetitionWorld, client: Client
) -> None:
    letter_row(world, petitioners=("Nguyễn Văn Khiếu",))
    letter_row(
        world,
        petitioners=("Trần Văn Tố",),
        complaint=False,
        denunciation=True,
        summary="Tố cáo cán bộ địa chính xã",
    )
    client.force_login(world.province_office_leader)
    body = client.get(reverse("petitions:letters")).content.decode()
    assert "Nguyễn Văn Khiếu" in body
    assert "Trần Văn Tố" not in body
    assert "(Giữ bí mật)" in body
    assert "1/2011" in body
    assert "2/2011" in body


def test_the_list_finds_by_summary_folded_and_by_book_number(
    world: PetitionWorld, client: Client
) -> None:
    letter_row(world, summary="Khiếu nại bồi thường đất")
    letter_row(world, summary="Phản ánh ô nhiễm môi trường", complaint=False, report=True)
    client.force_login(world.province_reception)
    url = reverse("petitions:letters")
    found = client.get(url, {"q": "o nhiem"}).content.decode()
    assert "Phản ánh ô nhiễm" in found
    assert "bồi thường" not in found
    by_number = client.get(url, {"q": "1/2011"}).content.decode()
    assert "bồi thường" in by_number
    assert "ô nhiễm" not in by_number
    by_kind = client.get(url, {"loai": "report"}).content.decode()
    assert "ô nhiễm" in by_kind
    assert "bồi thường" not in by_kind


def test_the_list_opens_on_the_newest_year_and_shows_another_when_asked(
    world: PetitionWorld, client: Client
) -> None:
    letter_row(world, summary="Khiếu nại năm trước", received_on=date(2011, 9, 12))
    letter_row(world, summary="Khiếu nại năm nay", received_on=date(2012, 3, 5))
    client.force_login(world.province_office_leader)
    url = reverse("petitions:letters")
    opened = client.get(url).content.decode()
    assert "năm nay" in opened
    assert "năm trước" not in opened
    assert 'name="nam" value="2012"' in opened
    older = client.get(url, {"nam": 2011}).content.decode()
    assert "năm trước" in older
    assert "năm nay" not in older
    by_number = client.get(url, {"q": "1/2011"}).content.decode()
    assert "năm trước" in by_number
    assert "năm nay" not in by_number


def test_the_list_shows_a_page_newest_letter_first(world: PetitionWorld, client: Client) -> None:
    for day, summary in ((12, "giữa tháng"), (28, "cuối tháng"), (2, "đầu tháng")):
        letter_row(world, summary=f"Đơn nhận {summary}", received_on=date(2011, 9, day))
    client.force_login(world.province_office_leader)
    body = client.get(reverse("petitions:letters")).content.decode()
    positions = [body.index(f"Đơn nhận {summary}") for summary in ("cuối", "giữa", "đầu")]
    assert positions == sorted(positions)


def test_the_list_sorts_a_year_of_the_books_from_the_index_alone(world: PetitionWorld) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL plans a sequential scan on a table this small; see the bench")
    letter_row(world)
    found = selectors.letters_found(world.province_office_leader, selectors.LetterFilter(year=2011))
    sql, params = found.values_list("pk", flat=True)[:50].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "USING COVERING INDEX petitions_letter_book_year (unit_id=? AND year=?)" in plan


def _list_queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("petitions:letters")).status_code == 200
    return len(captured.captured_queries)


def test_the_list_takes_as_many_queries_for_many_letters_as_for_few(
    world: PetitionWorld, client: Client
) -> None:
    client.force_login(world.province_reception)
    letter_row(world)
    _list_queries(client)  # warm the caches of the first request
    few = _list_queries(client)
    for n in range(12):
        letter_row(
            world,
            petitioners=("A", "B"),
            denunciation=n % 2 == 0,
            field=Field.objects.order_by("?").first(),
        )
    assert _list_queries(client) == few


def test_the_list_pages(world: PetitionWorld, client: Client) -> None:
    for _n in range(55):
        letter_row(world)
    client.force_login(world.province_reception)
    first = client.get(reverse("petitions:letters")).content.decode()
    assert first.count('data-testid="letter-row"') == 50
    second = client.get(reverse("petitions:letters"), {"trang": 2}).content.decode()
    assert second.count('data-testid="letter-row"') == 5


def test_a_letter_walks_from_classification_to_closing_through_its_page(
    world: PetitionWorld, client: Client
) -> None:
    letter = letter_row(world, received_on=date(2011, 9, 12))
    client.force_login(world.province_reception)
    page = reverse("petitions:letter", args=[letter.uuid])

    def act(slug: str, **data: Any) -> Any:
        return client.post(reverse("petitions:letter_action", args=[letter.uuid, slug]), data)

    assert 'data-testid="form-nhan-xu-ly"' in client.get(page).content.decode()
    assert act("nhan-xu-ly").status_code == 302
    response = act(
        "phan-loai",
        eligibility="eligible",
        kinds=["complaint"],
        complexity="normal",
        classified_on="14/09/2011",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    bad = act("xu-ly", handling="accept", handled_on="15/09/2011")
    assert bad.status_code == 400
    assert "id_xu-ly_accepted_on_error" in bad.content.decode()
    assert (
        act("xu-ly", handling="accept", accepted_on="15/09/2011", handled_on="15/09/2011")
    ).status_code == 302
    assert act("ket-qua", result="Giữ nguyên quyết định", result_on="20/10/2011").status_code == 302
    assert act("thong-bao", told_on="21/10/2011", told_how="Văn bản số 5").status_code == 302
    letter.refresh_from_db()
    assert letter.status == LetterStatus.CLOSED
    body = client.get(page).content.decode()
    assert "Giữ nguyên quyết định" in body
    assert "Phân loại" in body
    assert "Ghi kết quả" in body


def test_a_leader_gives_the_letter_to_an_officer_from_its_page(
    world: PetitionWorld, client: Client
) -> None:
    letter = letter_row(world)
    client.force_login(world.province_office_leader)
    response = client.post(
        reverse("petitions:letter_action", args=[letter.uuid, "can-bo"]),
        {"handler": str(world.province_reception_2.uuid)},
    )
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.handler == world.province_reception_2


def test_an_action_the_person_may_not_do_is_refused_and_changes_nothing(
    world: PetitionWorld, client: Client
) -> None:
    letter = letter_row(world)
    client.force_login(world.province_reception)
    response = client.post(
        reverse("petitions:letter_action", args=[letter.uuid, "can-bo"]),
        {"handler": str(world.province_reception.uuid)},
    )
    assert response.status_code == 400
    letter.refresh_from_db()
    assert letter.handler is None


def test_correcting_a_letter_before_handling(world: PetitionWorld, client: Client) -> None:
    letter = letter_row(world)
    client.force_login(world.province_reception)
    url = reverse("petitions:letter_edit", args=[letter.uuid])
    assert 'value="Nguyễn Văn Khiếu"' in client.get(url).content.decode()
    data = form_data(world, summary="Khiếu nại về giá bồi thường")
    del data["unit"]
    assert client.post(url, data).status_code == 302
    letter.refresh_from_db()
    assert letter.summary == "Khiếu nại về giá bồi thường"
    assert letter.citizens.count() == 2


def test_a_field_is_added_and_deactivated_on_the_fields_page(
    world: PetitionWorld, client: Client
) -> None:
    client.force_login(world.province_office_leader)
    url = reverse("petitions:fields")
    assert client.post(url, {"name": "Môi trường"}).status_code == 302
    field = Field.objects.get(name="Môi trường")
    edit = reverse("petitions:field_edit", args=[field.uuid])
    assert client.post(edit, {"name": "Môi trường", "position": "3"}).status_code == 302
    field.refresh_from_db()
    assert (field.position, field.is_active) == (3, False)


def test_the_fields_page_shows_no_form_to_an_officer(world: PetitionWorld, client: Client) -> None:
    client.force_login(world.province_reception)
    body = client.get(reverse("petitions:fields")).content.decode()
    assert "Đất đai" in body
    assert 'data-testid="field-form"' not in body
    assert client.post(reverse("petitions:fields"), {"name": "X"}).status_code == 200
    assert not Field.objects.filter(name="X").exists()


def test_a_forwarded_letter_closes_once_its_result_is_in_and_the_petitioner_told(
    world: PetitionWorld, client: Client
) -> None:
    from vanphong.petitions import services_forward

    letter = letter_row(world, received_on=date(2011, 9, 12))
    forward = services_forward.letter_forward(
        actor=world.province_reception,
        letter=letter,
        to_body="Ủy ban nhân dân huyện Hòa Thành",
        forwarded_on=date(2011, 9, 15),
    )
    client.force_login(world.province_reception)
    page = reverse("petitions:letter", args=[letter.uuid])
    body = client.get(page).content.decode()
    assert 'data-testid="forwards"' in body
    assert 'data-testid="form-thong-bao"' not in body  # nothing to tell before the result
    services_forward.forward_result_record(
        actor=world.province_reception,
        forward=forward,
        result="Đã giải quyết, giữ nguyên quyết định thu hồi đất",
        result_on=date(2011, 11, 2),
    )
    told = client.post(
        reverse("petitions:letter_action", args=[letter.uuid, "thong-bao"]),
        {"told_on": "04/11/2011", "told_how": "Văn bản số 9-CV/VPTU"},
    )
    assert told.status_code == 302
    letter.refresh_from_db()
    assert letter.status == LetterStatus.CLOSED
    assert letter.closed_on == date(2011, 11, 4)


def test_the_correction_page_sends_one_who_may_not_act_back_to_the_letter(
    world: PetitionWorld, client: Client
) -> None:
    from vanphong.core.models import AuditEvent

    letter = letter_row(world, complaint=False, denunciation=True, handler=world.province_reception)
    url = reverse("petitions:letter_edit", args=[letter.uuid])
    page = reverse("petitions:letter", args=[letter.uuid])
    client.force_login(world.province_reception_2)  # sees the letter; another handles it
    shown = client.get(url)
    assert (shown.status_code, shown["Location"]) == (302, page)
    data = form_data(world, summary="Sửa bởi người không xử lý")
    del data["unit"]
    posted = client.post(url, data)
    assert (posted.status_code, posted["Location"]) == (302, page)
    letter.refresh_from_db()
    assert letter.summary != "Sửa bởi người không xử lý"
    assert not AuditEvent.objects.filter(action="letter.identity_read").exists()
    assert "Sửa thông tin vào sổ" not in client.get(page).content.decode()


def test_the_correction_page_is_closed_once_the_handling_is_decided(
    world: PetitionWorld, client: Client
) -> None:
    letter = letter_row(world, handling="keep", status=LetterStatus.CLOSED)
    client.force_login(world.province_office_leader)
    response = client.get(reverse("petitions:letter_edit", args=[letter.uuid]))
    assert response.status_code == 302
    assert response["Location"] == reverse("petitions:letter", args=[letter.uuid])


def _listed(client: Client, **query: str) -> set[str]:
    body = client.get(reverse("petitions:letters"), query).content.decode()
    return set(re.findall(r'href="/don-thu/([0-9a-f-]{36})/"', body))


def test_the_list_filters_the_overdue_and_the_due_soon_letters_as_the_inbox_calls_them(
    world: PetitionWorld, client: Client
) -> None:
    day = timezone.localdate()
    # Received on each of the last three weeks' days: their 10-working-day processing clocks
    # fall due on either side of today.
    for back in range(22):
        clocks.refresh(letter_row(world, received_on=day - timedelta(days=back)))
    # And one of an earlier year, long overdue: the list opens on the newest year, but the
    # inbox's "see all" shows every year's.
    clocks.refresh(letter_row(world, received_on=day - timedelta(days=400)))
    calendar = WorkCalendar.load(day - timedelta(days=60), day + timedelta(days=60))
    overdue_through = calendar.overdue_through(day)
    horizon = calendar.add_working_days(day, settings.VANPHONG_REMINDER_WORKING_DAYS)
    clock_of = {str(d.letter.uuid): d.due_on for d in Deadline.objects.select_related("letter")}
    overdue = {uuid for uuid, due in clock_of.items() if due <= overdue_through}
    soon = {uuid for uuid, due in clock_of.items() if overdue_through < due <= horizon}
    assert overdue
    assert soon
    client.force_login(world.province_reception)
    assert _listed(client, han="overdue") == overdue
    assert _listed(client, han="due_soon") == soon
    old = Letter.objects.get(received_on=day - timedelta(days=400))
    assert str(old.uuid) in overdue
    assert _listed(client) == {
        str(u) for u in Letter.objects.filter(year=day.year).values_list("uuid", flat=True)
    }
    # A letter handled in time has its clock met: no longer overdue.
    late = Letter.objects.get(uuid=sorted(overdue)[0])
    Deadline.objects.filter(letter=late).update(met_on=day)
    assert _listed(client, han="overdue") == overdue - {str(late.uuid)}


def test_an_empty_filtered_list_says_nothing_matches_and_an_empty_book_that_it_is_empty(
    world: PetitionWorld, client: Client
) -> None:
    client.force_login(world.province_reception)
    empty = client.get(reverse("petitions:letters")).content.decode()
    letter_row(world, received_on=date(2011, 9, 12))
    unmatched = client.get(reverse("petitions:letters"), {"nam": "2011", "q": "không có"})
    body = unmatched.content.decode()
    assert "Chưa có đơn thư." in empty
    assert "khớp với điều kiện lọc" not in empty
    assert "Không có đơn thư nào khớp với điều kiện lọc." in body
    assert "Chưa có đơn thư." not in body
