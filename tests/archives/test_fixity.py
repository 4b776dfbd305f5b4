"""The fixity check: each stored file hashed again from its cursor; a changed or vanished file
is a finding, the archivists are told, and a run killed midway resumes without checking any
file twice."""

from __future__ import annotations

import os
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_preservation import stored
from vanphong.archives import fixity, services_preservation
from vanphong.archives.jobs_preservation import fixity_run_continue
from vanphong.archives.models import FixityProblem, FixityRun, FixityRunStatus
from vanphong.core.files import path_of
from vanphong.core.models import AuditEvent, Notification, StoredFile

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(settings: Any, tmp_path: Path) -> ArchWorld:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return build_archives_world()


def _flip_a_byte(file: StoredFile) -> None:
    path = path_of(file)
    path.chmod(0o640)
    data = bytearray(path.read_bytes())
    data[-1] ^= 0x01
    path.write_bytes(bytes(data))


def _walk(batch: int = 500) -> FixityRun:
    run = services_preservation.fixity_run_start(actor=None)
    services_preservation.fixity_run_walk(run=run, batch=batch)
    return run


def test_the_engine_hashes_a_file_as_sha256sum_does(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * (3 * fixity.BUFFER + 17))
    import hashlib

    assert fixity.digest(path) == (
        hashlib.sha256(path.read_bytes()).hexdigest(),
        3 * fixity.BUFFER + 17,
    )
    assert fixity.check(1, tmp_path / "absent").missing


def test_the_engine_finds_a_file_where_core_stores_it(w: ArchWorld, settings: Any) -> None:
    file = stored(b"o day")
    assert fixity.path_for(str(settings.MEDIA_ROOT), file.sha256) == str(path_of(file))


def test_intact_files_give_a_done_run_without_findings(w: ArchWorld) -> None:
    files = [stored(f"tệp {i}".encode()) for i in range(3)]
    run = _walk()
    assert run.status == FixityRunStatus.DONE
    assert (run.checked, run.total, run.failures) == (3, 3, 0)
    assert run.bytes_read == sum(f.size for f in files)
    assert services_preservation.progress_percent(run) == 100
    assert not run.findings.exists()
    assert not Notification.objects.exists()


def test_a_byte_flipped_on_disk_is_a_changed_finding_and_the_archivists_are_alerted(
    w: ArchWorld,
) -> None:
    intact, damaged = stored(b"nguyen ven"), stored(b"se bi sua")
    _flip_a_byte(damaged)
    run = _walk()
    finding = run.findings.get()
    assert finding.stored_file == damaged
    assert finding.problem == FixityProblem.CHANGED
    assert finding.found_size == damaged.size
    assert finding.found_sha256 not in ("", damaged.sha256)
    assert run.failures == 1
    assert intact.pk != damaged.pk
    alerted = set(Notification.objects.values_list("person_id", flat=True))
    assert alerted == {w.province_archivist.pk}  # the root Office's, not Châu Thành's
    event = AuditEvent.objects.get(action="archives.fixity_failed")
    assert event.after == {"findings": [{"sha256": damaged.sha256, "problem": "changed"}]}


def test_a_removed_file_is_a_missing_finding(w: ArchWorld) -> None:
    gone = stored(b"se bi xoa")
    path_of(gone).unlink()
    run = _walk()
    finding = run.findings.get()
    assert (finding.problem, finding.found_size, finding.found_sha256) == (
        FixityProblem.MISSING,
        None,
        "",
    )


def test_a_second_start_returns_the_running_run(w: ArchWorld) -> None:
    stored(b"mot")
    first = services_preservation.fixity_run_start(actor=w.province_archivist)
    assert services_preservation.fixity_run_start(actor=None) == first
    assert FixityRun.objects.count() == 1
    services_preservation.fixity_run_walk(run=first)
    assert services_preservation.fixity_run_start(actor=None) != first


