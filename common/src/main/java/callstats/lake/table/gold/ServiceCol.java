package callstats.lake.table.gold;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.BINARY;
import static callstats.lake.table.Types.DOUBLE;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code gold.daily_service}, {@code gold.weekly_service} and {@code gold.monthly_service}: one row per app and period. Counts and sums add up across periods; rates and means are recomputed from them; percentiles come from merged sketches. */
public enum ServiceCol implements ColumnDef {
  PERIOD_START(req(Types.DATE, "First day of the period (UTC): the day, the Monday of the week, or the first of the month; "
      + "the partition column. Calls belong to the period of their call date")),
  PERIOD_END(req(Types.DATE, "Last day of the period, inclusive")),
  APP_ID(req(STRING, "Application (tenant) id")),
  DAYS(req(LONG, "Days with calls in the period")),
  CALLS(req(LONG, "Calls")),
  CALLS_SUCCESSFUL(req(LONG, "Calls whose outcome was successful")),
  CALLS_PARTIALLY_FAILED(req(LONG, "Calls in which some sessions never connected")),
  CALLS_FAILED(req(LONG, "Calls in which no session connected")),
  CALLS_DROPPED(req(LONG, "Calls with a connection that dropped and was not re-established")),
  SUCCESS_RATE_PCT(opt(DOUBLE, "calls_successful / calls, percent")),
  PARTIAL_FAILURE_RATE_PCT(opt(DOUBLE, "calls_partially_failed / calls, percent")),
  FAILURE_RATE_PCT(opt(DOUBLE, "calls_failed / calls, percent")),
  DROP_RATE_PCT(opt(DOUBLE, "calls_dropped / calls, percent")),
  PARTICIPANTS(req(LONG, "User sessions in the calls")),
  DISTINCT_USERS(req(LONG, "Distinct users: exact for a day, the HLL estimate (about 1.6 % error) for weeks and months")),
  USERS_SKETCH(opt(BINARY, "HLL sketch of the user ids (Apache DataSketches, lgK 12), merged for rollups")),
  PARTICIPANT_MINUTES(req(DOUBLE, "Sum of the sessions' time in call, minutes")),
  CALL_DURATION_SUM_S(req(DOUBLE, "Sum of call durations, s")),
  CALL_DURATION_MEAN_S(opt(DOUBLE, "Mean call duration, s")),
  CALL_DURATION_P50_S(opt(DOUBLE, "Median call duration, s (DDSketch, 1 % relative error)")),
  CALL_DURATION_P95_S(opt(DOUBLE, "95th percentile of call duration, s (DDSketch)")),
  CALL_DURATION_SKETCH(opt(BINARY, "DDSketch of call durations")),
  CONNECTIONS(req(LONG, "Peer connections")),
  CONNECTIONS_FAILED(req(LONG, "Connections whose setup failed")),
  SETUP_P50_MS(opt(DOUBLE, "Median connection setup time, ms (DDSketch)")),
  SETUP_P95_MS(opt(DOUBLE, "95th percentile of connection setup time, ms (DDSketch)")),
  SETUP_SKETCH(opt(BINARY, "DDSketch of connection setup times")),
  RELAYED_PARTICIPANTS(req(LONG, "Sessions that used a TURN relay")),
  TCP_TLS_RELAYED_PARTICIPANTS(req(LONG, "Sessions relayed over TURN/TCP or TURN/TLS")),
  RELAY_PCT(opt(DOUBLE, "relayed_participants / participants, percent")),
  TCP_TLS_RELAY_PCT(opt(DOUBLE, "tcp_tls_relayed_participants / participants, percent")),
  CHURNED_PARTICIPANTS(req(LONG, "Sessions that reconnected at least once")),
  CHURN_RATE_PCT(opt(DOUBLE, "churned_participants / participants, percent")),
  AUDIO_MINUTES_GOOD(req(LONG, "Minutes of received audio scored good")),
  AUDIO_MINUTES_FAIR(req(LONG, "Minutes of received audio scored fair")),
  AUDIO_MINUTES_POOR(req(LONG, "Minutes of received audio scored poor")),
  AUDIO_GOOD_PCT(opt(DOUBLE, "Share of scored audio minutes that were good, percent")),
  AUDIO_FAIR_PCT(opt(DOUBLE, "Share of scored audio minutes that were fair, percent")),
  AUDIO_POOR_PCT(opt(DOUBLE, "Share of scored audio minutes that were poor, percent")),
  VIDEO_MINUTES_GOOD(req(LONG, "Minutes of received video scored good")),
  VIDEO_MINUTES_FAIR(req(LONG, "Minutes of received video scored fair")),
  VIDEO_MINUTES_POOR(req(LONG, "Minutes of received video scored poor")),
  VIDEO_GOOD_PCT(opt(DOUBLE, "Share of scored video minutes that were good, percent")),
  VIDEO_FAIR_PCT(opt(DOUBLE, "Share of scored video minutes that were fair, percent")),
  VIDEO_POOR_PCT(opt(DOUBLE, "Share of scored video minutes that were poor, percent")),
  RTT_P50_MS(opt(DOUBLE, "Median of the received streams' mean RTT, ms (DDSketch)")),
  RTT_P95_MS(opt(DOUBLE, "95th percentile of the received streams' mean RTT, ms (DDSketch)")),
  RTT_SKETCH(opt(BINARY, "DDSketch of the received streams' mean RTT")),
  JITTER_P50_MS(opt(DOUBLE, "Median of the received audio streams' mean jitter, ms (DDSketch)")),
  JITTER_P95_MS(opt(DOUBLE, "95th percentile of the received audio streams' mean jitter, ms (DDSketch)")),
  JITTER_SKETCH(opt(BINARY, "DDSketch of the received audio streams' mean jitter")),
  LOSS_P50_PCT(opt(DOUBLE, "Median of the received streams' loss, percent (DDSketch)")),
  LOSS_P95_PCT(opt(DOUBLE, "95th percentile of the received streams' loss, percent (DDSketch)")),
  LOSS_SKETCH(opt(BINARY, "DDSketch of the received streams' loss")),
  VIDEO_BITRATE_P50_KBPS(opt(DOUBLE, "Median of the received video streams' mean bitrate, kbit/s (DDSketch)")),
  VIDEO_BITRATE_P95_KBPS(opt(DOUBLE, "95th percentile of the received video streams' mean bitrate, kbit/s (DDSketch)")),
  VIDEO_BITRATE_SKETCH(opt(BINARY, "DDSketch of the received video streams' mean bitrate")),
  VIDEO_RECEIVED_S(req(DOUBLE, "Seconds of received video (active time of inbound video streams)")),
  VIDEO_FROZEN_S(req(DOUBLE, "Seconds of received video that were frozen")),
  FREEZE_PCT(opt(DOUBLE, "video_frozen_s / video_received_s, percent")),
  ISSUES(req(LONG, "Issues detected")),
  ISSUE_COUNTS(req(Types.STRING_LONG_MAP, "Issues detected, by type")),
  FEEDBACK_COUNT(req(LONG, "Ratings given")),
  FEEDBACK_SUM(req(LONG, "Sum of the ratings")),
  FEEDBACK_MEAN(opt(DOUBLE, "Mean rating, 1-5")),
  PRECALL_TESTS(req(LONG, "Pre-call and background network tests that landed in the period")),
  PRECALL_THROUGHPUT_P50_KBPS(opt(DOUBLE, "Median pre-call throughput, kbit/s (DDSketch)")),
  PRECALL_THROUGHPUT_SKETCH(opt(BINARY, "DDSketch of pre-call throughput")),
  PRECALL_RTT_P50_MS(opt(DOUBLE, "Median pre-call RTT, ms (DDSketch)")),
  PRECALL_RTT_SKETCH(opt(BINARY, "DDSketch of pre-call RTT")),
  PRECALL_LOSS_P50_PCT(opt(DOUBLE, "Median pre-call loss, percent (DDSketch)")),
  PRECALL_LOSS_SKETCH(opt(BINARY, "DDSketch of pre-call loss"));

  private final ColumnInfo info;

  ServiceCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
