"""What the notebooks share: a Spark session that reads the lake's Delta tables, and the tables as views.

The session runs PySpark at the jobs' Spark version with the Delta jars of the jobs' own spark-submit jar
(`jobs/target/callstats-lake-jobs-<version>-spark.jar`), so notebooks read the tables with exactly the Delta
the jobs wrote them with, and need no download of jars at run time. The list of tables comes from the jobs'
declarations (`callstats.lake.jobs.LakeTables`), read through the JVM, so it never drifts from what the jobs
write. Nothing here computes a metric: the notebooks read them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from delta.tables import DeltaTable
from pyspark.sql import DataFrame, SparkSession

REPO = Path(__file__).resolve().parent.parent
JAR_ENV = "CALLSTATS_LAKE_JAR"
MASTER_ENV = "CALLSTATS_NOTEBOOK_MASTER"

# The jobs' defaults (common/src/main/resources/callstats-lake-defaults.conf), sized for a laptop.
SESSION_SETTINGS: dict[str, str] = {
    "spark.sql.extensions": "io.delta.sql.DeltaSparkSessionExtension",
    "spark.sql.catalog.spark_catalog": "org.apache.spark.sql.delta.catalog.DeltaCatalog",
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.shuffle.partitions": "2",
    "spark.databricks.delta.snapshotPartitions": "2",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.memory": "2g",
}


def jobs_jar() -> Path:
    """The jobs' spark-submit jar: $CALLSTATS_LAKE_JAR, else the one built in jobs/target."""
    configured = os.environ.get(JAR_ENV)
    if configured:
        jar = Path(configured)
        if not jar.is_file():
            raise FileNotFoundError(f"{JAR_ENV} must name the jobs' spark-submit jar, cannot be: {configured}")
        return jar
    jars = sorted((REPO / "jobs" / "target").glob("callstats-lake-jobs-*-spark.jar"))
    if not jars:
        raise FileNotFoundError(
            f"no jobs/target/callstats-lake-jobs-*-spark.jar under {REPO}: build it with "
            "`./mvnw -q -B -DskipTests package`, or set CALLSTATS_LAKE_JAR"
        )
    return jars[-1]


def spark_session(app_name: str = "callstats-notebook", extra: Mapping[str, str] | None = None) -> SparkSession:
    """A local Spark session with Delta (the jobs' jar on the classpath); `extra` adds or overrides settings,
    e.g. the `spark.hadoop.fs.s3a.*` settings of an s3a:// lake."""
    builder = (
        SparkSession.builder.appName(app_name)
        .master(os.environ.get(MASTER_ENV, "local[2]"))
        .config("spark.jars", str(jobs_jar()))
    )
    for key, value in {**SESSION_SETTINGS, **(extra or {})}.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def table_path(lake: str, layer: str, name: str) -> str:
    """Where the jobs write a table: `<lake>/<layer>/<name>`."""
    return f"{lake.rstrip('/')}/{layer}/{name}"


def declared_tables(spark: SparkSession) -> list[tuple[str, str, str]]:
    """(layer, name, description) of every table the jobs write, from their declarations in the jar."""
    specs = spark.sparkContext._jvm.callstats.lake.jobs.LakeTables.all()
    return [(s.layer(), s.name(), s.comment()) for s in specs]


def register_views(spark: SparkSession, lake: str) -> list[str]:
    """Registers each table that exists in the lake as the view `<layer>_<name>` (as `callstats-lake sql` does)
    and returns the view names."""
    views = []
    for layer, name, _ in declared_tables(spark):
        path = table_path(lake, layer, name)
        if DeltaTable.isDeltaTable(spark, path):
            view = f"{layer}_{name}"
            spark.read.format("delta").load(path).createOrReplaceTempView(view)
            views.append(view)
    return views


def read(spark: SparkSession, lake: str, layer: str, name: str) -> DataFrame:
    """One table of the lake as a DataFrame."""
    return spark.read.format("delta").load(table_path(lake, layer, name))


def column_comments(spark: SparkSession, lake: str, layer: str, name: str) -> list[tuple[str, str, str]]:
    """(column, type, comment) of a table, from its Delta schema: the meanings and units the jobs declared."""
    schema = read(spark, lake, layer, name).schema
    return [(f.name, f.dataType.simpleString(), f.metadata.get("comment", "")) for f in schema.fields]
