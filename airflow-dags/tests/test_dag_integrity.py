"""The DAGs load, follow the house rules, and render the spark-submit arguments they should."""

from __future__ import annotations

import copy
from typing import Any

import pendulum
import pytest
from airflow.dag_processing.dagbag import BundleDagBag
from airflow.sdk import CronDataIntervalTimetable
from airflow.sdk.definitions.timetables.simple import NullTimetable
from airflow.sdk.execution_time import macros
from conftest import DAGS

from callstats_lake_dags.common import MAIN_CLASS, SPARK_CONN_ID, LakeJobOperator, ready_marker_uri

DAG_IDS = {"callstats_nightly", "callstats_maintenance", "callstats_reprocess"}

VARIABLES = {
    "callstats_lake_jar": "/opt/callstats-lake/callstats-lake-jobs-spark.jar",
    "callstats_lake_conf_file": "/etc/callstats-lake/lake.conf",
    "callstats_lake_uri": "s3a://callstats/lake",
    "callstats_landing_uri": "s3a://callstats/landing",
}
LAKE_ARGS = [
    "--conf",
    "/etc/callstats-lake/lake.conf",
    "--lake",
    "s3a://callstats/lake",
    "--landing",
    "s3a://callstats/landing",
]


@pytest.fixture(scope="module")
def dagbag() -> BundleDagBag:
    return BundleDagBag(dag_folder=DAGS, bundle_path=DAGS)


def render(dagbag: BundleDagBag, dag_id: str, task_id: str, field: Any, **context: Any) -> Any:
    """Renders a templated field the way a run does, with the Variables above and the given context."""
    dag = dagbag.dags[dag_id]
    task = dag.get_task(task_id)
    full = {"var": {"value": VARIABLES}, "macros": macros, "params": {}, **context}
    return task.render_template(field, full, jinja_env=dag.get_template_env())


def interval(start: pendulum.DateTime, end: pendulum.DateTime) -> dict[str, Any]:
    """The date keys of a run's template context, for a run whose logical date starts its data interval."""
    return {"ds": start.to_date_string(), "data_interval_start": start, "data_interval_end": end}


def test_every_dag_file_imports(dagbag: BundleDagBag) -> None:
    assert dagbag.import_errors == {}
    assert set(dagbag.dag_ids) == DAG_IDS


@pytest.mark.parametrize("dag_id", sorted(DAG_IDS))
def test_dags_follow_the_house_rules(dagbag: BundleDagBag, dag_id: str) -> None:
    dag = dagbag.dags[dag_id]
    assert "callstats-lake" in dag.tags and len(dag.tags) >= 2
    assert dag.owner == "callstats-lake"
    assert dag.doc_md and dag_id in dag.doc_md
    assert dag.max_active_runs == 1
    assert dag.default_args["retries"] > 0 and dag.default_args["retry_exponential_backoff"]
    for task in dag.tasks:
        assert task.doc_md, f"{dag_id}.{task.task_id} has no doc_md"
        assert task.owner == "callstats-lake"
        assert task.on_failure_callback, f"{dag_id}.{task.task_id} raises no alert on failure"
        if isinstance(task, LakeJobOperator):
            assert task.retries > 0 and task.retry_exponential_backoff
            assert task.execution_timeout is not None
            assert task._java_class == MAIN_CLASS
            assert task._conn_id == SPARK_CONN_ID


def test_nightly_is_daily_by_data_interval_with_catchup(dagbag: BundleDagBag) -> None:
    dag = dagbag.dags["callstats_nightly"]
    assert dag.catchup is True
    assert dag.timetable == CronDataIntervalTimetable("0 0 * * *", timezone="UTC")
    assert [(t.task_id, sorted(t.downstream_task_ids)) for t in dag.topological_sort()] == [
        ("wait_for_landing", ["normalise"]),
        ("normalise", ["summarise"]),
        ("summarise", ["aggregate"]),
        ("aggregate", ["report"]),
        ("report", []),
    ]


