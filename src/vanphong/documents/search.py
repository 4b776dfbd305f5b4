"""What the documents app puts in the search index: incoming and outgoing documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, time
from typing import Any, ClassVar
from uuid import UUID

from django.db import models
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone

from vanphong.core.vietnamese import number_line
from vanphong.documents.models import (
    Assignment,
    Attachment,
    Direction,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    OutgoingStatus,
    Participant,
)
from vanphong.documents.selectors import unit_grants
from vanphong.org.models import Person
from vanphong.search.registry import Entry, Grants

# Reads change nothing that is indexed.
_NOT_CHANGES = {"document.read"}


def _joined(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _texts(document: IncomingDocument | OutgoingDocument) -> list[str]:
    return [a.text for a in getattr(document, "indexed_attachments", []) if a.text]


def _people(document: IncomingDocument | OutgoingDocument) -> tuple[int, ...]:
    return tuple(sorted({p.person_id for p in document.participants.all()}))


class _Documents:
    model: ClassVar[type[IncomingDocument] | type[OutgoingDocument]]
    kind: str
    label: str
    status_labels: dict[str, str]

    def _queryset(self) -> QuerySet[Any]:
        attachments = Attachment.objects.only("id", "text", "incoming_id", "outgoing_id")
        if self.model is OutgoingDocument:
            attachments = attachments.filter(version__isnull=True)
        return self.model.objects.select_related("unit").prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.only("id", "person_id", "incoming_id", "outgoing_id"),
            ),
            Prefetch("attachments", queryset=attachments, to_attr="indexed_attachments"),
        )

    def entry(self, document: Any) -> Entry:  # pragma: no cover - per kind
        raise NotImplementedError

    def _entry(
        self, document: Any, *, title: str, texts: Sequence[str], moment: datetime, url: str
    ) -> Entry:
        """The fields both kinds fill the same way."""
        return Entry(
            kind=self.kind,
            uuid=document.uuid,
            unit_id=document.unit_id,
            confidentiality=document.confidentiality,
            people=_people(document),
            title=title,
            text=_joined(*texts, document.status_reason, *_texts(document)),
            moment=moment,
            url=url,
            symbol_key=document.symbol_key,
            type_symbol=document.type_symbol,
            status=document.status,
            status_label=self.status_labels.get(document.status, document.status),
            unit_name=document.unit.name,
        )

    def entries(self, uuids: Sequence[UUID]) -> Iterable[Entry]:
        for document in self._queryset().filter(uuid__in=list(uuids)):
            yield self.entry(document)

    def batches(self, size: int, after: int = 0) -> Iterator[tuple[int, list[Entry]]]:
        while True:
            documents = list(self._queryset().filter(pk__gt=after).order_by("pk")[:size])
            if not documents:
                return
            after = documents[-1].pk
            yield after, [self.entry(document) for document in documents]

    def grants(self, person: Person) -> Grants:
        return Grants(units=unit_grants(person))


class IncomingProvider(_Documents):
    model = IncomingDocument
    kind = "incoming"
    label = "Văn bản đến"
    status_labels = {value: str(label) for value, label in IncomingStatus.choices}

    def keys_for(self, target: models.Model, action: str) -> Sequence[UUID]:
        if action in _NOT_CHANGES:
            return []
        if isinstance(target, IncomingDocument):
            return [target.uuid]
        if isinstance(target, Assignment | Direction):
            return [target.document.uuid]
        return []

    def entry(self, document: IncomingDocument) -> Entry:
        return self._entry(
            document,
            title=f"{number_line(document.number_symbol)} · {document.type_name or 'Công văn'} · "
            f"số đến {document.number}/{document.year}",
            texts=(document.subject, document.sender_name, document.recipients_note, document.note),
            moment=document.received_at,
            url=reverse("documents:incoming_detail", args=[document.uuid]),
        )


class OutgoingProvider(_Documents):
    model = OutgoingDocument
    kind = "outgoing"
    label = "Văn bản đi"
    status_labels = {value: str(label) for value, label in OutgoingStatus.choices}

    def keys_for(self, target: models.Model, action: str) -> Sequence[UUID]:
        if action in _NOT_CHANGES:
            return []
        if isinstance(target, OutgoingDocument):
            return [target.uuid]
        return []

    def entry(self, document: OutgoingDocument) -> Entry:
        moment = document.issued_at or document.created_at
        if document.issued_at is None and document.issued_on is not None:
            moment = timezone.make_aware(datetime.combine(document.issued_on, time(8)))
        title = number_line(document.number_symbol) or f"Dự thảo {document.type_name.lower()}"
        return self._entry(
            document,
            title=f"{title} · {document.type_name}",
            texts=(document.subject, document.signer_position, document.file_copy_holder),
            moment=moment.astimezone(UTC),
            url=reverse("documents:outgoing_detail", args=[document.uuid]),
        )
