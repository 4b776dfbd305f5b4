# Usernames are now lower-case ASCII letters, digits, ".", "_" and "-" (org.usernames), checked
# when an account is created. Existing accounts are not renamed: a username is what its owner
# types to log in, and renaming it silently would lock them out. This only names the accounts
# whose username no longer fits, so an administrator can agree a new one with each owner.

import re
import sys

from django.db import migrations

# A literal copy of org.usernames.USERNAME_PATTERN: a migration never imports live code.
VALID = re.compile(r"[a-z0-9._-]+", re.ASCII)


def invalid_usernames(apps, schema_editor):
    Person = apps.get_model("org", "Person")
    return sorted(
        name
        for name in Person.objects.values_list("username", flat=True)
        if not VALID.fullmatch(name)
    )


def report(apps, schema_editor):
    found = invalid_usernames(apps, schema_editor)
    if found:
        sys.stderr.write(
            "\n  Tên đăng nhập không đúng quy tắc mới (chữ thường không dấu, chữ số, . _ -), "
            f"chưa đổi: {', '.join(found)}\n"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("org", "0002_english_values"),
    ]

    operations = [migrations.RunPython(report, migrations.RunPython.noop, elidable=True)]
