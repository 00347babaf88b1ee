# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Getting started with the callstats lake
#
# The lake has three layers, each written by one job of the nightly pipeline:
#
# | layer | where | written by | what |
# |---|---|---|---|
# | landing | `<landing>/callstats/date=D/hour=H/*.jsonl.gz` | the ingest gateway | raw JSON lines as sent |
# | silver | `<lake>/silver/<table>` | `normalise --date D` | typed, deduplicated records, by landing `date` |
# | gold | `<lake>/gold/<table>` | `summarise`, `aggregate` | per stream, connection, participant, call; per day |
#
# The gold summaries nest: a **call** (`app_id`, `conf_id`) has **participants** (user sessions, `uc_id`), each
# with **connections** (`connection_id`), each carrying **streams** (`ssrc`, `direction`). `gold.issues` points
# at any of these levels. The service tables (`daily_service`, `daily_breakdown`, `weekly_service`,
# `monthly_service`) are rolled up from the summaries, by `call_date`.
#
# This notebook reads each table once, shows a query per table and the meaning of its columns (the Delta
# column comments the jobs declare), and ends with reading the gold tables **without a JVM**, using
# `deltalake` (delta-rs) and pandas. Definitions: `docs/silver.md`, `docs/gold-summaries.md`,
# `docs/gold-aggregates.md`, `docs/quality-scores.md`.

# %% tags=["parameters"]
# Where the lake is (a path or file: URI; `bin/callstats-lake demo` writes ./lake), and its landing zone.
lake = "../lake"
landing = None  # None: <lake>/landing
# The app (tenant) to look at; None: the app with the most calls.
app = None

# %%
import os

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display
from pyspark.sql import functions as F

import lakenb

lake = os.path.abspath(lake) if "://" not in lake else lake
landing = landing or f"{lake}/landing"
spark = lakenb.spark_session("getting-started")
views = lakenb.register_views(spark, lake)
pd.set_option("display.max_colwidth", 120)


def sql(query: str) -> pd.DataFrame:
    """Runs Spark SQL on the lake's views and returns the result as pandas."""
    return spark.sql(query).toPandas()


# %% [markdown]
# ## The tables
#
# Every table the jobs declare, whether it exists in this lake, and its size. The views are named
# `<layer>_<table>`, as in `bin/callstats-lake sql`.

# %%
tables = pd.DataFrame(lakenb.declared_tables(spark), columns=["layer", "table", "description"])
tables["view"] = tables["layer"] + "_" + tables["table"]
tables["rows"] = [spark.table(v).count() if v in views else None for v in tables["view"]]
display(tables[["view", "rows", "description"]])
if app is None:
    app = sql("SELECT app_id FROM gold_call_summary GROUP BY app_id ORDER BY count(*) DESC, app_id LIMIT 1").app_id[0]
print(f"app: {app}")


# %%
def columns(view: str) -> None:
    """Shows a table's columns, types and meanings (units are in the comments)."""
    layer, name = view.split("_", 1)
    display(pd.DataFrame(lakenb.column_comments(spark, lake, layer, name), columns=["column", "type", "meaning"]))


# %% [markdown]
# ## Landing: raw lines
#
# The gateway writes one JSON object per line, gzipped, into a folder per landing date and hour
# (`docs/ingest-formats.md`). `silver.ingest_log` accounts for every file that `normalise` read: each line
# was either accepted or quarantined with a reason.

# %%
raw = spark.read.text(f"{landing}/callstats/date=*/hour=*/*.jsonl.gz").withColumn(
    "landing_date", F.regexp_extract(F.input_file_name(), r"date=(\d{4}-\d{2}-\d{2})", 1)
)
raw_per_date = raw.groupBy("landing_date").count().toPandas().sort_values("landing_date")
print(raw.first().value[:400], "...")
display(raw_per_date)

# %%
ingest = sql("""
    SELECT date, count(*) AS files, sum(lines_read) AS lines_read, sum(lines_accepted) AS lines_accepted,
           sum(lines_quarantined) AS lines_quarantined, sum(lines_duplicate) AS duplicates
    FROM silver_ingest_log GROUP BY date ORDER BY date""")
display(ingest)
columns("silver_ingest_log")

# %% [markdown]
# ## Silver: typed records
#
# One query per table. All silver tables are partitioned by `date`, the landing date: filter on it first.

# %% [markdown]
# `silver.sessions`: one row per user session and landing date: the endpoint, its network and geo.

# %%
display(
    sql(f"""
    SELECT coalesce(browser, sdk) AS client, os, count(*) AS sessions, count(DISTINCT conf_id) AS calls
    FROM silver_sessions WHERE app_id = '{app}' GROUP BY 1, 2 ORDER BY sessions DESC LIMIT 10""")
)
columns("silver_sessions")

