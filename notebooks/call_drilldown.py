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
# # Call drill-down
#
# One call, end to end: who was in it and when (joins, leaves, drops, rejoins), what each received stream
# looked like over time (loss, RTT, jitter, bitrate, frame rate) with the freeze and ICE disruption
# windows, the issues `summarise` detected, and how the call's quality score comes about.
#
# Sources: the gold summaries of the call (`call_summary`, `participant_summary`, `connection_summary`,
# `stream_summary`, `issues`) and, for the time series, the silver samples and events they were computed
# from. Silver times are client clocks: they are shifted by the session's `clock_correction_ms` (from
# `participant_summary`) to line up with the gold times.

# %% tags=["parameters"]
lake = "../lake"
# The call: an app and a conference id. None: within the date range, the call of that app (or of any app) with
# the most detected issues.
app = None
conf_id = None
start_date = None
end_date = None
# The session whose received streams are plotted; None: the call's worst session (call_summary.worst_uc_id).
uc_id = None

# %%
import os

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

import lakenb

lake = os.path.abspath(lake) if "://" not in lake else lake
spark = lakenb.spark_session("call-drilldown")
lakenb.register_views(spark, lake)


def sql(query: str) -> pd.DataFrame:
    """Runs Spark SQL on the lake's views and returns the result as pandas."""
    return spark.sql(query).toPandas()


if conf_id is None:
    conditions = [f"app_id = '{app}'" if app else "TRUE"]
    if start_date:
        conditions.append(f"call_date >= '{start_date}'")
    if end_date:
        conditions.append(f"call_date <= '{end_date}'")
    pick = sql(f"""SELECT app_id, conf_id FROM gold_call_summary WHERE {" AND ".join(conditions)}
                   ORDER BY issues DESC, app_id, conf_id LIMIT 1""")
    assert not pick.empty, f"no calls match {conditions} in {lake}"
    app, conf_id = pick.app_id[0], pick.conf_id[0]
call_filter = f"app_id = '{app}' AND conf_id = '{conf_id}'"
call = sql(f"SELECT * FROM gold_call_summary WHERE {call_filter}").iloc[0]
if uc_id is None:
    # The worst session; a call without scores has none: then the session that received the most samples.
    uc_id = (
        call["worst_uc_id"]
        or sql(f"""
        SELECT uc_id FROM silver_rtp_stream_samples WHERE {call_filter} AND direction = 'inbound'
        GROUP BY uc_id ORDER BY count(*) DESC, uc_id LIMIT 1""").uc_id[0]
    )
print(f"app {app}, call {conf_id} of {call['call_date']}; streams of session {uc_id}")
display(call.drop(["app_id", "conf_id"]).to_frame("value"))

# %% [markdown]
# ## Participants

# %%
participants = sql(f"""
    SELECT uc_id, user_id, coalesce(browser, sdk) AS client, os, country, network_type, join_ts, leave_ts,
           time_in_call_s, clock_correction_ms, connections, connections_failed, connections_dropped, rejoins,
           relay_used, relay_protocol, audio_score, video_score, pct_minutes_below_fair, feedback_rating, issues
    FROM gold_participant_summary WHERE {call_filter} ORDER BY join_ts, uc_id""")
display(participants.round(2))
correction = pd.to_timedelta(participants.set_index("uc_id")["clock_correction_ms"], unit="ms")
connections = sql(f"""
    SELECT uc_id, connection_id, remote_id, topology, setup_outcome, setup_failure_reason, setup_delay_ms,
           local_candidate_type, relay_protocol, transport, network_type, ice_disruptions, ice_disruption_s,
           ice_restarts, ice_failed, dropped, rtt_mean_ms
    FROM gold_connection_summary WHERE {call_filter} ORDER BY uc_id, first_ts""")
display(connections.round(1))

# %% [markdown]
# ## Timeline
#
# Each session's presence (join to leave, from the summary) and its events: joins and leaves, dropped
# connections, ICE disruptions and restarts, failed setups.

# %%
markers = {
    "user_joined": ("^", "tab:green", "joined"),
    "user_left": ("v", "tab:gray", "left"),
    "fabric_setup_failed": ("x", "black", "setup failed"),
    "fabric_dropped": ("X", "tab:red", "connection dropped"),
    "ice_disruption_start": ("<", "tab:orange", "ICE disruption start"),
    "ice_disruption_end": (">", "tab:olive", "ICE disruption end"),
    "ice_restarted": ("D", "tab:purple", "ICE restart"),
}
events = sql(f"""
    SELECT uc_id, connection_id, event, event_ts FROM silver_events
    WHERE {call_filter} AND event IN ({", ".join(f"'{e}'" for e in markers)})""")
