"""The whole nightly DAG for real: ``airflow dags test callstats_nightly D`` on a simulated landing day runs
the sensor and every step with spark-submit to local[2]; the gold tables and the report appear, and a
second run of the date leaves every table identical.

Selected with ``-m e2e_full``: it needs the simulate and report commands in the jobs jar. bin/test runs it
once they are on main (see docs/airflow.md)."""

from __future__ import annotations

from datetime import date

import pytest
from lake_harness import AirflowLake
from landing import mark_ready

D = date(2026, 11, 20)
CALLS = 20
SEED = 7

pytestmark = pytest.mark.e2e_full


@pytest.fixture(scope="module")
def lake(tmp_path_factory: pytest.TempPathFactory) -> AirflowLake:
    lake = AirflowLake.create(tmp_path_factory.mktemp("e2e-full"))
    lake.run_ok(
        "bin/callstats-lake",
        "simulate",
        "--date",
        str(D),
        "--calls",
        str(CALLS),
        "--seed",
        str(SEED),
        "--lake",
        str(lake.lake),
        "--landing",
        str(lake.landing),
    )
    mark_ready(lake.landing, D)
    return lake


def snapshot(lake: AirflowLake) -> dict[str, dict[str, list[str]]]:
    return {layer: lake.snapshot(layer) for layer in ("silver", "gold")}


def test_the_nightly_dag_builds_gold_and_the_report_and_reruns_identically(lake: AirflowLake) -> None:
    lake.run_ok("airflow", "dags", "test", "callstats_nightly", str(D), timeout=1800)

    gold = lake.tables("gold")
    assert "call_summary" in gold
    calls = lake.table("gold", "call_summary").to_pyarrow_table().to_pylist()
    assert len({(c["app_id"], c["conf_id"]) for c in calls}) == CALLS
    assert all(lake.rows("gold", name) > 0 for name in gold)
    reports = sorted(p for p in lake.lake.rglob("*.html") if str(D) in str(p))
    assert reports, f"no report of {D} under {lake.lake}"
    first = snapshot(lake)

    lake.run_ok("airflow", "dags", "test", "callstats_nightly", str(D), timeout=1800)

    assert snapshot(lake) == first
