"""No English in the Vietnamese UI: Django's own messages (field errors, password rules, login
failure), the error pages (400, 403, 404, 500, a refused form post), the file input and the
language menu all speak Vietnamese.

Django's English is read from its own catalogues (every msgid of django/conf and
django/contrib/auth), so a message a new Django adds or rewords is caught too."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path
from typing import Any

import django
import pytest
from django import forms
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views import defaults
from pytest_django import DjangoAssertNumQueries

from tests.support.personas import Personas

DJANGO = Path(django.__file__).parent
CATALOGUES = ("conf", "contrib/auth", "contrib/sessions")
# Django's own error pages are not in its catalogues (they are literal English).
PAGE_ENGLISH = (
    "Not Found",
    "Server Error",
    "Bad Request",
    "403 Forbidden",
    "CSRF verification failed",
    "The requested resource was not found",
)
_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdrif]|\{[^}]*\}")


@cache
def english_fragments() -> frozenset[str]:
    """The literal parts of Django's English messages long enough not to match by chance:
    `This password is too short. It must contain at least`, `Enter a valid date.`…"""
    found: set[str] = set(PAGE_ENGLISH)
    for catalogue in CATALOGUES:
        po = DJANGO / catalogue / "locale" / "en" / "LC_MESSAGES" / "django.po"
        for block in po.read_text(encoding="utf-8").split("\n\n"):
            msgid, key = "", ""
            for line in block.splitlines():
                if line.startswith("msgid "):
                    key, msgid = "msgid", ast.literal_eval(line[6:])
                elif line.startswith('"') and key == "msgid":
                    msgid += ast.literal_eval(line)
                elif not line.startswith("#"):
                    key = ""
            for part in _PLACEHOLDER.split(msgid):
                part = part.strip(" .,;:“”\"'()")
                if len(part) >= 12 and " " in part:
                    found.add(part)
    return frozenset(found)


def english_in(text: str) -> list[str]:
    return sorted(fragment for fragment in english_fragments() if fragment in text)


def test_the_list_of_djangos_english_is_read() -> None:
    fragments = english_fragments()
    assert len(fragments) > 200
    assert "This field is required" in fragments
    assert english_in("Lỗi: This password is too short. It must contain at least 8 characters.")


# --- Django's messages, one by one ------------------------------------------------------------

FIELD_ERRORS: list[tuple[forms.Field, Any]] = [
    (forms.CharField(), ""),
    (forms.CharField(max_length=3), "abcdef"),
    (forms.CharField(min_length=5), "ab"),
    (forms.CharField(), "a\x00b"),
    (forms.IntegerField(), "x"),
    (forms.IntegerField(max_value=3), "5"),
    (forms.IntegerField(min_value=3), "1"),
    (forms.IntegerField(step_size=5), "3"),
    (forms.DecimalField(max_digits=3, decimal_places=1), "12345"),
    (forms.FloatField(), "x"),
    (forms.EmailField(), "x"),
    (forms.URLField(assume_scheme="https"), "x"),
    (forms.DateField(), "x"),
    (forms.TimeField(), "x"),
    (forms.DateTimeField(), "x"),
    (forms.DurationField(), "x"),
    (forms.UUIDField(), "x"),
    (forms.JSONField(), "{"),
    (forms.SlugField(), "a b"),
    (forms.GenericIPAddressField(), "x"),
    (forms.ChoiceField(choices=[("a", "A")]), "b"),
    (forms.MultipleChoiceField(choices=[("a", "A")]), ["b"]),
    (forms.FileField(), None),
]
MODEL_FIELD_ERRORS: list[tuple[models.Field[Any, Any], Any]] = [
    (models.CharField(max_length=3), "abcdef"),
    (models.CharField(max_length=3), ""),
    (models.IntegerField(), "x"),
    (models.DateField(), "x"),
    (models.DateField(), "2012-02-30"),
    (models.DateTimeField(), "x"),
    (models.TimeField(), "x"),
    (models.DecimalField(max_digits=3, decimal_places=1), "x"),
    (models.BooleanField(), "x"),
    (models.UUIDField(), "x"),
    (models.CharField(max_length=3, choices=[("a", "A")]), "b"),
]


def _messages(call: Any) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.messages


@pytest.mark.parametrize(("field", "value"), FIELD_ERRORS, ids=lambda x: type(x).__name__)
def test_every_form_field_error_is_in_vietnamese(field: forms.Field, value: Any) -> None:
    for message in _messages(lambda: field.clean(value)):
        assert english_in(message) == [], message


@pytest.mark.parametrize(("field", "value"), MODEL_FIELD_ERRORS, ids=lambda x: type(x).__name__)
def test_every_model_field_error_is_in_vietnamese(
    field: models.Field[Any, Any], value: Any
) -> None:
    for message in _messages(lambda: field.clean(value, None)):
        assert english_in(message) == [], message


@pytest.mark.parametrize("password", ["abc", "12345678", "password", "nguyenvan"])
def test_every_password_rule_speaks_vietnamese(people: Personas, password: str) -> None:
    person = people.chau_thanh_clerk
    person.username = "nguyenvan"
    messages = _messages(lambda: validate_password(password, person))
    for message in [*messages, *password_validators_help_texts()]:
        assert english_in(message) == [], message


def test_a_short_password_is_refused_in_vietnamese(db: None) -> None:
    # Django 5.2 reworded this message; its Vietnamese catalogue kept the old wording.
    assert _messages(lambda: validate_password("aB3$x")) == [
        "Mật khẩu quá ngắn: cần ít nhất 8 ký tự."
    ]


# --- pages --------------------------------------------------------------------------------------


def test_the_person_page_shows_password_and_field_errors_in_vietnamese(
    client: Client, people: Personas
) -> None:
    client.force_login(people.province_admin)
    data = {
        "full_name": "",
        "username": "mai anh",
        "email": "khong-phai-thu",
        "password": "1234",
        "password_confirm": "1234",
        "unit": str(people.province_office.uuid),
        "role": "specialist",
        "clearance": "x",
        "starts_on": "31/02/2012",
    }
    response = client.post(reverse("org:person_create"), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors
    assert english_in(body) == []


def test_a_failed_login_speaks_vietnamese(client: Client, people: Personas) -> None:
    response = client.post(reverse("web:login"), {"username": "vt.chauthanh", "password": "x"})
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    assert english_in(response.content.decode()) == []


def _error_page(body: str, title: str) -> None:
    assert english_in(body) == []
    assert title in body
    assert 'data-testid="error-page"' in body
    assert f'href="{reverse("web:home")}"' in body
    assert "Về trang chủ" in body


def test_a_missing_page_is_a_vietnamese_404_in_the_site_shell(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_clerk)
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    _error_page(response.content.decode(), "Không tìm thấy trang")
    assert "vp-navbar" in response.content.decode()


def test_a_refusal_is_a_vietnamese_403(rf: RequestFactory, people: Personas) -> None:
    request = rf.get("/")
    request.user = people.chau_thanh_clerk
    response = defaults.permission_denied(request, PermissionDenied("Forbidden"))
    assert response.status_code == 403
    _error_page(response.content.decode(), "Không có quyền truy cập")


def test_a_refused_form_post_is_a_vietnamese_403_not_djangos_csrf_page(db: None) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("web:login"), {"username": "a", "password": "b"})
    assert response.status_code == 403
    _error_page(response.content.decode(), "phiên làm việc đã hết hạn")


def test_a_bad_request_is_a_vietnamese_400(rf: RequestFactory, db: None) -> None:
    request = rf.get("/")
    response = defaults.bad_request(request, PermissionDenied())
    assert response.status_code == 400
    _error_page(response.content.decode(), "Yêu cầu không hợp lệ")


def test_the_500_page_is_vietnamese_and_needs_no_request_or_database(
    rf: RequestFactory, db: None, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    with django_assert_num_queries(0):
        response = defaults.server_error(rf.get("/"))
    assert response.status_code == 500
    _error_page(response.content.decode(), "Hệ thống đang gặp sự cố")


def test_the_language_menu_names_each_language_in_its_own_language(
    client: Client, db: None
) -> None:
    body = client.get(reverse("web:login")).content.decode()
    assert re.search(r'<option value="vi" lang="vi" selected>Tiếng Việt</option>', body)
    assert re.search(r'<option value="en" lang="en">English</option>', body)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("web:login")).content.decode()
    assert '<option value="vi" lang="vi">Tiếng Việt</option>' in body
    assert '<option value="en" lang="en" selected>English</option>' in body


def test_the_file_input_is_a_vietnamese_button_with_the_chosen_names(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_clerk)
    body = client.get(reverse("documents:incoming_register")).content.decode()
    field = re.search(r'<div class="vp-file" data-vp-file>.*?</div>', body, re.S)
    assert field is not None
    html = field.group(0)
    assert 'type="file"' in html
    assert "vp-file-input" in html
    assert re.search(r'<label class="[^"]*vp-file-button" for="id_attachments">Chọn các tệp…', html)
    assert "Chưa chọn tệp nào" in html
