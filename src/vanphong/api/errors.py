"""The error answers every router declares: `{"detail": …}`, and `{"detail", "errors"}` for
invalid input (422), as the API root's exception handlers write them."""

from __future__ import annotations

from ninja import Field, Schema


class ErrorOut(Schema):
    detail: str = Field(description="Thông báo lỗi (tiếng Việt).")


class InvalidOut(Schema):
    detail: str = Field(description="Tóm tắt lỗi.")
    errors: dict[str, list[str]] = Field(
        description="Lỗi theo tên trường của yêu cầu; `__all__` cho lỗi không thuộc trường nào."
    )


# Every endpoint may answer these; 401 without a valid bearer token.
ERRORS: dict[int, type[Schema]] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: InvalidOut}
