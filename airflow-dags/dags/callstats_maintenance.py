"""
### callstats_maintenance

Weekly upkeep of the lake with `callstats-lake maintain`: `OPTIMIZE` compacts the small files that nightly
runs leave (Z-ordered by the columns each table declares) and `VACUUM` deletes files no table version
within `maintain.vacuum-retention-hours` references.

OPTIMIZE is limited to the date partitions the week's nightly runs could have rewritten: the week's data
interval, reaching back `callstats_lake_late_days` (default 2) days for late data. VACUUM covers whole
tables. Runs at noon on Sundays, away from the nightly runs; OPTIMIZE retries if a concurrent write wins.
"""

from __future__ import annotations

from airflow.sdk import DAG, CronDataIntervalTimetable

from callstats_lake_dags.common import START_DATE, TAGS, default_args, lake_job, late_days_before

# The week of the run's data interval, as landing dates: its logical date (the interval's first day) + 6.
WEEK_LAST_DAY = "{{ macros.ds_add(ds, 6) }}"

with DAG(
    dag_id="callstats_maintenance",
    description="Weekly OPTIMIZE and VACUUM of the lake's Delta tables",
    doc_md=__doc__,
    schedule=CronDataIntervalTimetable("0 12 * * 0", timezone="UTC"),
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=default_args(),
    tags=[*TAGS, "maintenance"],
) as dag:
    maintain = lake_job(
        "maintain",
        [
            "maintain",
            "--from",
            late_days_before("ds"),
            "--to",
            WEEK_LAST_DAY,
        ],
        needs_hash_key=False,
        doc_md="OPTIMIZE the week's date partitions (and late-data days), then VACUUM every table.",
    )
