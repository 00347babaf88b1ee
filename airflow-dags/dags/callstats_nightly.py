"""
### callstats_nightly

The nightly pipeline of one landing date D: the run's data interval `[D, D+1)` UTC, whose start is the
run's logical date (`ds`). The run starts when the interval ends, at midnight UTC.

1. **wait_for_landing**: the landing zone marks D complete (the `_READY` marker; times out with an alert).
2. **normalise**: landing files of D to the silver tables (replaces D's partitions).
3. **summarise**: silver to the gold summaries; the job itself re-summarises calls that late data of D
   touches (`summarise.late-days` of the configuration).
4. **aggregate**: the daily service-level tables of D.
5. **report**: the HTML service-level report of D.

Every step is a `spark-submit` of the jobs jar and replaces what an earlier run of the same date wrote, so
clearing and re-running a date, or backfilling a range (`airflow backfill create --dag-id
callstats_nightly --from-date ... --to-date ...`), is safe. Runs are one at a time and in date order
(`max_active_runs=1`, `catchup=True`): the lake has one writer.

Needs the Spark connection, the Variables and the hash key described in `docs/airflow.md`.
"""

from __future__ import annotations

from airflow.sdk import DAG, CronDataIntervalTimetable

from callstats_lake_dags.common import (
    DAY,
    START_DATE,
    TAGS,
    default_args,
    lake_job,
    wait_for_landing,
)

with DAG(
    dag_id="callstats_nightly",
    description="Landing date D to silver, gold, daily aggregates and the report",
    doc_md=__doc__,
    schedule=CronDataIntervalTimetable("0 0 * * *", timezone="UTC"),
    start_date=START_DATE,
    catchup=True,
    max_active_runs=1,
    default_args=default_args(),
    tags=[*TAGS, "nightly"],
) as dag:
    ready = wait_for_landing()
    normalise = lake_job(
        "normalise",
        ["normalise", "--date", DAY],
        doc_md="Landing files of the date to the silver tables; bad lines to `silver.quarantine`.",
    )
    summarise = lake_job(
        "summarise",
        ["summarise", "--date", DAY],
        doc_md="Silver to the gold summaries (streams, connections, participants, calls), with the "
        "late-data look-back of `summarise.late-days`.",
    )
    aggregate = lake_job(
        "aggregate",
        ["aggregate", "--date", DAY],
        doc_md="Daily service-level tables of the date, with their breakdowns.",
    )
    report = lake_job(
        "report",
        ["report", "--date", DAY],
        doc_md="The HTML service-level report of the date.",
    )

    ready >> normalise >> summarise >> aggregate >> report
