"""The form kit's Bootstrap classes: each kind of input styled as what it is."""

from __future__ import annotations

from django import forms

from vanphong.core.forms import BootstrapForm


class Choices(BootstrapForm):
    name = forms.CharField()
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])
    agreed = forms.BooleanField(required=False)
    way = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    kinds = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )


def test_radio_buttons_and_check_box_lists_are_check_inputs_not_text_boxes() -> None:
    form = Choices()
    html = {name: str(form[name]) for name in ("way", "kinds")}
    for rendered in html.values():
        assert rendered.count('class="form-check-input"') == 2
        assert "form-control" not in rendered
    assert 'class="form-control"' in str(form["name"])
    assert 'class="form-select"' in str(form["kind"])
    assert 'class="form-check-input"' in str(form["agreed"])


def test_an_invalid_list_marks_each_of_its_inputs() -> None:
    form = Choices({"name": "x", "kind": "a", "way": "z", "kinds": ["a"]})
    assert not form.is_valid()
    assert str(form["way"]).count('class="form-check-input is-invalid"') == 2
