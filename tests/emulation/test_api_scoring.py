"""The scoring API: the same services and visibility as the pages."""

from __future__ import annotations

import base64
from datetime import date

import pytest
from django.test import Client

from tests.support.emulation import (
    EmulationCaller,
    EmulationWorld,
    full,
    scored,
    sheet_rows,
    start_scoring,
    world,
)
from tests.support.files import PDF
from vanphong.emulation import services_movement
from vanphong.emulation.models import Round

__all__ = ["world"]


def test_blocs_criteria_and_movements_are_listed(client: Client, world: EmulationWorld) -> None:
    caller = EmulationCaller(client, world.officer(world.members[0]))
    blocs = caller.get("/khoi").json()
    assert [m["unit"]["name"] for m in blocs[0]["members"]][:1] == ["Văn phòng Huyện ủy Châu Thành"]
    detail = caller.get(f"/tieu-chi/{world.criteria_set.uuid}").json()
    assert [g["code"] for g in detail["groups"]] == ["I", "II"]
    assert caller.get("/phong-trao").json()[0]["status"] == "open"


def test_a_self_sheet_is_scored_with_evidence_and_submitted(
    client: Client, world: EmulationWorld
) -> None:
    start_scoring(world)
    unit = world.members[0]
    caller = EmulationCaller(client, world.officer(unit))
    opened = caller.post(
        f"/phong-trao/{world.movement.uuid}/phieu", {"unit": str(unit.uuid), "round": "self"}
    )
    assert opened.status_code == 200, opened.json()
    sheet = opened.json()["uuid"]
    c = world.criteria
    too_much = caller.post(
        f"/phieu/{sheet}/diem", {"criterion": str(c["2.1"].uuid), "points": "10.01"}
    )
    assert too_much.status_code == 422
    assert "vượt điểm tối đa" in too_much.json()["errors"]["points"][0]
    for code, points in full("20", "0").items():
        answer = caller.post(
            f"/phieu/{sheet}/diem", {"criterion": str(c[code].uuid), "points": points}
        )
        assert answer.status_code == 200
    refused = caller.post(f"/phieu/{sheet}/gui", {})
    assert refused.status_code == 422
    evidence = caller.post(
        f"/phieu/{sheet}/minh-chung",
        {
            "criterion": str(c["1.2"].uuid),
            "attachment": {
                "name": "bien-ban.pdf",
                "content_base64": base64.b64encode(PDF).decode(),
            },
        },
    )
    assert evidence.status_code == 200, evidence.json()
    done = caller.post(f"/phieu/{sheet}/gui", {"note": "Đủ minh chứng"})
    assert done.json()["status"] == "submitted"


def test_a_draft_sheet_is_a_404_for_another_member(client: Client, world: EmulationWorld) -> None:
    start_scoring(world)
    a, b = world.members[:2]
    draft = scored(world, a, Round.SELF, full("20", "10"), submit=False)
    assert EmulationCaller(client, world.officer(b)).get(f"/phieu/{draft.uuid}").status_code == 404


def test_a_bloc_sheet_out_of_order_is_refused(client: Client, world: EmulationWorld) -> None:
    start_scoring(world)
    a, b = world.members[:2]
    answer = EmulationCaller(client, world.officer(b)).post(
        f"/phong-trao/{world.movement.uuid}/phieu", {"unit": str(a.uuid), "round": "bloc"}
    )
    assert answer.status_code == 422
    assert "chưa gửi phiếu tự chấm" in answer.json()["detail"] + str(answer.json()["errors"])


def test_the_ranking_shares_ranks_and_leaves_the_unscored_unranked(
    client: Client, world: EmulationWorld
) -> None:
    a, b = world.members[:2]
    sheet_rows(world, a, Round.SELF, full("20", "10"))
    sheet_rows(world, b, Round.SELF, full("20", "10"))
    rows = (
        EmulationCaller(client, world.convenor_officer)
        .get(f"/phong-trao/{world.movement.uuid}/xep-hang")
        .json()
    )
    assert [r["rank"] for r in rows] == [1, 1, None, None]
    assert rows[0]["tied"] is True


def test_a_pledge_after_the_deadline_is_refused(
    client: Client, world: EmulationWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services_movement, "today", lambda: date(2012, 3, 1))
    unit = world.members[0]
    answer = EmulationCaller(client, world.officer(unit)).post(
        f"/phong-trao/{world.movement.uuid}/dang-ky",
        {"unit": str(unit.uuid), "titles": ["provincial_flag"]},
    )
    assert answer.status_code == 422
    assert "15/02/2012" in str(answer.json())
