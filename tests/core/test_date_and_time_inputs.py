"""Dates are read day first and times in 24 hours, in Vietnamese and in English alike; the
old ISO shape still reads (links and bookmarks); what does not read says which shape to use."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from django import forms
from django.utils import translation

from vanphong.core.forms import BootstrapForm, DateInput, DateTimeInput, TimeInput


class _Form(BootstrapForm):
    day = forms.DateField(widget=DateInput())
    at = forms.TimeField(required=False, widget=TimeInput())
    moment = forms.DateTimeField(required=False, widget=DateTimeInput())


class _PlainForm(forms.Form):
    """Django's own fields, without the kit: the project's format modules still apply."""

    day = forms.DateField()


def _cleaned(**data: str) -> dict[str, object]:
    form = _Form(data=data)
    assert form.is_valid(), form.errors
    return form.cleaned_data


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    "typed", ["01/03/2012", "1/3/2012", "01-03-2012", "01.03.2012", "2012-03-01"]
)
def test_a_date_is_read_day_first_in_every_language(language: str, typed: str) -> None:
    with translation.override(language):
        assert _cleaned(day=typed)["day"] == date(2012, 3, 1)
        plain = _PlainForm(data={"day": typed})
        assert plain.is_valid()
        assert plain.cleaned_data["day"] == date(2012, 3, 1)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("typed", ["14:30", "14g30", "14h30", "14.30", "14:30:00"])
def test_a_time_is_read_in_24_hours(language: str, typed: str) -> None:
    with translation.override(language):
        assert _cleaned(day="01/03/2012", at=typed)["at"] == time(14, 30)


def test_an_hour_of_one_digit_reads_too() -> None:
    assert _cleaned(day="01/03/2012", at="7g30")["at"] == time(7, 30)
    assert _cleaned(day="01/03/2012", at="7:30")["at"] == time(7, 30)


def test_a_date_and_time_reads_day_first_and_iso() -> None:
    for typed in ("01/03/2012 14:30", "1/3/2012 14g30", "2012-03-01T14:30"):
        moment = _cleaned(day="01/03/2012", moment=typed)["moment"]
        assert isinstance(moment, datetime)
        assert (moment.date(), moment.time()) == (date(2012, 3, 1), time(14, 30)), typed


@pytest.mark.parametrize("language", ["vi", "en"])
def test_values_are_shown_as_dd_mm_yyyy_and_hh_mm(language: str) -> None:
    with translation.override(language):
        form = _Form(initial={"day": date(2012, 3, 1), "at": time(14, 30)})
        html = str(form["day"]) + str(form["at"])
    assert 'value="01/03/2012"' in html
    assert 'value="14:30"' in html
    assert 'type="date"' not in html
    assert 'type="time"' not in html
    assert 'placeholder="dd/mm/yyyy"' in html
    assert 'placeholder="hh:mm"' in html
    assert 'inputmode="numeric"' in html


def test_what_does_not_read_says_which_shape_to_use_in_vietnamese() -> None:
    form = _Form(data={"day": "03/31/2012", "at": "2:30 PM"})
    assert not form.is_valid()
    assert form.errors["day"] == ["Ngày không hợp lệ: ghi ngày/tháng/năm, ví dụ 01/03/2012."]
    assert "24 giờ" in form.errors["at"][0]
