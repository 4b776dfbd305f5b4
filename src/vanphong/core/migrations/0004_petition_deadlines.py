"""The petition clocks' rule versions (RULES.md §5): the 1998 law's versions start at its entry
into force (01/01/1999), every version says whether its days are working days, denunciations
get one version per law (1998, 2011, 2018) in a shape that names each allowed extension, and
processing a letter gets its own versions. Literal rows, as core.rules DEFAULT_RULESETS held
them when this was written: the changed rows keep their id, the new ones are appended."""

import datetime

from django.db import migrations

COMPLAINT_1998 = (
    "Luật Khiếu nại, tố cáo 1998 (sửa đổi 2004, 2005), Điều 34, 36, 43: thụ lý trong 10 ngày; "
    "giải quyết lần đầu 30 ngày (phức tạp 45; vùng sâu, vùng xa 45, 60), lần hai 45 ngày "
    "(60; 60, 70)"
)
COMPLAINT_2011 = (
    "Luật Khiếu nại 2011, Điều 27, 28, 36, 37: thụ lý trong 10 ngày; giải quyết lần đầu 30 ngày "
    "(phức tạp 45; vùng sâu, vùng xa 45, 60), lần hai 45 ngày (60; 60, 70)"
)
COMPLAINT_TABLES = {
    "first": {"normal": 30, "complex": 45, "remote": 45, "remote_complex": 60},
    "second": {"normal": 45, "complex": 60, "remote": 60, "remote_complex": 70},
}


def _complaint(acceptance_days):
    return {
        "acceptance_days": acceptance_days,
        "acceptance_working_days": False,
        "working_days": False,
        "limitation_days": 90,
        **COMPLAINT_TABLES,
    }


def _denunciation(acceptance_days, acceptance_working_days, cases):
    return {
        "acceptance_days": acceptance_days,
        "acceptance_working_days": acceptance_working_days,
        "working_days": False,
        "cases": {
            name: {"days": days, "extensions": list(extensions)}
            for name, (days, extensions) in cases.items()
        },
    }


# (kind, effective_from before, after, source, data): rows rewritten in place.
CHANGED = [
    (
        "deadline.complaint",
        datetime.date(2005, 6, 1),
        datetime.date(1999, 1, 1),
        COMPLAINT_1998,
        _complaint(10),
    ),
    (
        "deadline.complaint",
        datetime.date(2012, 7, 1),
        datetime.date(2012, 7, 1),
        COMPLAINT_2011,
        _complaint(10),
    ),
    (
        "deadline.denunciation",
        datetime.date(2005, 6, 1),
        datetime.date(1999, 1, 1),
        "Luật Khiếu nại, tố cáo 1998 (sửa đổi 2004, 2005), Điều 59, 60: thụ lý trong 10 ngày; "
        "giải quyết 60 ngày, phức tạp không quá 90 ngày; không gia hạn",
        _denunciation(
            10, False, {"normal": (60, ()), "complex": (90, ()), "especially_complex": (90, ())}
        ),
    ),
    (
        "deadline.denunciation",
        datetime.date(2019, 1, 1),
        datetime.date(2019, 1, 1),
        "Luật Tố cáo 2018, Điều 24, 30: thụ lý trong 7 ngày làm việc; giải quyết 30 ngày; phức "
        "tạp gia hạn một lần, đặc biệt phức tạp hai lần, mỗi lần không quá 30 ngày",
        _denunciation(
            7,
            True,
            {"normal": (30, ()), "complex": (30, (30,)), "especially_complex": (30, (30, 30))},
        ),
    ),
]

# What the changed rows held before (for the way back).
BEFORE = {
    ("deadline.complaint", datetime.date(2005, 6, 1)): (
        "Luật Khiếu nại, tố cáo 1998 (sửa đổi 2004, 2005)",
        {"acceptance_days": 10, "limitation_days": 90, **COMPLAINT_TABLES},
    ),
    ("deadline.complaint", datetime.date(2012, 7, 1)): (
        "Luật Khiếu nại 2011",
        {"acceptance_days": 10, "limitation_days": 90, **COMPLAINT_TABLES},
    ),
    ("deadline.denunciation", datetime.date(2005, 6, 1)): (
        "Luật Khiếu nại, tố cáo 1998 (sửa đổi 2004, 2005); Luật Tố cáo 2011",
        {
            "days": 60,
            "extension_days": 30,
            "max_extensions": {"normal": 0, "complex": 1, "especially_complex": 1},
        },
    ),
    ("deadline.denunciation", datetime.date(2019, 1, 1)): (
        "Luật Tố cáo 2018",
        {
            "days": 30,
            "extension_days": 30,
            "max_extensions": {"normal": 0, "complex": 1, "especially_complex": 2},
        },
    ),
}

# New rows, inserted in this order.
ADDED = [
    (
        "deadline.denunciation",
        datetime.date(2012, 7, 1),
        "Luật Tố cáo 2011, Điều 20, 21: thụ lý trong 10 ngày; giải quyết 60 ngày (phức tạp 90); "
        "khi cần thiết gia hạn một lần không quá 30 ngày (phức tạp không quá 60)",
        _denunciation(
            10,
            False,
            {"normal": (60, (30,)), "complex": (90, (60,)), "especially_complex": (90, (60,))},
        ),
    ),
    (
        "deadline.processing",
        datetime.date(1999, 1, 1),
        "Luật Khiếu nại, tố cáo 1998 (có hiệu lực 01/01/1999): xử lý đơn trong 10 ngày làm việc "
        "kể từ ngày nhận (*chưa kiểm chứng*)",
        {"days": 10, "working_days": True},
    ),
    (
        "deadline.processing",
        datetime.date(2014, 7, 1),
        "Luật Tiếp công dân 2013 (có hiệu lực 01/7/2014); Thông tư 07/2014/TT-TTCP, Điều 5: xử "
        "lý đơn trong 10 ngày làm việc kể từ ngày nhận",
        {"days": 10, "working_days": True},
    ),
]


def forward(apps, schema_editor):
    RuleSet = apps.get_model("core", "RuleSet")
    for kind, before, after, source, data in CHANGED:
        RuleSet.objects.filter(kind=kind, effective_from=before).update(
            effective_from=after, source=source, data=data
        )
    for kind, effective_from, source, data in ADDED:
        RuleSet.objects.get_or_create(
            kind=kind, effective_from=effective_from, defaults={"source": source, "data": data}
        )


def backward(apps, schema_editor):
    RuleSet = apps.get_model("core", "RuleSet")
    for kind, effective_from, _source, _data in ADDED:
        RuleSet.objects.filter(kind=kind, effective_from=effective_from).delete()
    for kind, before, after, _source, _data in CHANGED:
        source, data = BEFORE[(kind, before)]
        RuleSet.objects.filter(kind=kind, effective_from=after).update(
            effective_from=before, source=source, data=data
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0003_petition_rules")]

    operations = [migrations.RunPython(forward, backward)]
