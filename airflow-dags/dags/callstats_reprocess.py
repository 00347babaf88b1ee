"""
### callstats_reprocess

Re-runs the pipeline for a range of landing dates, for example after a metric definition changed or
late files were found: **normalise**, **summarise**, **aggregate** and **report** with
`--from start --to end`. Every step replaces the dates' partitions, so reprocessing is safe to repeat.

Trigger it with the `start` and `end` params (inclusive, at most 367 days), e.g.
`airflow dags trigger callstats_reprocess -c '{"start": "2026-11-01", "end": "2026-11-07"}'`.
Pause `callstats_nightly` meanwhile, or give both DAGs a one-slot pool (`CALLSTATS_LAKE_POOL`): the lake
has one writer.
"""

from __future__ import annotations

from datetime import date

from airflow.sdk import DAG, Param, task

from callstats_lake_dags.common import START_DATE, TAGS, default_args, lake_job

MAX_DAYS = 367

START = "{{ params.start }}"
END = "{{ params.end }}"
RANGE = ["--from", START, "--to", END]

with DAG(
    dag_id="callstats_reprocess",
    description="Re-run normalise, summarise, aggregate and report for a range of dates",
    doc_md=__doc__,
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=default_args(),
    params={
        "start": Param(type="string", format="date", description="First landing date, YYYY-MM-DD"),
        "end": Param(type="string", format="date", description="Last landing date, YYYY-MM-DD, inclusive"),
    },
    tags=[*TAGS, "reprocess"],
) as dag:

    @task(retries=0, doc_md="Checks the range before any Spark job starts.")
    def check_range(start: str, end: str) -> int:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
        days = (last - first).days + 1
        if days < 1 or days > MAX_DAYS:
            raise ValueError(
                f"end must be on or after start and the range at most {MAX_DAYS} days, cannot be: {start} to {end}"
            )
        return days

    checked = check_range(START, END)
    normalise = lake_job("normalise", ["normalise", *RANGE], doc_md="Landing files of the range to silver.")
    summarise = lake_job("summarise", ["summarise", *RANGE], doc_md="Silver to gold summaries for the range.")
    aggregate = lake_job("aggregate", ["aggregate", *RANGE], doc_md="Daily service-level tables of the range.")
    report = lake_job("report", ["report", *RANGE], doc_md="The service-level reports of the range.")

    checked >> normalise >> summarise >> aggregate >> report