events["ts"] = events["event_ts"] + events["uc_id"].map(correction).fillna(pd.Timedelta(0))
rows = {u: i for i, u in enumerate(participants["uc_id"])}
labels = [f"{p.user_id or p.uc_id[:8]} ({p.client})" for p in participants.itertuples()]

fig, ax = plt.subplots(figsize=(12, 0.5 * len(rows) + 2))
for p in participants.itertuples():
    ax.hlines(rows[p.uc_id], p.join_ts, p.leave_ts, color="tab:blue", linewidth=6, alpha=0.4)
for event, (marker, color, label) in markers.items():
    chosen = events[events.event == event]
    if not chosen.empty:
        ax.scatter(chosen["ts"], chosen["uc_id"].map(rows), marker=marker, color=color, s=70, label=label, zorder=3)
ax.set_yticks(range(len(labels)), labels)
ax.invert_yaxis()
ax.set_title(f"Call {conf_id}: presence and events")
ax.set_xlabel("time (UTC)")
ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
fig.tight_layout()
plt.show()
display(events.groupby("event").size().rename("events").to_frame())

# %% [markdown]
# ## Received streams over time
#
# The streams session `uc_id` received: per getStats interval, loss, RTT (the connection's candidate-pair
# RTT), jitter, bitrate and frame rate. Shaded: video freezes (`gold.issues`); dashed lines: ICE
# disruptions of the session's connections (start red, end green).

# %%
samples = sql(f"""
    SELECT connection_id, ssrc, kind, media_type, sample_ts, loss_pct, jitter_ms, bitrate_kbps, frame_rate
    FROM silver_rtp_stream_samples
    WHERE {call_filter} AND uc_id = '{uc_id}' AND direction = 'inbound' ORDER BY sample_ts""")
transport = sql(f"""
    SELECT connection_id, sample_ts, current_rtt_ms FROM silver_transport_samples
    WHERE {call_filter} AND uc_id = '{uc_id}' ORDER BY sample_ts""")
shift = correction.get(uc_id, pd.Timedelta(0))
samples["ts"] = samples["sample_ts"] + shift
transport["ts"] = transport["sample_ts"] + shift
freezes = sql(f"""
    SELECT ssrc, from_ts, to_ts FROM gold_issues
    WHERE {call_filter} AND uc_id = '{uc_id}' AND issue_type = 'video_freeze' AND from_ts IS NOT NULL""")
disruptions = events[(events.uc_id == uc_id) & events.event.isin(["ice_disruption_start", "ice_disruption_end"])]

panels = [
    ("loss_pct", "Loss", "loss (%)"),
    ("current_rtt_ms", "RTT", "RTT (ms)"),
    ("jitter_ms", "Jitter", "jitter (ms)"),
    ("bitrate_kbps", "Bitrate", "bitrate (kbit/s)"),
    ("frame_rate", "Frame rate (video)", "frames per second"),
]
fig, axes = plt.subplots(len(panels), 1, figsize=(12, 13), sharex=True)
for ax, (column, title, unit) in zip(axes, panels, strict=True):
    if column == "current_rtt_ms":
        for connection, series in transport.groupby("connection_id"):
            ax.plot(series["ts"], series[column], marker=".", label=connection)
    else:
        source = samples[samples.kind == "video"] if column == "frame_rate" else samples
        for (media, ssrc), series in source.groupby(["media_type", "ssrc"]):
            ax.plot(series["ts"], series[column], marker=".", linewidth=1, label=f"{media} {ssrc}")
    for f in freezes.itertuples():
        ax.axvspan(f.from_ts, f.to_ts, color="tab:blue", alpha=0.15)
    for d in disruptions.itertuples():
        ax.axvline(d.ts, color="tab:red" if d.event.endswith("start") else "tab:green", linestyle="--", alpha=0.7)
    ax.set_title(f"{title}, received by {uc_id[:8]}")
    ax.set_ylabel(unit)
axes[-1].set_xlabel("time (UTC)")
if samples["ssrc"].nunique() <= 12:
    axes[0].legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Detected issues
#
# Each row of `gold.issues`: what crossed which threshold (`summarise.thresholds`), when, and how badly.

