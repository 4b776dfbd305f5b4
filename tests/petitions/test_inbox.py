"""The petitions' inbox sections and the daily reminder: open clocks of the units a person
sees, due soon or overdue, naming a letter by its number, kinds and summary — never its
petitioner."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core import mail

from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from vanphong.core.inbox import Today
from vanphong.core.models import NoticeKind, Notification
from vanphong.core.workdays import WorkCalendar
from vanphong.petitions import clocks, reminders
from vanphong.petitions.inbox import letters_due_soon, letters_overdue
from vanphong.petitions.models import Letter, Suspension

WEDNESDAY = date(2011, 9, 14)
DENOUNCER = "Trần Văn Tố"


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def today() -> Today:
    return Today(WEDNESDAY, WorkCalendar.load(WEDNESDAY))


def _letter(world: PetitionWorld, **fields: Any) -> Letter:
    letter = letter_row(world, **fields)
    clocks.refresh(letter, today=WEDNESDAY)
    return letter


def _world_letters(world: PetitionWorld) -> dict[str, Letter]:
    # Processing: 25/08 is due 09/09 (2/9 is a holiday), 05/09 is due 19/09, 13/09 on 27/09.
    return {
        "late": _letter(
            world,
            received_on=date(2011, 8, 25),
            complaint=False,
            denunciation=True,
            petitioners=(DENOUNCER,),
            summary="Tố cáo bí thư chi bộ ấp lấn chiếm đất công",
        ),
        "soon": _letter(world, received_on=date(2011, 9, 5), summary="Khiếu nại bồi thường"),
        "far": _letter(world, received_on=date(2011, 9, 13)),
        "met": _letter(
            world, received_on=date(2011, 8, 25), handling="keep", handled_on=date(2011, 9, 1)
        ),
        "district": _letter(
            world, unit=world.chau_thanh_office, received_on=date(2011, 8, 25), summary="Huyện"
        ),
    }


def test_reception_officers_see_their_units_overdue_and_due_soon_letters(
    world: PetitionWorld,
) -> None:
    letters = _world_letters(world)
    officer = world.province_reception
    overdue = letters_overdue(officer, today())
    assert overdue.count == 1
    (item,) = overdue.items
    assert item.late
    assert item.title.startswith(f"{letters['late'].book_number} · Tố cáo · Tố cáo bí thư")
    assert str(letters["late"].uuid) in item.url
    assert "Hạn xử lý đơn: hạn 09/09/2011" in item.note
    soon = letters_due_soon(officer, today())
    assert [(i.title.split(" · ")[0], i.late) for i in soon.items] == [
        (letters["soon"].book_number, False)
    ]
    district = letters_overdue(world.chau_thanh_reception, today())
    assert [i.title.split(" · ")[-1] for i in district.items] == ["Huyện"]
    # The province's committee leader sees the districts' letters too.
    assert letters_overdue(world.province_leader, today()).count == 2


def test_no_inbox_row_names_a_denouncer(world: PetitionWorld) -> None:
    _world_letters(world)
    for person in (world.province_reception, world.province_office_leader):
        shown = [*letters_overdue(person, today()).items, *letters_due_soon(person, today()).items]
        assert shown
        assert not any(DENOUNCER in f"{i.title} {i.note}" for i in shown)


def test_a_suspended_settlement_is_neither_due_nor_overdue(world: PetitionWorld) -> None:
    accepted = {
        "received_on": date(2011, 7, 1),
        "eligibility": "eligible",
        "handling": "accept",
        "handled_on": date(2011, 7, 1),
        "accepted_on": date(2011, 7, 1),
    }
    letter = _letter(world, **accepted)  # settlement due 01/08/2011
    assert letters_overdue(world.province_reception, today()).count == 1
    Suspension.objects.create(
        letter=letter,
        starts_on=date(2011, 7, 20),
        decision_number="1/QĐ",
        reason="Chờ giám định",
        created_by=world.province_reception,
    )
    assert letters_overdue(world.province_reception, today()).count == 0


def test_the_sections_cost_the_same_queries_for_one_letter_or_many(
    world: PetitionWorld, django_assert_num_queries: Any
) -> None:
    _world_letters(world)
    officer, day = world.province_reception, today()
    letters_overdue(officer, day)  # the person's scope, cached for the request
    with django_assert_num_queries(2):  # the first rows, the count
        assert letters_overdue(officer, day).count == 1
    for received in (1, 2, 3, 4):
        _letter(world, received_on=date(2011, 8, received))
    with django_assert_num_queries(2):
        assert letters_overdue(officer, day).count == 5


def test_the_daily_reminder_tells_the_handler_or_else_the_reception_officers_once(
    world: PetitionWorld,
) -> None:
    letters = _world_letters(world)
    handled = _letter(
        world,
        received_on=date(2011, 8, 26),
        handler=world.province_office_leader,
        summary="Có người xử lý",
    )
    sent = reminders.send(today=WEDNESDAY)
    notices = Notification.objects.filter(key__startswith="letter-clock:")
    by_person = {(n.person_id, n.kind) for n in notices if str(letters["late"].uuid) in n.url}
    assert by_person == {
        (world.province_reception.pk, NoticeKind.OVERDUE),
        (world.province_reception_2.pk, NoticeKind.OVERDUE),
    }
    told_handled = {n.person_id for n in notices if str(handled.uuid) in n.url}
    assert told_handled == {world.province_office_leader.pk}
    soon = notices.get(url__contains=str(letters["soon"].uuid), person=world.province_reception)
    assert soon.kind == NoticeKind.DUE_SOON
    assert "sắp đến hạn" in soon.text
    assert not any(DENOUNCER in n.text for n in notices)
    assert not any(DENOUNCER in m.body for m in mail.outbox)
    assert sent.notices == notices.count()
    again = reminders.send(today=WEDNESDAY)
    assert (again.notices, again.emails) == (0, 0)
    assert Notification.objects.filter(key__startswith="letter-clock:").count() == sent.notices


def test_reception_officers_find_the_new_letters_waiting_to_be_classified(
    world: PetitionWorld,
) -> None:
    from vanphong.petitions.inbox import letters_to_classify

    mine = letter_row(world, handler=world.province_reception, summary="Của tôi")
    free = letter_row(world, received_on=date(2011, 9, 1), summary="Chưa ai nhận")
    letter_row(world, handler=world.province_reception_2, summary="Của người khác")
    letter_row(world, status="classified", classified_on=date(2011, 9, 13), summary="Đã loại")
    letter_row(world, unit=world.chau_thanh_office, summary="Huyện")
    letter_row(
        world, complaint=False, denunciation=True, petitioners=(DENOUNCER,), summary="Tố cáo"
    )
    shown = letters_to_classify(world.province_reception, today())
    assert shown.count == 3
    assert [i.title.split(" · ")[-1] for i in shown.items] == [
        "Chưa ai nhận",
        "Của tôi",
        "Tố cáo",
    ]
    assert str(free.uuid) in shown.items[0].url
    assert str(mine.uuid) in shown.items[1].url
    assert all(DENOUNCER not in f"{i.title} {i.note}" for i in shown.items)
    assert "tinh-trang=registered" in shown.more_url


def test_the_new_letters_section_is_for_reception_officers_only_in_fixed_queries(
    world: PetitionWorld, django_assert_num_queries: Any
) -> None:
    from vanphong.petitions.inbox import TO_CLASSIFY

    assert not TO_CLASSIFY.applies(world.province_office_leader)
    assert TO_CLASSIFY.applies(world.chau_thanh_reception)
    officer, day = world.province_reception, today()
    letter_row(world)
    TO_CLASSIFY.compute(officer, day)  # the person's scope, cached for the request
    with django_assert_num_queries(2):  # the first rows, the count
        TO_CLASSIFY.compute(officer, day)
    for _n in range(8):
        letter_row(world)
    with django_assert_num_queries(2):
        assert TO_CLASSIFY.compute(officer, day).count == 9


def test_the_clock_sections_lead_to_every_letter_in_the_letters_list_filtered_alike(
    world: PetitionWorld,
) -> None:
    _world_letters(world)
    officer = world.province_reception
    assert letters_overdue(officer, today()).more_url == "/don-thu/?han=overdue"
    assert letters_due_soon(officer, today()).more_url == "/don-thu/?han=due_soon"
