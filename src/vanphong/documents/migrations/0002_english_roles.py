from django.db import migrations

# Roles are stored in English since org 0003; approval steps name them in JSON. A literal
# map: a migration never imports live code.
ROLES = {
    "van_thu": "clerk",
    "chuyen_vien": "specialist",
    "lanh_dao_vp": "office_leader",
    "lanh_dao_cap_uy": "committee_leader",
    "tiep_dan": "reception",
    "thi_dua": "emulation",
    "quan_tri": "admin",
}


def renamed(steps, roles):
    return [{**step, "role": roles.get(step.get("role"), step.get("role"))} for step in steps]


def rename(apps, *, reverse):
    roles = {new: old for old, new in ROLES.items()} if reverse else ROLES
    for model_name, column in (("ApprovalChain", "steps"), ("OutgoingDocument", "chain")):
        model = apps.get_model("documents", model_name)
        for row in model.objects.only("pk", column).iterator():
            steps = renamed(getattr(row, column), roles)
            if steps != getattr(row, column):
                setattr(row, column, steps)
                row.save(update_fields=[column])


def forwards(apps, schema_editor):
    rename(apps, reverse=False)


def backwards(apps, schema_editor):
    rename(apps, reverse=True)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial_squashed"),
        ("org", "0002_english_values"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
