"""What the API's answers read, fetched in a fixed number of queries however many rows a
document has: the schemas read these relations straight from the models."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from vanphong.documents.models import (
    ApprovalStep,
    Assignment,
    Attachment,
    Delivery,
    DeliveryEvent,
    Direction,
    DraftVersion,
    IncomingDocument,
    OutgoingDocument,
    ProgressNote,
)

# What an assignment's answer reads; select these and a page of them costs no query per row.
ASSIGNMENT_RELATED = ("direction", "assignee", "assignee_unit", "assigned_by", "reply", "handed_to")


def _notes() -> Prefetch[str, QuerySet[ProgressNote], str]:
    return Prefetch("notes", queryset=ProgressNote.objects.select_related("author"))


def _attachments(*, of_version: bool = False) -> Prefetch[str, QuerySet[Attachment], str]:
    # A version's files take the version they were prefetched from (its document known, which
    # their download URL names) rather than a joined copy of it.
    related = ("file",) if of_version else ("file", "version")
    return Prefetch(
        "attachments",
        queryset=Attachment.objects.select_related(*related).order_by("uploaded_at", "id"),
    )


def incoming_with_handling(document: IncomingDocument) -> IncomingDocument:
    """A document fetched through the selector, with its directions, assignments and their
    notes, and files."""
    prefetch_related_objects(
        [document],
        "sender_unit",
        "duplicate_of",
        Prefetch("directions", queryset=Direction.objects.select_related("given_by")),
        Prefetch(
            "assignments",
            queryset=Assignment.objects.select_related(*ASSIGNMENT_RELATED)
            .prefetch_related(_notes())
            .order_by("assigned_at", "id"),
        ),
        _attachments(),
    )
    return document


def assignment_with_notes(assignment: Assignment) -> Assignment:
    prefetch_related_objects([assignment], *ASSIGNMENT_RELATED, "document__unit", _notes())
    return assignment


def direction_with_assignments(direction: Direction) -> Direction:
    assignments = Assignment.objects.select_related(*ASSIGNMENT_RELATED).order_by("id")
    prefetch_related_objects([direction], Prefetch("assignments", queryset=assignments))
    return direction


def outgoing_with_history(document: OutgoingDocument) -> OutgoingDocument:
    """A document fetched through the selector, with its versions, decisions, files and
    deliveries with their events."""
    prefetch_related_objects(
        [document],
        "issued_by",
        "reply_to",
        Prefetch(
            "versions",
            queryset=DraftVersion.objects.select_related("created_by").prefetch_related(
                _attachments(of_version=True)
            ),
        ),
        Prefetch(
            "decisions", queryset=ApprovalStep.objects.select_related("decided_by", "version")
        ),
        _attachments(),
        Prefetch(
            "deliveries",
            queryset=Delivery.objects.select_related("recipient_unit", "receiving_unit")
            .prefetch_related(
                Prefetch("events", queryset=DeliveryEvent.objects.select_related("by"))
            )
            .order_by("sent_at", "id"),
        ),
    )
    return document


def version_with_files(version: DraftVersion) -> DraftVersion:
    prefetch_related_objects([version], "created_by", _attachments(of_version=True))
    return version
