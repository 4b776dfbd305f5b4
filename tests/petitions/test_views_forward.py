"""The forward page, the result page and the list of forwards awaiting their result."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import LazySettings
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from tests.support.web import login, page_queries
from vanphong.petitions import views_forward
from vanphong.petitions.models import Forward, Letter

FOLLOW_UP = "/don-thu/theo-doi/"
DENOUNCER = "Trần Văn Tốcáo"


@pytest.fixture
def world(db: None, settings: LazySettings, tmp_path: Path) -> PetitionWorld:
    settings.MEDIA_ROOT = str(tmp_path)
    return build_petition_world()


def forward_row(
    world: PetitionWorld, letter: Letter | None = None, *, due: date, body: str = "Thanh tra tỉnh"
) -> Forward:
    return Forward.objects.create(
        letter=letter or letter_row(world),
        to_body=body,
        forwarded_on=due - timedelta(days=60),
        result_due_on=due,
        created_by=world.province_reception,
    )


def forward_url(letter: Letter) -> str:
    return reverse("petitions:letter_forward", args=[letter.uuid])


def result_url(forward: Forward) -> str:
    return reverse("petitions:forward_result", args=[forward.uuid])


def test_the_routes_read_in_vietnamese(world: PetitionWorld) -> None:
    letter = letter_row(world)
    assert forward_url(letter) == f"/don-thu/{letter.uuid}/chuyen/"
    assert reverse("petitions:follow_up") == FOLLOW_UP


def test_forwarding_a_letter_opens_the_drafted_note_in_the_documents_flow(
    client: Client, world: PetitionWorld
) -> None:
    letter = letter_row(world)
    login(client, world.province_reception)
    assert client.get(forward_url(letter)).status_code == 200
    response = client.post(
        forward_url(letter),
        {"to_body": "Thanh tra tỉnh Tây Ninh", "to_unit": "", "forwarded_on": "20/09/2011"},
    )
    made = Forward.objects.get(letter=letter)
    assert made.note is not None
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:outgoing_detail", args=[made.note.uuid])
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "V/v chuyển đơn khiếu nại của công dân" in page.content.decode()


def test_a_forward_to_a_unit_of_the_system_takes_its_name(
    client: Client, world: PetitionWorld
) -> None:
    letter = letter_row(world)
    login(client, world.province_reception)
    client.post(
        forward_url(letter),
        {"to_body": "", "to_unit": str(world.chau_thanh.uuid), "forwarded_on": "20/09/2011"},
    )
    made = Forward.objects.get(letter=letter)
    assert (made.to_unit, made.to_body) == (world.chau_thanh, world.chau_thanh.name)


def test_a_forward_before_the_letter_arrived_shows_the_message_on_its_field(
    client: Client, world: PetitionWorld
) -> None:
    letter = letter_row(world)
    login(client, world.province_reception)
    response = client.post(
        forward_url(letter), {"to_body": "Thanh tra tỉnh", "forwarded_on": "01/09/2011"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["forwarded_on"] == [
        "Ngày chuyển đơn không được trước ngày nhận đơn (12/09/2011)."
    ]
    assert not Forward.objects.exists()


def test_another_units_officer_finds_no_letter_and_no_forward(
    client: Client, world: PetitionWorld
) -> None:
    letter = letter_row(world)
    made = forward_row(world, letter, due=date(2011, 11, 20))
    login(client, world.chau_thanh_reception)
    assert client.get(forward_url(letter)).status_code == 404
    assert client.post(forward_url(letter), {"to_body": "x"}).status_code == 404
    assert client.get(result_url(made)).status_code == 404
    assert client.get(FOLLOW_UP).context["rows"] == []


def test_a_colleague_may_not_forward_a_letter_another_officer_handles(
    client: Client, world: PetitionWorld
) -> None:
    letter = letter_row(world, handler=world.province_reception)
    made = forward_row(world, letter, due=date(2011, 11, 20))
    login(client, world.province_reception_2)
    assert client.get(forward_url(letter)).status_code == 403
    response = client.post(
        forward_url(letter), {"to_body": "Thanh tra tỉnh", "forwarded_on": "20/09/2011"}
    )
    assert response.status_code == 403
    assert client.get(result_url(made)).status_code == 403
    # The colleague still sees it waiting, without the result form.
    body = client.get(FOLLOW_UP).content.decode()
    assert letter.book_number in body
    assert result_url(made) not in body
    assert Forward.objects.filter(letter=letter).count() == 1


def test_a_result_before_the_forward_shows_the_message_on_its_field(
    client: Client, world: PetitionWorld
) -> None:
    made = forward_row(world, due=date(2011, 11, 20))
    login(client, world.province_reception)
    response = client.post(
        result_url(made), {"result": "Đã giải quyết", "result_on": "01/09/2011", "reply": ""}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["result_on"] == [
        "Ngày nhận kết quả không được trước ngày chuyển đơn (21/09/2011)."
    ]
    made.refresh_from_db()
    assert made.result_on is None


def test_a_recorded_result_takes_the_forward_off_the_list(
    client: Client, world: PetitionWorld
) -> None:
    made = forward_row(world, due=date(2011, 11, 20))
    login(client, world.province_reception)
    assert client.get(FOLLOW_UP).context["rows"] == [made]
    response = client.post(
        result_url(made), {"result": "Đã trả lời công dân", "result_on": "02/11/2011"}
    )
    assert response.status_code == 302
    assert client.get(FOLLOW_UP).context["rows"] == []
    made.refresh_from_db()
    assert (made.result, made.result_on) == ("Đã trả lời công dân", date(2011, 11, 2))


def test_the_list_puts_the_overdue_first_and_marks_them(
    client: Client, world: PetitionWorld
) -> None:
    today = timezone.localdate()
    later = forward_row(world, due=today + timedelta(days=30), body="Thanh tra tỉnh")
    overdue = forward_row(world, due=today - timedelta(days=3), body="UBND huyện Hòa Thành")
    login(client, world.province_reception)
    response = client.get(FOLLOW_UP)
    assert response.context["rows"] == [overdue, later]
    body = response.content.decode()
    assert body.count('data-testid="overdue"') == 1
    assert body.index("UBND huyện Hòa Thành") < body.index('data-testid="overdue"')


def test_the_list_never_names_a_denouncer_even_in_a_summary(
    client: Client, world: PetitionWorld
) -> None:
    letter = letter_row(
        world,
        petitioners=(DENOUNCER,),
        complaint=False,
        denunciation=True,
        summary=f"Ông {DENOUNCER} tố cáo cán bộ địa chính xã",
    )
    forward_row(world, letter, due=date(2011, 11, 20))
    login(client, world.province_office_leader)  # who reads the identity on the letter page
    body = client.get(FOLLOW_UP).content.decode()
    assert "tố cáo cán bộ địa chính xã" in body
    assert DENOUNCER not in body


def test_the_list_pages_and_its_queries_do_not_grow_with_its_rows(
    client: Client, world: PetitionWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views_forward, "PAGE", 3)
    login(client, world.province_reception)
    due = date(2011, 11, 20)
    forward_row(world, letter_row(world, denunciation=True), due=due)
    few = page_queries(client, FOLLOW_UP)
    for n in range(5):
        letter = letter_row(world, petitioners=("A", "B"), denunciation=bool(n % 2))
        forward_row(world, letter, due=due + timedelta(days=n))
    # session, user, the scope's posts, the COUNT, the rows, their petitioners
    assert page_queries(client, FOLLOW_UP) == few <= 6
    second = client.get(FOLLOW_UP, {"trang": "2"})
    assert len(second.context["rows"]) == 3
    assert second.context["pages"].total == 6


def test_the_letters_forwards_fragment_shows_each_body_its_note_due_date_and_result(
    world: PetitionWorld,
) -> None:
    from tests.support.documents import register_2011
    from vanphong.petitions.selectors import forwards_of
    from vanphong.petitions.services_forward import forward_result_record, letter_forward

    letter = letter_row(world)
    waiting = letter_forward(
        actor=world.province_reception,
        letter=letter,
        to_body="Thanh tra tỉnh",
        forwarded_on=date(2011, 9, 20),
    )
    answered = letter_forward(
        actor=world.province_reception,
        letter=letter,
        to_body="UBND huyện Hòa Thành",
        forwarded_on=date(2011, 9, 20),
    )
    reply = register_2011(
        world.d, actor=world.province_clerk, unit=world.province_office, number_symbol="Số 9/UBND"
    )
    forward_result_record(
        actor=world.province_reception,
        forward=answered,
        reply=reply,
        result="Đã giải quyết dứt điểm",
        result_on=date(2011, 10, 3),
    )
    html = render_to_string(
        "petitions/_forwards.html",
        {"forwards": forwards_of(letter), "today": date(2011, 12, 1), "may_act": True},
    )
    assert waiting.note is not None
    assert reverse("documents:outgoing_detail", args=[waiting.note.uuid]) in html
    assert reverse("documents:incoming_detail", args=[reply.uuid]) in html
    assert "Đã giải quyết dứt điểm" in html
    assert html.count('data-testid="overdue"') == 1  # the one still waiting, past its due date
    assert result_url(waiting) in html


def test_a_recorded_result_leads_to_the_letter_where_telling_the_petitioner_is_left(
    client: Client, world: PetitionWorld
) -> None:
    letter = letter_row(world, handling="forward", status="following")
    made = forward_row(world, letter, due=date(2011, 11, 20))
    login(client, world.province_reception)
    response = client.post(
        result_url(made), {"result": "Đã trả lời công dân", "result_on": "02/11/2011"}, follow=True
    )
    assert response.redirect_chain == [(reverse("petitions:letter", args=[letter.uuid]), 302)]
    body = response.content.decode()
    assert "Đã ghi nhận kết quả của Thanh tra tỉnh." in body
    assert 'data-testid="tell-prompt"' in body


def test_the_forward_and_result_pages_lead_back_to_their_letter(
    client: Client, world: PetitionWorld
) -> None:
    made = forward_row(world, due=date(2011, 11, 20))
    letter_page = reverse("petitions:letter", args=[made.letter.uuid])
    login(client, world.province_reception)
    for address in (forward_url(made.letter), result_url(made)):
        response = client.get(address)
        assert response.context["cancel_url"] == letter_page
        assert (f"Đơn số {made.letter.book_number}", letter_page) in response.context["crumbs"]


def test_the_forward_page_leads_back_to_the_book_and_the_result_page_to_the_follow_up(
    client: Client, world: PetitionWorld
) -> None:
    made = forward_row(world, due=date(2011, 11, 20))
    login(client, world.province_reception)
    to_forward = client.get(forward_url(made.letter)).context["crumbs"]
    to_record = client.get(result_url(made)).context["crumbs"]
    assert to_forward[0][1] == reverse("petitions:letters")
    assert to_record[0][1] == FOLLOW_UP
    assert to_forward[1] == to_record[1]
