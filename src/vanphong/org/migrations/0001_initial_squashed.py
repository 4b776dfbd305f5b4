"""The org tables, squashed from the chain listed in `replaces`."""

import django.db.models.deletion
import django.utils.timezone
import uuid
import vanphong.org.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("org", "0001_initial"),
        ("org", "0002_membership_request"),
    ]

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.CreateModel(
            name="Person",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("password", models.CharField(max_length=128, verbose_name="password")),
                (
                    "last_login",
                    models.DateTimeField(blank=True, null=True, verbose_name="last login"),
                ),
                (
                    "is_superuser",
                    models.BooleanField(
                        default=False,
                        help_text="Designates that this user has all permissions without explicitly assigning them.",
                        verbose_name="superuser status",
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "username",
                    models.CharField(max_length=150, unique=True, verbose_name="tên đăng nhập"),
                ),
                ("full_name", models.CharField(max_length=150, verbose_name="họ và tên")),
                (
                    "email",
                    models.EmailField(blank=True, max_length=254, verbose_name="thư điện tử"),
                ),
                ("phone", models.CharField(blank=True, max_length=30, verbose_name="điện thoại")),
                ("is_active", models.BooleanField(default=True, verbose_name="đang hoạt động")),
                (
                    "is_staff",
                    models.BooleanField(default=False, verbose_name="vào trang quản trị Django"),
                ),
                (
                    "date_joined",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="ngày tạo"
                    ),
                ),
                ("name_folded", models.CharField(db_index=True, editable=False, max_length=150)),
                (
                    "session_salt",
                    models.CharField(
                        default=vanphong.org.models._new_session_salt, editable=False, max_length=32
                    ),
                ),
                (
                    "groups",
                    models.ManyToManyField(
                        blank=True,
                        help_text="The groups this user belongs to. A user will get all permissions granted to each of their groups.",
                        related_name="user_set",
                        related_query_name="user",
                        to="auth.group",
                        verbose_name="groups",
                    ),
                ),
                (
                    "user_permissions",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Specific permissions for this user.",
                        related_name="user_set",
                        related_query_name="user",
                        to="auth.permission",
                        verbose_name="user permissions",
                    ),
                ),
            ],
            options={
                "verbose_name": "cán bộ",
                "verbose_name_plural": "cán bộ",
                "ordering": ["name_folded", "username"],
            },
            managers=[
                ("objects", vanphong.org.models.PersonManager()),
            ],
        ),
        migrations.CreateModel(
            name="Membership",
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
                        choices=[
                            ("van_thu", "Văn thư"),
                            ("chuyen_vien", "Chuyên viên"),
                            ("lanh_dao_vp", "Lãnh đạo Văn phòng"),
                            ("lanh_dao_cap_uy", "Lãnh đạo cấp ủy"),
                            ("tiep_dan", "Cán bộ tiếp dân"),
                            ("thi_dua", "Cán bộ thi đua"),
                            ("quan_tri", "Quản trị hệ thống"),
                        ],
                        max_length=20,
                        verbose_name="vai trò",
                    ),
                ),
                (
                    "clearance",
                    models.PositiveSmallIntegerField(
                        choices=[(0, "Không mật"), (1, "Mật"), (2, "Tối mật"), (3, "Tuyệt mật")],
                        default=0,
                        verbose_name="độ mật được tiếp cận",
                    ),
                ),
                (
                    "position",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Chánh Văn phòng.",
                        max_length=150,
                        verbose_name="chức vụ",
                    ),
                ),
                (
                    "starts_on",
                    models.DateField(
                        default=django.utils.timezone.localdate, verbose_name="từ ngày"
                    ),
                ),
                ("ends_on", models.DateField(blank=True, null=True, verbose_name="đến ngày")),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="memberships",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="cán bộ",
                    ),
                ),
            ],
            options={
                "verbose_name": "công tác",
                "verbose_name_plural": "công tác",
                "ordering": ["unit__sort_order", "unit__name", "role"],
            },
        ),
        migrations.CreateModel(
            name="Unit",
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
                        choices=[
                            ("tinh_uy", "Tỉnh ủy"),
                            ("huyen_uy", "Huyện ủy"),
                            ("thi_uy", "Thị ủy"),
                            ("dang_uy", "Đảng ủy"),
                            ("van_phong", "Văn phòng"),
                            ("ban", "Ban, cơ quan tham mưu"),
                            ("phong", "Phòng"),
                        ],
                        max_length=20,
                        verbose_name="loại đơn vị",
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="tên đơn vị")),
                (
                    "short_name",
                    models.CharField(blank=True, max_length=100, verbose_name="tên ngắn"),
                ),
                (
                    "symbol",
                    models.CharField(
                        help_text="Ký hiệu cơ quan ban hành trên văn bản, ví dụ TU, HU, VPTU.",
                        max_length=30,
                        verbose_name="ký hiệu văn bản",
                    ),
                ),
                (
                    "superior_name",
                    models.CharField(
                        blank=True,
                        help_text="Dòng trên cùng bên trái của văn bản, ví dụ ĐẢNG BỘ TỈNH TÂY NINH.",
                        max_length=200,
                        verbose_name="tên cơ quan chủ quản",
                    ),
                ),
                (
                    "place",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Tây Ninh, Hòa Thành.",
                        max_length=100,
                        verbose_name="địa danh",
                    ),
                ),
                (
                    "numbering_style",
                    models.CharField(
                        choices=[
                            ("party", "Văn bản Đảng (Số 45-NQ/TU)"),
                            ("government", "Văn bản hành chính (Số: 123/QĐ-UBND)"),
                        ],
                        default="party",
                        max_length=20,
                        verbose_name="kiểu đánh số",
                    ),
                ),
                ("sort_order", models.PositiveIntegerField(default=0, verbose_name="thứ tự")),
                ("is_active", models.BooleanField(default=True, verbose_name="đang hoạt động")),
                ("name_folded", models.CharField(db_index=True, editable=False, max_length=200)),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="org.unit",
                        verbose_name="đơn vị cấp trên",
                    ),
                ),
            ],
            options={
                "verbose_name": "đơn vị",
                "verbose_name_plural": "đơn vị",
                "ordering": ["sort_order", "name"],
            },
        ),
        migrations.CreateModel(
            name="MembershipRequest",
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
                        choices=[
                            ("van_thu", "Văn thư"),
                            ("chuyen_vien", "Chuyên viên"),
                            ("lanh_dao_vp", "Lãnh đạo Văn phòng"),
                            ("lanh_dao_cap_uy", "Lãnh đạo cấp ủy"),
                            ("tiep_dan", "Cán bộ tiếp dân"),
                            ("thi_dua", "Cán bộ thi đua"),
                            ("quan_tri", "Quản trị hệ thống"),
                        ],
                        max_length=20,
                        verbose_name="vai trò",
                    ),
                ),
                (
                    "clearance",
                    models.PositiveSmallIntegerField(
                        choices=[(0, "Không mật"), (1, "Mật"), (2, "Tối mật"), (3, "Tuyệt mật")],
                        default=0,
                        verbose_name="độ mật được tiếp cận",
                    ),
                ),
                ("position", models.CharField(blank=True, max_length=150, verbose_name="chức vụ")),
                ("starts_on", models.DateField(blank=True, null=True, verbose_name="từ ngày")),
                (
                    "requested_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="ngày đề nghị"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Chờ xác nhận"),
                            ("confirmed", "Đã xác nhận"),
                            ("refused", "Đã từ chối"),
                        ],
                        default="pending",
                        max_length=10,
                        verbose_name="trạng thái",
                    ),
                ),
                (
                    "decided_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="ngày quyết định"),
                ),
                ("reason", models.TextField(blank=True, verbose_name="lý do từ chối")),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người quyết định",
                    ),
                ),
                (
                    "membership",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="requests",
                        to="org.membership",
                        verbose_name="công tác được sửa",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="membership_requests",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="cán bộ",
                    ),
                ),
                (
                    "requested_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người đề nghị",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="membership_requests",
                        to="org.unit",
                        verbose_name="đơn vị",
                    ),
                ),
            ],
            options={
                "verbose_name": "đề nghị phân quyền",
                "verbose_name_plural": "đề nghị phân quyền",
                "ordering": ["-requested_at"],
            },
        ),
        migrations.AddField(
            model_name="membership",
            name="unit",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="memberships",
                to="org.unit",
                verbose_name="đơn vị",
            ),
        ),
        migrations.CreateModel(
            name="CommitteeTerm",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("name", models.CharField(max_length=100, verbose_name="tên nhiệm kỳ")),
                (
                    "congress",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: IX (Đại hội IX).",
                        max_length=20,
                        verbose_name="đại hội",
                    ),
                ),
                ("starts_on", models.DateField(verbose_name="bắt đầu")),
                ("ends_on", models.DateField(blank=True, null=True, verbose_name="kết thúc")),
                (
                    "committee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="terms",
                        to="org.unit",
                        verbose_name="cấp ủy",
                    ),
                ),
            ],
            options={
                "verbose_name": "nhiệm kỳ",
                "verbose_name_plural": "nhiệm kỳ",
                "ordering": ["committee", "-starts_on"],
            },
        ),
        migrations.AddConstraint(
            model_name="unit",
            constraint=models.UniqueConstraint(
                fields=("parent", "name_folded"), name="org_unit_name_unique_under_parent"
            ),
        ),
        migrations.AddConstraint(
            model_name="membershiprequest",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "pending")),
                fields=("person", "unit", "role"),
                name="org_request_once_while_pending",
            ),
        ),
        migrations.AddConstraint(
            model_name="membershiprequest",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("decided_by__isnull", True), ("status", "pending")),
                    models.Q(
                        models.Q(("status", "pending"), _negated=True),
                        ("decided_by__isnull", False),
                    ),
                    _connector="OR",
                ),
                name="org_request_decided_by_whom",
            ),
        ),
        migrations.AddIndex(
            model_name="membership",
            index=models.Index(fields=["unit", "role"], name="org_membership_unit_role"),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.UniqueConstraint(
                condition=models.Q(("ends_on__isnull", True)),
                fields=("person", "unit", "role"),
                name="org_membership_once_while_open",
            ),
        ),
        migrations.AddConstraint(
            model_name="committeeterm",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ends_on__isnull", True),
                    ("ends_on__gt", models.F("starts_on")),
                    _connector="OR",
                ),
                name="org_term_ends_after_start",
            ),
        ),
        migrations.AddConstraint(
            model_name="committeeterm",
            constraint=models.UniqueConstraint(
                fields=("committee", "starts_on"), name="org_term_start_once"
            ),
        ),
    ]
