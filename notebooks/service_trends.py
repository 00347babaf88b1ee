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
# # Service trends
#
# For one app and a range of days: the daily KPIs and their trends, failure and drop rates, the quality
# distribution, breakdowns by browser, OS, country, ISP, relay and app version, and the worst segments.
#
# Everything here is read from the service-level tables `aggregate` writes (`gold.daily_service`,
# `gold.weekly_service`, `gold.daily_breakdown`) and the call summaries (`gold.call_summary`); definitions in
# `docs/gold-aggregates.md` and `docs/gold-summaries.md`.

# %% tags=["parameters"]
lake = "../lake"
# The app (tenant); None: the app with the most calls in the range.
app = None
# First and last call date, inclusive (YYYY-MM-DD); None: the first / last day in the lake.
start_date = None
end_date = None
# Breakdown dimensions to show, and the fewest sessions a segment needs to be called out as one of the worst.
dimensions = ["browser", "os", "country", "isp", "relay_protocol", "app_version"]
min_sessions = 5

# %%
import os

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

import lakenb

lake = os.path.abspath(lake) if "://" not in lake else lake
spark = lakenb.spark_session("service-trends")
lakenb.register_views(spark, lake)


def sql(query: str) -> pd.DataFrame:
    """Runs Spark SQL on the lake's views and returns the result as pandas."""
    return spark.sql(query).toPandas()


def by_day(ax: plt.Axes) -> None:
    """One tick per day on a time axis."""
    ax.xaxis.set_major_locator(mdates.DayLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))


bounds = sql("SELECT min(period_start) AS first, max(period_start) AS last FROM gold_daily_service")
start_date = start_date or str(bounds["first"][0])
end_date = end_date or str(bounds["last"][0])
if app is None:
    busiest = sql(f"""
        SELECT app_id FROM gold_daily_service WHERE period_start BETWEEN '{start_date}' AND '{end_date}'
        GROUP BY app_id ORDER BY sum(calls) DESC, app_id LIMIT 1""")
    assert not busiest.empty, f"no calls between {start_date} and {end_date} in {lake}"
    app = busiest.app_id[0]
where_days = f"app_id = '{app}' AND period_start BETWEEN '{start_date}' AND '{end_date}'"
print(f"app {app}, {start_date} to {end_date}")

# %% [markdown]
# ## Daily KPIs
#
# One row of `gold.daily_service` per day. `change` is the difference to the previous day.

# %%
kpi_columns = [
    "calls",
    "participants",
    "distinct_users",
    "participant_minutes",
    "success_rate_pct",
    "failure_rate_pct",
    "partial_failure_rate_pct",
    "drop_rate_pct",
    "call_duration_p50_s",
    "setup_p50_ms",
    "setup_p95_ms",
    "relay_pct",
    "churn_rate_pct",
    "audio_good_pct",
    "audio_poor_pct",
    "video_good_pct",
    "freeze_pct",
    "rtt_p95_ms",
    "loss_p95_pct",
    "jitter_p95_ms",
    "feedback_mean",
    "issues",
]
daily = sql(f"SELECT * FROM gold_daily_service WHERE {where_days} ORDER BY period_start").set_index("period_start")
kpis = daily[kpi_columns].T
kpis.columns = [str(d) for d in kpis.columns]
if len(daily) > 1:
    kpis["change"] = daily[kpi_columns].iloc[-1] - daily[kpi_columns].iloc[-2]
display(kpis.round(2))

# %%
days = pd.to_datetime(daily.index)
fig, axes = plt.subplots(2, 2, figsize=(12, 7), sharex=True)
ax = axes[0, 0]
ax.bar(days, daily["calls"], color="tab:blue", label="calls")
ax.set_title("Calls per day")
ax.set_ylabel("calls")
ax2 = ax.twinx()
ax2.plot(days, daily["participant_minutes"], color="tab:orange", marker="o", label="participant-minutes")
ax2.set_ylabel("participant-minutes (min)")

ax = axes[0, 1]
for column, label in [
    ("failure_rate_pct", "failed"),
    ("partial_failure_rate_pct", "partially failed"),
    ("drop_rate_pct", "dropped"),
]:
    ax.plot(days, daily[column], marker="o", label=label)
