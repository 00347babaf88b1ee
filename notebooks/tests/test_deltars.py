"""delta-rs (no JVM) reads every gold table the jobs wrote and gets the same numbers as Spark: row counts, rows
per partition, and the sum of every numeric column."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest
from deltalake import DeltaTable
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import NumericType

import lakenb

GOLD = [
    "stream_summary",
    "connection_summary",
    "participant_summary",
    "call_summary",
    "issues",
    "daily_service",
    "daily_breakdown",
    "weekly_service",
    "monthly_service",
    "rtcstats_session_features",
    "rtcstats_connection_features",
    "rtcstats_track_features",
]


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    session = lakenb.spark_session("deltars-test")
    yield session
    session.stop()


def test_the_list_covers_every_gold_table(spark: SparkSession) -> None:
    assert sorted(GOLD) == sorted(name for layer, name, _ in lakenb.declared_tables(spark) if layer == "gold")


@pytest.mark.parametrize("table", GOLD)
def test_deltars_reads_what_spark_reads(table: str, lake: str, spark: SparkSession) -> None:
    path = lakenb.table_path(lake, "gold", table)
    df = spark.read.format("delta").load(path)
    rs = DeltaTable(path).to_pandas()

    assert len(rs) == df.count()
    if not table.startswith("rtcstats_"):  # the demo lands no rtcstats dumps
        assert len(rs) > 0
    assert list(rs.columns) == df.columns
    partition = DeltaTable(path).metadata().partition_columns[0]
    spark_parts = {str(r[0]): r[1] for r in df.groupBy(partition).count().collect()}
    rs_parts = {str(k): v for k, v in rs.groupby(rs[partition].astype(str)).size().items()}
    assert rs_parts == spark_parts

    numeric = [f.name for f in df.schema.fields if isinstance(f.dataType, NumericType)]
    spark_sums = df.agg(*[F.sum(c).alias(c) for c in numeric]).first().asDict() if numeric else {}
    for column in numeric:
        expected = spark_sums[column] or 0
        assert math.isclose(float(rs[column].fillna(0).sum()), float(expected), rel_tol=1e-9, abs_tol=1e-6), column
