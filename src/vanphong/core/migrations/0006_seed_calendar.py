from django.db import migrations


def seed(apps, schema_editor):
    from vanphong.core.calendar_seed import seed_calendar_days
    from vanphong.core.rules import seed_defaults

    # The rule set gained calendar.fixed_holidays after 0003 ran on existing installations.
    seed_defaults(apps.get_model("core", "RuleSet"))
    seed_calendar_days(apps.get_model("core", "CalendarDay"))


class Migration(migrations.Migration):
    dependencies = [("core", "0005_calendarday")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
