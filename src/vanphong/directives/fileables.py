"""Directives as things a file holds (`core.fileables`), under the kind `directive_review`:
vanphong keeps no separate review document (a review is generated from the directive), so the
directive followed is what is filed. Seen through `selectors.directives_visible`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.urls import reverse

from vanphong.core.fileables import Fileable, FileableInfo, register
from vanphong.directives.models import Directive
from vanphong.directives.selectors import directives_visible


def _author(directive: Directive) -> str:
    if directive.incoming is not None:
        return directive.incoming.sender_name
    return directive.unit.name


def directive_infos(person: Any, uuids: Iterable[UUID]) -> dict[UUID, FileableInfo]:
    directives = Directive.objects.filter(
        pk__in=directives_visible(person).filter(uuid__in=list(uuids)).values("pk")
    ).select_related("unit", "incoming", "outgoing")
    return {
        directive.uuid: FileableInfo(
            kind="directive_review",
            uuid=directive.uuid,
            unit_id=directive.unit_id,
            number_symbol=directive.number_symbol,
            document_date=directive.document_date,
            author=_author(directive),
            title=directive.title,
            page_count=(
                directive.incoming.page_count
                if directive.incoming is not None
                else directive.outgoing.page_count
                if directive.outgoing is not None
                else None
            ),
            confidentiality=directive.confidentiality,
            url=reverse("directives:directive_dashboard", args=[directive.uuid]),
        )
        for directive in directives
    }


def register_fileables() -> None:
    register(
        Fileable(kind="directive_review", label="Sơ kết, tổng kết", describe_many=directive_infos)
    )
