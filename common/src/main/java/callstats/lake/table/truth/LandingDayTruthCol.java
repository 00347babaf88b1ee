package callstats.lake.table.truth;

import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.LONG;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code truth.landing_days}: truth.landing_lines summed per landing date. */
public enum LandingDayTruthCol implements ColumnDef {
  DATE(req(Types.DATE, TruthColumns.DATE)),
  LANDING_DATE(req(Types.DATE, "Landing date (date= folder)")),
  FILES(req(LONG, "Files written into the landing date")),
  LINES(req(LONG, "Lines written")),
  CLEAN_LINES(req(LONG, "Lines with no dirt")),
  RAW_BYTES(req(LONG, "Uncompressed bytes")),
  DUPLICATES(req(LONG, "Duplicated lines (the copies)")),
  MALFORMED(req(LONG, "Truncated lines")),
  MISSING_IDS(req(LONG, "Lines missing appID, confID or ucID")),
  NUMBERS_AS_STRINGS(req(LONG, "Lines with numbers as strings")),
  OUT_OF_ORDER(req(LONG, "Out-of-order stats lines")),
  LATE(req(LONG, "Lines uploaded 1-3 days late")),
  CLOCK_SKEW(req(LONG, "Lines from skewed client clocks")),
  COUNTER_RESETS(req(LONG, "stats lines with injected counter resets"));

  private final ColumnInfo info;

  LandingDayTruthCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
