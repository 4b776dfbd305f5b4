from django.db import migrations


def seed(apps, schema_editor):
    from vanphong.core.rules import seed_defaults

    seed_defaults(apps.get_model("core", "RuleSet"))


class Migration(migrations.Migration):
    dependencies = [("core", "0002_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
