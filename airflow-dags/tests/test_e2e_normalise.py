"""The harness end to end with the commands that exist today: Airflow runs the nightly DAG's sensor,
normalise and summarise tasks for real (``airflow tasks test``), spark-submitted from the pinned pyspark to
local[2] on a hand-written landing day, and a second run of the date leaves the tables identical."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from lake_harness import HASH_KEY, AirflowLake
from landing import APP, mark_ready, small_day

D = date(2026, 11, 20)

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


def test_the_sensor_sees_the_readiness_marker_of_its_date_only(lake: AirflowLake) -> None:
    ready = lake.run_ok("airflow", "tasks", "test", "callstats_nightly", "wait_for_landing", str(D))
    later = lake.run_ok("airflow", "tasks", "test", "callstats_nightly", "wait_for_landing", str(D + timedelta(1)))

    assert f"landing {D} ready: {lake.landing}/callstats/date={D}/_READY" in ready.output
    assert f"landing {D + timedelta(1)} not ready yet" in later.output


def test_normalise_writes_silver_and_a_rerun_leaves_it_identical(lake: AirflowLake) -> None:
    first = lake.run_ok("airflow", "tasks", "test", "callstats_nightly", "normalise", str(D))

    assert (
        f"--class callstats.lake.jobs.cli.Main {lake.env['AIRFLOW_VAR_CALLSTATS_LAKE_JAR']} normalise" in first.output
    )
    assert f"normalise --date {D} --conf " in first.output
    assert HASH_KEY not in first.output
    after_first = lake.snapshot("silver")
    assert {name: len(rows) for name, rows in after_first.items()} == EXPECTED_SILVER
    versions = {name: lake.table("silver", name).version() for name in after_first}

    lake.run_ok("airflow", "tasks", "test", "callstats_nightly", "normalise", str(D))

    assert lake.snapshot("silver") == after_first
    rewritten = [name for name, rows in after_first.items() if rows]
    assert all(lake.table("silver", name).version() > versions[name] for name in rewritten), "the rerun committed"


def test_summarise_writes_gold_and_a_rerun_leaves_it_identical(lake: AirflowLake) -> None:
    lake.run_ok("airflow", "tasks", "test", "callstats_nightly", "summarise", str(D))

    after_first = lake.snapshot("gold")
    calls = lake.table("gold", "call_summary").to_pyarrow_table().to_pylist()
    assert [(c["app_id"], c["conf_id"]) for c in calls] == [(APP, "conf-1")]
    assert len(after_first["participant_summary"]) == 2

    lake.run_ok("airflow", "tasks", "test", "callstats_nightly", "summarise", str(D))

    assert lake.snapshot("gold") == after_first
