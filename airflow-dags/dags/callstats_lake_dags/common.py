"""Shared building blocks of the callstats-lake DAGs.

Everything a deployment chooses (the Spark connection, the jobs jar, the configuration file, the lake and
landing URIs, the hash key) is looked up when a task runs, from Airflow connections and Variables (which
can also come from ``AIRFLOW_CONN_*`` / ``AIRFLOW_VAR_*`` environment variables or a secrets backend).
Parsing a DAG file reads only a few optional environment variables: no database, no files, no network.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pendulum
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sdk import BaseHook, Context, ObjectStoragePath, PokeReturnValue, task
from airflow.sdk.exceptions import AirflowNotFoundException
from airflow.sdk.log import mask_secret

log = logging.getLogger(__name__)

MAIN_CLASS = "callstats.lake.jobs.cli.Main"
OWNER = "callstats-lake"
TAGS = ["callstats-lake"]

# Deployment choices read at parse time, from the environment only (cheap, no I/O).
SPARK_CONN_ID = os.environ.get("CALLSTATS_LAKE_SPARK_CONN_ID", "callstats_lake_spark")
HASH_KEY_CONN_ID = os.environ.get("CALLSTATS_LAKE_HASH_KEY_CONN_ID", "callstats_lake_hash_key")
STORAGE_CONN_ID = os.environ.get("CALLSTATS_LAKE_STORAGE_CONN_ID", "aws_default")
START_DATE = pendulum.parse(os.environ.get("CALLSTATS_LAKE_START_DATE", "2026-11-01"), tz="UTC")
POOL = os.environ.get("CALLSTATS_LAKE_POOL") or None
# Retries of the Spark steps (0 in tests and development, where a failure should surface at once).
SPARK_RETRIES = int(os.environ.get("CALLSTATS_LAKE_RETRIES", "2"))

# The environment variable the jobs read the keyed-hash key from (privacy.hash-key-env).
HASH_KEY_ENV = "CALLSTATS_LAKE_HASH_KEY"

# Airflow Variables, read when a task runs (templates), never at parse time.
VAR_JAR = "callstats_lake_jar"
VAR_CONF_FILE = "callstats_lake_conf_file"
VAR_LAKE_URI = "callstats_lake_uri"
VAR_LANDING_URI = "callstats_landing_uri"
VAR_READY_MARKER = "callstats_lake_ready_marker"
VAR_LATE_DAYS = "callstats_lake_late_days"

DEFAULT_READY_MARKER = "callstats/date={date}/_READY"
DEFAULT_LATE_DAYS = 2

# The landing date a run processes: its logical date, which the DAGs' data-interval timetables make the
# start of the run's data interval (scheduled runs and backfills), never the wall clock. A CLI run
# (`airflow dags test callstats_nightly 2026-11-20`) processes the date it is given; a manual run without
# a logical date fails to render instead of guessing.
DAY = "{{ ds }}"

SPARK_RETRY_DELAY = timedelta(minutes=5)
SPARK_MAX_RETRY_DELAY = timedelta(hours=1)
SPARK_EXECUTION_TIMEOUT = timedelta(hours=6)
READY_POKE_INTERVAL = timedelta(minutes=10)
READY_TIMEOUT = timedelta(hours=8)


def var(name: str) -> str:
    """A template reading Airflow Variable ``name`` when the task runs (a missing Variable fails the task)."""
    return "{{ var.value." + name + " }}"


def lake_args() -> list[str]:
    """The options every command takes: configuration file, lake and landing locations."""
    return ["--conf", var(VAR_CONF_FILE), "--lake", var(VAR_LAKE_URI), "--landing", var(VAR_LANDING_URI)]


def late_days_before(date_template: str) -> str:
    """A template for the date ``late-days`` before ``date_template`` (what late data can still rewrite)."""
    late_days = f"var.value.get('{VAR_LATE_DAYS}', {DEFAULT_LATE_DAYS}) | int"
    return "{{ macros.ds_add(" + date_template + ", -(" + late_days + ")) }}"


def alert_on_failure(context: Context) -> None:
    """Failure callback: one ERROR line naming the DAG, task, landing date, try and log.

    Add notifiers (``SmtpNotifier``, Slack, PagerDuty) next to it in ``default_args`` where a deployment
    has them; this one needs nothing but the task log.
    """
    ti = context["ti"]
    log.error(
        "callstats-lake ALERT: %s.%s failed for %s (try %s): %s; log: %s",
        ti.dag_id,
        ti.task_id,
        context.get("ds", "a run without a logical date"),
        ti.try_number,
        context.get("exception"),
        getattr(ti, "log_url", "-"),
    )


def default_args(**overrides: Any) -> dict[str, Any]:
    """Task defaults: an owner, retries with exponential back-off, a timeout and the failure alert."""
    args: dict[str, Any] = {
        "owner": OWNER,
        "depends_on_past": False,
        "retries": SPARK_RETRIES,
        "retry_delay": SPARK_RETRY_DELAY,
        "retry_exponential_backoff": 2.0,
        "max_retry_delay": SPARK_MAX_RETRY_DELAY,
        "execution_timeout": SPARK_EXECUTION_TIMEOUT,
        "on_failure_callback": alert_on_failure,
    }
    if POOL:
        args["pool"] = POOL
    args.update(overrides)
    return args


def resolve_hash_key(conn_id: str) -> str | None:
    """The keyed-hash key: the password of connection ``conn_id``, else the worker's environment."""
    try:
        key = BaseHook.get_connection(conn_id).password
    except AirflowNotFoundException:
        key = None
    key = key or os.environ.get(HASH_KEY_ENV)
    if key:
        mask_secret(key)
    return key or None


