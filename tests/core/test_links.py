"""The related-links registry: what each app's provider says an object's page links to."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from vanphong.core import links
from vanphong.core.links import Link


@pytest.fixture
def only_these() -> Iterator[None]:
    """The registry as the test leaves it: the apps' providers put back afterwards."""
    saved = dict(links._registered)
    links._registered.clear()
    yield
    links._registered.clear()
    links._registered.update(saved)


def test_a_page_gets_every_providers_links_in_the_order_of_their_keys(only_these: None) -> None:
    links.register("b", lambda person, obj: [Link("B", f"/b/{obj}/")])
    links.register("a", lambda person, obj: [Link("A1", "/a/1/"), Link("A2", "/a/2/")])
    assert links.links_for(None, 7) == [
        Link("A1", "/a/1/"),
        Link("A2", "/a/2/"),
        Link("B", "/b/7/"),
    ]


def test_a_provider_is_asked_with_the_person_and_the_object(only_these: None) -> None:
    seen: list[tuple[Any, Any]] = []

    def provider(person: Any, obj: Any) -> list[Link]:
        seen.append((person, obj))
        return []

    links.register("p", provider)
    assert links.links_for("someone", "something") == []
    assert seen == [("someone", "something")]


def test_registering_a_key_again_replaces_its_provider(only_these: None) -> None:
    links.register("p", lambda person, obj: [Link("old", "/old/")])
    links.register("p", lambda person, obj: [Link("new", "/new/")])
    assert links.links_for(None, None) == [Link("new", "/new/")]
    links.unregister("p")
    assert links.links_for(None, None) == []


def test_the_petitions_app_registers_its_provider_when_django_starts() -> None:
    assert "petitions.letters" in links._registered
