"""Usernames are lower-case ASCII letters, digits, `.`, `_` and `-` — refused otherwise, with a
valid name suggested — and the role of a new post is chosen, never assumed."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.support.personas import PASSWORD, Personas
from vanphong.org import services_memberships, services_people
from vanphong.org.models import Membership, Person, Role
from vanphong.org.usernames import is_valid_username, username_suggestions

migration = import_module("vanphong.org.migrations.0003_report_invalid_usernames")


@pytest.mark.parametrize("name", ["vt.chauthanh", "mai_anh", "mai-anh", "cv2", "a.b-c_d9"])
def test_lower_case_ascii_digits_dot_underscore_and_hyphen_are_valid(name: str) -> None:
    assert is_valid_username(name)


@pytest.mark.parametrize("name", ["mai anh", "Mai", "đức", "maí", "mai@anh", "", "mai\tanh"])
def test_spaces_capitals_tone_marks_and_symbols_are_not(name: str) -> None:
    assert not is_valid_username(name)


def test_a_name_with_spaces_and_tone_marks_suggests_dotted_and_joined_forms() -> None:
    assert username_suggestions("Mai Anh") == ["mai.anh", "maianh"]
    assert username_suggestions("Nguyễn Văn Đức") == ["nguyen.van.duc", "nguyenvanduc"]
    assert username_suggestions("Đức") == ["duc"]
    assert username_suggestions("!!!") == []


def _create(people: Personas, **changes: object) -> Person:
    data: dict[str, object] = {
        "actor": people.province_admin,
        "username": "mai.anh",
        "full_name": "Trần Mai Anh",
        "password": "Mat-khau-moi-2012!",
        "unit": people.province_office,
        "role": Role.SPECIALIST,
    } | changes
    return services_people.person_create(**data)  # type: ignore[arg-type]


@pytest.mark.django_db
def test_the_service_refuses_mai_anh_and_suggests_mai_dot_anh(people: Personas) -> None:
    with pytest.raises(ValidationError) as refused:
        _create(people, username="Mai Anh")
    message = refused.value.message_dict["username"][0]
    assert "không có khoảng trắng" in message
    assert "“mai.anh” hoặc “maianh”" in message
    assert not Person.objects.filter(full_name="Trần Mai Anh").exists()


@pytest.mark.django_db
def test_the_service_refuses_a_username_with_tone_marks(people: Personas) -> None:
    with pytest.raises(ValidationError) as refused:
        _create(people, username="đức")
    assert "“duc”" in refused.value.message_dict["username"][0]


@pytest.mark.django_db
def test_capitals_are_still_folded_to_lower_case(people: Personas) -> None:
    assert _create(people, username="Mai.Anh").username == "mai.anh"


@pytest.mark.django_db
def test_the_service_refuses_a_post_without_a_role(people: Personas) -> None:
    with pytest.raises(ValidationError) as refused:
        _create(people, role="")
    assert refused.value.message_dict["role"] == ["Chọn vai trò của cán bộ ở đơn vị này."]
    assert not Person.objects.filter(username="mai.anh").exists()
    person = _create(people)
    with pytest.raises(ValidationError):
        services_memberships.membership_create(
            actor=people.province_admin, person=person, unit=people.province, role="boss"
        )


def _post(people: Personas, **changes: str) -> dict[str, str]:
    return {
        "full_name": "Trần Mai Anh",
        "username": "mai.anh",
        "password": "Mat-khau-moi-2012!",
        "password_confirm": "Mat-khau-moi-2012!",
        "unit": str(people.province_office.uuid),
        "role": Role.SPECIALIST,
        "clearance": "0",
    } | changes


@pytest.mark.django_db
def test_the_create_page_shows_the_suggestion_on_the_username(
    client: Client, people: Personas
) -> None:
    client.force_login(people.province_admin)
    response = client.post(reverse("org:person_create"), _post(people, username="Mai Anh"))
    assert response.status_code == 200
    errors = response.context["form"].errors["username"]
    assert "“mai.anh” hoặc “maianh”" in errors[0]
    assert not Person.objects.filter(full_name="Trần Mai Anh").exists()


@pytest.mark.django_db
def test_the_role_starts_empty_and_must_be_chosen(client: Client, people: Personas) -> None:
    client.force_login(people.province_admin)
    page = client.get(reverse("org:person_create")).content.decode()
    assert '<option value="" selected>— chọn vai trò —</option>' in page
    response = client.post(reverse("org:person_create"), _post(people, role=""))
    assert response.status_code == 200
    assert response.context["form"].errors["role"] == ["Chọn vai trò của cán bộ ở đơn vị này."]
    assert not Person.objects.filter(username="mai.anh").exists()


@pytest.mark.django_db
def test_the_membership_page_starts_without_a_role_too(client: Client, people: Personas) -> None:
    person = _create(people, role=Role.ADMIN)
    client.force_login(people.province_admin)
    url = reverse("org:membership_create", args=[person.uuid])
    assert '<option value="" selected>— chọn vai trò —</option>' in client.get(url).content.decode()
    response = client.post(url, {"unit": str(people.province_office.uuid), "clearance": "0"})
    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    assert Membership.objects.filter(person=person).count() == 1


@pytest.mark.django_db
def test_the_migration_names_invalid_usernames_and_changes_none(
    people: Personas, capsys: pytest.CaptureFixture[str]
) -> None:
    Person.objects.create_user("Mai Anh", PASSWORD, full_name="Trần Mai Anh")
    before = sorted(Person.objects.values_list("username", flat=True))
    migration.report(apps, None)
    assert "Mai Anh" in capsys.readouterr().err
    assert sorted(Person.objects.values_list("username", flat=True)) == before
