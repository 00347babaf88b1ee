package callstats.lake.table.truth;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.DOUBLE;
import static callstats.lake.table.Types.STRING;
import static callstats.lake.table.Types.TIMESTAMP;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code truth.impairments}: one row per injected impairment episode. */
public enum ImpairmentTruthCol implements ColumnDef {
  DATE(req(Types.DATE, TruthColumns.DATE)),
  APP_ID(req(STRING, TruthColumns.APP_ID)),
  CONF_ID(req(STRING, TruthColumns.CONF_ID)),
  UC_ID(req(STRING, "ucID of the participant whose network, device or connection is impaired")),
  USER_ID(req(STRING, TruthColumns.USER_ID)),
  KIND(req(STRING, "packet_loss (random), bursty_loss, jitter, rtt, bandwidth, cpu, freeze, one_way, "
      + "ice_disruption or ice_restart")),
  DIRECTION(req(STRING, "uplink (what the participant sends), downlink (what it receives) or both")),
  START_TS(req(TIMESTAMP, "Episode start" + TruthColumns.TRUE_TIME)),
  END_TS(req(TIMESTAMP, "Episode end" + TruthColumns.TRUE_TIME)),
  DURATION_S(req(DOUBLE, "end_ts - start_ts, s")),
  LOSS_PCT(opt(DOUBLE, "Added loss probability, percent (packet_loss; bursty_loss: in a burst)")),
  JITTER_MS(opt(DOUBLE, "Added jitter, ms (jitter)")),
  RTT_MS(opt(DOUBLE, "Added round-trip time, ms (rtt)")),
  BANDWIDTH_KBPS(opt(DOUBLE, "Uplink capacity during the episode, kbit/s (bandwidth)"));

  private final ColumnInfo info;

  ImpairmentTruthCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
