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

/** Columns of {@code gold.issues}: one row per detected issue, with its evidence. */
public enum IssueCol implements ColumnDef {
  CALL_DATE(req(Types.DATE, GoldColumns.CALL_DATE)),
  APP_ID(req(STRING, GoldColumns.APP_ID)),
  CONF_ID(req(STRING, GoldColumns.CONF_ID)),
  ISSUE_ID(req(STRING, "Stable id of the issue (hash of the entity, type and start)")),
  LEVEL(req(STRING, "What the issue belongs to: stream, connection, participant or call")),
  UC_ID(opt(STRING, "User session, for stream, connection and participant issues")),
  CONNECTION_ID(opt(STRING, "Connection, for stream and connection issues")),
  SSRC(opt(LONG, "Stream, for stream issues")),
  MEDIA_TYPE(opt(STRING, "audio, video or screen, for stream issues")),
  ISSUE_TYPE(req(STRING, "high_loss, high_rtt, high_jitter, low_bitrate, bandwidth_limited, cpu_limited, low_frame_rate, "
      + "video_freeze, audio_concealment, low_score_sustained, one_way_media, ice_failure, setup_failure, "
      + "dropped_connection, relay_over_tcp_tls, churn, low_feedback")),
  SEVERITY(req(STRING, "minor, major or critical (how far the value is past the threshold; failures are critical)")),
  FROM_TS(opt(TIMESTAMP, "Start of the evidence window (corrected client clock, UTC)")),
  TO_TS(opt(TIMESTAMP, "End of the evidence window")),
  DURATION_S(opt(DOUBLE, "Length of the evidence window, s")),
  MEASURED(opt(DOUBLE, "The measured value over the window (worst interval for rates)")),
  THRESHOLD(opt(DOUBLE, "The threshold it crossed (summarise.thresholds)")),
  UNIT(opt(STRING, "Unit of measured and threshold")),
  DETAIL(opt(STRING, "What happened, for a human"));

  private final ColumnInfo info;

  IssueCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
