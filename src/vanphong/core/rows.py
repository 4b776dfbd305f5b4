"""Single-row INSERTs for the few writes that run while a global lock is held.

A number is allocated under a lock held to commit: the book's counter row on PostgreSQL, the
whole database on SQLite (BEGIN IMMEDIATE), and the audit chain's counter row for every audited
write. Whatever runs in that window runs once per write of the whole installation, one after
another. `Model.save()` compiles each INSERT anew through the query compiler, about three
quarters of its cost for a one-row insert; `insert` keeps the statement per model and only
prepares the values, with the same field conversions (`pre_save`, `get_db_prep_save`) that
`save()` uses. It runs no signals and no `save()` override — neither is used in vanphong.
"""

from __future__ import annotations

import functools
from typing import Any, TypeVar

from django.db import connections, models, router
from django.db.backends.base.base import BaseDatabaseWrapper

M = TypeVar("M", bound=models.Model)


@functools.cache
def _statement(
    model: type[models.Model], vendor: str
) -> tuple[str, tuple[models.Field[Any, Any], ...]]:
    meta = model._meta
    connection = _connection(model)
    quote = connection.ops.quote_name
    fields = tuple(f for f in meta.concrete_fields if f is not meta.auto_field)
    columns = ", ".join(quote(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    pk = quote(meta.pk.column) if meta.pk is not None else "id"
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({marks}) RETURNING {pk}"  # noqa: S608
    return sql, fields


def _connection(model: type[models.Model]) -> BaseDatabaseWrapper:
    return connections[router.db_for_write(model)]


def insert(instance: M) -> M:
    """INSERT `instance` as a new row and set its primary key, as `save(force_insert=True)`."""
    model = type(instance)
    connection = _connection(model)
    sql, fields = _statement(model, connection.vendor)
    values = [f.get_db_prep_save(f.pre_save(instance, True), connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        row = cursor.fetchone()
    if row is None:
        raise RuntimeError(f"INSERT INTO {model._meta.db_table} returned no key")
    instance.pk = row[0]
    instance._state.adding = False
    instance._state.db = connection.alias
    return instance
