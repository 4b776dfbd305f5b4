"""The rule versions citizen reception and letters need: the head's monthly reception days
and the retention of letters' personal data. Literal rows, as core.rules DEFAULT_RULESETS held
them when this was written."""

import datetime

from django.db import migrations

ROWS = [
    (
        "reception.head_days",
        datetime.date(2014, 5, 26),
        "Chỉ thị 35-CT/TW ngày 26/5/2014 của Bộ Chính trị",
        {"per_month": {"provincial": 1, "district": 1, "commune": 2}},
    ),
    (
        "reception.head_days",
        datetime.date(2019, 2, 18),
        "Quy định 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị",
        {"per_month": {"provincial": 1, "district": 1, "commune": 2}},
    ),
    (
        "petitions.retention",
        datetime.date(2023, 7, 1),
        "Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân; thời hạn theo bảng thời hạn bảo "
        "quản hồ sơ đơn thư (chưa kiểm chứng)",
        {"years": 5},
    ),
]


def seed(apps, schema_editor):
    RuleSet = apps.get_model("core", "RuleSet")
    for kind, effective_from, source, data in ROWS:
        RuleSet.objects.get_or_create(
            kind=kind, effective_from=effective_from, defaults={"source": source, "data": data}
        )


def unseed(apps, schema_editor):
    RuleSet = apps.get_model("core", "RuleSet")
    for kind, effective_from, _source, _data in ROWS:
        RuleSet.objects.filter(kind=kind, effective_from=effective_from).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0002_notice_kinds_and_email")]

    operations = [migrations.RunPython(seed, unseed)]
