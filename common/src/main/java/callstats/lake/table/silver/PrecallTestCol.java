package callstats.lake.table.silver;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.BOOLEAN;
import static callstats.lake.table.Types.DOUBLE;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;
import static callstats.lake.table.Types.TIMESTAMP;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code silver.precall_tests}: pre-call and background network tests. */
public enum PrecallTestCol implements ColumnDef {
  DATE(req(Types.DATE, SilverColumns.DATE)),
  APP_ID(req(STRING, SilverColumns.APP_ID)),
  CONF_ID(opt(STRING, "Conference the test preceded, if known")),
  UC_ID(opt(STRING, "User session the test preceded; null for a background test with no call")),
  USER_ID(opt(STRING, SilverColumns.USER_ID)),
  DEVICE_ID(opt(STRING, SilverColumns.DEVICE_ID)),
  TEST_TS(req(TIMESTAMP, "When the test ran (client clock, UTC)")),
  RECEIVED_AT(req(TIMESTAMP, SilverColumns.RECEIVED_AT)),
  PROVIDER(opt(STRING, "TURN provider tested")),
  MEDIA_CONNECTIVITY(opt(BOOLEAN, "Whether media could flow")),
  RTT_MS(opt(DOUBLE, "Round-trip time, ms")),
  JITTER_MS(opt(DOUBLE, "Jitter, ms")),
  LOSS_PCT(opt(DOUBLE, "Packet loss, percent (fractionalLoss x 100)")),
  THROUGHPUT_KBPS(opt(DOUBLE, "Throughput, kbit/s")),
  UPLINK_THROUGHPUT_KBPS(opt(DOUBLE, "Uplink throughput, kbit/s")),
  DOWNLINK_THROUGHPUT_KBPS(opt(DOUBLE, "Downlink throughput, kbit/s")),
  COUNTRY(opt(STRING, "Country of the client (gateway geo)")),
  REGION(opt(STRING, "Region of the client")),
  ASN(opt(LONG, "ASN of the client's network")),
  ISP(opt(STRING, "ISP of the client")),
  SOURCE_FILE(req(STRING, SilverColumns.SOURCE_FILE)),
  LINE_NUMBER(req(LONG, SilverColumns.LINE_NUMBER)),
  RECORD_ID(req(STRING, SilverColumns.RECORD_ID));

  private final ColumnInfo info;

  PrecallTestCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
