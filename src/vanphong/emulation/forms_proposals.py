"""Forms of proposals and of the register of awards: parse and type-check only; the services
decide (conditions, quotas, thresholds)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from vanphong.core.forms import BootstrapForm, DateInput, QueryForm
from vanphong.core.vietnamese import format_date
from vanphong.documents.models import IncomingDocument
from vanphong.emulation.models import Movement, Nominee
from vanphong.emulation.titles import Title
from vanphong.org.models import Person, Unit
from vanphong.org.pickers import UnitChoiceField

DECISION_CHOICES = 200


class PersonField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_name)


class MovementField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.year} · {obj.title}"


def title_choices(titles: Sequence[Title], *, blank: bool = False) -> list[tuple[str, str]]:
    choices = [(t.code, f"{t.name} ({t.awarding_body})") for t in titles]
    return [("", "---------"), *choices] if blank else choices


class ProposalForm(BootstrapForm):
    title_code = forms.ChoiceField(label=_("Danh hiệu"))
    movement = MovementField(
        label=_("Phong trào thi đua (danh hiệu tập thể)"),
        queryset=Movement.objects.none(),
        to_field_name="uuid",
        required=False,
    )
    year = forms.IntegerField(
        label=_("Năm (danh hiệu cá nhân)"), min_value=2000, max_value=2100, required=False
    )
    proposing_unit = UnitChoiceField(
        label=_("Đơn vị đề nghị cho cán bộ của mình"),
        queryset=Unit.objects.none(),
        to_field_name="uuid",
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        titles: Sequence[Title],
        movements: QuerySet[Movement],
        units: QuerySet[Unit],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title_code"].choices = title_choices(titles)  # type: ignore[attr-defined]
        self.fields["movement"].queryset = movements  # type: ignore[attr-defined]
        self.fields["proposing_unit"].queryset = units  # type: ignore[attr-defined]


class NomineeForm(BootstrapForm):
    unit = UnitChoiceField(
        label=_("Đơn vị"), queryset=Unit.objects.none(), to_field_name="uuid", required=False
    )
    person = PersonField(
        label=_("Cán bộ"), queryset=Person.objects.none(), to_field_name="uuid", required=False
    )
    achievements = forms.CharField(
        label=_("Tóm tắt thành tích"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    initiative = forms.BooleanField(
        label=_("Có sáng kiến, giải pháp được công nhận"), required=False
    )
    override_reason = forms.CharField(
        label=_("Lý do đề nghị dù chưa đạt điều kiện"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Chỉ ghi khi vẫn đề nghị một đơn vị, cá nhân chưa đạt điều kiện."),
    )

    def __init__(
        self,
        *args: Any,
        units: QuerySet[Unit] | None = None,
        people: QuerySet[Person] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units  # type: ignore[attr-defined]
            self.fields["unit"].required = True
            del self.fields["person"], self.fields["initiative"]
        else:
            del self.fields["unit"]
            self.fields["person"].queryset = people  # type: ignore[attr-defined]
            self.fields["person"].required = True


class VoteForm(BootstrapForm):
    voters = forms.IntegerField(label=_("Số người bỏ phiếu"), min_value=1, max_value=10_000)
    voted_on = forms.DateField(label=_("Ngày họp"), widget=DateInput())

    def __init__(self, *args: Any, nominees: Sequence[Nominee], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for nominee in nominees:
            name = nominee.unit.name if nominee.unit else getattr(nominee.person, "full_name", "")
            self.fields[f"votes_{nominee.pk}"] = forms.IntegerField(
                label=_("Số phiếu đồng ý: %(name)s") % {"name": name},
                min_value=0,
                max_value=10_000,
                initial=nominee.votes_for,
                widget=forms.NumberInput(attrs={"class": "form-control"}),
            )
        self.nominees = list(nominees)

    def votes(self) -> dict[int, int]:
        return {n.pk: self.cleaned_data[f"votes_{n.pk}"] for n in self.nominees}


class DecisionForm(BootstrapForm):
    decision = forms.ModelChoiceField(
        label=_("Quyết định (văn bản đến đã vào sổ)"),
        queryset=IncomingDocument.objects.none(),
        to_field_name="uuid",
    )
    decision_number = forms.CharField(
        label=_("Số quyết định"),
        max_length=100,
        required=False,
        help_text=_("Để trống: số, ký hiệu của văn bản đến."),
    )
    decided_on = forms.DateField(
        label=_("Ngày quyết định"),
        widget=DateInput(),
        required=False,
        help_text=_("Để trống: ngày của văn bản đến."),
    )
    awarded = forms.ModelMultipleChoiceField(
        label=_("Được khen (bỏ chọn những dòng không được khen)"),
        queryset=Nominee.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        decisions: QuerySet[IncomingDocument],
        nominees: QuerySet[Nominee],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["decision"]
        field.queryset = decisions  # type: ignore[attr-defined]
        latest = decisions.order_by("-received_at", "-id")[:DECISION_CHOICES]
        choices = [(str(d.uuid), _decision_label(d)) for d in latest]
        field.choices = [("", "---------"), *choices]  # type: ignore[attr-defined]
        awarded = self.fields["awarded"]
        awarded.queryset = nominees  # type: ignore[attr-defined]
        awarded.label_from_instance = lambda n: (  # type: ignore[attr-defined]
            n.unit.name if n.unit else n.person.full_name
        )
        self.initial.setdefault("awarded", list(nominees))


def _decision_label(document: IncomingDocument) -> str:
    return (
        f"{document.number}/{document.year} · {document.number_symbol} · "
        f"{format_date(document.document_date)} · {document.subject[:80]}"
    )


class AwardQuery(QueryForm):
    params = {
        "unit": "don-vi",
        "person": "can-bo",
        "title": "danh-hieu",
        "year": "nam",
        "decision": "quyet-dinh",
        "mine": "cua-toi",
    }

    unit = UnitChoiceField(
        label=_("Đơn vị"), queryset=Unit.objects.none(), to_field_name="uuid", required=False
    )
    person = forms.CharField(label=_("Cán bộ"), max_length=100, required=False)
    title = forms.CharField(label=_("Danh hiệu"), max_length=100, required=False)
    year = forms.IntegerField(label=_("Năm"), min_value=1990, max_value=2100, required=False)
    decision = forms.CharField(label=_("Số quyết định"), max_length=100, required=False)
    mine = forms.BooleanField(label=_("Danh hiệu của tôi"), required=False)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-check-input" if name == "mine" else "form-control"
        self.fields["unit"].widget.attrs["class"] = "form-select"


class AwardForm(BootstrapForm):
    register_unit = UnitChoiceField(
        label=_("Sổ của đơn vị"), queryset=Unit.objects.none(), to_field_name="uuid"
    )
    year = forms.IntegerField(label=_("Năm thành tích"), min_value=1990, max_value=2100)
    title_code = forms.ChoiceField(label=_("Danh hiệu theo quy định"), required=False)
    title_name = forms.CharField(
        label=_("Hoặc danh hiệu, hình thức khác"), max_length=300, required=False
    )
    awarding_body = forms.CharField(label=_("Cấp khen"), max_length=300, required=False)
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=100)
    decided_on = forms.DateField(label=_("Ngày quyết định"), widget=DateInput())
    unit = UnitChoiceField(
        label=_("Đơn vị được khen"),
        queryset=Unit.objects.none(),
        to_field_name="uuid",
        required=False,
    )
    person = PersonField(
        label=_("Hoặc cán bộ được khen"),
        queryset=Person.objects.none(),
        to_field_name="uuid",
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        units: QuerySet[Unit],
        people: QuerySet[Person],
        titles: Sequence[Title],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["register_unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["person"].queryset = people  # type: ignore[attr-defined]
        self.fields["title_code"].choices = title_choices(titles, blank=True)  # type: ignore[attr-defined]
