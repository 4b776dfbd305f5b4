"""The core tables, squashed from the chain listed in `replaces`, and the rows a fresh
installation starts with.

The seed rows are copied here as they stood when the chain was squashed (core.rules
DEFAULT_RULESETS, core.calendar_seed DEFAULT_CALENDAR_DAYS): a migration must build the same
database whatever the code around it becomes. tests/core/test_seed.py checks that a fresh
database holds the live defaults; a default added later needs a data migration of its own.

Replaced and left out: 0009_audit_head_and_seal sealed the audit events of an installation
written before the chain was keyed and deleted the chain's old counter row. A fresh database
has neither, so all that remains of it is the head row at the start of the chain. A database
that applied the old chain keeps what it did.
"""

import uuid
from datetime import date

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

GENESIS = "0" * 64  # core.audit.GENESIS: the hash the first event links to

RULESETS = [
    {
        "kind": "numbering.party",
        "effective_from": "2004-01-01",
        "source": "Hướng dẫn thể thức văn bản của Đảng trước 2017 (mặc định, chưa kiểm chứng)",
        "data": {
            "scope": "term",
            "secret_series": "same",
            "types": {
                "NQ": "Nghị quyết",
                "QĐ": "Quyết định / Quy định",
                "CT": "Chỉ thị",
                "KL": "Kết luận",
                "QC": "Quy chế",
                "TT": "Thông tri",
                "HD": "Hướng dẫn",
                "TB": "Thông báo",
                "BC": "Báo cáo",
                "TTr": "Tờ trình",
                "KH": "Kế hoạch",
                "CTr": "Chương trình",
                "ĐA": "Đề án",
                "PA": "Phương án",
                "CV": "Công văn",
                "BB": "Biên bản",
                "BS": "Bản sao",
            },
        },
    },
    {
        "kind": "numbering.party",
        "effective_from": "2017-09-29",
        "source": "Quy định 66-QĐ/TW (2017); Hướng dẫn 36-HD/VPTW (2018)",
        "data": {
            "scope": "term",
            "secret_series": "same",
            "types": {
                "NQ": "Nghị quyết",
                "QĐ": "Quyết định",
                "QĐi": "Quy định",
                "CT": "Chỉ thị",
                "KL": "Kết luận",
                "QC": "Quy chế",
                "TT": "Thông tri",
                "HD": "Hướng dẫn",
                "TB": "Thông báo",
                "BC": "Báo cáo",
                "TTr": "Tờ trình",
                "KH": "Kế hoạch",
                "CTr": "Chương trình",
                "ĐA": "Đề án",
                "PA": "Phương án",
                "CV": "Công văn",
                "BB": "Biên bản",
                "BS": "Bản sao",
            },
        },
    },
    {
        "kind": "numbering.government",
        "effective_from": "2011-03-05",
        "source": "Thông tư 01/2011/TT-BNV",
        "data": {
            "scope": "year",
            "secret_series": "separate",
            "types": {
                "NĐ": "Nghị định",
                "NQ": "Nghị quyết",
                "NQLT": "Nghị quyết liên tịch",
                "QĐ": "Quyết định",
                "CT": "Chỉ thị",
                "TT": "Thông tư",
                "TTLT": "Thông tư liên tịch",
                "QC": "Quy chế",
                "QyĐ": "Quy định",
                "TC": "Thông cáo",
                "TB": "Thông báo",
                "HD": "Hướng dẫn",
                "CTr": "Chương trình",
                "KH": "Kế hoạch",
                "PA": "Phương án",
                "ĐA": "Đề án",
                "DA": "Dự án",
                "BC": "Báo cáo",
                "BB": "Biên bản",
                "TTr": "Tờ trình",
                "HĐ": "Hợp đồng",
                "CĐ": "Công điện",
                "GN": "Bản ghi nhớ",
                "TTh": "Bản thỏa thuận",
                "GUQ": "Giấy ủy quyền",
                "GM": "Giấy mời",
                "GGT": "Giấy giới thiệu",
                "GNP": "Giấy nghỉ phép",
                "PG": "Phiếu gửi",
                "PC": "Phiếu chuyển",
                "PB": "Phiếu báo",
                "BSY": "Bản sao y",
                "BTS": "Bản trích sao",
                "BSL": "Bản sao lục",
                "CV": "Công văn",
            },
        },
    },
    {
        "kind": "numbering.government",
        "effective_from": "2020-03-05",
        "source": "Nghị định 30/2020/NĐ-CP, điều 15",
        "data": {
            "scope": "year",
            "secret_series": "separate",
            "types": {
                "NĐ": "Nghị định",
                "NQ": "Nghị quyết",
                "NQLT": "Nghị quyết liên tịch",
                "QĐ": "Quyết định",
                "CT": "Chỉ thị",
                "TT": "Thông tư",
                "TTLT": "Thông tư liên tịch",
                "QC": "Quy chế",
                "QyĐ": "Quy định",
                "TC": "Thông cáo",
                "TB": "Thông báo",
                "HD": "Hướng dẫn",
                "CTr": "Chương trình",
                "KH": "Kế hoạch",
                "PA": "Phương án",
                "ĐA": "Đề án",
                "DA": "Dự án",
                "BC": "Báo cáo",
                "BB": "Biên bản",
                "TTr": "Tờ trình",
                "HĐ": "Hợp đồng",
                "CĐ": "Công điện",
                "GN": "Bản ghi nhớ",
                "TTh": "Bản thỏa thuận",
                "GUQ": "Giấy ủy quyền",
                "GM": "Giấy mời",
                "GGT": "Giấy giới thiệu",
                "GNP": "Giấy nghỉ phép",
                "PG": "Phiếu gửi",
                "PC": "Phiếu chuyển",
                "PB": "Phiếu báo",
                "BSY": "Bản sao y",
                "BTS": "Bản trích sao",
                "BSL": "Bản sao lục",
                "CV": "Công văn",
            },
        },
    },
    {
        "kind": "deadline.complaint",
        "effective_from": "2005-06-01",
        "source": "Luật Khiếu nại, tố cáo 1998 (sửa đổi 2004, 2005)",
        "data": {
            "acceptance_days": 10,
            "limitation_days": 90,
            "first": {"normal": 30, "complex": 45, "remote": 45, "remote_complex": 60},
            "second": {"normal": 45, "complex": 60, "remote": 60, "remote_complex": 70},
        },
    },
    {
        "kind": "deadline.complaint",
        "effective_from": "2012-07-01",
        "source": "Luật Khiếu nại 2011",
        "data": {
            "acceptance_days": 10,
            "limitation_days": 90,
            "first": {"normal": 30, "complex": 45, "remote": 45, "remote_complex": 60},
            "second": {"normal": 45, "complex": 60, "remote": 60, "remote_complex": 70},
        },
    },
    {
        "kind": "deadline.denunciation",
        "effective_from": "2005-06-01",
        "source": "Luật Khiếu nại, tố cáo 1998 (sửa đổi 2004, 2005); Luật Tố cáo 2011",
        "data": {
            "days": 60,
            "extension_days": 30,
            "max_extensions": {"normal": 0, "complex": 1, "especially_complex": 1},
        },
    },
    {
        "kind": "deadline.denunciation",
        "effective_from": "2019-01-01",
        "source": "Luật Tố cáo 2018",
        "data": {
            "days": 30,
            "extension_days": 30,
            "max_extensions": {"normal": 0, "complex": 1, "especially_complex": 2},
        },
    },
    {
        "kind": "calendar.fixed_holidays",
        "effective_from": "1995-01-01",
        "source": "Bộ luật Lao động 1994, Điều 73: danh sách ngày nghỉ lễ theo Bộ luật Lao động (ngày "
        "dương lịch); nghỉ bù vào ngày làm việc kế tiếp khi ngày lễ trùng ngày nghỉ hằng tuần",
        "data": {
            "holidays": [
                {"month": 1, "day": 1, "name": "Tết Dương lịch"},
                {"month": 4, "day": 30, "name": "Ngày Chiến thắng"},
                {"month": 5, "day": 1, "name": "Ngày Quốc tế lao động"},
                {"month": 9, "day": 2, "name": "Quốc khánh"},
            ],
            "compensate_weekend": True,
        },
    },
    {
        "kind": "calendar.fixed_holidays",
        "effective_from": "2013-05-01",
        "source": "Bộ luật Lao động 2012, Điều 115: danh sách ngày nghỉ lễ theo Bộ luật Lao động (ngày "
        "dương lịch); nghỉ bù vào ngày làm việc kế tiếp khi ngày lễ trùng ngày nghỉ hằng tuần",
        "data": {
            "holidays": [
                {"month": 1, "day": 1, "name": "Tết Dương lịch"},
                {"month": 4, "day": 30, "name": "Ngày Chiến thắng"},
                {"month": 5, "day": 1, "name": "Ngày Quốc tế lao động"},
                {"month": 9, "day": 2, "name": "Quốc khánh"},
            ],
            "compensate_weekend": True,
        },
    },
    {
        "kind": "calendar.fixed_holidays",
        "effective_from": "2021-01-01",
        "source": "Bộ luật Lao động 2019, Điều 112: danh sách ngày nghỉ lễ theo Bộ luật Lao động (ngày "
        "dương lịch); nghỉ bù vào ngày làm việc kế tiếp khi ngày lễ trùng ngày nghỉ hằng tuần",
        "data": {
            "holidays": [
                {"month": 1, "day": 1, "name": "Tết Dương lịch"},
                {"month": 4, "day": 30, "name": "Ngày Chiến thắng"},
                {"month": 5, "day": 1, "name": "Ngày Quốc tế lao động"},
                {"month": 9, "day": 2, "name": "Quốc khánh"},
            ],
            "compensate_weekend": True,
        },
    },
]

