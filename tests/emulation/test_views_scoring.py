"""The emulation pages: home, movement, pledge, score sheet, ranking, profile; 404s for what
one may not see; fixed query counts on the lists."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tests.support.emulation import (
    EmulationWorld,
    full,
    measurement_rows,
    scored,
    sheet_rows,
    start_scoring,
    world,
)
from tests.support.web import login, page_queries
from vanphong.emulation import services_movement, services_scoring
from vanphong.emulation.models import Round, Score, ScoreSheet, SheetStatus

__all__ = ["world"]


def _movement_url(world: EmulationWorld, name: str = "emulation:movement") -> str:
    return reverse(name, args=[world.movement.uuid])


def test_home_lists_the_movements_one_sees_by_year(client: Client, world: EmulationWorld) -> None:
    login(client, world.officer(world.members[2]))
    page = client.get(reverse("emulation:home")).content.decode()
    assert "Năm 2012" in page
    assert world.movement.title in page


def test_someone_outside_the_bloc_sees_no_movement(client: Client, world: EmulationWorld) -> None:
    login(client, world.people.unassigned)
    assert world.movement.title not in client.get(reverse("emulation:home")).content.decode()
    assert client.get(_movement_url(world)).status_code == 404


def test_the_movement_page_shows_pledges_and_each_rounds_progress(
    client: Client, world: EmulationWorld
) -> None:
    start_scoring(world)
    a = world.members[0]
    scored(world, a, Round.SELF, full("20", "10"))
    login(client, world.convenor_officer)
    page = client.get(_movement_url(world)).content.decode()
    assert "1/1 đã gửi" in page
    assert "0/3 đã gửi" in page
    assert "Mở phiếu chấm" not in page  # the council waits for the bloc round
    login(client, world.officer(world.members[1]))
    page = client.get(_movement_url(world)).content.decode()
    assert page.count("Mở phiếu chấm") == 2  # its own self sheet, and Châu Thành's bloc sheet


def test_a_draft_sheet_of_another_unit_is_not_found(client: Client, world: EmulationWorld) -> None:
    start_scoring(world)
    a, b = world.members[:2]
    draft = scored(world, a, Round.SELF, full("20", "10"), submit=False)
    login(client, world.officer(b))
    assert client.get(reverse("emulation:sheet", args=[draft.uuid])).status_code == 404
    login(client, world.officer(a))
    assert client.get(reverse("emulation:sheet", args=[draft.uuid])).status_code == 200
    login(client, world.convenor_officer)
    assert client.get(reverse("emulation:sheet", args=[draft.uuid])).status_code == 200


def test_a_score_above_the_maximum_is_refused_on_its_row_and_what_was_typed_stays(
    client: Client, world: EmulationWorld
) -> None:
    start_scoring(world)
    a = world.members[0]
    sheet = services_scoring.sheet_open(
        actor=world.officer(a), movement=world.movement, unit=a, round=Round.SELF
    )
    login(client, world.officer(a))
    criterion = world.criteria["1.2"]
    response = client.post(
        reverse("emulation:sheet", args=[sheet.uuid]),
        {f"points_{criterion.pk}": "20.01", f"reason_{criterion.pk}": "Tổ chức 12 hội nghị"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Điểm 20,01 vượt điểm tối đa 20 của tiêu chí 1.2." in page
    assert 'value="20.01"' in page  # as typed
    assert "Tổ chức 12 hội nghị" in page
    assert not Score.objects.filter(sheet=sheet).exists()


def test_scoring_and_submitting_through_the_page(client: Client, world: EmulationWorld) -> None:
    start_scoring(world)
    a = world.members[0]
    login(client, world.officer(a))
    opened = client.post(
        reverse("emulation:sheet_open", args=[world.movement.uuid]),
        {"unit": str(a.uuid), "round": Round.SELF},
    )
    sheet_url = opened["Location"]
    c = world.criteria
    data = {f"points_{c[k].pk}": "0" for k in ("1.2", "2.1", "2.2", "2.3")}
    assert client.post(sheet_url, data).status_code == 302
    submitted = client.post(sheet_url + "gui/", {"note": "Tự đánh giá"})
    assert submitted.status_code == 302
    sheet = ScoreSheet.objects.get(unit=a, round=Round.SELF)
    assert sheet.status == SheetStatus.SUBMITTED


def test_the_bloc_sheet_highlights_the_self_score_it_differs_from(
    client: Client, world: EmulationWorld
) -> None:
    start_scoring(world)
    a, b = world.members[:2]
    scored(world, a, Round.SELF, full("20", "10"))
    bloc = scored(
        world, a, Round.BLOC, full("18", "10"), reviewer=b, reasons={"1.2": "Thiếu biên bản"}
    )
    login(client, world.officer(b))
    page = client.get(reverse("emulation:sheet", args=[bloc.uuid])).content.decode()
    assert '<mark title="Khác vòng trước">20</mark>' in page
    assert "Thiếu biên bản" in page


def test_the_ranking_page_draws_the_chart_and_its_table(
    client: Client, world: EmulationWorld
) -> None:
    a, b = world.members[:2]
    sheet_rows(world, a, Round.SELF, full("20", "10"))
    sheet_rows(world, b, Round.SELF, full("20", "10"))
    login(client, world.officer(world.members[3]))
    page = client.get(_movement_url(world, "emulation:ranking")).content.decode()
    assert "<svg" in page
    assert "đồng hạng" in page
    assert "chưa có điểm" in page


def test_the_profile_page_shows_the_groups_totals_and_differences(
    client: Client, world: EmulationWorld
) -> None:
    a, b = world.members[:2]
    measurement_rows(world, a, "9")
    sheet_rows(world, a, Round.SELF, full("20", "10"))
    sheet_rows(world, a, Round.BLOC, full("18", "10"), reviewer=b, reasons={"1.2": "Thiếu"})
    login(client, world.officer(a))
    page = client.get(
        reverse("emulation:unit_profile", args=[world.movement.uuid, a.uuid])
    ).content.decode()
    assert "<svg" in page
    assert "<mark>18</mark>" in page
    assert "Thiếu" in page


@pytest.mark.parametrize("name", ["emulation:ranking", "emulation:movement"])
def test_the_ranking_and_movement_pages_read_in_a_fixed_number_of_queries(
    client: Client, world: EmulationWorld, name: str
) -> None:
    start_scoring(world)
    login(client, world.convenor_officer)
    scored(world, world.members[0], Round.SELF, full("20", "10"))
    few = page_queries(client, _movement_url(world, name))
    for unit in world.members[1:]:
        measurement_rows(world, unit, "5")
        scored(world, unit, Round.SELF, full("10", "5"))
    assert page_queries(client, _movement_url(world, name)) == few


def test_the_home_page_reads_in_a_fixed_number_of_queries(
    client: Client, world: EmulationWorld
) -> None:
    login(client, world.convenor_officer)
    assert page_queries(client, reverse("emulation:home")) <= 12


def test_a_member_pledges_through_the_page(
    client: Client, world: EmulationWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services_movement, "today", lambda: date(2012, 2, 1))
    unit = world.members[1]
    login(client, world.officer(unit))
    url = reverse("emulation:pledge", args=[world.movement.uuid, unit.uuid])
    assert client.get(url).status_code == 200
    response = client.post(url, {"titles": ["excellent_collective"], "content": "Phấn đấu"})
    assert response.status_code == 302
    assert world.movement.pledges.get(unit=unit).titles == ["excellent_collective"]


def test_a_bloc_sheet_is_read_by_the_scored_unit_once_submitted(
    client: Client, world: EmulationWorld
) -> None:
    start_scoring(world)
    a, b = world.members[:2]
    scored(world, a, Round.SELF, full("20", "10"))
    draft = scored(world, a, Round.BLOC, full("20", "10"), reviewer=b, submit=False)
    login(client, world.officer(a))
    url = reverse("emulation:sheet", args=[draft.uuid])
    assert client.get(url).status_code == 404
    services_scoring.sheet_submit(actor=world.officer(b), sheet=draft)
    assert client.get(url).status_code == 200
    login(client, world.officer(world.members[2]))
    assert client.get(url).status_code == 404


def test_a_measured_criterion_shows_its_figure_read_only_on_the_sheet(
    client: Client, world: EmulationWorld
) -> None:
    start_scoring(world)
    a = world.members[0]
    measurement_rows(world, a, "9", done=9)
    sheet = services_scoring.sheet_open(
        actor=world.officer(a), movement=world.movement, unit=a, round=Round.SELF
    )
    login(client, world.officer(a))
    page = client.get(reverse("emulation:sheet", args=[sheet.uuid])).content.decode()
    assert "<strong>9</strong>" in page
    assert "9/10" in page
    assert f'name="points_{world.criteria["1.1"].pk}"' not in page
    assert f'name="points_{world.criteria["1.2"].pk}"' in page


def test_the_convenor_moves_the_movement_to_scoring_and_a_member_may_not(
    client: Client, world: EmulationWorld
) -> None:
    url = _movement_url(world, "emulation:movement_advance")
    login(client, world.officer(world.members[0]))
    client.post(url, {"to": "scoring"})
    world.movement.refresh_from_db()
    assert world.movement.status == "open"
    login(client, world.convenor_officer)
    assert client.post(url, {"to": "scoring"}).status_code == 302
    world.movement.refresh_from_db()
    assert world.movement.status == "scoring"


def _measures_url(world: EmulationWorld, index: int) -> str:
    return reverse("emulation:measures", args=[world.movement.uuid, world.members[index].uuid])


def test_the_movement_page_leads_to_the_qualification_table_and_each_members_figures(
    client: Client, world: EmulationWorld
) -> None:
    login(client, world.convenor_officer)
    page = client.get(_movement_url(world)).content.decode()
    assert f'href="{_movement_url(world, "emulation:qualification")}"' in page
    for index in range(4):
        assert f'href="{_measures_url(world, index)}"' in page


def test_a_member_is_led_to_its_own_figures_only(client: Client, world: EmulationWorld) -> None:
    login(client, world.officer(world.members[1]))
    page = client.get(_movement_url(world)).content.decode()
    assert f'href="{_measures_url(world, 1)}"' in page
    for index in (0, 2, 3):  # their pages are a 404 for it
        assert _measures_url(world, index) not in page
        assert client.get(_measures_url(world, index)).status_code == 404


def test_a_sheets_measured_row_links_to_how_its_figure_is_computed(
    client: Client, world: EmulationWorld
) -> None:
    start_scoring(world)
    unit = world.members[1]
    sheet = scored(world, unit, Round.SELF, full("10", "5"), submit=False)
    login(client, world.officer(unit))
    page = client.get(reverse("emulation:sheet", args=[sheet.uuid])).content.decode()
    assert f'href="{_measures_url(world, 1)}">Cách tính, số liệu đo được</a>' in page


def test_a_reviewing_member_is_not_led_to_the_reviewed_units_figures(
    client: Client, world: EmulationWorld
) -> None:
    start_scoring(world)
    unit = world.members[1]
    scored(world, unit, Round.SELF, full("10", "5"))
    sheet = scored(world, unit, Round.BLOC, full("10", "5"), submit=False)
    login(client, world.officer(sheet.reviewer_unit))
    response = client.get(reverse("emulation:sheet", args=[sheet.uuid]))
    assert response.status_code == 200
    assert _measures_url(world, 1) not in response.content.decode()


def test_the_sheets_evidence_and_submit_forms_keep_their_notes_apart(
    client: Client, world: EmulationWorld
) -> None:
    """Both forms have a `note`: one id each, so "Nhận xét chung" labels the submit form's."""
    start_scoring(world)
    unit = world.members[1]
    sheet = scored(world, unit, Round.SELF, full("10", "5"), submit=False)
    login(client, world.officer(unit))
    page = client.get(reverse("emulation:sheet", args=[sheet.uuid])).content.decode()
    assert page.count('id="id_note"') == 1
    assert page.count('id="id_evidence_note"') == 1
    assert 'for="id_note"' in page
    assert 'for="id_evidence_note"' in page


