"""The directives tables.

Replaced and left out: the data steps of 0007_directive_secrecy_and_delegation (directives
tracked before they had a secrecy level took their document's) and
0009_backfill_task_submitted_by (who reported a task done, and when, read from the audit log for
tasks reported before Task.submitted_by existed). Both only touched rows that existed before;
a fresh database has none, and a database that applied the old chain keeps what they did.
"""

import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("directives", "0001_initial"),
        ("directives", "0002_reminder"),
        ("directives", "0003_late_from"),
        ("directives", "0004_leader_programme_files"),
        ("directives", "0005_recurring"),
        ("directives", "0006_recurring_schedule"),
        ("directives", "0007_directive_secrecy_and_delegation"),
        ("directives", "0008_task_submitted_by"),
        ("directives", "0009_backfill_task_submitted_by"),
    ]

    dependencies = [
        ("core", "0001_initial_squashed"),
        ("documents", "0001_initial_squashed"),
        ("org", "0001_initial_squashed"),
        ("planning", "0001_initial_squashed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Directive",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("type_symbol", models.CharField(max_length=10, verbose_name="loại văn bản")),
                ("number_symbol", models.CharField(max_length=50, verbose_name="số, ký hiệu")),
                ("title", models.CharField(max_length=500, verbose_name="trích yếu")),
                ("document_date", models.DateField(verbose_name="ngày văn bản")),
                (
                    "confidentiality",
                    models.PositiveSmallIntegerField(
                        choices=[(0, "Không mật"), (1, "Mật"), (2, "Tối mật"), (3, "Tuyệt mật")],
                        default=0,
                        verbose_name="độ mật",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "created_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "incoming",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="documents.incomingdocument",
                    ),
                ),
                (
                    "outgoing",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="documents.outgoingdocument",
                    ),
                ),
                (
                    "programme",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="planning.workprogramme",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="directives",
                        to="org.unit",
                        verbose_name="đơn vị theo dõi",
                    ),
                ),
            ],
            options={
                "verbose_name": "văn bản chỉ đạo được theo dõi",
                "verbose_name_plural": "văn bản chỉ đạo được theo dõi",
                "ordering": ["-document_date", "-id"],
            },
        ),
        migrations.CreateModel(
            name="ProgressReport",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("text", models.TextField(verbose_name="nội dung báo cáo")),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("not_started", "Chưa thực hiện"),
                            ("in_progress", "Đang thực hiện"),
                            ("submitted", "Báo cáo hoàn thành, chờ xác nhận"),
                            ("done", "Hoàn thành"),
                            ("cannot_do", "Không thực hiện được"),
                        ],
                        max_length=20,
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "author",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to="org.unit"
                    ),
                ),
            ],
            options={
                "ordering": ["task", "created_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="ReportFile",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("filename", models.CharField(max_length=200, verbose_name="tên tệp")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "file",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.storedfile",
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="files",
                        to="directives.progressreport",
                    ),
                ),
            ],
            options={
                "ordering": ["report", "id"],
            },
        ),
        migrations.CreateModel(
            name="Task",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("content", models.TextField(verbose_name="nội dung")),
                (
                    "clause",
                    models.CharField(blank=True, max_length=200, verbose_name="căn cứ (mục, điểm)"),
                ),
                ("product", models.CharField(blank=True, max_length=200, verbose_name="sản phẩm")),
                ("deadline", models.DateField(blank=True, null=True, verbose_name="thời hạn")),
                ("late_from", models.DateField(blank=True, editable=False, null=True)),
                (
                    "recurrence",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "Một lần"),
                            ("monthly", "Hằng tháng"),
                            ("quarterly", "Hằng quý"),
                            ("half_yearly", "6 tháng"),
                            ("yearly", "Hằng năm"),
                        ],
                        default="",
                        max_length=20,
                        verbose_name="định kỳ",
                    ),
                ),
                (
                    "recur_until",
                    models.DateField(blank=True, null=True, verbose_name="định kỳ đến ngày"),
                ),
                ("period_due", models.DateField(blank=True, editable=False, null=True)),
                ("series_due", models.DateField(blank=True, editable=False, null=True)),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("not_started", "Chưa thực hiện"),
                            ("in_progress", "Đang thực hiện"),
                            ("submitted", "Báo cáo hoàn thành, chờ xác nhận"),
                            ("done", "Hoàn thành"),
                            ("cannot_do", "Không thực hiện được"),
                        ],
                        default="not_started",
                        max_length=20,
                    ),
                ),
                (
                    "state_reason",
                    models.CharField(blank=True, max_length=500, verbose_name="lý do"),
                ),
                (
                    "done_on",
                    models.DateField(blank=True, null=True, verbose_name="ngày hoàn thành"),
                ),
                ("submitted_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("closed_at", models.DateTimeField(blank=True, null=True)),
                (
                    "assigning_unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="tasks_assigned",
                        to="org.unit",
                        verbose_name="đơn vị giao",
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
                    "directive",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="tasks",
                        to="directives.directive",
                    ),
                ),
                (
                    "lead_unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="tasks_led",
                        to="org.unit",
                        verbose_name="đơn vị chủ trì",
                    ),
                ),
                (
                    "leader",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="tasks_followed",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="lãnh đạo phụ trách",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="directives.task",
                    ),
                ),
                (
                    "previous",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="next_occurrence",
                        to="directives.task",
                    ),
                ),
                (
                    "product_document",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="documents.outgoingdocument",
                    ),
                ),
                (
                    "programme_item",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="planning.programmeitem",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "supporting_units",
                    models.ManyToManyField(
                        blank=True,
                        related_name="tasks_supported",
                        to="org.unit",
                        verbose_name="đơn vị phối hợp",
                    ),
                ),
            ],
            options={
                "verbose_name": "nhiệm vụ",
                "verbose_name_plural": "nhiệm vụ",
                "ordering": ["deadline", "id"],
            },
        ),
        migrations.CreateModel(
            name="Reminder",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("day", models.DateField()),
                ("overdue", models.BooleanField()),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "task",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reminders",
                        to="directives.task",
                    ),
                ),
            ],
        ),
        migrations.AddField(
            model_name="progressreport",
            name="task",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="reports",
                to="directives.task",
            ),
        ),
        migrations.CreateModel(
            name="ExtensionRequest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("old_deadline", models.DateField(blank=True, null=True)),
                ("new_deadline", models.DateField(verbose_name="thời hạn đề nghị")),
                ("reason", models.CharField(max_length=500, verbose_name="lý do")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Chờ quyết định"),
                            ("approved", "Đồng ý"),
                            ("refused", "Không đồng ý"),
                        ],
                        default="pending",
                        max_length=20,
                    ),
                ),
                ("decided_at", models.DateTimeField(blank=True, null=True)),
                ("decision_note", models.CharField(blank=True, max_length=500)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "requested_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "task",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="extensions",
                        to="directives.task",
                    ),
                ),
            ],
            options={
                "ordering": ["task", "created_at"],
            },
        ),
        migrations.CreateModel(
            name="Delegation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("starts_on", models.DateField(verbose_name="từ ngày")),
                ("ends_on", models.DateField(blank=True, null=True, verbose_name="đến ngày")),
                ("note", models.CharField(blank=True, max_length=500, verbose_name="ghi chú")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("ended_at", models.DateTimeField(blank=True, null=True)),
                (
                    "created_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "delegate",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="delegations_received",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người được ủy quyền",
                    ),
                ),
                (
                    "ended_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "leader",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="delegations_given",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="lãnh đạo ủy quyền",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="org.unit",
                        verbose_name="đơn vị giao nhiệm vụ",
                    ),
                ),
            ],
            options={
                "verbose_name": "ủy quyền quyết định",
                "verbose_name_plural": "ủy quyền quyết định",
                "ordering": ["-starts_on", "-id"],
                "indexes": [
                    models.Index(fields=["delegate", "unit"], name="directives_delegation_to")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("leader", models.F("delegate")), _negated=True),
                        name="directives_delegation_not_self",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("ends_on__isnull", True),
                            ("ends_on__gte", models.F("starts_on")),
                            _connector="OR",
                        ),
                        name="directives_delegation_ends_after_start",
                    ),
                ],
            },
        ),
        migrations.AddConstraint(
            model_name="directive",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("incoming__isnull", True), ("outgoing__isnull", True)),
                    models.Q(("incoming__isnull", True), ("programme__isnull", True)),
                    models.Q(("outgoing__isnull", True), ("programme__isnull", True)),
                    _connector="OR",
                ),
                name="directives_one_source",
            ),
        ),
        migrations.AddConstraint(
            model_name="directive",
            constraint=models.UniqueConstraint(
                condition=models.Q(("incoming__isnull", False)),
                fields=("unit", "incoming"),
                name="directives_incoming_once",
            ),
        ),
        migrations.AddConstraint(
            model_name="directive",
            constraint=models.UniqueConstraint(
                condition=models.Q(("outgoing__isnull", False)),
                fields=("unit", "outgoing"),
                name="directives_outgoing_once",
            ),
        ),
        migrations.AddConstraint(
            model_name="directive",
            constraint=models.UniqueConstraint(
                condition=models.Q(("programme__isnull", False)),
                fields=("unit", "programme"),
                name="directives_programme_once",
            ),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                fields=["lead_unit", "directive", "state", "deadline", "done_on", "late_from"],
                name="directives_task_lead",
            ),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                fields=["assigning_unit", "state", "deadline"], name="directives_task_assigned"
            ),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(fields=["state", "deadline"], name="directives_task_due"),
        ),
        migrations.AddConstraint(
            model_name="task",
            constraint=models.UniqueConstraint(
                condition=models.Q(("programme_item__isnull", False)),
                fields=("programme_item",),
                name="directives_item_once",
            ),
        ),
        migrations.AddConstraint(
            model_name="reminder",
            constraint=models.UniqueConstraint(
                fields=("task", "day"), name="directives_reminder_once"
            ),
        ),
        migrations.AddConstraint(
            model_name="extensionrequest",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "pending")),
                fields=("task",),
                name="directives_one_pending",
            ),
        ),
    ]
