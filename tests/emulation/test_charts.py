"""The ranking and profile pictures: well-formed SVG, escaped text, the figures in words."""

from __future__ import annotations

from decimal import Decimal

from defusedxml import ElementTree as ET

from tests.support.emulation import EmulationWorld, full, measurement_rows, sheet_rows, world
from vanphong.emulation.charts import profile_svg, ranking_svg
from vanphong.emulation.models import Round
from vanphong.emulation.ranking import RankRow, bloc_ranking, unit_profile
from vanphong.org.models import Unit

__all__ = ["world"]
SVG = "{http://www.w3.org/2000/svg}"


def test_the_ranking_draws_a_bar_per_scored_unit_and_says_every_rank_in_words(
    world: EmulationWorld,
) -> None:
    a, b, c, _ = world.members
    sheet_rows(world, a, Round.SELF, full("20", "10"))
    sheet_rows(world, b, Round.SELF, full("20", "10"))
    sheet_rows(world, c, Round.SELF, full("10", "5"))
    svg = ranking_svg(bloc_ranking(world.movement).rows, title="Xếp hạng khối năm 2012")
    root = ET.fromstring(svg)
    assert len(root.findall(f"{SVG}rect")) == 3
    desc = root.findtext(f"{SVG}desc") or ""
    assert "Hạng 1 (đồng hạng): Văn phòng Huyện ủy Châu Thành, 30 điểm (Tự chấm)." in desc
    assert "Hạng 3: Văn phòng Huyện ủy Trảng Bàng, 15 điểm" in desc
    assert "Văn phòng Huyện ủy Gò Dầu: chưa có điểm." in desc


def test_names_are_escaped() -> None:
    unit = Unit(name='<script>alert("x")</script> & Co')
    row = RankRow(unit=unit, total=Decimal("5"), rank=1, round="self")
    svg = ranking_svg([row], title="<b>")
    assert "<script>" not in svg
    ET.fromstring(svg)  # still well-formed


def test_the_profile_shows_each_group_against_its_maximum(world: EmulationWorld) -> None:
    a = world.members[0]
    measurement_rows(world, a, "7.5")
    sheet_rows(world, a, Round.SELF, full("15", "6"))
    svg = profile_svg(unit_profile(world.movement, a), title="Hồ sơ tiêu chí")
    root = ET.fromstring(svg)
    assert "Nhóm I. Thực hiện nhiệm vụ chuyên môn: 22,5/30 điểm." in (
        root.findtext(f"{SVG}desc") or ""
    )
    assert len(root.findall(f"{SVG}rect")) == 4  # a track and a bar per group
