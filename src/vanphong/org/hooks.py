"""What the apps above org hang on a person's credentials.

org knows nothing of API tokens (api) or calendar links (planning), yet a password change, a
reset or a deactivation must revoke them: each of those apps subscribes here from its
AppConfig.ready(), and org calls every subscriber inside the transaction of its own write, so
the revocations and their audit events commit or roll back with it.
"""

from __future__ import annotations

from typing import Protocol

from vanphong.org.models import Person


class CredentialsListener(Protocol):
    def __call__(self, *, person: Person, actor: Person | None, reason: str) -> object: ...


# Why the credentials go: stored in the revocations' audit events.
PASSWORD_CHANGED = "password_changed"  # noqa: S105 (a reason, not a secret)
DEACTIVATED = "deactivated"
REVOKED = "revoked"

_listeners: list[CredentialsListener] = []


def on_credentials_reset(listener: CredentialsListener) -> None:
    """Call `listener(person=, actor=, reason=)` whenever a person's credentials are reset."""
    if listener not in _listeners:
        _listeners.append(listener)


def credentials_reset(*, person: Person, actor: Person | None, reason: str) -> None:
    """Revoke everything that lets the person in besides the password (call inside the
    transaction of the change that makes them stale)."""
    for listener in _listeners:
        listener(person=person, actor=actor, reason=reason)