# %% [markdown]
# `silver.events`: every call event, in one taxonomy (`category`, `event`) for both dialects.

# %%
display(
    sql(f"""
    SELECT category, event, count(*) AS events FROM silver_events WHERE app_id = '{app}'
    GROUP BY 1, 2 ORDER BY events DESC LIMIT 15""")
)
columns("silver_events")

# %% [markdown]
# `silver.rtp_stream_samples`: one row per getStats sample, RTP stream and connection, with interval deltas
# and rates (`bitrate_kbps`, `loss_pct`, `frame_rate`...).

# %%
display(
    sql(f"""
    SELECT kind, direction, count(*) AS samples, round(avg(bitrate_kbps), 1) AS mean_bitrate_kbps,
           round(avg(jitter_ms), 1) AS mean_jitter_ms
    FROM silver_rtp_stream_samples WHERE app_id = '{app}' GROUP BY 1, 2 ORDER BY 1, 2""")
)
columns("silver_rtp_stream_samples")

# %% [markdown]
# `silver.transport_samples`: the candidate pair in use per sample and connection (addresses only as keyed
# hashes).

# %%
display(
    sql(f"""
    SELECT local_candidate_type, coalesce(local_relay_protocol, '-') AS relay_protocol, count(*) AS samples,
           round(percentile_approx(current_rtt_ms, 0.5), 1) AS median_rtt_ms
    FROM silver_transport_samples WHERE app_id = '{app}' GROUP BY 1, 2 ORDER BY samples DESC""")
)
columns("silver_transport_samples")

# %% [markdown]
# `silver.ssrc_map`: which user and media each RTP stream carries.

# %%
display(sql(f"SELECT * FROM silver_ssrc_map WHERE app_id = '{app}' LIMIT 5"))
columns("silver_ssrc_map")

# %% [markdown]
# `silver.feedback`: the users' 1-5 ratings.

# %%
display(
    sql(f"""
    SELECT overall_rating, count(*) AS ratings FROM silver_feedback WHERE app_id = '{app}'
    GROUP BY 1 ORDER BY 1""")
)
columns("silver_feedback")

# %% [markdown]
# `silver.precall_tests`: pre-call and background network tests (see `network_and_precall`).

# %%
display(
    sql(f"""
    SELECT provider, count(*) AS tests, round(avg(throughput_kbps)) AS mean_throughput_kbps
    FROM silver_precall_tests WHERE app_id = '{app}' GROUP BY 1 ORDER BY tests DESC""")
)
columns("silver_precall_tests")

# %% [markdown]
# `silver.quarantine`: every landing line that could not be used, with its reason (`docs/silver.md`).

# %%
display(sql("SELECT reason, count(*) AS lines FROM silver_quarantine GROUP BY 1 ORDER BY lines DESC"))
columns("silver_quarantine")

# %% [markdown]
# ## Gold: summaries
#
# Partitioned by `call_date`, the landing date of a call's first record.

# %%
calls = sql(f"""
    SELECT call_date, conf_id, outcome, participants, round(duration_s) AS duration_s,
           round(audio_score, 2) AS audio_mos, round(video_score, 2) AS video_score, quality_band, issues
    FROM gold_call_summary WHERE app_id = '{app}' ORDER BY call_date, conf_id""")
display(calls.head(10))
columns("gold_call_summary")

# %%
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.hist(calls["duration_s"] / 60, bins=20, color="tab:blue")
ax.set_title(f"Call durations, {app}")
ax.set_xlabel("duration (min)")
ax.set_ylabel("calls")
plt.show()

# %% [markdown]
# `gold.participant_summary`: one row per user session in a call. Its rows add up to the call's
# `participants`.

# %%
per_call = sql(f"""
    SELECT c.conf_id, c.participants, count(p.uc_id) AS participant_rows
    FROM gold_call_summary c JOIN gold_participant_summary p
      ON p.app_id = c.app_id AND p.conf_id = c.conf_id AND p.call_date = c.call_date
    WHERE c.app_id = '{app}' GROUP BY c.conf_id, c.participants""")
display(
    sql(f"""
    SELECT coalesce(browser, sdk) AS client, count(*) AS sessions, round(avg(audio_score), 2) AS audio_mos,
           round(avg(time_in_call_s) / 60, 1) AS mean_minutes
    FROM gold_participant_summary WHERE app_id = '{app}' GROUP BY 1 ORDER BY sessions DESC""")
)
columns("gold_participant_summary")

# %% [markdown]
# `gold.connection_summary`: one row per peer connection: setup, candidates and relay, ICE, drops.

