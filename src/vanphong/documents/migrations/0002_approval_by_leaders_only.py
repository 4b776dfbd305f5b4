import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

LEADER_ROLES = ("lanh_dao_vp", "lanh_dao_cap_uy")
OFFICE_LEADER = "lanh_dao_vp"


def leaders_only(apps, schema_editor):
    """Approval is a leader's act, and self-approval needs the committee's own leader.

    Chains saved before that rule may name other roles and may allow self-approval that
    nobody entitled to allow it allowed: a chain keeps only its leader steps (none left: the
    default chain) and self-approval is off until a committee leader allows it again. Drafts
    under review keep their step count (their position in it stays right) with a leader of
    the Office in place of any other role, and lose self-approval the same way.
    """
    ApprovalChain = apps.get_model("documents", "ApprovalChain")
    OutgoingDocument = apps.get_model("documents", "OutgoingDocument")
    for chain in ApprovalChain.objects.all():
        steps = [step for step in chain.steps if step.get("role") in LEADER_ROLES]
        if steps != chain.steps or chain.allow_self_approval:
            chain.steps = steps
            chain.allow_self_approval = False
            chain.save(update_fields=["steps", "allow_self_approval"])
    for document in OutgoingDocument.objects.filter(status="in_review"):
        chain = [
            {
                **step,
                "role": step.get("role") if step.get("role") in LEADER_ROLES else OFFICE_LEADER,
                "allow_self": False,
            }
            for step in document.chain
        ]
        if chain != document.chain:
            document.chain = chain
            document.save(update_fields=["chain"])


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="approvalchain",
            name="self_approval_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="approvalchain",
            name="self_approval_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(leaders_only, migrations.RunPython.noop),
    ]
