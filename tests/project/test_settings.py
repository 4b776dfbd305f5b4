from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from vanphong.core.env import env_bool, env_int, env_list, env_str, env_url, secret_files

PRODUCTION_ENV = {
    "VANPHONG_DEBUG": "0",
    "VANPHONG_HTTPS": "1",
    "VANPHONG_SECRET_KEY": "k" * 20
    + "a-long-production-secret-with-many-different-chars-0123456789",
    "VANPHONG_ALLOWED_HOSTS": "vanphong.tayninh.example",
}


def _vanphong(
    args: list[str], env: dict[str, str], tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("VANPHONG_", "DJANGO_"))}
    clean.update({"VANPHONG_VAR_DIR": str(tmp_path / "var"), **env})
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "vanphong.cli", *args],
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_the_deploy_check_without_warnings(tmp_path: Path) -> None:
    result = _vanphong(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_plain_http_settings_are_flagged_by_the_deploy_check(tmp_path: Path) -> None:
    env = {**PRODUCTION_ENV, "VANPHONG_HTTPS": "0"}
    result = _vanphong(["check", "--deploy", "--fail-level", "WARNING"], env, tmp_path)
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr + result.stdout


def test_secret_key_is_generated_once_and_readable_only_by_its_owner(tmp_path: Path) -> None:
    env = {"VANPHONG_HTTPS": "0"}
    assert _vanphong(["check"], env, tmp_path).returncode == 0
    key_file = tmp_path / "var" / "secret_key"
    first = key_file.read_text()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(first) >= 50
    assert _vanphong(["check"], env, tmp_path).returncode == 0
    assert key_file.read_text() == first


def test_the_audit_key_is_generated_once_outside_the_database(tmp_path: Path) -> None:
    env = {"VANPHONG_HTTPS": "0"}
    assert _vanphong(["check"], env, tmp_path).returncode == 0
    key_file = tmp_path / "var" / "audit_key"
    first = key_file.read_text()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(first) >= 32
    assert first != (tmp_path / "var" / "secret_key").read_text()
    assert _vanphong(["check"], env, tmp_path).returncode == 0
    assert key_file.read_text() == first


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"VANPHONG_AUDIT_KEY": "too-short"}, "VANPHONG_AUDIT_KEY must be at least 32 characters"),
        (
            {"VANPHONG_AUDIT_OLD_KEYS": "x" * 40 + ",short"},
            "every key in VANPHONG_AUDIT_OLD_KEYS must be at least 32 characters",
        ),
    ],
)
def test_a_malformed_audit_key_stops_start_up(
    tmp_path: Path, env: dict[str, str], message: str
) -> None:
    result = _vanphong(["check"], {"VANPHONG_HTTPS": "0", **env}, tmp_path)
    assert result.returncode != 0
    assert message in result.stderr


def test_old_audit_keys_are_read_from_their_folder(tmp_path: Path) -> None:
    folder = tmp_path / "var" / "audit_keys_old"
    folder.mkdir(parents=True)
    (folder / "2025").write_text("k" * 10)
    result = _vanphong(["check"], {"VANPHONG_HTTPS": "0"}, tmp_path)
    assert result.returncode != 0
    assert "audit_keys_old/2025 must hold at least 32 characters" in result.stderr


def test_secret_files_are_read_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "2026").write_text("b" * 40 + "\n")
    (tmp_path / "2025").write_text("a" * 40)
    assert secret_files(tmp_path, minimum=32) == ["a" * 40, "b" * 40]
    assert secret_files(tmp_path / "none", minimum=32) == []


def test_a_malformed_setting_stops_start_up_naming_the_variable(tmp_path: Path) -> None:
    result = _vanphong(["check"], {"VANPHONG_DEBUG": "maybe"}, tmp_path)
    assert result.returncode != 0
    assert "VANPHONG_DEBUG='maybe' is not a boolean" in result.stderr


def test_env_helpers_fail_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_INT", "ten")
    monkeypatch.setenv("X_LOW", "0")
    monkeypatch.setenv("X_LIST", "a, b,,c")
    with pytest.raises(ImproperlyConfigured, match="X_INT"):
        env_int("X_INT", 1)
    with pytest.raises(ImproperlyConfigured, match="minimum"):
        env_int("X_LOW", 1, minimum=1)
    with pytest.raises(ImproperlyConfigured, match="X_MISSING must be set"):
        env_str("X_MISSING")
    assert env_list("X_LIST", []) == ["a", "b", "c"]
    assert env_bool("X_UNSET_BOOL", default=True) is True


def test_the_site_address_is_an_absolute_http_address_or_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert env_url("X_UNSET_URL") == ""
    monkeypatch.setenv("X_URL", "https://vanphong.tayninh.vn/")
    assert env_url("X_URL") == "https://vanphong.tayninh.vn"
    for wrong in ("vanphong.tayninh.vn", "ftp://vanphong.tayninh.vn", "https://", "https://a/?x=1"):
        monkeypatch.setenv("X_URL", wrong)
        with pytest.raises(ImproperlyConfigured, match="X_URL"):
            env_url("X_URL")


def test_production_hashes_passwords_with_argon2() -> None:
    import vanphong.settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_sqlite_takes_the_write_lock_at_begin_and_uses_wal() -> None:
    import vanphong.settings as production

    database = production.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("the suite runs on PostgreSQL here")
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
