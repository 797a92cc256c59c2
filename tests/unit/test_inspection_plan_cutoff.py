"""The inspection plan's SQL cut-off dates agree with the month arithmetic they stand for."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from inspector_app.services.inspection_plan import (
    add_months,
    latest_base,
    local_date,
    utc_stamp_before,
)


@pytest.mark.parametrize("months", [1, 2, 3, 6, 12])
def test_latest_base_is_the_last_day_due_by_the_horizon(months):
    horizon = date(2026, 1, 1)
    for _ in range(400):  # every horizon over a year and a month: all month ends
        base = latest_base(horizon, months)
        assert add_months(base, months) <= horizon
        assert add_months(base + timedelta(days=1), months) > horizon
        horizon += timedelta(days=1)


def test_a_stamp_is_before_the_cutoff_exactly_when_its_local_date_is_earlier():
    day = date(2026, 10, 1)
    cutoff = utc_stamp_before(day)
    midnight = datetime.combine(day, datetime.min.time()).astimezone().astimezone(UTC)
    for seconds in (-3600, -1, 0, 1, 3600):
        moment = midnight + timedelta(seconds=seconds)
        stamp = moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
        assert (stamp < cutoff) == (local_date(stamp) < day)
