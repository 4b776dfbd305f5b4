"""The index follows the database: outbox, drain, rebuild, verify."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.support.documents import DocWorld, register
from tests.support.files import docx
from vanphong.documents import services_incoming
from vanphong.documents.services import Upload
from vanphong.search import engine, registry
from vanphong.search.models import OutboxEntry, OutboxPruned
from vanphong.search.selectors import search


def found(person, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [hit.title for hit in search(person, text).hits]


def test_a_registration_writes_its_outbox_row_in_the_same_transaction(world: DocWorld) -> None:
    document = register(world, subject="Về công tác tuyển quân")
    assert list(OutboxEntry.objects.values_list("kind", "object_uuid")) == [
        ("incoming", document.uuid)
    ]


def test_a_drained_change_is_found_and_a_later_change_replaces_it(world: DocWorld) -> None:
    document = register(world, subject="Về công tác tuyển quân năm 2012")
    engine.drain()
    assert len(found(world.chau_thanh_clerk, "tuyen quan")) == 1
    services_incoming.incoming_cancel(
        actor=world.chau_thanh_clerk, document=document, reason="Vào sổ nhầm"
    )
    engine.drain()
    hits = search(world.chau_thanh_clerk, "tuyển quân").hits
    assert [hit.status_label for hit in hits] == ["Đã hủy"]


def test_verify_finds_no_drift_after_draining_and_names_a_document_the_index_lost(
    world: DocWorld,
) -> None:
    first = register(world, subject="Về công tác tuyển quân")
    register(world, number_symbol="46-CT/TU", subject="Về bầu cử")
    assert engine.verify().ok
    path = engine.current_dir()
    assert path is not None
    index = engine._open(path)
    writer = index.writer(engine.WRITER_HEAP, 1)
    writer.delete_documents_by_term("key", f"incoming:{first.uuid}")
    writer.commit()
    writer.wait_merging_threads()
    report = engine.verify()
    assert report.missing == [f"incoming:{first.uuid}"]
    engine.rebuild()
    assert engine.verify().ok


def test_rebuild_makes_a_new_index_that_answers_the_same(world: DocWorld) -> None:
    register(world, subject="Về lãnh đạo cuộc bầu cử ở Hoà Thành", document_date=date(2012, 2, 1))
    engine.drain()
    before = found(world.chau_thanh_clerk, "hoa thanh")
    old = engine.current_dir()
    report = engine.rebuild()
    assert report.documents == 1
    assert engine.current_dir() != old
    assert found(world.chau_thanh_clerk, "hoa thanh") == before != []


def test_a_search_before_any_index_exists_says_so_instead_of_failing(world: DocWorld) -> None:
    results = search(world.chau_thanh_clerk, "bầu cử")
    assert results.hits == []
    assert "đang được dựng" in results.message


def test_a_damaged_index_is_reported_on_the_page_and_rebuilt_by_the_indexer(
    world: DocWorld,
) -> None:
    register(world, subject="Về công tác tuyển quân")
    engine.drain()
    path = engine.current_dir()
    assert path is not None
    (path / "meta.json").write_text("{ not json", encoding="utf-8")
    engine._readers.clear()
    results = search(world.chau_thanh_clerk, "tuyen quan")
    assert (results.hits, results.total) == ([], 0)
    assert results.message
    engine.drain()
    assert engine.current_dir() != path
    assert len(found(world.chau_thanh_clerk, "tuyen quan")) == 1


def test_an_index_of_an_older_schema_is_rebuilt(world: DocWorld) -> None:
    register(world, subject="Về công tác tuyển quân")
    engine.drain()
    path = engine.current_dir()
    assert path is not None
    engine.Cursor(last=0, schema=engine.SCHEMA_VERSION - 1).write(path)
    engine.drain()
    assert engine.current_dir() != path
    assert engine.verify().ok


def test_text_extracted_from_an_attachment_is_searchable(
    world: DocWorld, django_capture_on_commit_callbacks: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Phụ lục: danh sách ấp Bàu Trôm</w:t></w:r></w:p></w:body>"
        "</w:document>"
    ).encode()
    with django_capture_on_commit_callbacks(execute=True):
        register(world, attachments=[Upload(name="phu-luc.docx", stream=io.BytesIO(docx(xml)))])
    engine.drain()
    hits = search(world.chau_thanh_clerk, "bau trom").hits
    assert len(hits) == 1
    assert "<b>Bàu</b> <b>Trôm</b>" in hits[0].snippet


def test_an_interrupted_rebuild_resumes_where_it_stopped(
    world: DocWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(5):
        register(world, number_symbol=f"{45 + n}-CT/TU", subject=f"Về tuyển quân đợt {n + 1}")
    provider = registry.provider("incoming")
    assert provider is not None
    batches = provider.batches
    seen: list[int] = []

    def failing_after_two(size: int, after: int = 0) -> Any:
        for last, entries in batches(size, after):
            seen.append(len(entries))
            if len(seen) == 3:
                raise KeyboardInterrupt  # the operator's Ctrl+C
            yield last, entries

    monkeypatch.setattr(provider, "batches", failing_after_two)
    with pytest.raises(KeyboardInterrupt):
        engine.rebuild(batch=2)
    assert engine.current_dir() is None  # nothing half-built went live
    monkeypatch.setattr(provider, "batches", batches)
    seen.clear()
    report = engine.rebuild(batch=2)
    assert report.documents == 5
    assert engine.verify().ok
    assert len(found(world.chau_thanh_clerk, "tuyen quan")) == 5


def _age_outbox(days: int) -> None:
    OutboxEntry.objects.update(created_at=timezone.now() - timedelta(days=days))


def test_pruning_deletes_only_old_rows_the_index_has_applied(world: DocWorld) -> None:
    register(world, subject="Về công tác tuyển quân")
    engine.drain()
    _age_outbox(40)
    pending = register(world, number_symbol="46-CT/TU", subject="Về bầu cử")
    OutboxEntry.objects.filter(object_uuid=pending.uuid).update(
        created_at=timezone.now() - timedelta(days=40)
    )  # old, but not yet applied here
    recent = register(world, number_symbol="47-CT/TU", subject="Về phòng cháy")
    engine.drain()
    register(world, number_symbol="48-CT/TU", subject="Về tuyển sinh")  # not applied yet

    assert engine.prune(older_than=timedelta(days=30)) == 2
    left = set(OutboxEntry.objects.values_list("object_uuid", flat=True))
    assert recent.uuid in left
    assert len(left) == 2
    assert OutboxPruned.objects.get().through < min(
        OutboxEntry.objects.values_list("id", flat=True)
    )
    engine.drain()
    assert engine.verify().ok


def test_nothing_is_pruned_before_the_index_has_applied_it(world: DocWorld) -> None:
    engine.drain()
    register(world, subject="Về công tác tuyển quân")
    _age_outbox(40)
    assert engine.prune(older_than=timedelta(days=30)) == 0
    assert OutboxEntry.objects.count() == 1


def test_an_index_behind_the_pruned_rows_is_rebuilt_instead_of_missing_them(
    world: DocWorld,
) -> None:
    register(world, subject="Về công tác tuyển quân")
    engine.drain()
    path = engine.current_dir()
    assert path is not None
    behind = engine.Cursor.read(path)
    register(world, number_symbol="46-CT/TU", subject="Về bầu cử")
    engine.drain()
    _age_outbox(40)
    assert engine.prune(older_than=timedelta(days=30)) == 2
    behind.write(path)  # as if this node had been away while another one pruned

    engine.drain()
    rebuilt = engine.current_dir()
    assert rebuilt != path
    assert len(found(world.chau_thanh_clerk, "bau cu")) == 1
    assert engine.verify().ok
    engine.drain()  # the rebuilt index starts at the pruned mark: no second rebuild
    assert engine.current_dir() == rebuilt
