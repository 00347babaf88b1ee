package callstats.lake.table.gold;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.DOUBLE;
import static callstats.lake.table.Types.INT;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/**
 * Columns of {@code gold.rtcstats_session_features}: one row per rtcstats dump and landing date, the
 * session-level values of rtcstats-server's feature set (docs/rtcstats-features.md section 4).
 */
public enum RtcstatsSessionFeatureCol implements ColumnDef {
  DATE(req(Types.DATE, RtcstatsFeatureColumns.DATE)),
  APP_ID(req(STRING, RtcstatsFeatureColumns.APP_ID)),
  CONF_ID(req(STRING, RtcstatsFeatureColumns.CONF_ID)),
  DUMP_ID(req(STRING, RtcstatsFeatureColumns.DUMP_ID)),
  SESSION_START_MS(opt(LONG, "sessionStartTime: ts of the first line with a timestamp in file order (not the "
      + "earliest), epoch ms, client clock; 0 when none")),
  SESSION_END_MS(opt(LONG, "sessionEndTime: the largest line ts, epoch ms, client clock")),
  SESSION_DURATION_MS(opt(LONG, "metrics.sessionDurationMs: end minus start, ms; 0 when not positive")),
  CONFERENCE_START_MS(opt(LONG, "conferenceStartTime: the conference start the client reported (another clock), "
      + "epoch ms; 0 when none or not numeric")),
  CONFERENCE_DURATION_MS(opt(LONG, "metrics.conferenceDurationMs: session end minus conference start, ms; 0 when "
      + "not positive")),
  DOMINANT_SPEAKER_CHANGES(req(LONG, "dominantSpeakerChanges: times this endpoint became dominant speaker")),
  SPEAKER_TIME_MS(opt(DOUBLE, "speakerTime: time this endpoint was dominant speaker, ms")),
  BROWSER_NAME(opt(STRING, "browserInfo.name as platform.js names it ('unknown' if not recognised)")),
  BROWSER_VERSION(opt(STRING, "browserInfo.version ('-1' if not recognised)")),
  BROWSER_MAJOR_VERSION(opt(STRING, "browserInfo.majorVersion: the version before its first dot")),
  OS(opt(STRING, "browserInfo.os: OS description ('null' if not recognised)")),
  USER_AGENT(opt(STRING, "User agent of the connectionInfo header")),
  STATS_FORMAT(req(STRING, "getStats dialect derived from the user agent: chrome_standard, firefox, safari or "
      + "unsupported")),
  CLIENT_PROTOCOL(opt(STRING, "clientProtocol of the header, e.g. 3.1_STANDARD")),
  CONNECTIONS(req(INT, "Peer connections in the dump (entries of aggregates)")),
  BAD_LINES(req(LONG, "Lines the lake skipped (quarantined) where the reference would have aborted the dump")),
  REFERENCE_OUTCOME(req(STRING, "Whether these values equal rtcstats-server's: IDENTICAL, SKIPPED_LINES, "
      + "NO_STANDARD_HEADER or WALL_CLOCK_CONFERENCE_START (docs/rtcstats.md)")),
  FEATURES_JSON(req(STRING, "The complete {\"features\": ...} object as rtcstats-server outputs it, with IP "
      + "address literals masked as everywhere in the lake")),
  SOURCE_FILE(req(STRING, RtcstatsFeatureColumns.SOURCE_FILE));

  private final ColumnInfo info;

  RtcstatsSessionFeatureCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
