"""The archives' world: the documents' world with the archivists of the province's Office
(Mật) and of Châu Thành's Office (Không mật). Flows add their own helpers in
tests/support/archives_<flow>.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.support.documents import DocWorld, build_world
from tests.support.personas import cast
from vanphong.org.models import Person


@dataclass
class ArchWorld:
    d: DocWorld
    province_archivist: Person
    chau_thanh_archivist: Person

    def __getattr__(self, name: str) -> Any:  # the documents' world's fields, typed loosely
        return getattr(self.d, name)


def build_archives_world() -> ArchWorld:
    d = build_world()
    return ArchWorld(
        d=d,
        province_archivist=cast(d.p, "lt.tinh"),
        chau_thanh_archivist=cast(d.p, "lt.chauthanh"),
    )