ax.set_title("Failure and drop rates")
ax.set_ylabel("calls (%)")
ax.legend()

ax = axes[1, 0]
ax.plot(days, daily["setup_p50_ms"], marker="o", label="p50")
ax.plot(days, daily["setup_p95_ms"], marker="o", label="p95")
ax.set_title("Connection setup time")
ax.set_ylabel("setup (ms)")
ax.legend()

ax = axes[1, 1]
ax.plot(days, daily["rtt_p95_ms"], marker="o", color="tab:red", label="RTT p95 (ms)")
ax.set_ylabel("RTT p95 (ms)")
ax.set_title("Network: received streams' RTT and loss, p95")
ax2 = ax.twinx()
ax2.plot(days, daily["loss_p95_pct"], marker="s", color="tab:purple", label="loss p95 (%)")
ax2.set_ylabel("loss p95 (%)")
for a in axes[1]:
    a.set_xlabel("day (UTC)")
    by_day(a)
fig.autofmt_xdate()
fig.tight_layout()
plt.show()

# %% [markdown]
# Weekly rollups of the same KPIs (`gold.weekly_service`: sums and merged sketches, never averages of days).

# %%
weekly = sql(f"""
    SELECT period_start AS week, period_end, days, calls, success_rate_pct, drop_rate_pct, distinct_users,
           audio_good_pct, rtt_p95_ms
    FROM gold_weekly_service
    WHERE app_id = '{app}' AND period_end >= '{start_date}' AND period_start <= '{end_date}' ORDER BY week""")
display(weekly)

# %% [markdown]
# ## Quality distribution
#
# Minutes of received audio and video by band (`docs/quality-scores.md`), per day, and the calls' scores.

# %%
calls = sql(f"""
    SELECT call_date, conf_id, outcome, audio_score, video_score, quality_band, participants, duration_s
    FROM gold_call_summary WHERE app_id = '{app}' AND call_date BETWEEN '{start_date}' AND '{end_date}'""")
bands = ["good", "fair", "poor"]
colors = {"good": "tab:green", "fair": "tab:orange", "poor": "tab:red"}
fig, axes = plt.subplots(1, 3, figsize=(14, 4))
for ax, media in zip(axes[:2], ["audio", "video"], strict=True):
    bottom = pd.Series(0.0, index=days)
    for band in bands:
        share = daily[f"{media}_{band}_pct"].fillna(0).to_numpy()
        ax.bar(days, share, bottom=bottom.to_numpy(), color=colors[band], label=band)
        bottom += share
    ax.set_title(f"Received {media} minutes by band")
    ax.set_ylabel("scored minutes (%)")
    ax.set_xlabel("day (UTC)")
    by_day(ax)
    ax.legend()
ax = axes[2]
ax.hist(calls["audio_score"].dropna(), bins=20, range=(1, 4.5), color="tab:blue")
ax.set_title("Calls' received audio score")
ax.set_xlabel("audio MOS (1-4.5)")
ax.set_ylabel("calls")
fig.autofmt_xdate()
fig.tight_layout()
plt.show()
band_counts = calls.groupby(["call_date", "quality_band"], dropna=False).size().unstack(fill_value=0)
display(band_counts)

# %% [markdown]
# ## Breakdowns
#
# `gold.daily_breakdown`: per day and segment. Across days, the session counts add up and the failed,
# dropped and relayed shares are recomputed from them (each is a share of the segment's sessions); scores
# are shown per day, since their weights (scored minutes) are not in the table.

# %%
breakdown = sql(f"""
    SELECT day, dimension, value, participants, calls, participant_minutes, failed_pct, dropped_pct, relay_pct,
           audio_score, video_score, below_fair_minutes_pct, rtt_p95_ms, loss_p95_pct, issues
    FROM gold_daily_breakdown WHERE app_id = '{app}' AND day BETWEEN '{start_date}' AND '{end_date}'""")
for pct in ["failed", "dropped", "relay"]:
    breakdown[f"{pct}_sessions"] = breakdown[f"{pct}_pct"].fillna(0) * breakdown["participants"] / 100
