"""The nightly DAG end to end: ``airflow dags test`` runs the sensor and every step (normalise, summarise,
aggregate, report), each spark-submitted from the pinned pyspark to local[2], on a hand-written landing day
whose right answers are known. That a re-run of a date leaves every table and the report identical is tested
per job in the Java suite (NormaliseJobTest, SummariseJobTest, AggregateJobTest, ReportJobTest); the DAG passes
each job only the run's interval date (test_dag_integrity.py), so a second DAG run (two minutes) is not
repeated here."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from lake_harness import HASH_KEY, AirflowLake
from landing import APP, mark_ready, small_day

D = date(2026, 11, 20)

STEPS = ("normalise", "summarise", "aggregate", "report")

# What small_day lands: 2 files, 8 lines, one of them not JSON.
EXPECTED_SILVER = {
    "sessions": 2,
    "events": 2,
    "rtp_stream_samples": 5,
    "transport_samples": 5,
    "ssrc_map": 0,
    "feedback": 0,
    "precall_tests": 0,
    "quarantine": 1,
    "ingest_log": 2,
}

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def lake(tmp_path_factory: pytest.TempPathFactory) -> AirflowLake:
    lake = AirflowLake.create(tmp_path_factory.mktemp("e2e"))
    small_day(lake.landing, D)
    mark_ready(lake.landing, D)
    return lake


def nightly(lake: AirflowLake) -> str:
    run = lake.run_ok("airflow", "dags", "test", "callstats_nightly", str(D))
    assert "state=success" in run.output and "state=failed" not in run.output
    return run.output


def snapshot(lake: AirflowLake) -> dict[str, dict[str, list[str]]]:
    return {layer: lake.snapshot(layer) for layer in ("silver", "gold")}


def test_the_sensor_sees_the_readiness_marker_of_its_date_only(lake: AirflowLake) -> None:
    ready = lake.run_ok("airflow", "tasks", "test", "callstats_nightly", "wait_for_landing", str(D))
    later = lake.run_ok("airflow", "tasks", "test", "callstats_nightly", "wait_for_landing", str(D + timedelta(1)))

    assert f"landing {D} ready: {lake.landing}/callstats/date={D}/_READY" in ready.output
    assert f"landing {D + timedelta(1)} not ready yet" in later.output


def test_the_nightly_dag_fills_silver_gold_and_the_report(lake: AirflowLake) -> None:
    output = nightly(lake)

    jar = lake.env["AIRFLOW_VAR_CALLSTATS_LAKE_JAR"]
    for step in STEPS:
        assert f"--class callstats.lake.jobs.cli.Main {jar} {step} --date {D} --conf " in output
    assert HASH_KEY not in output
    tables = snapshot(lake)
    assert {name: len(rows) for name, rows in tables["silver"].items()} == EXPECTED_SILVER
    calls = lake.table("gold", "call_summary").to_pyarrow_table().to_pylist()
    assert [(c["app_id"], c["conf_id"]) for c in calls] == [(APP, "conf-1")]
    assert len(tables["gold"]["participant_summary"]) == 2
    service = lake.table("gold", "daily_service").to_pyarrow_table().to_pylist()
    assert [(s["app_id"], s["period_start"], s["calls"], s["participants"]) for s in service] == [(APP, D, 1, 2)]
    report = lake.lake / "reports" / f"app={APP}" / "daily" / f"{D}.html"
    page = report.read_text()
    assert APP in page and str(D) in page
