from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxEntry(models.Model):
    """One searchable object changed: written in the same transaction as the change, so the
    index can never miss a committed change. Each indexer keeps its own cursor (the last id it
    applied), so several app nodes can tail the same table."""

    id = models.BigAutoField(primary_key=True)
    kind = models.CharField(max_length=30)
    object_uuid = models.UUIDField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("thay đổi chờ lập chỉ mục")

    def __str__(self) -> str:
        return f"#{self.id} {self.kind}:{self.object_uuid}"


class OutboxPruned(models.Model):
    """One row: outbox ids up to `through` have been deleted. An index whose cursor is below
    it has missed changes for good and is rebuilt from the database."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    through = models.BigIntegerField(default=0)
    at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("mốc đã dọn hàng đợi lập chỉ mục")

    def __str__(self) -> str:
        return f"≤ #{self.through}"
