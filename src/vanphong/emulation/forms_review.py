"""The annual review page's forms: the assessed sections, the review conference (an entry of
the committee's schedule around the year's end that the person may read) and the documents
(outgoing documents of the Office or its committee the person sees)."""

from __future__ import annotations

from datetime import date
from typing import Any, cast
from uuid import UUID

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from vanphong.core.forms import BootstrapForm
from vanphong.core.vietnamese import format_date
from vanphong.documents.models import OutgoingDocument, OutgoingStatus
from vanphong.documents.selectors import outgoing_visible
from vanphong.emulation.review import TEXT_TITLES
from vanphong.emulation.services_review import TEXT_LIMIT
from vanphong.org.models import Person, Unit
from vanphong.planning import selectors as planning
from vanphong.planning.models import ScheduleVersion, VersionStatus


class ReviewTextsForm(BootstrapForm):
    crypto_it = forms.CharField(
        label=TEXT_TITLES["crypto_it"],
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    finance = forms.CharField(
        label=TEXT_TITLES["finance"],
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    administration = forms.CharField(
        label=TEXT_TITLES["administration"],
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    tasks_next = forms.CharField(
        label=TEXT_TITLES["tasks_next"],
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


def conference_choices(person: Person, committee: Unit | None, year: int) -> list[tuple[str, str]]:
    """The entries of the committee's live weeks from October to March around the year's end
    that the person may read (a fixed number of queries): (lineage, "dd/mm/yyyy — content")."""
    if committee is None:
        return []
    statuses = [VersionStatus.PUBLISHED]
    if planning.opens_unpublished(person, committee):
        statuses += [VersionStatus.DRAFT, VersionStatus.APPROVED]
    versions = ScheduleVersion.objects.filter(
        schedule__committee=committee,
        schedule__monday__gte=date(year, 9, 25),
        schedule__monday__lte=date(year + 1, 3, 31),
        status__in=statuses,
    )
    units = planning.clearance_units(committee)
    seen: dict[str, str] = {}
    for entry in planning.entries(versions):
        if planning.sees_entry(person, entry, units):
            text = entry.content if len(entry.content) <= 90 else entry.content[:89] + "…"
            seen[str(entry.lineage)] = f"{format_date(entry.day)} — {text}"
    return list(seen.items())  # in the order of the days


class ConferenceForm(BootstrapForm):
    conference = forms.ChoiceField(
        label=_("Hội nghị tổng kết (trong lịch công tác)"), required=False
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["conference"])
        field.choices = [("", _("— Chưa chọn —")), *choices]

    def lineage(self) -> UUID | None:
        value = self.cleaned_data.get("conference") or ""
        return UUID(value) if value else None


def review_documents(person: Person, own: set[int], year: int) -> QuerySet[OutgoingDocument]:
    """What may be linked: the outgoing documents of the Office or its committee the person
    sees, issued in the year or the next, or still being drafted."""
    return (
        outgoing_visible(person)
        .filter(unit_id__in=own)
        .filter(Q(issued_on__year__in=[year, year + 1]) | Q(issued_on__isnull=True))
        .exclude(status=OutgoingStatus.CANCELLED)
        .order_by("-created_at", "-id")
    )


class _DocumentChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        number = str(obj.number_symbol or _("(chưa số)"))
        return f"{number} — {obj.subject[:90]}"


class DocumentsForm(BootstrapForm):
    report = _DocumentChoice(
        label=_("Báo cáo tổng kết"),
        queryset=OutgoingDocument.objects.none(),
        to_field_name="uuid",
        required=False,
    )
    conclusions = _DocumentChoice(
        label=_("Thông báo kết luận hội nghị"),
        queryset=OutgoingDocument.objects.none(),
        to_field_name="uuid",
        required=False,
    )

    def __init__(self, *args: Any, documents: QuerySet[OutgoingDocument], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("report", "conclusions"):
            field = cast(forms.ModelChoiceField, self.fields[name])  # type: ignore[type-arg]
            field.queryset = documents

    def chosen(self, name: str) -> UUID | None:
        document = self.cleaned_data.get(name)
        return document.uuid if document is not None else None
