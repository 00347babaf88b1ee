package callstats.lake.table.gold;

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

/** Columns of {@code gold.connection_summary}: one row per peer connection. */
public enum ConnectionSummaryCol implements ColumnDef {
  CALL_DATE(req(Types.DATE, GoldColumns.CALL_DATE)),
  APP_ID(req(STRING, GoldColumns.APP_ID)),
  CONF_ID(req(STRING, GoldColumns.CONF_ID)),
  UC_ID(req(STRING, GoldColumns.UC_ID)),
  USER_ID(opt(STRING, GoldColumns.USER_ID)),
  CONNECTION_ID(req(STRING, GoldColumns.CONNECTION_ID)),
  REMOTE_ID(opt(STRING, "The other end of the connection (a user, or the SFU)")),
  REMOTE_ENDPOINT_TYPE(opt(STRING, "peer or server, as reported at setup")),
  TOPOLOGY(opt(STRING, "p2p (to another user) or sfu (to a media server)")),
  SETUP_OUTCOME(req(STRING, "connected, failed, or unknown (neither a setup nor a failure event, nor media)")),
  SETUP_FAILURE_REASON(opt(STRING, "Reason of the setup failure (callstats reasons, e.g. TransportFailure)")),
  SETUP_DELAY_MS(opt(DOUBLE, "Time from start to connected, ms (fabric setup delay)")),
  ICE_GATHERING_DELAY_MS(opt(DOUBLE, "ICE gathering delay, ms")),
  ICE_CONNECTIVITY_DELAY_MS(opt(DOUBLE, "ICE connectivity check delay, ms")),
  FIRST_TS(opt(TIMESTAMP, "First event or sample of the connection (corrected client clock)")),
  LAST_TS(opt(TIMESTAMP, "Last event or sample of the connection (corrected client clock)")),
  DURATION_S(opt(DOUBLE, "last_ts - first_ts, s")),
  LOCAL_CANDIDATE_TYPE(opt(STRING, "Local candidate type of the pair used most: host, srflx, prflx, relay")),
  REMOTE_CANDIDATE_TYPE(opt(STRING, "Remote candidate type of the pair used most")),
  RELAYED(opt(BOOLEAN, "True if the connection went through a TURN relay")),
  RELAY_PROTOCOL(opt(STRING, "udp, tcp or tls between the client and the TURN server")),
  TRANSPORT(opt(STRING, "Effective transport of the media: udp, tcp or tls (tls only via a TURN/TLS relay)")),
  NETWORK_TYPE(opt(STRING, "Network type of the local candidate: wifi, ethernet, cellular...")),
  ICE_DISRUPTIONS(req(LONG, "ICE disruptions (connected to disconnected and back, or not)")),
  ICE_DISRUPTION_S(req(DOUBLE, "Total seconds of ICE disruption, s")),
  ICE_RESTARTS(req(LONG, "ICE restarts")),
  ICE_FAILED(req(BOOLEAN, "True if ICE failed on the connection")),
  DROPPED(req(BOOLEAN, "True if the connection dropped (fabric dropped, or ICE failed after it connected) and did not "
      + "recover")),
  RTT_MEAN_MS(opt(DOUBLE, "Mean candidate-pair round-trip time, ms")),
  RTT_P95_MS(opt(DOUBLE, "95th percentile of the candidate-pair round-trip time, ms")),
  AVAILABLE_OUTGOING_KBPS_MEAN(opt(DOUBLE, "Mean available outgoing bitrate (bandwidth estimate), kbit/s")),
  BYTES_SENT(opt(LONG, "Bytes sent on the connection's candidate pairs")),
  BYTES_RECEIVED(opt(LONG, "Bytes received on the connection's candidate pairs")),
  PACKETS_RECEIVED(req(LONG, "RTP packets received over the inbound streams")),
  PACKETS_LOST(req(LONG, "RTP packets lost over the inbound streams")),
  PACKETS_SENT(req(LONG, "RTP packets sent over the outbound streams"));

  private final ColumnInfo info;

  ConnectionSummaryCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
