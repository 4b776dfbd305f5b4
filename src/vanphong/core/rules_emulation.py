"""The emulation titles (rule kind `emulation.titles`, RULES.md §6) by law version, as data.

Each version lists its titles, highest first: a `code` (stored on proposals and awards), the
Vietnamese `name`, the `level` ("unit" or "person"), the `awarding_body`, its `conditions` (data
items `emulation.titles` checks: `pledged`, `complete_scores`, `rank_at_most`, `total_at_least`,
`not_title`, `held_title`, `initiative`, `achievements`), its `quota` (`per_bloc`: at most that
many in a bloc's movement; `share_of` + `max`: at most that share of the people holding another
title in the unit's year) and its `vote` (`of` "council" or "staff", `share` [num, den]: the
votes for must reach num/den of those voting).

The law's own words are qualitative ("dẫn đầu phong trào thi đua", "hoàn thành xuất sắc nhiệm
vụ"); the figures here — the minimum totals, the rank a Bằng khen reaches, the vote shares and
the quotas — are defaults a province's rules change by a new row: every figure not checked
against the text is marked *chưa kiểm chứng* in the version's source.
"""

from __future__ import annotations

from typing import Any

KIND = "emulation.titles"

LAW_2003 = (
    "Luật Thi đua, Khen thưởng 2003 (hiệu lực 01/01/2004), sửa đổi, bổ sung 2005; Nghị định "
    "121/2005/NĐ-CP, từ 2010 Nghị định 42/2010/NĐ-CP. Điểm tối thiểu, thứ hạng, tỷ lệ phiếu: "
    "mặc định theo quy chế thi đua của tỉnh (*chưa kiểm chứng*)"
)
LAW_2013 = (
    "Luật sửa đổi, bổ sung Luật Thi đua, Khen thưởng 2013 (hiệu lực 01/7/2014); Nghị định "
    "65/2014/NĐ-CP. Điểm tối thiểu, thứ hạng, tỷ lệ phiếu: mặc định (*chưa kiểm chứng*)"
)
DECREE_2017 = (
    "Nghị định 91/2017/NĐ-CP hướng dẫn Luật Thi đua, Khen thưởng (hiệu lực 01/10/2017 — "
    "*chưa kiểm chứng*): Chiến sĩ thi đua cơ sở không quá 15% số cá nhân đạt Lao động tiên "
    "tiến (*chưa kiểm chứng*); điểm tối thiểu, thứ hạng, tỷ lệ phiếu: mặc định (*chưa kiểm "
    "chứng*)"
)
LAW_2022 = (
    "Luật Thi đua, Khen thưởng 2022 (hiệu lực 01/01/2024); Nghị định 98/2023/NĐ-CP: Chiến sĩ "
    "thi đua cơ sở không quá 15% số cá nhân đạt Lao động tiên tiến, tỷ lệ phiếu từ 70% "
    "(*chưa kiểm chứng*); điểm tối thiểu, thứ hạng: mặc định (*chưa kiểm chứng*)"
)

PROVINCE_CHAIR = "Chủ tịch Ủy ban nhân dân tỉnh"
HEAD_OF_UNIT = "Thủ trưởng cơ quan, đơn vị"


def _titles(
    *, fighter_quota: dict[str, Any] | None, fighter_vote: list[int]
) -> list[dict[str, Any]]:
    rank = [{"kind": "pledged"}, {"kind": "complete_scores"}]
    return [
        {
            "code": "provincial_flag",
            "name": "Cờ thi đua của Ủy ban nhân dân tỉnh",
            "level": "unit",
            "awarding_body": PROVINCE_CHAIR,
            "conditions": [
                *rank,
                {"kind": "rank_at_most", "value": 1},
                {"kind": "total_at_least", "value": 90},
            ],
            "quota": {"per_bloc": 1},
            "vote": {"of": "council", "share": [2, 3]},
        },
        {
            "code": "chairman_merit",
            "name": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
            "level": "unit",
            "awarding_body": PROVINCE_CHAIR,
            "conditions": [
                *rank,
                {"kind": "not_title", "title": "provincial_flag"},
                {"kind": "rank_at_most", "value": 3},
                {"kind": "total_at_least", "value": 85},
            ],
            "quota": {},
            "vote": {"of": "council", "share": [2, 3]},
        },
        {
            "code": "excellent_collective",
            "name": "Tập thể lao động xuất sắc",
            "level": "unit",
            "awarding_body": PROVINCE_CHAIR,
            "conditions": [*rank, {"kind": "total_at_least", "value": 80}],
            "quota": {},
            "vote": {"of": "council", "share": [1, 2]},
        },
        {
            "code": "advanced_collective",
            "name": "Tập thể lao động tiên tiến",
            "level": "unit",
            "awarding_body": HEAD_OF_UNIT,
            "conditions": [*rank, {"kind": "total_at_least", "value": 70}],
            "quota": {},
            "vote": {"of": "council", "share": [1, 2]},
        },
        {
            "code": "grassroots_fighter",
            "name": "Chiến sĩ thi đua cơ sở",
            "level": "person",
            "awarding_body": HEAD_OF_UNIT,
            "conditions": [
                {"kind": "held_title", "title": "advanced_worker", "years": 1},
                {"kind": "initiative"},
            ],
            "quota": fighter_quota or {},
            "vote": {"of": "council", "share": fighter_vote},
        },
        {
            "code": "advanced_worker",
            "name": "Lao động tiên tiến",
            "level": "person",
            "awarding_body": HEAD_OF_UNIT,
            "conditions": [{"kind": "achievements"}],
            "quota": {},
            "vote": {"of": "staff", "share": [1, 2]},
        },
    ]


FIGHTER_QUOTA = {"share_of": "advanced_worker", "max": 0.15}

EMULATION_TITLES: list[dict[str, Any]] = [
    {
        "kind": KIND,
        "effective_from": "2004-01-01",
        "source": LAW_2003,
        "data": {"titles": _titles(fighter_quota=None, fighter_vote=[2, 3])},
    },
    {
        "kind": KIND,
        "effective_from": "2014-07-01",
        "source": LAW_2013,
        "data": {"titles": _titles(fighter_quota=None, fighter_vote=[2, 3])},
    },
    {
        "kind": KIND,
        "effective_from": "2017-10-01",
        "source": DECREE_2017,
        "data": {"titles": _titles(fighter_quota=FIGHTER_QUOTA, fighter_vote=[2, 3])},
    },
    {
        "kind": KIND,
        "effective_from": "2024-01-01",
        "source": LAW_2022,
        "data": {"titles": _titles(fighter_quota=FIGHTER_QUOTA, fighter_vote=[7, 10])},
    },
]
