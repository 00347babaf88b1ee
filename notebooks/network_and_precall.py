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
# # Network and pre-call tests
#
# Pre-call tests measure the network (throughput, RTT, loss) through a TURN provider just before a call, or
# in the background. This notebook shows their results by ISP, country and TURN provider, and sets them
# against the in-call quality of the sessions that followed them.
#
# Sources: `silver.precall_tests` (one row per test, partitioned by landing date), and
# `gold.participant_summary`, where `summarise` attaches to each session the last pre-call test before its
# join (within 10 minutes: `precall_rtt_ms`, `precall_throughput_kbps`, `precall_loss_pct`). The in-call
# side comes from the same summary (scores, below-fair minutes) and `gold.stream_summary` (received streams'
# RTT and loss).

# %% tags=["parameters"]
lake = "../lake"
# The app (tenant); None: every app.
app = None
# First and last day, inclusive (YYYY-MM-DD): landing dates of the tests, call dates of the sessions.
# None: the first / last day in the lake.
start_date = None
end_date = None

# %%
import os

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

import lakenb

lake = os.path.abspath(lake) if "://" not in lake else lake
spark = lakenb.spark_session("network-and-precall")
lakenb.register_views(spark, lake)


def sql(query: str) -> pd.DataFrame:
    """Runs Spark SQL on the lake's views and returns the result as pandas."""
    return spark.sql(query).toPandas()


bounds = sql("SELECT min(period_start) AS first, max(period_start) AS last FROM gold_daily_service")
start_date = start_date or str(bounds["first"][0])
end_date = end_date or str(bounds["last"][0])
app_filter = f"app_id = '{app}'" if app else "TRUE"
session_app_filter = f"p.app_id = '{app}'" if app else "TRUE"
print(f"app {app or 'all'}, {start_date} to {end_date}")

# %% [markdown]
# ## The tests
#
# Tests that ran before a call carry its `conf_id` and `uc_id`; background tests have neither.

# %%
tests = sql(f"""
    SELECT date, app_id, conf_id, uc_id, provider, media_connectivity, rtt_ms, jitter_ms, loss_pct, throughput_kbps,
           uplink_throughput_kbps, downlink_throughput_kbps, country, isp
    FROM silver_precall_tests WHERE {app_filter} AND date BETWEEN '{start_date}' AND '{end_date}'""")
tests["kind"] = tests["uc_id"].notna().map({True: "before a call", False: "background"})
display(
    tests.groupby("kind")
    .agg(
        tests=("rtt_ms", "size"),
        median_rtt_ms=("rtt_ms", "median"),
        median_throughput_kbps=("throughput_kbps", "median"),
        median_loss_pct=("loss_pct", "median"),
    )
    .round(1)
)

# %%
fig, axes = plt.subplots(1, 3, figsize=(14, 3.8))
for ax, (column, label, unit) in zip(
    axes, [("throughput_kbps", "Throughput", "kbit/s"), ("rtt_ms", "RTT", "ms"), ("loss_pct", "Loss", "%")], strict=True
):
    ax.hist(tests[column].dropna(), bins=25, color="tab:blue")
    ax.set_title(f"Pre-call {label.lower()}")
    ax.set_xlabel(f"{label} ({unit})")
    ax.set_ylabel("tests")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## By ISP, country and TURN provider
#
# Medians per segment (segments with at least two tests), sorted by the number of tests.


# %%
def by(segment: str) -> pd.DataFrame:
    """Tests per value of a segment column, with their median results."""
    grouped = tests.groupby(segment).agg(
        tests=("rtt_ms", "size"),
        median_throughput_kbps=("throughput_kbps", "median"),
        median_rtt_ms=("rtt_ms", "median"),
        median_loss_pct=("loss_pct", "median"),
    )
    return grouped[grouped.tests >= 2].sort_values("tests", ascending=False)


fig, axes = plt.subplots(3, 2, figsize=(13, 11))
for row, segment in zip(axes, ["isp", "country", "provider"], strict=True):
    seg = by(segment).head(12)
    display(seg.round(1))
    row[0].barh(seg.index, seg["median_throughput_kbps"] / 1000, color="tab:blue")
    row[0].invert_yaxis()
    row[0].set_title(f"Median pre-call throughput by {segment}")
    row[0].set_xlabel("throughput (Mbit/s)")
    row[1].barh(seg.index, seg["median_rtt_ms"], color="tab:red")
    row[1].invert_yaxis()
    row[1].set_title(f"Median pre-call RTT by {segment}")
    row[1].set_xlabel("RTT (ms)")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Pre-call results against the call that followed
#
# Sessions with a pre-call test (as `summarise` matched them), with what they experienced in the call: the
# received audio score, the share of scored minutes below fair, and the mean RTT and loss over the streams
# they received.

