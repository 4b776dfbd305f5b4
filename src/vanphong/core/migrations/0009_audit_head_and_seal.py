"""Anchor the audit chain: the head row, and a keyed event closing the unkeyed events of an
existing installation (core.audit.seal_unkeyed). The chain's counter row is no longer used."""

from django.db import migrations


def anchor(apps, schema_editor):
    from vanphong.core.audit import seal_unkeyed

    seal_unkeyed(apps.get_model("core", "AuditEvent"), apps.get_model("core", "AuditHead"))
    apps.get_model("core", "Counter").objects.filter(series="core.audit").delete()


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0008_audit_keyed_and_anchored"),
    ]

    operations = [
        migrations.RunPython(anchor, migrations.RunPython.noop),
    ]
