"""The language rule (docs/architecture.md, "Language"): code, identifiers and stored choice
values are English; URLs, templates and messages are Vietnamese. A stored value in Vietnamese
fails here, in every app, the ones to come included."""

from __future__ import annotations

import inspect
import re
from importlib import import_module

from django.apps import apps
from django.db import models

# The syllables of the values stored in Vietnamese before (tinh_uy, van_thu, lanh_dao_vp,
# ban_thuong_vu, sang, …): a value made of one of them is Vietnamese written without marks.
VIETNAMESE = {
    *("tinh", "huyen", "thi", "dang", "uy", "van", "phong", "ban", "thu", "chuyen", "vien"),
    *("lanh", "dao", "vp", "tiep", "dan", "dua", "quan", "tri", "hoi", "nghi", "thuong"),
    *("vu", "truc", "sang", "chieu", "toi"),
}


def _vanphong_apps() -> list[str]:
    return [c.name for c in apps.get_app_configs() if c.name.startswith("vanphong.")]


def _choice_classes() -> dict[str, type[models.Choices]]:
    found: dict[str, type[models.Choices]] = {}
    for name in _vanphong_apps():
        try:
            module = import_module(f"{name}.models")
        except ModuleNotFoundError:
            continue
        for attr, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, models.TextChoices)
                and value.__module__.startswith("vanphong.")
            ):
                found[f"{value.__module__}.{attr}"] = value
    return found


def _stored_values() -> dict[str, list[str]]:
    values = {where: [str(v) for v in kind.values] for where, kind in _choice_classes().items()}
    for model in apps.get_models():
        if not model.__module__.startswith("vanphong."):
            continue
        for field in model._meta.get_fields():
            choices = getattr(field, "choices", None)
            if choices and isinstance(field, models.CharField):
                where = f"{model._meta.label}.{field.name}"
                values[where] = [str(value) for value, _label in field.flatchoices]
    return values


def _vietnamese(value: str) -> bool:
    if not value.isascii():
        return True
    words = [word for word in re.split(r"[_\W]+", value.lower()) if word]
    return bool(words) and any(word in VIETNAMESE for word in words)


def test_the_rule_sees_the_choices_of_every_app() -> None:
    found = _choice_classes()
    assert "vanphong.org.models.Role" in found
    assert "vanphong.planning.models.Session" in found
    assert "org.Unit.kind" in _stored_values()


def test_every_stored_choice_value_is_english() -> None:
    offending = {
        where: [value for value in values if _vietnamese(value)]
        for where, values in _stored_values().items()
    }
    assert {where: found for where, found in offending.items() if found} == {}


def test_the_check_would_catch_the_values_it_replaced() -> None:
    for value in ("tinh_uy", "van_thu", "lanh_dao_cap_uy", "ban_thuong_vu", "sang", "hủy"):
        assert _vietnamese(value)
    for value in ("provincial_committee", "clerk", "standing_committee", "morning", "T/M"):
        assert not _vietnamese(value)
