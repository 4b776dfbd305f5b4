"""The planning tables, squashed from the chain listed in `replaces`."""

import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("planning", "0001_initial"),
    ]

    dependencies = [
        ("documents", "0001_initial_squashed"),
        ("org", "0001_initial_squashed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Entry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("lineage", models.UUIDField(db_index=True, default=uuid.uuid4)),
                ("day", models.DateField(verbose_name="ngày")),
                (
                    "session",
                    models.CharField(
                        choices=[("sang", "Sáng"), ("chieu", "Chiều"), ("toi", "Tối")],
                        max_length=10,
                        verbose_name="buổi",
                    ),
                ),
                ("starts_at", models.TimeField(blank=True, null=True, verbose_name="giờ bắt đầu")),
                ("ends_at", models.TimeField(blank=True, null=True, verbose_name="giờ kết thúc")),
                ("content", models.TextField(verbose_name="nội dung")),
                ("place", models.CharField(blank=True, max_length=300, verbose_name="địa điểm")),
                ("note", models.CharField(blank=True, max_length=500, verbose_name="ghi chú")),
                (
                    "confidentiality",
                    models.PositiveSmallIntegerField(
                        choices=[(0, "Không mật"), (1, "Mật"), (2, "Tối mật"), (3, "Tuyệt mật")],
                        default=0,
                        verbose_name="độ mật",
                    ),
                ),
                (
                    "incoming",
                    models.ManyToManyField(
                        blank=True, related_name="schedule_entries", to="documents.incomingdocument"
                    ),
                ),
                (
                    "outgoing",
                    models.ManyToManyField(
                        blank=True, related_name="schedule_entries", to="documents.outgoingdocument"
                    ),
                ),
                (
                    "preparing_unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="org.unit",
                        verbose_name="đơn vị chuẩn bị",
                    ),
                ),
                (
                    "units",
                    models.ManyToManyField(
                        blank=True, related_name="+", to="org.unit", verbose_name="đơn vị dự"
                    ),
                ),
            ],
            options={
                "verbose_name": "mục lịch",
                "verbose_name_plural": "mục lịch",
                "ordering": ["day", "session", "starts_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="MonthlyPlan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Đang soạn"), ("approved", "Đã duyệt")],
                        default="draft",
                        max_length=20,
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("approved_at", models.DateTimeField(blank=True, null=True)),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("year", models.PositiveSmallIntegerField(verbose_name="năm")),
                ("month", models.PositiveSmallIntegerField(verbose_name="tháng")),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                (
                    "approved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "committee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="monthly_plans",
                        to="org.unit",
                        verbose_name="cấp ủy",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "kế hoạch tháng",
                "verbose_name_plural": "kế hoạch tháng",
                "ordering": ["-year", "-month"],
            },
        ),
        migrations.CreateModel(
            name="Override",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("leader", "Lãnh đạo trùng lịch"),
                            ("room", "Phòng họp trùng lịch"),
                            ("holiday", "Ngày nghỉ"),
                        ],
                        max_length=20,
                    ),
                ),
                ("subject", models.CharField(blank=True, max_length=100)),
                ("reason", models.CharField(max_length=500, verbose_name="lý do")),
                ("at", models.DateTimeField(auto_now_add=True)),
                (
                    "by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "entry",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="overrides",
                        to="planning.entry",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="ProgrammeItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                ("topic", models.CharField(max_length=300, verbose_name="lĩnh vực, chủ đề")),
                ("content", models.TextField(verbose_name="nội dung")),
                (
                    "body",
                    models.CharField(
                        choices=[
                            ("hoi_nghi", "Hội nghị cấp ủy"),
                            ("ban_thuong_vu", "Ban Thường vụ"),
                            ("thuong_truc", "Thường trực"),
                        ],
                        max_length=20,
                        verbose_name="trình",
                    ),
                ),
                (
                    "month",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="tháng"),
                ),
                (
                    "quarter",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="quý"),
                ),
                (
                    "planned_month",
                    models.PositiveSmallIntegerField(blank=True, editable=False, null=True),
                ),
                (
                    "planned_quarter",
                    models.PositiveSmallIntegerField(blank=True, editable=False, null=True),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("planned", "Theo kế hoạch"),
                            ("done", "Đã thực hiện"),
                            ("postponed", "Hoãn"),
                            ("moved", "Chuyển thời gian"),
                            ("dropped", "Không thực hiện"),
                        ],
                        default="planned",
                        max_length=20,
                    ),
                ),
                ("reason", models.CharField(blank=True, max_length=500, verbose_name="lý do")),
                ("done_on", models.DateField(blank=True, null=True, verbose_name="ngày thực hiện")),
                (
                    "lead_unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="org.unit",
                        verbose_name="cơ quan chủ trì",
                    ),
                ),
                (
                    "supporting_units",
                    models.ManyToManyField(
                        blank=True, related_name="+", to="org.unit", verbose_name="cơ quan phối hợp"
                    ),
                ),
            ],
            options={
                "verbose_name": "nội dung chương trình",
                "verbose_name_plural": "nội dung chương trình",
                "ordering": ["programme", "position", "id"],
            },
        ),
        migrations.CreateModel(
            name="MonthlyPlanItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("position", models.PositiveSmallIntegerField(default=0)),
                ("content", models.TextField(verbose_name="nội dung")),
                ("day", models.DateField(blank=True, null=True, verbose_name="ngày dự kiến")),
                ("note", models.CharField(blank=True, max_length=500, verbose_name="ghi chú")),
                (
                    "lead_unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="org.unit",
                        verbose_name="cơ quan chủ trì",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="items",
                        to="planning.monthlyplan",
                    ),
                ),
                (
                    "programme_item",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="plan_items",
                        to="planning.programmeitem",
                    ),
                ),
            ],
            options={
                "ordering": ["plan", "position", "id"],
            },
        ),
        migrations.CreateModel(
            name="Room",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("name", models.CharField(max_length=200, verbose_name="tên phòng")),
                ("name_folded", models.CharField(editable=False, max_length=200)),
                ("address", models.CharField(blank=True, max_length=300, verbose_name="địa chỉ")),
                (
                    "capacity",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="sức chứa"),
                ),
                ("is_active", models.BooleanField(default=True, verbose_name="đang dùng")),
                (
                    "committee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="rooms",
                        to="org.unit",
                        verbose_name="cấp ủy",
                    ),
                ),
            ],
            options={
                "verbose_name": "phòng họp",
                "verbose_name_plural": "phòng họp",
                "ordering": ["committee", "name"],
            },
        ),
        migrations.CreateModel(
            name="FeedToken",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "scope",
                    models.CharField(
                        choices=[
                            ("leader", "Lịch của một lãnh đạo"),
                            ("room", "Lịch phòng họp"),
                            ("unit", "Lịch của đơn vị"),
                        ],
                        max_length=10,
                    ),
                ),
                ("digest", models.CharField(max_length=64, unique=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("revoked_at", models.DateTimeField(blank=True, null=True)),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="feed_tokens",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        to="org.unit",
                    ),
                ),
                (
                    "room",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        to="planning.room",
                    ),
                ),
            ],
            options={
                "verbose_name": "liên kết lịch",
            },
        ),
        migrations.AddField(
            model_name="entry",
            name="room",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="entries",
                to="planning.room",
                verbose_name="phòng họp",
            ),
        ),
        migrations.CreateModel(
            name="Schedule",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "kind",
                    models.CharField(
                        choices=[("leaders", "Lãnh đạo cấp ủy"), ("office", "Văn phòng")],
                        max_length=20,
                    ),
                ),
                ("monday", models.DateField(verbose_name="thứ Hai của tuần")),
                ("year", models.PositiveSmallIntegerField()),
                ("week", models.PositiveSmallIntegerField()),
                ("title", models.CharField(max_length=300, verbose_name="tiêu đề")),
                (
                    "committee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="schedules",
                        to="org.unit",
                        verbose_name="cấp ủy",
                    ),
                ),
            ],
            options={
                "verbose_name": "lịch công tác tuần",
                "verbose_name_plural": "lịch công tác tuần",
                "ordering": ["-monday", "committee", "kind"],
            },
        ),
        migrations.CreateModel(
            name="ScheduleVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("number", models.PositiveSmallIntegerField()),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Đang tổng hợp"),
                            ("approved", "Đã duyệt"),
                            ("published", "Đã phát hành"),
                            ("superseded", "Đã được thay thế"),
                        ],
                        default="draft",
                        max_length=20,
                    ),
                ),
                (
                    "change_note",
                    models.CharField(blank=True, max_length=500, verbose_name="lý do điều chỉnh"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("approved_at", models.DateTimeField(blank=True, null=True)),
                ("published_at", models.DateTimeField(blank=True, null=True)),
                (
                    "approved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "compiled_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "published_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "schedule",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="versions",
                        to="planning.schedule",
                    ),
                ),
            ],
            options={
                "verbose_name": "phiên bản lịch tuần",
                "ordering": ["schedule", "-number"],
            },
        ),
        migrations.AddField(
            model_name="entry",
            name="version",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="entries",
                to="planning.scheduleversion",
            ),
        ),
        migrations.CreateModel(
            name="WorkProgramme",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Đang soạn"), ("approved", "Đã duyệt")],
                        default="draft",
                        max_length=20,
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("approved_at", models.DateTimeField(blank=True, null=True)),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "body",
                    models.CharField(
                        choices=[
                            ("hoi_nghi", "Hội nghị cấp ủy"),
                            ("ban_thuong_vu", "Ban Thường vụ"),
                            ("thuong_truc", "Thường trực"),
                        ],
                        max_length=20,
                        verbose_name="của",
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="năm")),
                ("title", models.CharField(max_length=300, verbose_name="tên chương trình")),
                (
                    "approved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "committee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="programmes",
                        to="org.unit",
                        verbose_name="cấp ủy",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "document",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="programme",
                        to="documents.outgoingdocument",
                    ),
                ),
            ],
            options={
                "verbose_name": "chương trình công tác",
                "verbose_name_plural": "chương trình công tác",
                "ordering": ["-year", "committee", "body"],
            },
        ),
        migrations.AddField(
            model_name="programmeitem",
            name="programme",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="items",
                to="planning.workprogramme",
            ),
        ),
        migrations.CreateModel(
            name="EntryLeader",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("day", models.DateField()),
                ("position", models.PositiveSmallIntegerField(default=0)),
                (
                    "entry",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attendance",
                        to="planning.entry",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="schedule_attendance",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["entry", "position"],
                "indexes": [models.Index(fields=["person", "day"], name="planning_leader_day")],
                "constraints": [
                    models.UniqueConstraint(fields=("entry", "person"), name="planning_leader_once")
                ],
            },
        ),
        migrations.AddConstraint(
            model_name="monthlyplan",
            constraint=models.UniqueConstraint(
                fields=("committee", "year", "month"), name="planning_month_once"
            ),
        ),
        migrations.AddConstraint(
            model_name="monthlyplan",
            constraint=models.CheckConstraint(
                condition=models.Q(("month__gte", 1), ("month__lte", 12)),
                name="planning_month_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="override",
            constraint=models.UniqueConstraint(
                fields=("entry", "kind", "subject"), name="planning_override_once"
            ),
        ),
        migrations.AddConstraint(
            model_name="room",
            constraint=models.UniqueConstraint(
                fields=("committee", "name_folded"), name="planning_room_name_once"
            ),
        ),
        migrations.AddConstraint(
            model_name="feedtoken",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("scope", "leader"), ("person__isnull", False)),
                    models.Q(("scope", "room"), ("room__isnull", False)),
                    models.Q(("scope", "unit"), ("unit__isnull", False)),
                    _connector="OR",
                ),
                name="planning_feed_has_target",
            ),
        ),
        migrations.AddConstraint(
            model_name="schedule",
            constraint=models.UniqueConstraint(
                fields=("committee", "kind", "monday"), name="planning_schedule_once"
            ),
        ),
        migrations.AddConstraint(
            model_name="scheduleversion",
            constraint=models.UniqueConstraint(
                fields=("schedule", "number"), name="planning_version_once"
            ),
        ),
        migrations.AddConstraint(
            model_name="scheduleversion",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status__in", ["draft", "approved"])),
                fields=("schedule",),
                name="planning_one_open_version",
            ),
        ),
        migrations.AddIndex(
            model_name="entry",
            index=models.Index(fields=["version", "day"], name="planning_entry_version_day"),
        ),
        migrations.AddIndex(
            model_name="entry",
            index=models.Index(fields=["room", "day"], name="planning_entry_room_day"),
        ),
        migrations.AddConstraint(
            model_name="entry",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ends_at__isnull", True),
                    ("starts_at__isnull", True),
                    ("ends_at__gt", models.F("starts_at")),
                    _connector="OR",
                ),
                name="planning_entry_ends_after_start",
            ),
        ),
        migrations.AddConstraint(
            model_name="entry",
            constraint=models.UniqueConstraint(
                fields=("version", "lineage"), name="planning_entry_once_per_version"
            ),
        ),
        migrations.AddConstraint(
            model_name="workprogramme",
            constraint=models.UniqueConstraint(
                fields=("committee", "body", "year"), name="planning_programme_once"
            ),
        ),
        migrations.AddIndex(
            model_name="programmeitem",
            index=models.Index(fields=["programme", "month"], name="planning_item_month"),
        ),
        migrations.AddConstraint(
            model_name="programmeitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("month__isnull", False), ("month__gte", 1), ("month__lte", 12)),
                    models.Q(("month__isnull", True), ("quarter__gte", 1), ("quarter__lte", 4)),
                    _connector="OR",
                ),
                name="planning_item_month_or_quarter",
            ),
        ),
    ]