# %%
issues = sql(f"""
    SELECT level, issue_type, severity, uc_id, media_type, from_ts, to_ts, duration_s, measured, threshold, unit,
           detail
    FROM gold_issues WHERE {call_filter} ORDER BY from_ts, issue_type""")
severity_counts = issues.groupby(["issue_type", "severity"]).size().unstack(fill_value=0)
fig, ax = plt.subplots(figsize=(9, 0.35 * len(severity_counts) + 1.5))
left = pd.Series(0, index=severity_counts.index)
for severity, color in [("minor", "tab:olive"), ("major", "tab:orange"), ("critical", "tab:red")]:
    if severity in severity_counts:
        ax.barh(severity_counts.index, severity_counts[severity], left=left, color=color, label=severity)
        left = left + severity_counts[severity]
ax.set_title(f"Issues of call {conf_id} by type and severity")
ax.set_xlabel("issues")
ax.legend()
fig.tight_layout()
plt.show()
display(issues.head(30))

# %% [markdown]
# ## The quality score, explained
#
# The call's `audio_score` (and `video_score`) is each session's received score weighted by its time in the
# call; the session scores are time-weighted means of their received streams' interval scores (E-model MOS
# for audio, 1-5 for video; `docs/quality-scores.md`). So the table below shows which sessions pull the
# call down, and the streams of the worst session show why: delay (RTT, jitter buffer), loss and bursts,
# concealment, bitrate, frame rate and freezes.

# %%
weights = participants.dropna(subset=["audio_score"])[["uc_id", "client", "time_in_call_s", "audio_score"]].copy()
weights["weight_pct"] = 100 * weights["time_in_call_s"] / weights["time_in_call_s"].sum()
weights["pulls_down"] = (call["audio_score"] - weights["audio_score"]) * weights["weight_pct"] / 100
display(weights.sort_values("pulls_down", ascending=False).round(3))

fig, ax = plt.subplots(figsize=(10, 0.5 * len(participants) + 1.5))
positions = pd.Series(range(len(labels)), dtype=float)
ax.barh(positions - 0.2, participants["audio_score"], height=0.4, color="tab:blue", label="audio MOS")
ax.barh(positions + 0.2, participants["video_score"], height=0.4, color="tab:orange", label="video score")
ax.axvline(call["audio_score"], color="tab:blue", linestyle="--", label=f"call audio {call['audio_score']:.2f}")
if pd.notna(call["video_score"]):
    ax.axvline(call["video_score"], color="tab:orange", linestyle="--", label=f"call video {call['video_score']:.2f}")
ax.set_yticks(positions, labels)
ax.invert_yaxis()
ax.set_xlim(1, 5)
ax.set_title("Received quality per session")
ax.set_xlabel("score (audio MOS 1-4.5, video 1-5)")
ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
fig.tight_layout()
plt.show()

# %%
worst_streams = sql(f"""
    SELECT media_type, remote_id, ssrc, round(active_s) AS active_s, loss_pct, burst_loss_pct, rtt_mean_ms,
           jitter_mean_ms, jitter_buffer_delay_ms, concealment_pct, bitrate_mean_kbps, fps_mean, freeze_s,
           quality_score, quality_score_min, quality_band
    FROM gold_stream_summary WHERE {call_filter} AND uc_id = '{uc_id}' AND direction = 'inbound'
    ORDER BY quality_score""")
print(f"received by {uc_id}: audio MOS {participants.set_index('uc_id').loc[uc_id, 'audio_score']:.2f}")
display(worst_streams.round(2))
display(issues[issues.uc_id == uc_id].groupby(["issue_type", "severity"]).size().rename("issues").to_frame())

# %% [markdown]
# ## Checks
#
# What this notebook shows adds up to the call's summary row.

# %%
assert len(participants) == call["participants"]
assert participants["connections"].sum() == call["connections"]
assert len(connections) == call["connections"]
assert connections["dropped"].sum() == call["connections_dropped"]
assert len(issues) == call["issues"], (len(issues), call["issues"])
assert sorted(issues["issue_type"].unique()) == sorted(call["issue_types"])
if len(weights):
    weighted = (weights["audio_score"] * weights["time_in_call_s"]).sum() / weights["time_in_call_s"].sum()
    assert abs(weighted - call["audio_score"]) < 1e-6, (weighted, call["audio_score"])
assert len(worst_streams) > 0 and len(samples) > 0
assert worst_streams["ssrc"].isin(samples["ssrc"]).all()
print(f"ok: call {conf_id}: {len(participants)} sessions, {len(issues)} issues checked")