@pytest.mark.parametrize("command", ["normalise", "summarise", "aggregate", "report"])
def test_nightly_submits_the_jar_for_the_interval_date(dagbag: BundleDagBag, command: str) -> None:
    task = dagbag.dags["callstats_nightly"].get_task(command)
    day = interval(pendulum.datetime(2026, 11, 20, tz="UTC"), pendulum.datetime(2026, 11, 21, tz="UTC"))

    assert render(dagbag, "callstats_nightly", command, task.application_args, **day) == [
        command,
        "--date",
        "2026-11-20",
        *LAKE_ARGS,
    ]
    assert render(dagbag, "callstats_nightly", command, task.application, **day) == VARIABLES["callstats_lake_jar"]
    assert task.needs_hash_key


def test_the_spark_submit_command_line(dagbag: BundleDagBag, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIRFLOW_CONN_CALLSTATS_LAKE_SPARK", '{"conn_type": "spark", "host": "local[2]"}')
    dag = dagbag.dags["callstats_nightly"]
    task = copy.deepcopy(dag.get_task("normalise"))
    day = interval(pendulum.datetime(2026, 11, 20, tz="UTC"), pendulum.datetime(2026, 11, 21, tz="UTC"))
    task.render_template_fields(
        {"var": {"value": VARIABLES}, "macros": macros, **day}, jinja_env=dag.get_template_env()
    )

    command = task._get_hook()._build_spark_submit_command(task.application)

    assert command == [
        "spark-submit",
        "--master",
        "local[2]",
        "--name",
        "callstats-lake-normalise",
        "--class",
        MAIN_CLASS,
        VARIABLES["callstats_lake_jar"],
        "normalise",
        "--date",
        "2026-11-20",
        *LAKE_ARGS,
    ]


def test_the_readiness_marker_is_the_landing_date_s(dagbag: BundleDagBag) -> None:
    sensor = dagbag.dags["callstats_nightly"].get_task("wait_for_landing")
    day = interval(pendulum.datetime(2026, 11, 20, tz="UTC"), pendulum.datetime(2026, 11, 21, tz="UTC"))
    kwargs = render(dagbag, "callstats_nightly", "wait_for_landing", sensor.op_kwargs, **day)

    assert ready_marker_uri(**kwargs) == "s3a://callstats/landing/callstats/date=2026-11-20/_READY"
    assert sensor.mode == "reschedule" and sensor.retries == 0 and sensor.timeout > 0


def test_maintenance_optimizes_the_week_and_its_late_days(dagbag: BundleDagBag) -> None:
    dag = dagbag.dags["callstats_maintenance"]
    task = dag.get_task("maintain")
    week = interval(pendulum.datetime(2026, 11, 15, 12, tz="UTC"), pendulum.datetime(2026, 11, 22, 12, tz="UTC"))

    assert dag.catchup is False
    assert render(dagbag, "callstats_maintenance", "maintain", task.application_args, **week) == [
        "maintain",
        "--from",
        "2026-11-13",
        "--to",
        "2026-11-21",
        *LAKE_ARGS,
    ]
    assert not task.needs_hash_key


def test_reprocess_runs_every_step_over_the_params_range(dagbag: BundleDagBag) -> None:
    dag = dagbag.dags["callstats_reprocess"]
    params = {"start": "2026-11-01", "end": "2026-11-07"}

    assert isinstance(dag.timetable, NullTimetable) and dag.catchup is False
    steps = ["normalise", "summarise", "aggregate", "report"]
    assert [t.task_id for t in dag.topological_sort()] == ["check_range", *steps]
    for command in steps:
        args = render(dagbag, "callstats_reprocess", command, dag.get_task(command).application_args, params=params)
        assert args == [command, "--from", "2026-11-01", "--to", "2026-11-07", *LAKE_ARGS]


def test_reprocess_refuses_a_backwards_or_too_long_range(dagbag: BundleDagBag) -> None:
    check = dagbag.dags["callstats_reprocess"].get_task("check_range").python_callable

    assert check("2026-11-01", "2026-11-07") == 7
    with pytest.raises(ValueError, match="cannot be: 2026-11-07 to 2026-11-01"):
        check("2026-11-07", "2026-11-01")
    with pytest.raises(ValueError, match="at most 367 days"):
        check("2025-01-01", "2026-11-07")
