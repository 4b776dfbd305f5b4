"""The usual fields (lĩnh vực) of letters, as the petitions books of Party Offices list them;
editable afterwards on the fields page."""

from django.db import migrations

FIELDS = (
    "Đất đai",
    "Bồi thường, hỗ trợ, tái định cư",
    "Chế độ chính sách",
    "Tham nhũng, tiêu cực",
    "Đảng viên vi phạm",
    "Tổ chức cán bộ",
    "Tư pháp",
    "Hành chính",
    "Kinh tế, tài chính",
    "Văn hóa, xã hội",
    "Khác",
)


def seed(apps, schema_editor):  # type: ignore[no-untyped-def]
    Field = apps.get_model("petitions", "Field")
    for position, name in enumerate(FIELDS, start=1):
        Field.objects.get_or_create(name=name, defaults={"position": position})


def unseed(apps, schema_editor):  # type: ignore[no-untyped-def]
    Field = apps.get_model("petitions", "Field")
    Field.objects.filter(name__in=FIELDS, letters__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("petitions", "0002_dupes_indexes")]

    operations = [migrations.RunPython(seed, unseed)]
