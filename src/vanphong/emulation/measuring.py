"""A measured criterion's points: its measure's `Ratio` under the criterion's `scale`.

The scale is data (models.Criterion):

- `{"kind": "linear"}`: points = max_points × done / counted;
- `{"kind": "bands", "bands": [[0.95, 10], [0.9, 8], [0, 5]]}`: the points of the first band,
  in the order written (lower bounds falling), whose lower bound the share reaches; a share
  below every band gets 0;
- `"empty_points"` (either kind): the points when nothing was counted (default: max_points —
  a unit with nothing to do has failed nothing).

Points are a Decimal with two places (rounded half up), never above max_points nor below 0.
`scale_errors` says, in Vietnamese, what is wrong with a scale, for whoever edits criteria.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from vanphong.core.yearly import Ratio

CENT = Decimal("0.01")
KINDS = ("linear", "bands")


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def scale_errors(scale: Any, *, max_points: Decimal | None = None) -> list[str]:
    """What is wrong with `scale` (empty: nothing). With `max_points`, points above it are
    refused too."""
    if not isinstance(scale, dict):
        return [_("Thang điểm phải là một bảng (kind, bands, empty_points).")]
    errors: list[str] = []
    unknown = sorted(set(scale) - {"kind", "bands", "empty_points"})
    if unknown:
        errors.append(_("Thang điểm có mục không dùng: %(keys)s.") % {"keys": ", ".join(unknown)})
    kind = scale.get("kind")
    if kind not in KINDS:
        errors.append(_("Cách tính điểm phải là “linear” (tỷ lệ) hoặc “bands” (theo mức)."))
    if "empty_points" in scale:
        empty = _number(scale["empty_points"])
        if empty is None or empty < 0:
            errors.append(_("Điểm khi không có số liệu phải là một số không âm."))
        elif max_points is not None and empty > max_points:
            errors.append(_("Điểm khi không có số liệu không được quá điểm tối đa."))
    if kind == "bands":
        errors.extend(_band_errors(scale.get("bands"), max_points))
    elif "bands" in scale:
        errors.append(_("Chỉ cách tính “bands” mới có các mức (bands)."))
    return errors


def _band_errors(bands: Any, max_points: Decimal | None) -> list[str]:
    if not isinstance(bands, list) or not bands:
        return [_("Cách tính theo mức cần ít nhất một mức [tỷ lệ tối thiểu, điểm].")]
    errors: list[str] = []
    previous: Decimal | None = None
    for index, band in enumerate(bands, start=1):
        pair = band if isinstance(band, list | tuple) and len(band) == 2 else None
        floor = _number(pair[0]) if pair else None
        points = _number(pair[1]) if pair else None
        if floor is None or points is None:
            errors.append(_("Mức %(n)s phải là [tỷ lệ tối thiểu, điểm].") % {"n": index})
            continue
        if not Decimal(0) <= floor <= Decimal(1):
            errors.append(_("Mức %(n)s: tỷ lệ tối thiểu phải từ 0 đến 1.") % {"n": index})
        if points < 0:
            errors.append(_("Mức %(n)s: điểm không được âm.") % {"n": index})
        elif max_points is not None and points > max_points:
            errors.append(_("Mức %(n)s: điểm không được quá điểm tối đa.") % {"n": index})
        if previous is not None and floor >= previous:
            errors.append(
                _("Mức %(n)s: tỷ lệ tối thiểu phải nhỏ hơn của mức trước.") % {"n": index}
            )
        previous = floor
    return errors


def points(ratio: Ratio | None, *, max_points: Decimal, scale: dict[str, Any]) -> Decimal:
    """The criterion's points for `ratio` (None or nothing counted: the scale's empty points).
    A scale with errors is refused (ValueError): validate it where it is edited."""
    if scale_errors(scale):
        raise ValueError(f"invalid scale: {scale!r}")
    ceiling = Decimal(max_points)
    if ratio is None or not ratio.counted:
        value = _number(scale.get("empty_points", ceiling)) or Decimal(0)
    elif scale["kind"] == "linear":
        value = ceiling * Decimal(ratio.done) / Decimal(ratio.counted)
    else:
        value = Decimal(0)
        for floor, band_points in scale["bands"]:
            # done / counted >= floor, in exact arithmetic.
            if Decimal(ratio.done) >= _number(floor) * Decimal(ratio.counted):  # type: ignore[operator]
                value = _number(band_points) or Decimal(0)
                break
    return max(Decimal(0), min(ceiling, value)).quantize(CENT, rounding=ROUND_HALF_UP)
