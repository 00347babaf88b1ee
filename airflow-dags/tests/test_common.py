"""The shared building blocks, without Airflow running: readiness paths, the alert, the hash key."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from airflow.dag_processing.dagbag import BundleDagBag
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sdk import PokeReturnValue

from callstats_lake_dags import common
from callstats_lake_dags.common import (
    HASH_KEY_ENV,
    LakeJobOperator,
    alert_on_failure,
    landing_uri_exists,
    ready_marker_uri,
    resolve_hash_key,
)


def test_the_marker_is_resolved_under_the_landing_zone() -> None:
    assert ready_marker_uri("s3a://b/landing/", "callstats/date={date}/_READY", "2026-11-20") == (
        "s3a://b/landing/callstats/date=2026-11-20/_READY"
    )
    assert ready_marker_uri("/data/landing", "/callstats/date={date}/hour=23", "2026-11-20") == (
        "/data/landing/callstats/date=2026-11-20/hour=23"
    )


def test_local_paths_and_file_uris_are_checked_on_disk(tmp_path: Path) -> None:
    marker = tmp_path / "callstats" / "date=2026-11-20" / "_READY"
    assert not landing_uri_exists(str(marker))
    marker.parent.mkdir(parents=True)
    marker.touch()

    assert landing_uri_exists(str(marker))
    assert landing_uri_exists(marker.as_uri())
    assert not landing_uri_exists((tmp_path / "callstats" / "date=2026-11-21" / "_READY").as_uri())


def test_the_sensor_pokes_until_the_marker_exists(tmp_path: Path) -> None:
    dags = Path(common.__file__).resolve().parents[1]
    sensor = BundleDagBag(dag_folder=dags, bundle_path=dags).dags["callstats_nightly"].get_task("wait_for_landing")
    poke = sensor.python_callable

    waiting = poke(str(tmp_path), common.DEFAULT_READY_MARKER, "2026-11-20")
    (tmp_path / "callstats" / "date=2026-11-20").mkdir(parents=True)
    (tmp_path / "callstats" / "date=2026-11-20" / "_READY").touch()
    done = poke(str(tmp_path), common.DEFAULT_READY_MARKER, "2026-11-20")

    assert isinstance(waiting, PokeReturnValue) and not waiting.is_done
    assert done.is_done and done.xcom_value.endswith("date=2026-11-20/_READY")


def test_the_failure_alert_names_dag_task_date_and_error(caplog: pytest.LogCaptureFixture) -> None:
    ti = SimpleNamespace(dag_id="callstats_nightly", task_id="wait_for_landing", try_number=1, log_url="http://x/log")
    context: dict[str, Any] = {"ti": ti, "ds": "2026-11-20", "exception": TimeoutError("sensor timed out")}

    with caplog.at_level(logging.ERROR, logger=common.__name__):
        alert_on_failure(context)  # type: ignore[arg-type]

    assert caplog.messages == [
        "callstats-lake ALERT: callstats_nightly.wait_for_landing failed for 2026-11-20 (try 1): "
        "sensor timed out; log: http://x/log"
    ]


def test_the_hash_key_comes_from_its_connection_else_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(HASH_KEY_ENV, raising=False)
    monkeypatch.delenv("AIRFLOW_CONN_TEST_HASH_KEY", raising=False)
    assert resolve_hash_key("test_hash_key") is None

    monkeypatch.setenv(HASH_KEY_ENV, "from-the-environment-0123")
    assert resolve_hash_key("test_hash_key") == "from-the-environment-0123"

    monkeypatch.setenv("AIRFLOW_CONN_TEST_HASH_KEY", '{"conn_type": "generic", "password": "from-the-connection-01"}')
    assert resolve_hash_key("test_hash_key") == "from-the-connection-01"


def test_the_operator_adds_the_key_to_spark_submit_s_environment_only_when_it_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    submitted: list[dict[str, str] | None] = []
    monkeypatch.setattr(SparkSubmitOperator, "execute", lambda self, context: submitted.append(self.env_vars))
    monkeypatch.setenv("AIRFLOW_CONN_TEST_HASH_KEY", '{"conn_type": "generic", "password": "from-the-connection-01"}')
    job = LakeJobOperator(task_id="normalise", command=["normalise"], hash_key_conn_id="test_hash_key")
    maintain = LakeJobOperator(
        task_id="maintain", command=["maintain"], needs_hash_key=False, hash_key_conn_id="test_hash_key"
    )

    assert job.env_vars is None
    job.execute({})  # type: ignore[arg-type]
    maintain.execute({})  # type: ignore[arg-type]

    assert submitted == [{HASH_KEY_ENV: "from-the-connection-01"}, None]
