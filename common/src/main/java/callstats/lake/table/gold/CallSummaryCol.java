package callstats.lake.table.gold;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.DOUBLE;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;
import static callstats.lake.table.Types.TIMESTAMP;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code gold.call_summary}: one row per call. */
public enum CallSummaryCol implements ColumnDef {
  CALL_DATE(req(Types.DATE, GoldColumns.CALL_DATE)),
  APP_ID(req(STRING, GoldColumns.APP_ID)),
  CONF_ID(req(STRING, GoldColumns.CONF_ID)),
  START_TS(req(TIMESTAMP, "First join of the call (corrected client clock, UTC)")),
  END_TS(req(TIMESTAMP, "Last leave of the call (corrected client clock, UTC)")),
  DURATION_S(req(DOUBLE, "end_ts - start_ts, s")),
  PARTICIPANTS(req(LONG, "User sessions (ucIDs) in the call")),
  USERS(req(LONG, "Distinct users in the call")),
  MAX_CONCURRENT(req(LONG, "Most sessions present at the same time")),
  PARTICIPANT_MINUTES(req(DOUBLE, "Sum of the sessions' time in call, minutes")),
  TOPOLOGY(opt(STRING, "p2p, sfu, or mixed")),
  OUTCOME(req(STRING, "successful, partially_failed (some sessions never connected), failed (no session connected), "
      + "or dropped (a connection dropped and was not re-established)")),
  SETUP_MS_MIN(opt(DOUBLE, "Fastest connection setup, ms")),
  SETUP_MS_MEAN(opt(DOUBLE, "Mean connection setup, ms")),
  SETUP_MS_MEDIAN(opt(DOUBLE, "Median connection setup (lower median), ms")),
  SETUP_MS_MAX(opt(DOUBLE, "Slowest connection setup, ms")),
  CONNECTIONS(req(LONG, "Peer connections in the call")),
  CONNECTIONS_FAILED(req(LONG, "Connections whose setup failed")),
  CONNECTIONS_DROPPED(req(LONG, "Connections that dropped")),
  RELAYED_PARTICIPANTS(req(LONG, "Sessions that used a TURN relay")),
  AUDIO_SCORE(opt(DOUBLE, "Participation-weighted received audio MOS: each session's audio_score weighted by its "
      + "time in call")),
  VIDEO_SCORE(opt(DOUBLE, "Participation-weighted received video score")),
  QUALITY_BAND(opt(STRING, "good, fair or poor: the worse of the audio and video bands")),
  WORST_UC_ID(opt(STRING, "Session with the worst received quality (lowest audio score, else video)")),
  WORST_SCORE(opt(DOUBLE, "That session's score (audio MOS, or video score if it had no audio)")),
  ISSUES(req(LONG, "Issues detected in the call")),
  ISSUE_TYPES(req(Types.STRINGS, "Distinct issue types detected, sorted")),
  FEEDBACK_MEAN(opt(DOUBLE, "Mean overall rating given by the call's users")),
  FEEDBACK_COUNT(req(LONG, "Ratings given")),
  MODEL_VERSION(req(STRING, GoldColumns.MODEL_VERSION));

  private final ColumnInfo info;

  CallSummaryCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
