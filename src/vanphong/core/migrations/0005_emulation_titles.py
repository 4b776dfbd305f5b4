"""The emulation titles (rule kind `emulation.titles`, RULES.md §6) by law version: the 2003
law (2004), its 2013 amendment (01/07/2014), Decree 91/2017 (01/10/2017) and the 2022 law
(01/01/2024). Literal rows, as core.rules DEFAULT_RULESETS held them when this was written
(core.rules_emulation); the figures not checked against the texts say *chưa kiểm chứng*."""

import datetime

from django.db import migrations

ROWS = [
    {
        "kind": "emulation.titles",
        "effective_from": "2004-01-01",
        "source": "Luật Thi đua, Khen thưởng 2003 (hiệu lực 01/01/2004), sửa đổi, bổ sung 2005; Nghị "
        "định 121/2005/NĐ-CP, từ 2010 Nghị định 42/2010/NĐ-CP. Điểm tối thiểu, thứ hạng, "
        "tỷ lệ phiếu: mặc định theo quy chế thi đua của tỉnh (*chưa kiểm chứng*)",
        "data": {
            "titles": [
                {
                    "code": "provincial_flag",
                    "name": "Cờ thi đua của Ủy ban nhân dân tỉnh",
                    "level": "unit",
                    "awarding_body": "Chủ tịch Ủy ban nhân dân tỉnh",
                    "conditions": [
                        {"kind": "pledged"},
                        {"kind": "complete_scores"},
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
                    "awarding_body": "Chủ tịch Ủy ban nhân dân tỉnh",
                    "conditions": [
                        {"kind": "pledged"},
                        {"kind": "complete_scores"},
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
                    "awarding_body": "Chủ tịch Ủy ban nhân dân tỉnh",
                    "conditions": [
                        {"kind": "pledged"},
                        {"kind": "complete_scores"},
                        {"kind": "total_at_least", "value": 80},
                    ],
                    "quota": {},
                    "vote": {"of": "council", "share": [1, 2]},
                },
                {
                    "code": "advanced_collective",
                    "name": "Tập thể lao động tiên tiến",
                    "level": "unit",
                    "awarding_body": "Thủ trưởng cơ quan, đơn vị",
                    "conditions": [
                        {"kind": "pledged"},
                        {"kind": "complete_scores"},
                        {"kind": "total_at_least", "value": 70},
                    ],
                    "quota": {},
                    "vote": {"of": "council", "share": [1, 2]},
                },
                {
                    "code": "grassroots_fighter",
                    "name": "Chiến sĩ thi đua cơ sở",
                    "level": "person",
                    "awarding_body": "Thủ trưởng cơ quan, đơn vị",
                    "conditions": [
                        {"kind": "held_title", "title": "advanced_worker", "years": 1},
                        {"kind": "initiative"},
                    ],
                    "quota": {},
                    "vote": {"of": "council", "share": [2, 3]},
                },
                {
                    "code": "advanced_worker",
                    "name": "Lao động tiên tiến",
                    "level": "person",
                    "awarding_body": "Thủ trưởng cơ quan, đơn vị",
                    "conditions": [{"kind": "achievements"}],
                    "quota": {},
                    "vote": {"of": "staff", "share": [1, 2]},
                },
            ]
        },
    },
    {
        "kind": "emulation.titles",
        "effective_from": "2014-07-01",
        "source": "Luật sửa đổi, bổ sung Luật Thi đua, Khen thưởng 2013 (hiệu lực 01/7/2014); Nghị "
        "định 65/2014/NĐ-CP. Điểm tối thiểu, thứ hạng, tỷ lệ phiếu: mặc định (*chưa kiểm "
        "chứng*)",
        "data": {
            "titles": [
                {
                    "code": "provincial_flag",
                    "name": "Cờ thi đua của Ủy ban nhân dân tỉnh",
                    "level": "unit",
                    "awarding_body": "Chủ tịch Ủy ban nhân dân tỉnh",
                    "conditions": [
                        {"kind": "pledged"},
                        {"kind": "complete_scores"},
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
                    "awarding_body": "Chủ tịch Ủy ban nhân dân tỉnh",
                    "conditions": [
                        {"kind": "pledged"},
                        {"kind": "complete_scores"},
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
                    "awarding_body": "Chủ tịch Ủy ban nhân dân tỉnh",
                    "conditions": [
                        {"kind": "pledged"},
                        {"kind": "complete_scores"},
                        {"kind": "total_at_least", "value": 80},
                    ],
                    "quota": {},
                    "vote": {"of": "council", "share": [1, 2]},
                },
                {
                    "code": "advanced_collective",
                    "name": "Tập thể lao động tiên tiến",
                    "level": "unit",
                    "awarding_body": "Thủ trưởng cơ quan, đơn vị",
                    "conditions": [
                        {"kind": "pledged"},
                        {"kind": "complete_scores"},
                        {"kind": "total_at_least", "value": 70},
                    ],
                    "quota": {},
                    "vote": {"of": "council", "share": [1, 2]},
                },
                {
                    "code": "grassroots_fighter",
                    "name": "Chiến sĩ thi đua cơ sở",
                    "level": "person",
                    "awarding_body": "Thủ trưởng cơ quan, đơn vị",
                    "conditions": [
                        {"kind": "held_title", "title": "advanced_worker", "years": 1},
                        {"kind": "initiative"},
                    ],
                    "quota": {},
                    "vote": {"of": "council", "share": [2, 3]},
                },
                {
                    "code": "advanced_worker",
                    "name": "Lao động tiên tiến",
                    "level": "person",
                    "awarding_body": "Thủ trưởng cơ quan, đơn vị",
                    "conditions": [{"kind": "achievements"}],
                    "quota": {},
                    "vote": {"of": "staff", "share": [1, 2]},
                },
            ]
        },
    },
    {
        "kind": "emulation.titles",
        "effective_from": "2017-10-01",
        "source": "Nghị định 91/2017/NĐ-CP hướng dẫn Luật Thi đua, Khen thưởng (hiệu lực 01/10/2017 "
        "— *chưa kiểm chứng*): Chiến sĩ thi đua cơ sở không quá 15% số cá nhân đạt Lao "
        "động tiên tiến (*chưa kiểm chứng*); điểm tối thiểu, thứ hạng, tỷ lệ phiếu: mặc "
        "định (*chưa kiểm chứng*)",
        "data": {
            "titles": [
                {
                    "code": "provincial_flag",
                    "name": "Cờ thi đua của Ủy ban nhân dân tỉnh",
                    "level": "unit",
                    "awarding_body": "Chủ tịch Ủy ban nhân dân tỉnh",
                    "conditions": [
                        {"kind": "pledged"},
                        {"kind": "complete_scores"},
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
                    "awarding_body": "Chủ tịch Ủy ban nhân dân tỉnh",
                    "conditions": [
                        {"kind": "pledged"},
                        {"kind": "complete_scores"},
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
                    "awarding_body": "Chủ tịch Ủy ban nhân dân tỉnh",
                    "conditions": [
                        {"kind": "pledged"},
                        {"kind": "complete_scores"},
                        {"kind": "total_at_least", "value": 80},
                    ],
                    "quota": {},
                    "vote": {"of": "council", "share": [1, 2]},
                },
                {
                    "code": "advanced_collective",
                    "name": "Tập thể lao động tiên tiến",
                    "level": "unit",
                    "awarding_body": "Thủ trưởng cơ quan, đơn vị",
                    "conditions": [
                        {"kind": "pledged"},
                        {"kind": "complete_scores"},
                        {"kind": "total_at_least", "value": 70},
                    ],
                    "quota": {},
                    "vote": {"of": "council", "share": [1, 2]},
                },
                {
                    "code": "grassroots_fighter",
                    "name": "Chiến sĩ thi đua cơ sở",
                    "level": "person",
                    "awarding_body": "Thủ trưởng cơ quan, đơn vị",
                    "conditions": [
                        {"kind": "held_title", "title": "advanced_worker", "years": 1},
                        {"kind": "initiative"},
                    ],
                    "quota": {"share_of": "advanced_worker", "max": 0.15},
                    "vote": {"of": "council", "share": [2, 3]},
                },
                {
                    "code": "advanced_worker",
                    "name": "Lao động tiên tiến",
                    "level": "person",
                    "awarding_body": "Thủ trưởng cơ quan, đơn vị",
                    "conditions": [{"kind": "achievements"}],
                    "quota": {},
                    "vote": {"of": "staff", "share": [1, 2]},
                },
            ]
        },
    },
    {
        "kind": "emulation.titles",
        "effective_from": "2024-01-01",
        "source": "Luật Thi đua, Khen thưởng 2022 (hiệu lực 01/01/2024); Nghị định 98/2023/NĐ-CP: "
        "Chiến sĩ thi đua cơ sở không quá 15% số cá nhân đạt Lao động tiên tiến, tỷ lệ "
        "phiếu từ 70% (*chưa kiểm chứng*); điểm tối thiểu, thứ hạng: mặc định (*chưa kiểm "
        "chứng*)",
        "data": {
            "titles": [
                {
                    "code": "provincial_flag",
                    "name": "Cờ thi đua của Ủy ban nhân dân tỉnh",
                    "level": "unit",
                    "awarding_body": "Chủ tịch Ủy ban nhân dân tỉnh",
                    "conditions": [
                        {"kind": "pledged"},
                        {"kind": "complete_scores"},
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
                    "awarding_body": "Chủ tịch Ủy ban nhân dân tỉnh",
                    "conditions": [
                        {"kind": "pledged"},
                        {"kind": "complete_scores"},
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
                    "awarding_body": "Chủ tịch Ủy ban nhân dân tỉnh",
                    "conditions": [
                        {"kind": "pledged"},
                        {"kind": "complete_scores"},
                        {"kind": "total_at_least", "value": 80},
                    ],
                    "quota": {},
                    "vote": {"of": "council", "share": [1, 2]},
                },
                {
                    "code": "advanced_collective",
                    "name": "Tập thể lao động tiên tiến",
                    "level": "unit",
                    "awarding_body": "Thủ trưởng cơ quan, đơn vị",
                    "conditions": [
                        {"kind": "pledged"},
                        {"kind": "complete_scores"},
                        {"kind": "total_at_least", "value": 70},
                    ],
                    "quota": {},
                    "vote": {"of": "council", "share": [1, 2]},
                },
                {
                    "code": "grassroots_fighter",
                    "name": "Chiến sĩ thi đua cơ sở",
                    "level": "person",
                    "awarding_body": "Thủ trưởng cơ quan, đơn vị",
                    "conditions": [
                        {"kind": "held_title", "title": "advanced_worker", "years": 1},
                        {"kind": "initiative"},
                    ],
                    "quota": {"share_of": "advanced_worker", "max": 0.15},
                    "vote": {"of": "council", "share": [7, 10]},
                },
                {
                    "code": "advanced_worker",
                    "name": "Lao động tiên tiến",
                    "level": "person",
                    "awarding_body": "Thủ trưởng cơ quan, đơn vị",
                    "conditions": [{"kind": "achievements"}],
                    "quota": {},
                    "vote": {"of": "staff", "share": [1, 2]},
                },
            ]
        },
    },
]


def seed(apps, schema_editor):
    RuleSet = apps.get_model("core", "RuleSet")
    for row in ROWS:
        RuleSet.objects.get_or_create(
            kind=row["kind"],
            effective_from=datetime.date.fromisoformat(row["effective_from"]),
            defaults={"source": row["source"], "data": row["data"]},
        )


def unseed(apps, schema_editor):
    RuleSet = apps.get_model("core", "RuleSet")
    for row in ROWS:
        RuleSet.objects.filter(
            kind=row["kind"], effective_from=datetime.date.fromisoformat(row["effective_from"])
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0004_petition_deadlines")]

    operations = [migrations.RunPython(seed, unseed)]
