"""The picker renders grouped check boxes (or radio buttons) that work without script, each
with the folded text the script filters on."""

from __future__ import annotations

from django import forms

from vanphong.core.widgets import Picker

CHOICES = [
    ("Văn phòng Huyện ủy Châu Thành", [("1", "Nguyễn Văn An — Chánh Văn phòng")]),
    ("Huyện uỷ Hoà Thành", [("2", "Trần Thị Hoà — Bí thư"), ("3", "Đặng Văn Đức — Văn thư")]),
]


class Several(forms.Form):
    people = forms.MultipleChoiceField(choices=CHOICES, widget=Picker(), required=False)


class One(forms.Form):
    person = forms.ChoiceField(choices=CHOICES, widget=Picker(multiple=False))


def test_several_are_check_boxes_under_a_heading_per_group() -> None:
    html = str(Several()["people"])
    assert html.count('type="checkbox"') == 3
    assert '<legend class="vp-picker-group-name">Huyện uỷ Hoà Thành</legend>' in html
    assert html.index("Châu Thành") < html.index("Hoà Thành")
    assert '<label class="form-check-label" for="id_people_1_1">Đặng Văn Đức — Văn thư</label>' in (
        html
    )


def test_one_is_radio_buttons_and_required() -> None:
    html = str(One()["person"])
    assert html.count('type="radio"') == 3
    assert html.count("required") == 3


def test_each_option_carries_its_label_and_group_folded_for_the_filter() -> None:
    html = str(Several()["people"])
    assert 'data-vp-search="tran thi hoa — bi thu huyen uy hoa thanh"' in html
    assert 'data-vp-search="dang van duc — van thu huyen uy hoa thanh"' in html


def test_the_search_box_waits_hidden_for_the_script_and_the_field_label_names_it() -> None:
    form = Several()
    html = str(form["people"])
    assert 'id="id_people_search" hidden' in html
    assert form["people"].id_for_label == "id_people_search"


def test_the_chosen_options_are_checked_and_an_error_marks_the_box() -> None:
    form = Several(data={"people": ["1", "3", "9"]})
    assert not form.is_valid()
    form.fields["people"].widget.attrs["class"] = "form-control is-invalid"
    html = str(form["people"])
    assert html.count("checked") == 2
    assert 'class="vp-picker is-invalid"' in html
    assert 'class="form-check-input is-invalid"' in html
    assert "form-control is-invalid" not in html.replace("vp-picker-search", "")


def test_nothing_checked_is_an_empty_choice_not_a_missing_field() -> None:
    widget = Several().fields["people"].widget
    assert widget.value_omitted_from_data({}, {}, "people") is False
    assert Picker(multiple=False).value_omitted_from_data({}, {}, "person") is True