CALENDAR_DAYS = (
    (
        "2011-01-29",
        True,
        "Làm bù cho thứ Hai 31/01/2011",
        "Tết Tân Mão: VPCP thông báo ý kiến Thủ tướng về hoán đổi ngày nghỉ năm 2011",
    ),
    (
        "2011-01-30",
        True,
        "Làm bù cho thứ Ba 01/02/2011",
        "Tết Tân Mão: VPCP thông báo ý kiến Thủ tướng về hoán đổi ngày nghỉ năm 2011",
    ),
    (
        "2011-01-31",
        False,
        "Nghỉ Tết Nguyên đán (hoán đổi, 28 tháng Chạp)",
        "Tết Tân Mão: VPCP thông báo ý kiến Thủ tướng về hoán đổi ngày nghỉ năm 2011",
    ),
    (
        "2011-02-01",
        False,
        "Nghỉ Tết Nguyên đán (hoán đổi, 29 tháng Chạp)",
        "Tết Tân Mão: VPCP thông báo ý kiến Thủ tướng về hoán đổi ngày nghỉ năm 2011",
    ),
    ("2011-02-02", False, "Tết Nguyên đán Tân Mão (30 tháng Chạp)", ""),
    ("2011-02-03", False, "Tết Nguyên đán Tân Mão (mùng 1)", ""),
    ("2011-02-04", False, "Tết Nguyên đán Tân Mão (mùng 2)", ""),
    ("2011-02-05", False, "Tết Nguyên đán Tân Mão (mùng 3)", ""),
    (
        "2011-02-07",
        False,
        "Nghỉ bù Tết Nguyên đán (mùng 3 trùng thứ Bảy)",
        "Bộ luật Lao động: ngày lễ trùng ngày nghỉ hằng tuần thì nghỉ bù ngày kế tiếp",
    ),
    (
        "2011-04-09",
        True,
        "Làm bù cho thứ Hai 11/04/2011",
        "Giỗ Tổ 2011: VPCP thông báo ý kiến Thủ tướng về hoán đổi ngày nghỉ năm 2011",
    ),
    (
        "2011-04-11",
        False,
        "Nghỉ Giỗ Tổ Hùng Vương (hoán đổi)",
        "Giỗ Tổ 2011: VPCP thông báo ý kiến Thủ tướng về hoán đổi ngày nghỉ năm 2011",
    ),
    ("2011-04-12", False, "Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch)", ""),
    ("2012-01-22", False, "Tết Nguyên đán Nhâm Thìn (ngày cuối năm Tân Mão)", ""),
    ("2012-01-23", False, "Tết Nguyên đán Nhâm Thìn (mùng 1)", ""),
    ("2012-01-24", False, "Tết Nguyên đán Nhâm Thìn (mùng 2)", ""),
    ("2012-01-25", False, "Tết Nguyên đán Nhâm Thìn (mùng 3)", ""),
    (
        "2012-01-26",
        False,
        "Nghỉ bù Tết Nguyên đán (ngày cuối năm trùng Chủ nhật)",
        "Bộ luật Lao động: ngày lễ trùng ngày nghỉ hằng tuần thì nghỉ bù ngày kế tiếp; Tết Nhâm Thìn: "
        "Thủ tướng đồng ý theo đề nghị của Bộ LĐTBXH ngày 27/12/2011",
    ),
    (
        "2012-01-27",
        False,
        "Nghỉ Tết Nguyên đán (hoán đổi, mùng 5)",
        "Tết Nhâm Thìn: Thủ tướng đồng ý theo đề nghị của Bộ LĐTBXH ngày 27/12/2011",
    ),
    (
        "2012-02-04",
        True,
        "Làm bù cho thứ Sáu 27/01/2012",
        "Tết Nhâm Thìn: Thủ tướng đồng ý theo đề nghị của Bộ LĐTBXH ngày 27/12/2011",
    ),
    ("2012-03-31", False, "Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch)", ""),
    (
        "2012-04-02",
        False,
        "Nghỉ bù Giỗ Tổ Hùng Vương (trùng thứ Bảy)",
        "Bộ luật Lao động: ngày lễ trùng ngày nghỉ hằng tuần thì nghỉ bù ngày kế tiếp; văn bản thông báo "
        "năm 2012 chưa kiểm chứng",
    ),
    (
        "2026-01-02",
        False,
        "Nghỉ Tết Dương lịch (hoán đổi)",
        "Văn bản 12729/VPCP-KGVX ngày 25/12/2025",
    ),
    (
        "2026-01-10",
        True,
        "Làm bù cho thứ Sáu 02/01/2026",
        "Văn bản 12729/VPCP-KGVX ngày 25/12/2025",
    ),
    (
        "2026-02-16",
        False,
        "Tết Nguyên đán Bính Ngọ (29 tháng Chạp)",
        "Thông báo 9441 của Bộ Nội vụ ngày 16/10/2025",
    ),
    (
        "2026-02-17",
        False,
        "Tết Nguyên đán Bính Ngọ (mùng 1)",
        "Thông báo 9441 của Bộ Nội vụ ngày 16/10/2025",
    ),
    (
        "2026-02-18",
        False,
        "Tết Nguyên đán Bính Ngọ (mùng 2)",
        "Thông báo 9441 của Bộ Nội vụ ngày 16/10/2025",
    ),
    (
        "2026-02-19",
        False,
        "Tết Nguyên đán Bính Ngọ (mùng 3)",
        "Thông báo 9441 của Bộ Nội vụ ngày 16/10/2025",
    ),
    (
        "2026-02-20",
        False,
        "Tết Nguyên đán Bính Ngọ (mùng 4)",
        "Thông báo 9441 của Bộ Nội vụ ngày 16/10/2025",
    ),
    ("2026-04-26", False, "Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch)", ""),
    (
        "2026-04-27",
        False,
        "Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật)",
        "Bộ luật Lao động: ngày lễ trùng ngày nghỉ hằng tuần thì nghỉ bù ngày kế tiếp",
    ),
    (
        "2026-09-01",
        False,
        "Quốc khánh (ngày liền kề)",
        "chưa kiểm chứng: ngày liền kề 2/9 (1/9 hoặc 3/9) do Thủ tướng quyết định hằng năm",
    ),
)


