package callstats.lake.table.truth;

import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.INT;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/**
 * Columns of {@code truth.landing_lines}: per landing file and ingest path, the lines written and the dirt in them.
 * The dirt kinds from duplicates to late are exclusive (a line has at most one); clock_skew and counter_resets
 * are properties that can come on top; clean_lines have none of them.
 */
public enum LandingLineTruthCol implements ColumnDef {
  DATE(req(Types.DATE, TruthColumns.DATE)),
  LANDING_DATE(req(Types.DATE, "date= folder the file is in: the UTC date of receivedAt")),
  LANDING_HOUR(req(INT, "hour= folder the file is in: the UTC hour of receivedAt")),
  FILE(req(STRING, "File path relative to the landing root, e.g. callstats/date=2026-11-20/hour=09/sim-2026-11-20-00000.jsonl.gz")),
  PATH(req(STRING, "Ingest path of the lines (for malformed lines: the path before truncation)")),
  LINES(req(LONG, "Lines written")),
  CLEAN_LINES(req(LONG, "Lines with no dirt of any kind")),
  RAW_BYTES(req(LONG, "Uncompressed bytes of the lines, newlines included")),
  DUPLICATES(req(LONG, "Exact copies of an earlier line (same ids, path, geo and body), with a later receivedAt")),
  MALFORMED(req(LONG, "Lines cut short (truncated JSON)")),
  MISSING_IDS(req(LONG, "Lines without appID, confID or ucID")),
  NUMBERS_AS_STRINGS(req(LONG, "Lines whose body numbers are all sent as JSON strings")),
  OUT_OF_ORDER(req(LONG, "stats lines received after the next stats line of the same connection")),
  LATE(req(LONG, "Lines received 1-3 days after they were sent (so in a later landing date)")),
  CLOCK_SKEW(req(LONG, "Lines from an endpoint whose clock is hours off (truth.participants.clock_skewed)")),
  COUNTER_RESETS(req(LONG, "stats lines where the connection's RTP counters restart from 0 without an ICE restart"));

  private final ColumnInfo info;

  LandingLineTruthCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
