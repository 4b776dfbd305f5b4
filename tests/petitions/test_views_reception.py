"""The reception pages: sessions, planning, a session's visits, a visit, the register."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook  # type: ignore[import-untyped]
from pypdf import PdfReader

from tests.support.files import PDF
from tests.support.petitions import PetitionWorld
from tests.support.web import page_queries
from vanphong.core import numbering
from vanphong.org.models import Person
from vanphong.petitions import services_reception as reception
from vanphong.petitions.models import ReceptionSession, Visit
from vanphong.petitions.services_reception import CitizenData
from vanphong.planning.models import Entry


def _login(client: Client, person: Person) -> Client:
    client.force_login(person)
    return client


def _session(world: PetitionWorld, day: date = date(2011, 9, 15)) -> ReceptionSession:
    return reception.reception_session_record(
        actor=world.province_reception,
        unit=world.province_office,
        kind="head",
        day=day,
        host=world.province_leader,
        host_title="Bí thư Tỉnh ủy",
    )


def _visit(world: PetitionWorld, session: ReceptionSession, **changes: Any) -> Visit:
    fields: dict[str, Any] = {
        "actor": world.province_reception,
        "session": session,
        "group_size": 1,
        "citizens": [CitizenData("Nguyễn Văn Khiếu", "072123456", address="ấp Trường Lưu")],
        "complaint": True,
        "raised": "Khiếu nại mức bồi thường đất làm đường",
        "agreed": "Hướng dẫn gửi đơn đến UBND huyện Hòa Thành",
    }
    fields.update(changes)
    return reception.visit_record(**fields)


def _denunciation(world: PetitionWorld, session: ReceptionSession) -> Visit:
    return _visit(
        world,
        session,
        complaint=False,
        denunciation=True,
        citizens=[CitizenData("Phạm Thị Tốgiác", "072999888", address="ấp Bí Mật")],
        raised="Tố cáo bí thư chi bộ ấp nhận tiền",
    )


def _visit_post(**changes: str) -> dict[str, str]:
    data = {
        "citizens-TOTAL_FORMS": "1",
        "citizens-INITIAL_FORMS": "0",
        "citizens-MIN_NUM_FORMS": "1",
        "citizens-MAX_NUM_FORMS": "200",
        "citizens-0-full_name": "Trần Văn Đại",
        "citizens-0-id_number": "079201001234",
        "group_size": "1",
        "complaint": "on",
        "raised": "Đề nghị xem xét lại giá bồi thường",
    }
    data.update(changes)
    return data


def test_the_sessions_page_lists_the_years_sessions_with_their_visits_and_the_heads_months(
    client: Client, world: PetitionWorld
) -> None:
    session = _session(world)
    _visit(world, session)
    _visit(world, session)
    body = _login(client, world.province_reception).get("/tiep-cong-dan/?nam=2011")
    text = body.content.decode()
    assert body.status_code == 200
    assert reverse("petitions:session", args=[session.uuid]) in text
    assert "Tháng 09/2011" in text
    assert ">2</td>" in text
    assert "chưa có quy định" in text  # 2011: before Chỉ thị 35-CT/TW


def test_the_sessions_page_costs_the_same_queries_for_one_session_or_many(
    client: Client, world: PetitionWorld
) -> None:
    _login(client, world.province_reception)
    _visit(world, _session(world))
    one = page_queries(client, "/tiep-cong-dan/?nam=2011")
    for day in range(1, 20):
        _visit(world, _session(world, date(2011, 10, day)))
    assert page_queries(client, "/tiep-cong-dan/?nam=2011") == one


def test_the_office_leader_plans_a_session_into_the_week(
    client: Client, world: PetitionWorld
) -> None:
    day = timezone.localdate() + timedelta(days=10)
    response = _login(client, world.province_office_leader).post(
        reverse("petitions:session_plan"),
        {
            "unit": world.province_office.pk,
            "kind": "head",
            "day": f"{day:%d/%m/%Y}",
            "session": "afternoon",
            "place": "Trụ sở tiếp công dân",
            "host": world.province_leader.pk,
            "host_title": "Bí thư Tỉnh ủy",
        },
    )
    session = ReceptionSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("petitions:session", args=[session.uuid])
    assert session.entry_lineage is not None
    entry = Entry.objects.get(lineage=session.entry_lineage)
    assert entry.session == "afternoon"
    assert entry.day == day


def test_planning_refusing_a_reception_officer_is_said_on_the_form(
    client: Client, world: PetitionWorld
) -> None:
    day = timezone.localdate() + timedelta(days=10)
    response = _login(client, world.province_reception).post(
        reverse("petitions:session_plan"),
        {
            "unit": world.province_office.pk,
            "kind": "regular",
            "day": f"{day:%d/%m/%Y}",
            "session": "morning",
        },
    )
    assert response.status_code == 200
    assert "Chỉ Văn phòng của cấp ủy này mới được tổng hợp, sửa lịch." in response.content.decode()
    assert not ReceptionSession.objects.exists()


def test_a_group_of_twelve_is_recorded_from_the_session_page(
    client: Client, world: PetitionWorld
) -> None:
    session = _session(world)
    data = _visit_post(**{"citizens-TOTAL_FORMS": "2", "group_size": "12"})
    data["citizens-0-is_representative"] = "on"
    data["citizens-1-full_name"] = "Lê Thị Hai"
    url = reverse("petitions:session", args=[session.uuid])
    response = _login(client, world.province_reception).post(url, data)
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert visit.group_size == 12
    assert visit.citizens.count() == 2


def test_a_bad_id_number_is_shown_on_its_row_and_consumes_no_number(
    client: Client, world: PetitionWorld
) -> None:
    session = _session(world)
    url = reverse("petitions:session", args=[session.uuid])
    response = _login(client, world.province_reception).post(
        url, _visit_post(**{"citizens-0-id_number": "12 34"})
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert 'id="citizens-0-id_number_error"' in text.replace("id_citizens", "citizens")
    assert "số CCCD gồm 12 chữ số" in text
    assert numbering.peek(reception.visit_series(world.province_office, 2011)) == 0
    assert not Visit.objects.exists()


def test_a_group_without_a_representative_is_refused_on_the_page(
    client: Client, world: PetitionWorld
) -> None:
    session = _session(world)
    url = reverse("petitions:session", args=[session.uuid])
    response = _login(client, world.province_reception).post(url, _visit_post(group_size="7"))
    assert response.status_code == 200
    assert "cần ghi người đại diện" in response.content.decode()
    assert not Visit.objects.exists()


def test_another_units_officer_finds_neither_the_session_nor_the_visit(
    client: Client, world: PetitionWorld
) -> None:
    session = _session(world)
    visit = _visit(world, session)
    _login(client, world.chau_thanh_reception)
    assert client.get(reverse("petitions:session", args=[session.uuid])).status_code == 404
    assert client.get(reverse("petitions:visit", args=[visit.uuid])).status_code == 404
    url = reverse("petitions:session", args=[session.uuid])
    assert client.post(url, _visit_post()).status_code == 404
    assert not Visit.objects.exclude(pk=visit.pk).exists()


def test_a_denunciation_visits_visitors_are_shown_only_to_those_who_may_read_them(
    client: Client, world: PetitionWorld
) -> None:
    visit = _denunciation(world, _session(world))
    url = reverse("petitions:visit", args=[visit.uuid])
    assert "Phạm Thị Tốgiác" in _login(client, world.province_reception).get(url).content.decode()
    other = _login(Client(), world.province_reception_2).get(url).content.decode()
    assert "Phạm Thị Tốgiác" not in other
    assert "(giữ bí mật)" in other
    session_page = client.get(reverse("petitions:session", args=[visit.session.uuid]))
    assert "Phạm Thị Tốgiác" not in session_page.content.decode()


def test_the_register_and_its_files_list_the_visits_and_never_a_denouncer(
    client: Client, world: PetitionWorld
) -> None:
    session = _session(world)
    _visit(world, session)
    _denunciation(world, session)
    _login(client, world.province_office_leader)
    query = f"?don-vi={world.province_office.uuid}&nam=2011"
    page = client.get(reverse("petitions:reception_register") + query).content.decode()
    assert "Nguyễn Văn Khiếu" in page
    assert "Tố cáo bí thư chi bộ" in page
    assert "Phạm Thị Tốgiác" not in page
    assert "(giữ bí mật)" in page
    xlsx = client.get(reverse("petitions:reception_register_export", args=["xlsx"]) + query)
    assert xlsx["Content-Disposition"].startswith("attachment")
    book = load_workbook(io.BytesIO(xlsx.content), read_only=True)
    cells = " ".join(
        str(v) for row in book.worksheets[0].iter_rows(values_only=True) for v in row if v
    )
    assert "Nguyễn Văn Khiếu" in cells
    assert "Tố cáo bí thư chi bộ" in cells
    assert "Tốgiác" not in cells
    assert "072999888" not in cells
    assert "Bí Mật" not in cells
    pdf = client.get(reverse("petitions:reception_register_export", args=["pdf"]) + query)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Khiếu" in text
    assert "Tốgiác" not in text
    assert "072999888" not in text


def test_the_register_of_another_unit_is_not_offered(client: Client, world: PetitionWorld) -> None:
    _visit(world, _session(world))
    _login(client, world.chau_thanh_reception)
    query = f"?don-vi={world.province_office.uuid}&nam=2011"
    page = client.get(reverse("petitions:reception_register") + query).content.decode()
    assert "Nguyễn Văn Khiếu" not in page
    xlsx = client.get(reverse("petitions:reception_register_export", args=["xlsx"]) + query)
    book = load_workbook(io.BytesIO(xlsx.content), read_only=True)
    cells = " ".join(
        str(v) for row in book.worksheets[0].iter_rows(values_only=True) for v in row if v
    )
    assert "Khiếu" not in cells
    assert "Văn phòng Huyện ủy Châu Thành" in cells


def test_the_register_page_costs_the_same_queries_for_few_visits_or_many(
    client: Client, world: PetitionWorld
) -> None:
    session = _session(world)
    _visit(world, session)
    _login(client, world.province_reception)
    one = page_queries(client, reverse("petitions:reception_register") + "?nam=2011")
    for _n in range(10):
        _visit(world, session, group_size=6, citizens=[CitizenData("A", is_representative=True)])
    assert page_queries(client, reverse("petitions:reception_register") + "?nam=2011") == one


def test_the_office_leader_sees_the_missed_months_on_the_home_page(
    client: Client, world: PetitionWorld
) -> None:
    body = _login(client, world.province_office_leader).get(reverse("web:home")).content.decode()
    assert "Tiếp công dân của người đứng đầu" in body
    body = _login(Client(), world.province_reception).get(reverse("web:home")).content.decode()
    assert "Tiếp công dân của người đứng đầu" not in body


def test_a_scan_handed_in_is_stored_and_a_rejected_one_is_said_on_its_field(
    client: Client, world: PetitionWorld
) -> None:
    session = _session(world)
    url = reverse("petitions:session", args=[session.uuid])
    _login(client, world.province_reception)
    bad = SimpleUploadedFile("don.exe", b"MZ\x90\x00not a scan")
    response = client.post(url, {**_visit_post(), "scans": bad})
    assert 'id="id_scans_error"' in response.content.decode()
    assert not Visit.objects.exists()
    response = client.post(url, {**_visit_post(), "scans": SimpleUploadedFile("don.pdf", PDF)})
    assert response.status_code == 302
    assert Visit.objects.get().files.get().filename == "don.pdf"


def _scanned_denunciation(world: PetitionWorld) -> Visit:
    return _visit(
        world,
        _session(world),
        complaint=False,
        denunciation=True,
        citizens=[CitizenData("Phạm Thị Tốgiác", "072999888")],
        raised="Tố cáo bí thư chi bộ ấp nhận tiền",
        files=[SimpleUploadedFile("don-to-cao.pdf", PDF)],
    )


def test_a_visits_scan_is_downloaded_from_the_visit_page(
    client: Client, world: PetitionWorld
) -> None:
    visit = _visit(world, _session(world), files=[SimpleUploadedFile("giay-to.pdf", PDF)])
    scan = visit.files.get()
    download = reverse("petitions:letter_file", args=[scan.uuid])
    _login(client, world.province_reception_2)
    body = client.get(reverse("petitions:visit", args=[visit.uuid])).content.decode()
    assert f'href="{download}"' in body
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    assert _login(Client(), world.chau_thanh_reception).get(download).status_code == 404


def test_a_denouncers_scan_is_downloaded_only_by_those_who_read_the_visitors(
    client: Client, world: PetitionWorld
) -> None:
    visit = _scanned_denunciation(world)
    download = reverse("petitions:letter_file", args=[visit.files.get().uuid])
    assert _login(client, world.province_reception).get(download).status_code == 200
    other = _login(Client(), world.province_reception_2)
    assert other.get(download).status_code == 404
    page = other.get(reverse("petitions:visit", args=[visit.uuid])).content.decode()
    assert "don-to-cao.pdf" not in page
    assert download not in page


def test_a_letter_handed_in_at_a_visit_is_registered_from_the_visit_page_and_linked(
    client: Client, world: PetitionWorld
) -> None:
    visit = _visit(world, _session(world))
    page = reverse("petitions:visit", args=[visit.uuid])
    _login(client, world.province_reception)
    assert 'data-testid="visit-register-letter"' in client.get(page).content.decode()
    register = f"{reverse('petitions:letter_register')}?luot={visit.uuid}"
    form = client.get(register).content.decode()
    assert 'data-testid="from-visit"' in form
    assert '<option value="in_person" selected>' in form
    assert 'value="Nguyễn Văn Khiếu"' in form
    assert "Khiếu nại mức bồi thường đất làm đường" in form
    response = client.post(
        register,
        {
            "unit": str(world.province_office.uuid),
            "received_on": "15/09/2011",
            "channel": "in_person",
            "kinds": ["complaint"],
            "citizens-ho-ten": ["Nguyễn Văn Khiếu"],
            "citizens-so-giay-to": ["072123456"],
            "citizens-dia-chi": [""],
            "citizens-dien-thoai": [""],
            "summary": "Khiếu nại mức bồi thường đất làm đường",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    visit.refresh_from_db()
    assert visit.letter is not None
    assert response["Location"] == reverse("petitions:letter", args=[visit.letter.uuid])
    after = client.get(page).content.decode()
    assert 'data-testid="visit-register-letter"' not in after
    assert reverse("petitions:letter", args=[visit.letter.uuid]) in after
    letter_page = client.get(response["Location"]).content.decode()
    assert page in letter_page


def test_the_register_from_a_visit_is_not_offered_to_a_leader_nor_to_another_unit(
    client: Client, world: PetitionWorld
) -> None:
    visit = _visit(world, _session(world))
    page = reverse("petitions:visit", args=[visit.uuid])
    leader = _login(client, world.province_office_leader).get(page).content.decode()
    assert 'data-testid="visit-register-letter"' not in leader
    register = f"{reverse('petitions:letter_register')}?luot={visit.uuid}"
    assert _login(Client(), world.chau_thanh_reception).get(register).status_code == 404


def test_the_register_names_in_its_unit_choice_the_office_whose_book_it_shows(
    client: Client, world: PetitionWorld
) -> None:
    _login(client, world.province_office_leader)
    page = client.get(reverse("petitions:reception_register")).content.decode()
    choice = page.split('name="don-vi"', 1)[1].split("</select>", 1)[0]
    offered = re.findall(r'<option value="([^"]*)"', choice)
    shown = re.search(r"don-vi=([0-9a-f-]{36})&amp;nam=", page)
    assert shown is not None
    assert "" not in offered
    assert offered[0] == shown.group(1)