def seed(apps, schema_editor):
    RuleSet = apps.get_model("core", "RuleSet")
    CalendarDay = apps.get_model("core", "CalendarDay")
    AuditHead = apps.get_model("core", "AuditHead")
    RuleSet.objects.bulk_create(
        RuleSet(
            kind=spec["kind"],
            effective_from=date.fromisoformat(spec["effective_from"]),
            source=spec["source"],
            data=spec["data"],
        )
        for spec in RULESETS
    )
    CalendarDay.objects.bulk_create(
        CalendarDay(day=date.fromisoformat(day), is_working=working, name=name, note=note)
        for day, working, name, note in CALENDAR_DAYS
    )
    AuditHead.objects.create(pk=1, seq=0, hash=GENESIS)


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("core", "0001_initial"),
        ("core", "0002_initial"),
        ("core", "0003_seed_rulesets"),
        ("core", "0004_storedfile"),
        ("core", "0005_calendarday"),
        ("core", "0006_seed_calendar"),
        ("core", "0007_notification"),
        ("core", "0008_audit_keyed_and_anchored"),
        ("core", "0009_audit_head_and_seal"),
    ]

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AuditHead",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("seq", models.PositiveBigIntegerField(default=0)),
                ("hash", models.CharField(max_length=64)),
            ],
            options={
                "verbose_name": "đầu chuỗi nhật ký",
            },
        ),
        migrations.CreateModel(
            name="CalendarDay",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("day", models.DateField(unique=True, verbose_name="ngày")),
                ("is_working", models.BooleanField(default=False, verbose_name="là ngày làm việc")),
                ("name", models.CharField(max_length=200, verbose_name="tên")),
                ("note", models.CharField(blank=True, max_length=500, verbose_name="ghi chú")),
            ],
            options={
                "verbose_name": "ngày ngoại lệ của lịch làm việc",
                "ordering": ["day"],
            },
        ),
        migrations.CreateModel(
            name="Counter",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("series", models.CharField(max_length=200, unique=True)),
                ("value", models.PositiveBigIntegerField(default=0)),
            ],
            options={
                "verbose_name": "bộ đếm",
            },
        ),
        migrations.CreateModel(
            name="StoredFile",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sha256", models.CharField(max_length=64, unique=True)),
                ("size", models.PositiveBigIntegerField()),
                ("content_type", models.CharField(max_length=100)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "verbose_name": "tệp lưu trữ",
            },
        ),
        migrations.CreateModel(
            name="NumberAllocation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("series", models.CharField(max_length=200)),
                ("number", models.PositiveBigIntegerField()),
                ("allocated_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "verbose_name": "số đã cấp",
                "constraints": [
                    models.UniqueConstraint(fields=("series", "number"), name="core_number_once")
                ],
            },
        ),
        migrations.CreateModel(
            name="RuleSet",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("kind", models.CharField(max_length=100)),
                ("effective_from", models.DateField()),
                ("data", models.JSONField()),
                ("source", models.CharField(blank=True, max_length=500, verbose_name="căn cứ")),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
            ],
            options={
                "verbose_name": "bộ quy tắc",
                "ordering": ["kind", "effective_from"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kind", "effective_from"), name="core_rule_version"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="AuditEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("seq", models.PositiveBigIntegerField(unique=True)),
                ("occurred_at", models.DateTimeField()),
                ("actor_label", models.CharField(blank=True, max_length=200)),
                ("action", models.CharField(max_length=100)),
                ("object_type", models.CharField(max_length=100)),
                ("object_id", models.CharField(max_length=64)),
                ("object_label", models.CharField(blank=True, max_length=500)),
                ("before", models.JSONField(blank=True, null=True)),
                ("after", models.JSONField(blank=True, null=True)),
                ("prev_hash", models.CharField(max_length=64)),
                ("key_id", models.CharField(blank=True, default="", max_length=16)),
                ("hash", models.CharField(max_length=64, unique=True)),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "sự kiện nhật ký",
                "ordering": ["seq"],
                "indexes": [
                    models.Index(
                        fields=["object_type", "object_id", "seq"],
                        name="core_audite_object__4f9eb5_idx",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Notification",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("text", models.CharField(max_length=500)),
                ("url", models.CharField(blank=True, max_length=300)),
                ("key", models.CharField(blank=True, max_length=200)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("read_at", models.DateTimeField(blank=True, null=True)),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notifications",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-created_at", "-id"],
                "indexes": [
                    models.Index(fields=["person", "read_at"], name="core_notification_unread"),
                    models.Index(fields=["person", "-created_at"], name="core_notification_recent"),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("key", ""), _negated=True),
                        fields=("person", "key"),
                        name="core_notification_once",
                    )
                ],
            },
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