segments = breakdown.groupby(["dimension", "value"], as_index=False)[
    ["participants", "participant_minutes", "failed_sessions", "dropped_sessions", "relay_sessions", "issues"]
].sum()
for pct in ["failed", "dropped", "relay"]:
    segments[f"{pct}_pct"] = 100 * segments[f"{pct}_sessions"] / segments["participants"]

fig, axes = plt.subplots(len(dimensions), 2, figsize=(13, 3.2 * len(dimensions)))
for row, dimension in zip(axes, dimensions, strict=True):
    seg = segments[segments.dimension == dimension].sort_values("participants", ascending=False).head(10)
    row[0].barh(seg["value"], seg["participants"], color="tab:blue")
    row[0].invert_yaxis()
    row[0].set_title(f"Sessions by {dimension}")
    row[0].set_xlabel("sessions")
    row[1].barh(seg["value"], seg["failed_pct"], color="tab:red", label="failed")
    row[1].barh(seg["value"], seg["dropped_pct"], left=seg["failed_pct"], color="tab:orange", label="dropped")
    row[1].invert_yaxis()
    row[1].set_title(f"Failed and dropped sessions by {dimension}")
    row[1].set_xlabel("sessions (%)")
    row[1].legend()
fig.tight_layout()
plt.show()

# %%
for dimension in dimensions:
    scores = breakdown[breakdown.dimension == dimension].pivot_table(
        index="value", columns="day", values="audio_score", aggfunc="first"
    )
    print(f"received audio MOS by {dimension} and day")
    display(scores.round(2))

# %% [markdown]
# ## The worst segments
#
# Segments with at least `min_sessions` sessions in the range, ranked by failed plus dropped sessions, and
# the segment-days with the largest share of below-fair minutes.

# %%
eligible = segments[(segments.participants >= min_sessions) & (segments.value != "other")]
worst_reliability = (
    eligible.assign(failed_or_dropped_pct=eligible.failed_pct + eligible.dropped_pct)
    .sort_values(["failed_or_dropped_pct", "participants"], ascending=[False, False])
    .head(5)
)
worst_quality = (
    breakdown[(breakdown.participants >= min_sessions) & (breakdown.value != "other")]
    .sort_values(["below_fair_minutes_pct", "participants"], ascending=[False, False])
    .head(5)
)
for _, s in worst_reliability.iterrows():
    print(
        f"{s.dimension} = {s.value}: {s.participants:.0f} sessions, {s.failed_pct:.1f} % failed, "
        f"{s.dropped_pct:.1f} % dropped"
    )
for _, s in worst_quality.iterrows():
    print(
        f"{s.day} {s.dimension} = {s.value}: {s.participants} sessions, {s.below_fair_minutes_pct:.1f} % of "
        f"scored minutes below fair, audio MOS {s.audio_score:.2f}, RTT p95 {s.rtt_p95_ms:.0f} ms"
    )

# %% [markdown]
# ## Checks
#
# The daily table counts the calls and outcomes of the call summaries; every dimension's segments add up to
# the day's sessions; the weekly rows add up the daily ones of their days.

# %%
per_day = calls.groupby("call_date").agg(
    calls=("conf_id", "count"),
    successful=("outcome", lambda o: (o == "successful").sum()),
    dropped=("outcome", lambda o: (o == "dropped").sum()),
    participants=("participants", "sum"),
)
per_day.index = per_day.index.astype(str)
daily_by_day = daily.set_index(daily.index.astype(str))
assert (per_day["calls"] == daily_by_day["calls"]).all(), (per_day, daily_by_day["calls"])
assert (per_day["successful"] == daily_by_day["calls_successful"]).all()
assert (per_day["dropped"] == daily_by_day["calls_dropped"]).all()
assert (per_day["participants"] == daily_by_day["participants"]).all()
assert band_counts.to_numpy().sum() == len(calls)
sessions = breakdown.groupby(["day", "dimension"])["participants"].sum().unstack()
sessions.index = sessions.index.astype(str)
for dimension in sessions.columns:
    assert (sessions[dimension] == daily_by_day["participants"]).all(), dimension
if not weekly.empty and (weekly["days"] == 7).all():
    assert weekly["calls"].sum() == daily["calls"].sum()
assert len(daily) >= 1 and daily["calls"].sum() > 0
print(f"ok: {daily['calls'].sum()} calls on {len(daily)} days of {app} checked")
