"""The import contract of pyproject.toml (`[tool.importlinter]`), run as `make lint` runs it.

lint-imports runs in a subprocess: it reads the package from disk by module name, so a copy of
the tree with a module added is checked exactly like the real one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A new app in the layer for new modules, importing only what lies below it.
NEW_APP: dict[str, list[str]] = {
    "__init__.py": [],
    "models.py": [
        "from vanphong.core.models import CalendarDay",
        "from vanphong.org.models import Unit",
    ],
    "selectors.py": [
        "from vanphong.org.selectors import scope_for",
        "from vanphong.exchange.models import Unit",
    ],
    "services.py": [
        "from vanphong.core import audit",
        "from vanphong.directives import services as directives",
        "from vanphong.documents import services as documents",
        "from vanphong.exchange import selectors",
    ],
    "views.py": [
        "from vanphong.core.forms import attempt",
        "from vanphong.exchange import selectors, services",
    ],
    "urls.py": ["from vanphong.exchange import views"],
    "api.py": [
        "from vanphong.api.auth import BearerToken",
        "from vanphong.exchange import selectors, services",
    ],
}


def _lint(source: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports with the venv's interpreter, on the package found under `source`."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    command = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    return subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
        [sys.executable, "-c", command, "--no-cache", "--no-logo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _broken(output: str) -> str:
    """The report's list of broken contracts (everything from its heading on)."""
    return output[output.find("Broken contracts") :] if "Broken contracts" in output else ""


def _with_new_app(tmp_path: Path, **extra: list[str]) -> Path:
    """A copy of the package's Python files, with `vanphong.exchange` added."""

    def not_python(folder: str, names: list[str]) -> set[str]:
        return {
            name
            for name in names
            if name == "__pycache__"
            or (not name.endswith(".py") and not Path(folder, name).is_dir())
        }

    shutil.copytree(ROOT / "src" / "vanphong", tmp_path / "vanphong", ignore=not_python)
    app = tmp_path / "vanphong" / "exchange"
    app.mkdir()
    for name, lines in {**NEW_APP, **extra}.items():
        (app / name).write_text("".join(f"{line}\n" for line in lines))
    return tmp_path


def _chains_from_new_app(output: str) -> list[str]:
    return [
        line
        for line in _broken(output).splitlines()
        if line.startswith("- ") and "vanphong.exchange" in line
    ]


def test_the_apps_keep_the_import_contract() -> None:
    linted = _lint(ROOT / "src")
    assert "Analyzed" in linted.stdout, linted.stdout + linted.stderr
    assert linted.returncode == 0, _broken(linted.stdout)


def test_a_new_app_that_imports_only_lower_layers_breaks_nothing(tmp_path: Path) -> None:
    linted = _lint(_with_new_app(tmp_path))
    assert "Analyzed" in linted.stdout, linted.stdout + linted.stderr
    assert _chains_from_new_app(linted.stdout) == []


def test_a_new_app_that_imports_the_page_shell_breaks_the_contract(tmp_path: Path) -> None:
    views = [*NEW_APP["views.py"], "from vanphong.web import views as shell"]
    linted = _lint(_with_new_app(tmp_path, **{"views.py": views}))
    assert linted.returncode == 1
    assert "vanphong.exchange is not allowed to import vanphong.web" in linted.stdout
    assert [line.split(" (")[0] for line in _chains_from_new_app(linted.stdout)] == [
        "- vanphong.exchange.views -> vanphong.web.views"
    ]