def test_a_run_killed_midway_resumes_at_its_cursor_and_checks_each_file_once(
    w: ArchWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [stored(f"tệp {i}".encode()) for i in range(5)]
    calls: Counter[int] = Counter()
    real = fixity.check

    def counting(stored_id: int, path: Path, buffer: bytearray | None = None) -> fixity.Checked:
        calls[stored_id] += 1
        return real(stored_id, path, buffer)

    monkeypatch.setattr(fixity, "check", counting)
    run = services_preservation.fixity_run_start(actor=None)
    services_preservation.fixity_run_step(run=run, batch=2)  # then the process is killed
    resumed = FixityRun.objects.get(pk=run.pk)
    assert (resumed.cursor, resumed.checked, resumed.status) == (files[1].pk, 2, "running")
    assert services_preservation.progress_percent(resumed) == 40
    services_preservation.fixity_run_walk(run=resumed, batch=2)
    assert resumed.status == FixityRunStatus.DONE
    assert resumed.checked == 5
    assert calls == Counter({f.pk: 1 for f in files})


def test_a_walker_that_lost_the_race_for_a_batch_does_not_count_it_again(w: ArchWorld) -> None:
    for i in range(4):
        stored(f"tệp {i}".encode())
    run = services_preservation.fixity_run_start(actor=None)
    stale = FixityRun.objects.get(pk=run.pk)
    services_preservation.fixity_run_step(run=run, batch=2)
    step = services_preservation.fixity_run_step(run=stale, batch=2)
    assert step.checked == 0
    assert stale.checked == 2  # refreshed from the winner's row
    services_preservation.fixity_run_walk(run=stale, batch=2)
    assert FixityRun.objects.get(pk=run.pk).checked == 4


def test_the_job_walks_a_budget_at_a_time_and_enqueues_the_rest(
    w: ArchWorld, settings: Any
) -> None:
    settings.VANPHONG_FIXITY_BUDGET_SECONDS = 0
    settings.VANPHONG_FIXITY_BATCH = 1
    for i in range(3):
        stored(f"tệp {i}".encode())
    run = services_preservation.fixity_run_start(actor=None)
    fixity_run_continue.enqueue(run_uuid=str(run.uuid))  # immediate backend: runs them all
    run.refresh_from_db()
    assert (run.status, run.checked) == (FixityRunStatus.DONE, 3)


def test_the_command_prints_progress_and_fails_when_files_changed(
    w: ArchWorld, capsys: pytest.CaptureFixture[str]
) -> None:
    stored(b"mot")
    call_command("archives_fixity", "--batch", "1")
    assert "100%" in capsys.readouterr().out
    bad = stored(b"hai")
    os.chmod(path_of(bad), 0o640)
    path_of(bad).write_bytes(b"%PDF-1.4\nkhac")
    with pytest.raises(CommandError, match="1 stored files changed"):
        call_command("archives_fixity")


def test_resume_without_a_running_run_is_an_error(w: ArchWorld) -> None:
    with pytest.raises(CommandError):
        call_command("archives_fixity", "--resume")


def test_the_command_hands_the_walk_to_the_worker_with_enqueue(w: ArchWorld) -> None:
    stored(b"mot")
    call_command("archives_fixity", "--enqueue")  # the immediate backend runs it at once
    assert FixityRun.objects.get().status == FixityRunStatus.DONE


@pytest.mark.concurrency
@pytest.mark.django_db(transaction=True)
def test_starts_at_the_same_moment_give_one_running_run() -> None:
    errors: list[BaseException] = []
    started: list[int] = []
    gate = threading.Barrier(4)

    def worker() -> None:
        try:
            gate.wait()
            started.append(services_preservation.fixity_run_start(actor=None).pk)
        except BaseException as error:  # surfaced to the main thread below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert FixityRun.objects.filter(status=FixityRunStatus.RUNNING).count() == 1
    assert len(set(started)) == 1