class LakeJobOperator(SparkSubmitOperator):
    """Runs one ``callstats-lake`` command from the jobs jar with ``spark-submit``.

    The application is the jar named by the ``callstats_lake_jar`` Variable, the main class is the CLI,
    and the arguments are the command, its dates and the lake options. The hash key is added to the
    environment of the ``spark-submit`` process only when the task runs, so it is never a rendered
    template field. The Spark connection gives the master and deploy mode; on YARN or Kubernetes give
    the key to the driver through the cluster's secrets instead (env_vars become visible Spark conf).
    """

    def __init__(
        self,
        *,
        command: Sequence[str],
        needs_hash_key: bool = True,
        hash_key_conn_id: str = HASH_KEY_CONN_ID,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("conn_id", SPARK_CONN_ID)
        kwargs.setdefault("name", "callstats-lake-" + kwargs["task_id"])
        super().__init__(
            application=var(VAR_JAR),
            java_class=MAIN_CLASS,
            application_args=[*command, *lake_args()],
            **kwargs,
        )
        self.needs_hash_key = needs_hash_key
        self.hash_key_conn_id = hash_key_conn_id

    def execute(self, context: Context) -> None:
        if self.needs_hash_key:
            key = resolve_hash_key(self.hash_key_conn_id)
            if key is None:
                log.warning(
                    "no hash key in connection %s or $%s: the job must get it from the cluster",
                    self.hash_key_conn_id,
                    HASH_KEY_ENV,
                )
            else:
                self.env_vars = {**(self.env_vars or {}), HASH_KEY_ENV: key}
        super().execute(context)


def lake_job(task_id: str, command: Sequence[str], doc_md: str, **kwargs: Any) -> LakeJobOperator:
    """A pipeline step: ``callstats-lake <command> <lake options>``."""
    return LakeJobOperator(task_id=task_id, command=command, doc_md=doc_md, **kwargs)


def landing_uri_exists(uri: str, conn_id: str = STORAGE_CONN_ID) -> bool:
    """Whether a file exists at a landing location: a local path, a ``file:`` URI or an object store URI.

    ``s3a://`` (Hadoop's name, used by the jobs) is read as ``s3://`` through Airflow's object storage,
    which needs the Amazon provider with s3fs on the workers.
    """
    parsed = urlparse(uri)
    if parsed.scheme in ("", "file"):
        return Path(unquote(parsed.path) if parsed.scheme else uri).exists()
    if parsed.scheme == "s3a":
        uri = "s3://" + uri[len("s3a://") :]
    return ObjectStoragePath(uri, conn_id=conn_id).exists()


def ready_marker_uri(landing: str, marker: str, day: str) -> str:
    """``<landing>/<marker>`` with ``{date}`` in the marker replaced by the landing date."""
    return landing.rstrip("/") + "/" + marker.format(date=day).lstrip("/")


READY_DOC = """
Waits until the landing zone says the day is complete: the file
`<callstats_landing_uri>/<callstats_lake_ready_marker>` (default `callstats/date={date}/_READY`, written by
the ingest gateway once the day's last hour is flushed). Point the Variable at `callstats/date={date}/hour=23`
to wait for the last hour partition instead. Reschedules itself between pokes (no worker slot held) and
fails after the timeout, which raises the failure alert: the day's telemetry is late or lost.
"""


def wait_for_landing(
    day: str = DAY,
    poke_interval: timedelta = READY_POKE_INTERVAL,
    timeout: timedelta = READY_TIMEOUT,
) -> Any:
    """The readiness sensor of a landing date (a task; call it inside a DAG)."""

    @task.sensor(
        task_id="wait_for_landing",
        poke_interval=poke_interval.total_seconds(),
        timeout=timeout.total_seconds(),
        mode="reschedule",
        retries=0,
        doc_md=READY_DOC,
    )
    def wait_for_landing(landing: str, marker: str, day: str) -> PokeReturnValue:
        uri = ready_marker_uri(landing, marker, day)
        ready = landing_uri_exists(uri)
        log.info("landing %s %s: %s", day, "ready" if ready else "not ready yet", uri)
        return PokeReturnValue(is_done=ready, xcom_value=uri if ready else None)

    return wait_for_landing(
        landing=var(VAR_LANDING_URI),
        marker="{{ var.value.get('" + VAR_READY_MARKER + "', '" + DEFAULT_READY_MARKER + "') }}",
        day=day,
    )
