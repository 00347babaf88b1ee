package callstats.lake.table.truth;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.BOOLEAN;
import static callstats.lake.table.Types.DOUBLE;
import static callstats.lake.table.Types.INT;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;
import static callstats.lake.table.Types.TIMESTAMP;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code truth.calls}: one row per simulated call. */
public enum CallTruthCol implements ColumnDef {
  DATE(req(Types.DATE, TruthColumns.DATE)),
  APP_ID(req(STRING, TruthColumns.APP_ID)),
  CONF_ID(req(STRING, TruthColumns.CONF_ID)),
  CALL_INDEX(req(LONG, "Index of the call in the run, 0 to calls-1 (with the seed, it reproduces the call)")),
  APP_REGION(req(STRING, "Home region of the app: eu, na, apac or latam (its busy hours and most participants)")),
  TOPOLOGY(req(STRING, "p2p (a connection per pair of participants) or sfu (each participant one connection to the SFU)")),
  SFU_ID(opt(STRING, "remoteID of the SFU for sfu calls")),
  START_TS(req(TIMESTAMP, "First join of any participant" + TruthColumns.TRUE_TIME)),
  END_TS(req(TIMESTAMP, "Last leave of any participant" + TruthColumns.TRUE_TIME)),
  DURATION_S(req(DOUBLE, "end_ts - start_ts, s")),
  CROSSES_MIDNIGHT(req(BOOLEAN, "True if end_ts falls on a later UTC date than start_ts")),
  PARTICIPANTS(req(INT, "Participants (distinct ucIDs) that joined")),
  CONNECTED_PARTICIPANTS(req(INT, "Participants with at least one connection that reached connected")),
  MAX_CONCURRENT(req(INT, "Most participants present at once (presence: from userJoined to leaving)")),
  CONNECTIONS(req(INT, "Peer connections reported (each side of a p2p pair reports its own), setup failures included")),
  FAILED_CONNECTIONS(req(INT, "Connections whose setup failed (events/fabric/setupfailed)")),
  DROPPED_CONNECTIONS(req(INT, "Connections that dropped (events/fabric/status fabricDropped)")),
  ICE_DISRUPTIONS(req(INT, "ICE disruptions (iceDisruptionStart) over all connections")),
  ICE_RESTARTS(req(INT, "ICE restarts (iceRestarted) over all connections")),
  STREAMS(req(INT, "Rows of truth.streams for the call")),
  REJOINS(req(INT, "Rejoins (a participant's presence segments beyond the first), summed over participants")),
  OUTCOME(req(STRING, "successful, partially_failed, failed or dropped; see docs/simulator.md for the exact rule")),
  HAS_VIDEO(req(BOOLEAN, "Some participant sent camera video")),
  HAS_SCREENSHARE(req(BOOLEAN, "Some participant shared a screen")),
  SIMULCAST(req(BOOLEAN, "Some participant sent simulcast video")),
  IMPAIRMENTS(req(INT, "Impairment episodes injected (rows of truth.impairments)")),
  FEEDBACK_COUNT(req(INT, "Participants that sent events/feedback")),
  MEAN_RATING(opt(DOUBLE, "Mean overallRating of the feedback, 1-5; null without feedback"));

  private final ColumnInfo info;

  CallTruthCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
