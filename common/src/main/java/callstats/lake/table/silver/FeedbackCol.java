package callstats.lake.table.silver;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.INT;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;
import static callstats.lake.table.Types.TIMESTAMP;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code silver.feedback}: user ratings of a call. */
public enum FeedbackCol implements ColumnDef {
  DATE(req(Types.DATE, SilverColumns.DATE)),
  APP_ID(req(STRING, SilverColumns.APP_ID)),
  CONF_ID(req(STRING, SilverColumns.CONF_ID)),
  UC_ID(req(STRING, SilverColumns.UC_ID)),
  USER_ID(opt(STRING, SilverColumns.USER_ID)),
  REMOTE_ID(opt(STRING, "User the feedback is about, if any")),
  EVENT_TS(req(TIMESTAMP, "When the feedback was given (client clock, UTC)")),
  RECEIVED_AT(req(TIMESTAMP, SilverColumns.RECEIVED_AT)),
  OVERALL_RATING(req(INT, "Overall rating, 1 (bad) to 5 (excellent)")),
  AUDIO_QUALITY_RATING(opt(INT, "Audio rating, 1-5")),
  VIDEO_QUALITY_RATING(opt(INT, "Video rating, 1-5")),
  SCREEN_QUALITY_RATING(opt(INT, "Screen-share rating, 1-5")),
  COMMENT(opt(STRING, "Free-text comment (capped, IP addresses masked)")),
  SOURCE_FILE(req(STRING, SilverColumns.SOURCE_FILE)),
  LINE_NUMBER(req(LONG, SilverColumns.LINE_NUMBER)),
  RECORD_ID(req(STRING, SilverColumns.RECORD_ID));

  private final ColumnInfo info;

  FeedbackCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
