from django.db import migrations


def backfill(apps, schema_editor):
    """Tasks reported done before Task.submitted_by existed: who and when, from the last
    `task.submit` audit event of each (the events name a task by its uuid)."""
    AuditEvent = apps.get_model("core", "AuditEvent")
    Task = apps.get_model("directives", "Task")
    last: dict[str, tuple[int | None, object]] = {}
    events = (
        AuditEvent.objects.filter(action="task.submit")
        .order_by("id")
        .values_list("object_id", "actor_id", "occurred_at")
    )
    for object_id, actor_id, occurred_at in events.iterator():
        last[object_id] = (actor_id, occurred_at)
    uuids = list(last)
    for start in range(0, len(uuids), 500):  # bounded IN lists
        for pk, uuid in Task.objects.filter(uuid__in=uuids[start : start + 500]).values_list(
            "pk", "uuid"
        ):
            actor_id, occurred_at = last[str(uuid)]
            Task.objects.filter(pk=pk).update(submitted_by_id=actor_id, submitted_at=occurred_at)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_audit_head_and_seal"),
        ("directives", "0008_task_submitted_by"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
