"""The documents tables.

Replaced and left out: the data step of 0002_approval_by_leaders_only rewrote approval chains
and drafts under review saved before approval became a leader's act. A fresh database has none;
a database that applied the old chain keeps what it did.
"""

import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("documents", "0001_initial"),
        ("documents", "0002_approval_by_leaders_only"),
    ]

    dependencies = [
        ("core", "0001_initial_squashed"),
        ("org", "0001_initial_squashed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ApprovalChain",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("steps", models.JSONField(default=list)),
                ("allow_self_approval", models.BooleanField(default=False)),
                ("self_approval_at", models.DateTimeField(blank=True, null=True)),
                (
                    "self_approval_by",
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
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="approval_chain",
                        to="org.unit",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="Delivery",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "external_name",
                    models.CharField(blank=True, max_length=200, verbose_name="nơi nhận bên ngoài"),
                ),
                (
                    "delivery_note",
                    models.CharField(blank=True, max_length=500, verbose_name="ghi chú gửi"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("01", "Đã đến"),
                            ("02", "Từ chối tiếp nhận"),
                            ("03", "Đã vào sổ"),
                            ("04", "Đã phân công"),
                            ("05", "Đang xử lý"),
                            ("06", "Hoàn thành"),
                            ("13", "Đề nghị thu hồi"),
                            ("15", "Đã thu hồi"),
                            ("16", "Từ chối thu hồi"),
                            ("00", "Đã gửi ra ngoài"),
                        ],
                        max_length=2,
                    ),
                ),
                ("status_at", models.DateTimeField()),
                ("sent_at", models.DateTimeField(auto_now_add=True)),
                (
                    "recipient_unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="inbox_deliveries",
                        to="org.unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "nơi nhận",
            },
        ),
        migrations.CreateModel(
            name="DeliveryEvent",
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
                        choices=[
                            ("01", "Đã đến"),
                            ("02", "Từ chối tiếp nhận"),
                            ("03", "Đã vào sổ"),
                            ("04", "Đã phân công"),
                            ("05", "Đang xử lý"),
                            ("06", "Hoàn thành"),
                            ("13", "Đề nghị thu hồi"),
                            ("15", "Đã thu hồi"),
                            ("16", "Từ chối thu hồi"),
                            ("00", "Đã gửi ra ngoài"),
                        ],
                        max_length=2,
                    ),
                ),
                ("at", models.DateTimeField(auto_now_add=True)),
                ("description", models.CharField(blank=True, max_length=500)),
                (
                    "by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "delivery",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="events",
                        to="documents.delivery",
                    ),
                ),
            ],
            options={
                "ordering": ["at", "id"],
            },
        ),
        migrations.CreateModel(
            name="IncomingDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("year", models.PositiveSmallIntegerField(verbose_name="năm")),
                ("number", models.PositiveIntegerField(verbose_name="số đến")),
                ("received_at", models.DateTimeField(verbose_name="ngày đến")),
                (
                    "medium",
                    models.CharField(
                        choices=[
                            ("paper", "Giấy"),
                            ("electronic", "Điện tử"),
                            ("internal", "Liên thông nội bộ"),
                        ],
                        max_length=20,
                        verbose_name="hình thức",
                    ),
                ),
                ("sender_name", models.CharField(max_length=200, verbose_name="cơ quan ban hành")),
                ("sender_folded", models.CharField(editable=False, max_length=200)),
                ("number_symbol", models.CharField(max_length=50, verbose_name="số, ký hiệu")),
                ("symbol_key", models.CharField(max_length=80)),
                ("document_date", models.DateField(verbose_name="ngày văn bản")),
                (
                    "type_symbol",
                    models.CharField(blank=True, max_length=10, verbose_name="loại văn bản"),
                ),
                (
                    "type_name",
                    models.CharField(blank=True, max_length=100, verbose_name="tên loại"),
                ),
                ("subject", models.CharField(max_length=500, verbose_name="trích yếu")),
                ("subject_folded", models.CharField(editable=False, max_length=500)),
                (
                    "page_count",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="số trang"),
                ),
                (
                    "confidentiality",
                    models.PositiveSmallIntegerField(
                        choices=[(0, "Không mật"), (1, "Mật"), (2, "Tối mật"), (3, "Tuyệt mật")],
                        default=0,
                        verbose_name="độ mật",
                    ),
                ),
                (
                    "urgency",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (0, "Thường"),
                            (1, "Khẩn"),
                            (2, "Thượng khẩn"),
                            (3, "Hỏa tốc"),
                            (4, "Hỏa tốc hẹn giờ"),
                        ],
                        default=0,
                        verbose_name="độ khẩn",
                    ),
                ),
                ("deadline", models.DateField(blank=True, null=True, verbose_name="hạn xử lý")),
                (
                    "recipients_note",
                    models.CharField(blank=True, max_length=500, verbose_name="đơn vị, người nhận"),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("registered", "Đã vào sổ"),
                            ("presented", "Đã trình"),
                            ("assigned", "Đã giao xử lý"),
                            ("done", "Đã xử lý xong"),
                            ("filed", "Lưu để biết"),
                            ("recalled", "Đã thu hồi"),
                            ("cancelled", "Đã hủy"),
                        ],
                        default="registered",
                        max_length=20,
                    ),
                ),
                ("status_reason", models.CharField(blank=True, max_length=500)),
                ("presented_at", models.DateTimeField(blank=True, null=True)),
                ("duplicate_reason", models.CharField(blank=True, max_length=500)),
                ("registered_at", models.DateTimeField(auto_now_add=True)),
                (
                    "submission_id",
                    models.UUIDField(blank=True, editable=False, null=True, unique=True),
                ),
                (
                    "delivery",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="registered_as",
                        to="documents.delivery",
                    ),
                ),
                (
                    "duplicate_of",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="documents.incomingdocument",
                    ),
                ),
                (
                    "presented_to",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="incoming_presented",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "registered_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "sender_unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="org.unit",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="incoming",
                        to="org.unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "văn bản đến",
                "verbose_name_plural": "văn bản đến",
            },
        ),
        migrations.CreateModel(
            name="Direction",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("given_at", models.DateTimeField(auto_now_add=True)),
                ("text", models.TextField(verbose_name="ý kiến chỉ đạo")),
                ("deadline", models.DateField(blank=True, null=True, verbose_name="hạn xử lý")),
                (
                    "given_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="directions",
                        to="documents.incomingdocument",
                    ),
                ),
            ],
            options={
                "verbose_name": "ý kiến chỉ đạo",
                "ordering": ["given_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="OutgoingDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("type_symbol", models.CharField(max_length=10, verbose_name="loại văn bản")),
                ("type_name", models.CharField(max_length=100, verbose_name="tên loại")),
                ("subject", models.CharField(max_length=500, verbose_name="trích yếu")),
                ("subject_folded", models.CharField(editable=False, max_length=500)),
                (
                    "confidentiality",
                    models.PositiveSmallIntegerField(
                        choices=[(0, "Không mật"), (1, "Mật"), (2, "Tối mật"), (3, "Tuyệt mật")],
                        default=0,
                        verbose_name="độ mật",
                    ),
                ),
                (
                    "urgency",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (0, "Thường"),
                            (1, "Khẩn"),
                            (2, "Thượng khẩn"),
                            (3, "Hỏa tốc"),
                            (4, "Hỏa tốc hẹn giờ"),
                        ],
                        default=0,
                        verbose_name="độ khẩn",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("in_review", "Đang trình duyệt"),
                            ("returned", "Bị trả lại"),
                            ("approved", "Đã duyệt"),
                            ("signed", "Đã ký"),
                            ("issued", "Đã phát hành"),
                            ("withdrawn", "Đã thu hồi"),
                            ("cancelled", "Đã hủy"),
                        ],
                        default="draft",
                        max_length=20,
                    ),
                ),
                ("status_reason", models.CharField(blank=True, max_length=500)),
                ("chain", models.JSONField(blank=True, default=list)),
                ("current_step", models.PositiveSmallIntegerField(default=0)),
                (
                    "signer_position",
                    models.CharField(blank=True, max_length=100, verbose_name="chức vụ người ký"),
                ),
                (
                    "signing_authority",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "Ký trực tiếp"),
                            ("T/M", "T/M (thay mặt)"),
                            ("K/T", "K/T (ký thay)"),
                            ("T/L", "T/L (thừa lệnh)"),
                            ("TUQ", "TUQ (thừa ủy quyền)"),
                        ],
                        max_length=5,
                        verbose_name="thẩm quyền ký",
                    ),
                ),
                ("signed_at", models.DateTimeField(blank=True, null=True)),
                ("series", models.CharField(blank=True, max_length=200)),
                ("number", models.PositiveIntegerField(blank=True, null=True, verbose_name="số")),
                (
                    "number_symbol",
                    models.CharField(blank=True, max_length=50, verbose_name="số, ký hiệu"),
                ),
                ("symbol_key", models.CharField(blank=True, db_index=True, max_length=80)),
                (
                    "issued_on",
                    models.DateField(blank=True, null=True, verbose_name="ngày ban hành"),
                ),
                ("issued_at", models.DateTimeField(blank=True, null=True)),
                (
                    "page_count",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="số trang"),
                ),
                ("copies", models.PositiveIntegerField(default=1, verbose_name="số lượng bản")),
                (
                    "file_copy_holder",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="đơn vị, người nhận bản lưu"
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                (
                    "drafter",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="drafts",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "issued_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reply_to",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="replies",
                        to="documents.incomingdocument",
                    ),
                ),
                (
                    "signer",
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
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="outgoing",
                        to="org.unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "văn bản đi",
                "verbose_name_plural": "văn bản đi",
            },
        ),
        migrations.CreateModel(
            name="DraftVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("version", models.PositiveSmallIntegerField()),
                ("body", models.TextField(blank=True, verbose_name="nội dung")),
                (
                    "note",
                    models.CharField(blank=True, max_length=500, verbose_name="ghi chú phiên bản"),
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
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="versions",
                        to="documents.outgoingdocument",
                    ),
                ),
            ],
            options={
                "ordering": ["version"],
            },
        ),
        migrations.AddField(
            model_name="delivery",
            name="document",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="deliveries",
                to="documents.outgoingdocument",
            ),
        ),
        migrations.CreateModel(
            name="Attachment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("filename", models.CharField(max_length=200, verbose_name="tên tệp")),
                ("uploaded_at", models.DateTimeField(auto_now_add=True)),
                ("text", models.TextField(blank=True)),
                ("text_extracted_at", models.DateTimeField(blank=True, null=True)),
                (
                    "file",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.storedfile",
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "version",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="attachments",
                        to="documents.draftversion",
                    ),
                ),
                (
                    "incoming",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="attachments",
                        to="documents.incomingdocument",
                    ),
                ),
                (
                    "outgoing",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="attachments",
                        to="documents.outgoingdocument",
                    ),
                ),
            ],
            options={
                "verbose_name": "tệp đính kèm",
            },
        ),
        migrations.CreateModel(
            name="Assignment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "role",
                    models.CharField(
                        choices=[("lead", "Chủ trì"), ("support", "Phối hợp"), ("info", "Để biết")],
                        max_length=10,
                    ),
                ),
                ("deadline", models.DateField(blank=True, null=True, verbose_name="hạn xử lý")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("open", "Chưa xử lý"),
                            ("in_progress", "Đang xử lý"),
                            ("done", "Hoàn thành"),
                            ("handed_over", "Đã chuyển người khác"),
                            ("cancelled", "Đã hủy"),
                        ],
                        default="open",
                        max_length=20,
                    ),
                ),
                ("assigned_at", models.DateTimeField(auto_now_add=True)),
                ("completed_at", models.DateTimeField(blank=True, null=True)),
                ("result", models.TextField(blank=True, verbose_name="kết quả")),
                (
                    "assigned_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "assignee",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="assignments",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "assignee_unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="org.unit",
                    ),
                ),
                (
                    "handed_to",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="documents.assignment",
                    ),
                ),
                (
                    "direction",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="assignments",
                        to="documents.direction",
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="assignments",
                        to="documents.incomingdocument",
                    ),
                ),
                (
                    "reply",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="documents.outgoingdocument",
                    ),
                ),
            ],
            options={
                "verbose_name": "phân công xử lý",
            },
        ),
        migrations.CreateModel(
            name="ApprovalStep",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("step", models.PositiveSmallIntegerField()),
                (
                    "decision",
                    models.CharField(
                        choices=[("approved", "Đồng ý"), ("returned", "Trả lại")], max_length=10
                    ),
                ),
                ("decided_at", models.DateTimeField(auto_now_add=True)),
                ("comment", models.TextField(blank=True, verbose_name="ý kiến")),
                (
                    "decided_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "version",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="documents.draftversion",
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="decisions",
                        to="documents.outgoingdocument",
                    ),
                ),
            ],
            options={
                "ordering": ["decided_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="Participant",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "incoming",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="participants",
                        to="documents.incomingdocument",
                    ),
                ),
                (
                    "outgoing",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="participants",
                        to="documents.outgoingdocument",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="ProgressNote",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("written_at", models.DateTimeField(auto_now_add=True)),
                ("text", models.TextField(verbose_name="tiến độ")),
                (
                    "assignment",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="notes",
                        to="documents.assignment",
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["written_at", "id"],
            },
        ),
        migrations.AddIndex(
            model_name="incomingdocument",
            index=models.Index(fields=["unit", "-received_at", "-id"], name="doc_in_book"),
        ),
        migrations.AddIndex(
            model_name="incomingdocument",
            index=models.Index(fields=["unit", "status", "-received_at"], name="doc_in_status"),
        ),
        migrations.AddIndex(
            model_name="incomingdocument",
            index=models.Index(fields=["unit", "symbol_key"], name="doc_in_duplicates"),
        ),
        migrations.AddConstraint(
            model_name="incomingdocument",
            constraint=models.UniqueConstraint(
                fields=("unit", "year", "number"), name="doc_in_number_once"
            ),
        ),
        migrations.AddIndex(
            model_name="outgoingdocument",
            index=models.Index(fields=["unit", "-issued_on", "-id"], name="doc_out_book"),
        ),
        migrations.AddIndex(
            model_name="outgoingdocument",
            index=models.Index(fields=["unit", "status", "-created_at"], name="doc_out_status"),
        ),
        migrations.AddConstraint(
            model_name="outgoingdocument",
            constraint=models.UniqueConstraint(
                condition=models.Q(("number__isnull", False)),
                fields=("series", "number"),
                name="doc_out_number_once",
            ),
        ),
        migrations.AddConstraint(
            model_name="draftversion",
            constraint=models.UniqueConstraint(
                fields=("document", "version"), name="doc_version_once"
            ),
        ),
        migrations.AddIndex(
            model_name="delivery",
            index=models.Index(fields=["recipient_unit", "status"], name="doc_queue"),
        ),
        migrations.AddConstraint(
            model_name="delivery",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("recipient_unit__isnull", False),
                    models.Q(("external_name", ""), _negated=True),
                    _connector="OR",
                ),
                name="doc_delivery_has_recipient",
            ),
        ),
        migrations.AddConstraint(
            model_name="delivery",
            constraint=models.UniqueConstraint(
                condition=models.Q(("recipient_unit__isnull", False)),
                fields=("document", "recipient_unit"),
                name="doc_delivery_once_per_unit",
            ),
        ),
        migrations.AddConstraint(
            model_name="attachment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("incoming__isnull", False),
                    ("outgoing__isnull", False),
                    ("version__isnull", False),
                    _connector="OR",
                ),
                name="doc_attachment_belongs",
            ),
        ),
        migrations.AddIndex(
            model_name="assignment",
            index=models.Index(fields=["assignee", "status", "deadline"], name="doc_inbox"),
        ),
        migrations.AddConstraint(
            model_name="assignment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("assignee__isnull", False), ("assignee_unit__isnull", False), _connector="OR"
                ),
                name="doc_assignment_has_someone",
            ),
        ),
        migrations.AddConstraint(
            model_name="participant",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("incoming__isnull", False), ("outgoing__isnull", False), _connector="XOR"
                ),
                name="doc_participant_one_document",
            ),
        ),
        migrations.AddConstraint(
            model_name="participant",
            constraint=models.UniqueConstraint(
                condition=models.Q(("incoming__isnull", False)),
                fields=("person", "incoming"),
                name="doc_participant_in_once",
            ),
        ),
        migrations.AddConstraint(
            model_name="participant",
            constraint=models.UniqueConstraint(
                condition=models.Q(("outgoing__isnull", False)),
                fields=("person", "outgoing"),
                name="doc_participant_out_once",
            ),
        ),
    ]
