"""Incoming and outgoing documents as things a file holds (`core.fileables`): described as
the asking person sees them through the documents' own selectors, or not at all."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.urls import reverse

from vanphong.core.fileables import Fileable, FileableInfo, register
from vanphong.core.vietnamese import fold
from vanphong.documents.selectors import incoming_visible, outgoing_visible


def document_title(type_name: str, subject: str) -> str:
    """A file index line's description: the document's kind, then its summary, the kind once
    (a summary often begins with it: "Thông báo ý kiến của Thường trực…")."""
    kind, summary = fold(type_name), fold(subject)
    if not kind or (summary.startswith(kind) and not summary[len(kind) : len(kind) + 1].isalnum()):
        return subject
    return f"{type_name} {subject}".strip()


def incoming_infos(person: Any, uuids: Iterable[UUID]) -> dict[UUID, FileableInfo]:
    documents = incoming_visible(person).filter(uuid__in=list(uuids))
    return {
        document.uuid: FileableInfo(
            kind="incoming",
            uuid=document.uuid,
            unit_id=document.unit_id,
            number_symbol=document.number_symbol,
            document_date=document.document_date,
            author=document.sender_name,
            title=document_title(document.type_name, document.subject),
            page_count=document.page_count,
            confidentiality=document.confidentiality,
            url=reverse("documents:incoming_detail", args=[document.uuid]),
        )
        for document in documents
    }


def outgoing_infos(person: Any, uuids: Iterable[UUID]) -> dict[UUID, FileableInfo]:
    documents = outgoing_visible(person).filter(uuid__in=list(uuids)).select_related("unit")
    return {
        document.uuid: FileableInfo(
            kind="outgoing",
            uuid=document.uuid,
            unit_id=document.unit_id,
            number_symbol=document.number_symbol,
            document_date=document.issued_on,
            author=document.unit.name,
            title=document_title(document.type_name, document.subject),
            page_count=document.page_count,
            confidentiality=document.confidentiality,
            url=reverse("documents:outgoing_detail", args=[document.uuid]),
        )
        for document in documents
    }


def register_fileables() -> None:
    register(Fileable(kind="incoming", label="Văn bản đến", describe_many=incoming_infos))
    register(Fileable(kind="outgoing", label="Văn bản đi", describe_many=outgoing_infos))
