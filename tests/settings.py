"""The test run's environment; the settings themselves are the one vanphong.settings module.

pytest-django evaluates settings before any conftest is imported, so the environment is set
here, in the module it loads.
"""

import os
from pathlib import Path

_VAR = Path(
    os.environ.get("VANPHONG_TEST_VAR_DIR", Path(__file__).resolve().parent.parent / "var" / "test")
)
os.environ["VANPHONG_HTTPS"] = "0"
# Threads (live server, concurrency tests) must not keep connections past their test.
os.environ["VANPHONG_DB_CONN_MAX_AGE"] = "0"
os.environ["VANPHONG_VAR_DIR"] = str(_VAR)
os.environ["VANPHONG_DATABASE_URL"] = os.environ.get(
    "VANPHONG_TEST_DATABASE_URL", f"sqlite:///{_VAR / 'vanphong.sqlite3'}"
)
os.environ["VANPHONG_TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"

from vanphong.settings import *  # noqa: E402, F403

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
