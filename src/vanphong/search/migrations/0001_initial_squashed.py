"""The search tables, squashed from the chain listed in `replaces`."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("search", "0001_initial"),
        ("search", "0002_outbox_pruned"),
    ]

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="OutboxEntry",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("kind", models.CharField(max_length=30)),
                ("object_uuid", models.UUIDField()),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "verbose_name": "thay đổi chờ lập chỉ mục",
            },
        ),
        migrations.CreateModel(
            name="OutboxPruned",
            fields=[
                (
                    "id",
                    models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False),
                ),
                ("through", models.BigIntegerField(default=0)),
                ("at", models.DateTimeField(null=True)),
            ],
            options={
                "verbose_name": "mốc đã dọn hàng đợi lập chỉ mục",
            },
        ),
    ]