# %%
sessions = sql(f"""
    SELECT p.app_id, p.conf_id, p.uc_id, p.isp, p.country, p.precall_rtt_ms, p.precall_throughput_kbps,
           p.precall_loss_pct, p.audio_score, p.video_score, p.pct_minutes_below_fair, p.connected,
           s.streams, s.rtt_ms AS in_call_rtt_ms, s.loss_pct AS in_call_loss_pct
    FROM gold_participant_summary p
    LEFT JOIN (
        SELECT app_id, conf_id, uc_id, count(*) AS streams, avg(rtt_mean_ms) AS rtt_ms, avg(loss_pct) AS loss_pct
        FROM gold_stream_summary
        WHERE direction = 'inbound' AND call_date BETWEEN '{start_date}' AND '{end_date}'
        GROUP BY app_id, conf_id, uc_id) s
      ON s.app_id = p.app_id AND s.conf_id = p.conf_id AND s.uc_id = p.uc_id
    WHERE {session_app_filter} AND p.call_date BETWEEN '{start_date}' AND '{end_date}'""")
sessions["tested"] = sessions["precall_rtt_ms"].notna() | sessions["precall_throughput_kbps"].notna()
tested = sessions[sessions.tested]
display(
    sessions.groupby("tested")
    .agg(
        sessions=("uc_id", "size"),
        connected_pct=("connected", lambda c: 100 * c.mean()),
        audio_mos=("audio_score", "mean"),
        below_fair_pct=("pct_minutes_below_fair", "mean"),
        in_call_rtt_ms=("in_call_rtt_ms", "median"),
    )
    .round(2)
)

# %%
fig, axes = plt.subplots(1, 3, figsize=(15, 4.2))
ax = axes[0]
ax.scatter(tested["precall_rtt_ms"], tested["in_call_rtt_ms"], alpha=0.7)
ax.set_title("Pre-call RTT and the call's RTT")
ax.set_xlabel("pre-call RTT (ms)")
ax.set_ylabel("in-call RTT, mean of received streams (ms)")
ax = axes[1]
ax.scatter(tested["precall_throughput_kbps"] / 1000, tested["audio_score"], alpha=0.7, color="tab:green")
ax.set_title("Pre-call throughput and received audio")
ax.set_xlabel("pre-call throughput (Mbit/s)")
ax.set_ylabel("audio MOS (1-4.5)")
ax = axes[2]
ax.scatter(tested["precall_loss_pct"], tested["in_call_loss_pct"], alpha=0.7, color="tab:purple")
ax.set_title("Pre-call loss and the call's loss")
ax.set_xlabel("pre-call loss (%)")
ax.set_ylabel("in-call loss, mean of received streams (%)")
fig.tight_layout()
plt.show()

# %%
if len(tested) >= 4:
    tested = tested.assign(rtt_quartile=pd.qcut(tested["precall_rtt_ms"], 4, duplicates="drop"))
    display(
        tested.groupby("rtt_quartile", observed=True)
        .agg(
            sessions=("uc_id", "size"),
            audio_mos=("audio_score", "mean"),
            below_fair_pct=("pct_minutes_below_fair", "mean"),
            in_call_rtt_ms=("in_call_rtt_ms", "median"),
        )
        .round(2)
    )
    print("correlation, pre-call against in-call:")
    print(
        tested[
            [
                "precall_rtt_ms",
                "in_call_rtt_ms",
                "precall_loss_pct",
                "in_call_loss_pct",
                "precall_throughput_kbps",
                "audio_score",
            ]
        ]
        .corr()
        .round(2)
    )

# %% [markdown]
# ## Checks
#
# `gold.daily_service` counts the tests that landed each day (`precall_tests`) and their median RTT
# (`precall_rtt_p50_ms`, a DDSketch with 1 % relative accuracy): the same as the tests shown here. Every
# session matched to a test belongs to a call that had a test before it.

# %%
daily = sql(f"""
    SELECT period_start AS date, sum(precall_tests) AS precall_tests FROM gold_daily_service
    WHERE {app_filter} AND period_start BETWEEN '{start_date}' AND '{end_date}' GROUP BY period_start""")
counted = tests.groupby(tests["date"].astype(str)).size()
daily.index = daily["date"].astype(str)
assert (daily["precall_tests"] == counted.reindex(daily.index, fill_value=0)).all(), (daily, counted)
medians = sql(f"""
    SELECT app_id, period_start AS date, precall_rtt_p50_ms FROM gold_daily_service
    WHERE {app_filter} AND period_start BETWEEN '{start_date}' AND '{end_date}' AND precall_rtt_p50_ms IS NOT NULL""")
for _, day in medians.iterrows():
    of_day = (tests["app_id"] == day["app_id"]) & (tests["date"].astype(str) == str(day["date"]))
    rtts = tests.loc[of_day, "rtt_ms"].dropna()
    low, high = rtts.quantile(0.5, interpolation="lower"), rtts.quantile(0.5, interpolation="higher")
    assert low * 0.98 <= day["precall_rtt_p50_ms"] <= high * 1.02, (day, low, high)
tested_calls = set(zip(tested.app_id, tested.conf_id, strict=True))
all_tests = sql(f"SELECT DISTINCT app_id, conf_id FROM silver_precall_tests WHERE {app_filter}")
calls_with_tests = set(zip(all_tests.app_id, all_tests.conf_id, strict=True))
assert tested_calls <= calls_with_tests, tested_calls - calls_with_tests
assert len(tests) > 0 and len(tested) > 0
print(f"ok: {len(tests)} pre-call tests, {len(medians)} daily medians and {len(tested)} tested sessions checked")