def test_points_are_typed_and_shown_with_a_decimal_comma(
    client: Client, world: EmulationWorld
) -> None:
    start_scoring(world)
    a = world.members[0]
    sheet = services_scoring.sheet_open(
        actor=world.officer(a), movement=world.movement, unit=a, round=Round.SELF
    )
    c = world.criteria
    login(client, world.officer(a))
    address = reverse("emulation:sheet", args=[sheet.uuid])
    response = client.post(address, {f"points_{c['1.2'].pk}": "17,5", f"points_{c['2.1'].pk}": "8"})
    assert response.status_code == 302
    saved = dict(Score.objects.filter(sheet=sheet).values_list("criterion__code", "points"))
    assert saved == {"1.2": Decimal("17.50"), "2.1": Decimal("8.00")}
    page = client.get(address).content.decode()
    assert 'value="17,5"' in page
    assert 'value="8"' in page


def test_each_open_sheet_button_says_which_round_and_unit_to_a_screen_reader(
    client: Client, world: EmulationWorld
) -> None:
    start_scoring(world)
    unit = world.members[1]
    login(client, world.officer(unit))
    page = client.get(_movement_url(world)).content.decode()
    assert f'<span class="visually-hidden"> Tự chấm: {unit.name}</span></button>' in page


def test_a_bloc_reviewer_reads_the_self_assessment_it_scores_with_its_evidence(
    client: Client, world: EmulationWorld
) -> None:
    start_scoring(world)
    unit = world.members[1]
    own = scored(world, unit, Round.SELF, full("10", "5"))
    review = scored(world, unit, Round.BLOC, full("10", "5"), submit=False)
    login(client, world.officer(review.reviewer_unit))
    page = client.get(reverse("emulation:sheet", args=[review.uuid])).content.decode()
    assert reverse("emulation:sheet", args=[own.uuid]) in page
    assert client.get(reverse("emulation:sheet", args=[own.uuid])).status_code == 200


def test_a_member_reviewing_nothing_of_the_unit_does_not_read_its_self_assessment(
    client: Client, world: EmulationWorld
) -> None:
    start_scoring(world)
    unit = world.members[1]
    own = scored(world, unit, Round.SELF, full("10", "5"))
    scored(world, unit, Round.BLOC, full("10", "5"), submit=False)
    # Another member has opened no sheet of this unit: the self-assessment stays the unit's.
    others = [m for m in world.members if m.pk != unit.pk]
    reviewers = set(
        ScoreSheet.objects.filter(unit=unit, round=Round.BLOC).values_list(
            "reviewer_unit_id", flat=True
        )
    )
    outsider = next(m for m in others if m.pk not in reviewers)
    login(client, world.officer(outsider))
    assert client.get(reverse("emulation:sheet", args=[own.uuid])).status_code == 404