# %%
display(
    sql(f"""
    SELECT setup_outcome, coalesce(transport, '-') AS transport, count(*) AS connections,
           round(avg(setup_delay_ms)) AS mean_setup_ms, sum(CAST(dropped AS INT)) AS dropped
    FROM gold_connection_summary WHERE app_id = '{app}' GROUP BY 1, 2 ORDER BY connections DESC""")
)
columns("gold_connection_summary")

# %% [markdown]
# `gold.stream_summary`: one row per media stream as one endpoint saw it (inbound or outbound).

# %%
display(
    sql(f"""
    SELECT media_type, direction, count(*) AS streams, round(avg(loss_pct), 2) AS mean_loss_pct,
           round(avg(rtt_mean_ms)) AS mean_rtt_ms, round(avg(quality_score), 2) AS mean_score
    FROM gold_stream_summary WHERE app_id = '{app}' GROUP BY 1, 2 ORDER BY 1, 2""")
)
columns("gold_stream_summary")

# %% [markdown]
# `gold.issues`: every detected issue with its evidence window, measured value and threshold.

# %%
display(
    sql(f"""
    SELECT issue_type, level, severity, count(*) AS issues, first(unit) AS unit, first(threshold) AS threshold
    FROM gold_issues WHERE app_id = '{app}' GROUP BY 1, 2, 3 ORDER BY issues DESC LIMIT 15""")
)
columns("gold_issues")

# %% [markdown]
# ## Gold: service levels
#
# `daily_service` per app and day (`weekly_service`, `monthly_service` roll it up; same columns), and
# `daily_breakdown` per app, day, dimension and value. See `service_trends` for the plots.

# %%
daily = sql(f"""
    SELECT period_start AS day, calls, success_rate_pct, drop_rate_pct, participants, audio_good_pct, rtt_p95_ms
    FROM gold_daily_service WHERE app_id = '{app}' ORDER BY day""")
display(daily)
display(sql(f"SELECT period_start, period_end, days, calls FROM gold_weekly_service WHERE app_id = '{app}'"))
display(sql(f"SELECT period_start, period_end, days, calls FROM gold_monthly_service WHERE app_id = '{app}'"))
columns("gold_daily_service")

# %%
display(
    sql(f"""
    SELECT day, dimension, value, participants, calls, round(audio_score, 2) AS audio_mos
    FROM gold_daily_breakdown WHERE app_id = '{app}' AND dimension = 'browser' ORDER BY day, participants DESC""")
)
columns("gold_daily_breakdown")

# %% [markdown]
# ## Without a JVM: delta-rs and pandas
#
# Analysts on a laptop can read the gold tables with `deltalake` (delta-rs, a Rust reader with Python
# bindings) into pandas, with no Spark and no Java. Filters on the partition column skip whole folders.

# %%
from deltalake import DeltaTable

call_summary = DeltaTable(lakenb.table_path(lake, "gold", "call_summary"))
print(
    f"gold.call_summary: version {call_summary.version()}, partitioned by {call_summary.metadata().partition_columns}"
)
rs_calls = call_summary.to_pandas(filters=[("app_id", "=", app)])
rs_daily = DeltaTable(lakenb.table_path(lake, "gold", "daily_service")).to_pandas(
    columns=["period_start", "app_id", "calls", "success_rate_pct"], filters=[("app_id", "=", app)]
)
display(rs_calls.groupby("outcome").size().rename("calls").to_frame())
display(rs_daily.sort_values("period_start"))

# %% [markdown]
# ## Checks
#
# The numbers above, checked against the tables: each landing line is accounted for; the participant rows
# add up to the calls' participants; the daily service table counts the calls of the summaries; delta-rs
# reads the same as Spark.

# %%
normalised = raw_per_date[raw_per_date.landing_date.isin(ingest.date.astype(str))]
assert normalised["count"].sum() == ingest.lines_read.sum(), (normalised, ingest)
assert (ingest.lines_read == ingest.lines_accepted + ingest.lines_quarantined).all()
assert len(per_call) == len(calls) and (per_call.participants == per_call.participant_rows).all()
assert daily.calls.sum() == len(calls), (daily.calls.sum(), len(calls))
assert len(rs_calls) == len(calls)
assert sorted(rs_calls.conf_id) == sorted(calls.conf_id)
assert rs_daily.calls.sum() == daily.calls.sum()
assert set(views) >= {
    f"gold_{t}"
    for t in [
        "call_summary",
        "participant_summary",
        "connection_summary",
        "stream_summary",
        "issues",
        "daily_service",
        "daily_breakdown",
    ]
}
print(f"ok: {ingest.lines_read.sum()} landing lines, {len(calls)} calls of {app} checked")
