"""The review DOCX survives a control character stored in a task or a directive (XML cannot
carry one; rows stored before input was cleaned may hold it)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from django.test import Client
from docx import Document

from tests.support.directives import district_task, province_directive, review_url
from tests.support.documents import DocWorld
from vanphong.directives import reviews
from vanphong.directives.models import Directive, Task
from vanphong.org.models import Unit


def test_a_control_character_in_a_task_or_the_directive_does_not_break_the_review(
    world: DocWorld,
) -> None:
    directive = province_directive(world)
    task = district_task(world)
    Task.objects.filter(pk=task.pk).update(
        content="Lập danh sách\x01 cử tri\x1b", created_at=datetime(2011, 3, 2, 2, 0, tzinfo=UTC)
    )
    Directive.objects.filter(pk=directive.pk).update(title="Về bầu cử\x0b khóa XIII\x08")
    directive.refresh_from_db()
    Unit.objects.filter(pk=world.province.pk).update(name="Tỉnh ủy\x01 Tây Ninh")
    world.province.refresh_from_db()
    body = reviews.review_docx(
        directive=directive,
        tasks=Task.objects.filter(directive=directive),
        start=date(2011, 3, 1),
        end=date(2011, 4, 15),
        kind="interim",
        unit=world.province,
    )
    document = Document(io.BytesIO(body))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Lập danh sách cử tri" in text
    assert "bầu cử khóa XIII" in text
    assert not {"\x01", "\x1b"} & set(text)


def test_a_review_period_in_year_1_or_9999_is_a_form_error(world: DocWorld, client: Client) -> None:
    directive = province_directive(world)
    client.force_login(world.province_office_leader)
    for start, end in (("01/01/0001", "15/04/2011"), ("01/03/2011", "31/12/9999")):
        answer = client.get(review_url(directive, loai="so-ket", tu=start, den=end))
        assert answer.status_code == 200
        assert set(answer.context["form"].errors) & {"tu", "den"}
