package callstats.lake.table.silver;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;
import static callstats.lake.table.Types.TIMESTAMP;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code silver.ssrc_map}: which user and media each RTP stream belongs to. */
public enum SsrcMapCol implements ColumnDef {
  DATE(req(Types.DATE, SilverColumns.DATE)),
  APP_ID(req(STRING, SilverColumns.APP_ID)),
  CONF_ID(req(STRING, SilverColumns.CONF_ID)),
  UC_ID(req(STRING, SilverColumns.UC_ID)),
  USER_ID(opt(STRING, SilverColumns.USER_ID)),
  CONNECTION_ID(opt(STRING, SilverColumns.CONNECTION_ID)),
  EVENT_TS(req(TIMESTAMP, "When the mapping was reported (client clock, UTC)")),
  RECEIVED_AT(req(TIMESTAMP, SilverColumns.RECEIVED_AT)),
  SSRC(req(LONG, "RTP synchronisation source")),
  CNAME(opt(STRING, "RTCP CNAME")),
  STREAM_TYPE(opt(STRING, "inbound or outbound")),
  REPORT_TYPE(opt(STRING, "local or remote")),
  MEDIA_TYPE(opt(STRING, "audio, video or screen")),
  STREAM_USER_ID(opt(STRING, "User the stream belongs to (ssrcData.userID)")),
  MSID(opt(STRING, "Media stream id")),
  LABEL(opt(STRING, "Track label")),
  SOURCE_FILE(req(STRING, SilverColumns.SOURCE_FILE)),
  LINE_NUMBER(req(LONG, SilverColumns.LINE_NUMBER)),
  RECORD_ID(req(STRING, SilverColumns.RECORD_ID));

  private final ColumnInfo info;

  SsrcMapCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
