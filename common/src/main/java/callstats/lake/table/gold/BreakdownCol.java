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

/** Columns of {@code gold.daily_breakdown}: key measures per app, day and segment (dimension = value). */
public enum BreakdownCol implements ColumnDef {
  DAY(req(Types.DATE, "The day (UTC) of the calls; the partition column")),
  APP_ID(req(STRING, "Application (tenant) id")),
  DIMENSION(req(STRING, "What the segment is: browser, browser_version, os, sdk, app_version, country, isp, asn, "
      + "network_type, relay_protocol, endpoint_type, topology, site_id, customer_id, tenant_id, product_name")),
  VALUE(req(STRING, "The segment's value; the top values by sessions are kept and the rest are 'other'; "
      + "'unknown' where the value was not reported")),
  PARTICIPANTS(req(LONG, "User sessions in the segment")),
  CALLS(req(LONG, "Calls with a session in the segment")),
  PARTICIPANT_MINUTES(req(DOUBLE, "Sum of the sessions' time in call, minutes")),
  FAILED_PCT(opt(DOUBLE, "Sessions that tried to connect and never did, percent of sessions")),
  DROPPED_PCT(opt(DOUBLE, "Sessions with a dropped connection, percent")),
  RELAY_PCT(opt(DOUBLE, "Sessions that used a TURN relay, percent")),
  AUDIO_SCORE(opt(DOUBLE, "Received audio MOS, weighted by scored minutes")),
  VIDEO_SCORE(opt(DOUBLE, "Received video score, weighted by scored minutes")),
  BELOW_FAIR_MINUTES_PCT(opt(DOUBLE, "Scored minutes in which audio or video was below fair, percent")),
  AUDIO_POOR_PCT(opt(DOUBLE, "Scored audio minutes that were poor, percent")),
  RTT_P95_MS(opt(DOUBLE, "95th percentile of the segment's received streams' mean RTT, ms (DDSketch)")),
  LOSS_P95_PCT(opt(DOUBLE, "95th percentile of the segment's received streams' loss, percent (DDSketch)")),
  FEEDBACK_MEAN(opt(DOUBLE, "Mean rating given by the segment's sessions")),
  ISSUES(req(LONG, "Issues detected for the segment's sessions"));

  private final ColumnInfo info;

  BreakdownCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
