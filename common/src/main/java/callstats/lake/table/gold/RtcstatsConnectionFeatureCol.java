package callstats.lake.table.gold;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.BOOLEAN;
import static callstats.lake.table.Types.DOUBLE;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/**
 * Columns of {@code gold.rtcstats_connection_features}: one row per peer connection of an rtcstats dump,
 * the values of rtcstats-server's {@code aggregates.<pc>} (docs/rtcstats-features.md section 5), quirks
 * included. Candidate addresses only as keyed hashes.
 */
public enum RtcstatsConnectionFeatureCol implements ColumnDef {
  DATE(req(Types.DATE, RtcstatsFeatureColumns.DATE)),
  APP_ID(req(STRING, RtcstatsFeatureColumns.APP_ID)),
  CONF_ID(req(STRING, RtcstatsFeatureColumns.CONF_ID)),
  DUMP_ID(req(STRING, RtcstatsFeatureColumns.DUMP_ID)),
  PC_ID(req(STRING, RtcstatsFeatureColumns.PC_ID)),
  IS_P2P(opt(BOOLEAN, "isP2P: the rtcStatsSFUP2P constraint; null when not announced")),
  USES_RELAY(opt(BOOLEAN, "usesRelay: whether the last selected candidate pair went through TURN; null when never "
      + "known")),
  CONNECTION_FAILED(req(BOOLEAN, "connectionFailed: the connection state was ever 'failed'")),
  ICE_RECONNECTS(req(LONG, "iceReconnects: connection-state 'connected' transitions minus 1")),
  PC_SESSION_DURATION_MS(opt(LONG, "pcSessionDurationMs: first connected/completed until the connection's last "
      + "line (not its last sample), ms")),
  LAST_ICE_DISCONNECT_MS(opt(LONG, "lastIceDisconnect: ts of the last ICE 'disconnected', epoch ms; 0 when none")),
  LAST_ICE_FAILURE_MS(opt(LONG, "lastIceFailure: ts of the last ICE 'failed', epoch ms; 0 when none")),
  DTLS_ERRORS(req(LONG, "dtlsErrors: ondtlserror lines")),
  DTLS_FAILURES(req(LONG, "dtlsFailure: DTLS 'failed' states")),
  SDP_CREATE_FAILURES(req(LONG, "sdpCreateFailure: createOffer/createAnswer failures")),
  SDP_SET_FAILURES(req(LONG, "sdpSetFailure: setLocalDescription/setRemoteDescription failures")),
  CANDIDATE_PAIR_ID(opt(STRING, "candidatePairData.id: the last selected candidate pair ('' for the Q26 quirk); "
      + "null when none was ever selected")),
  LOCAL_CANDIDATE_TYPE(opt(STRING, "candidatePairData.localCandidateType: host, srflx, prflx or relay")),
  LOCAL_ADDRESS_HASH(opt(STRING, "Keyed hash of candidatePairData.localAddress (never stored in clear)")),
  LOCAL_PORT(opt(LONG, "candidatePairData.localPort")),
  LOCAL_PROTOCOL(opt(STRING, "candidatePairData.localProtocol: udp or tcp")),
  REMOTE_CANDIDATE_TYPE(opt(STRING, "candidatePairData.remoteCandidateType")),
  REMOTE_ADDRESS_HASH(opt(STRING, "Keyed hash of candidatePairData.remoteAddress (never stored in clear)")),
  REMOTE_PORT(opt(LONG, "candidatePairData.remotePort")),
  REMOTE_PROTOCOL(opt(STRING, "candidatePairData.remoteProtocol")),
  IS_USING_RELAY(opt(BOOLEAN, "candidatePairData.isUsingRelay")),
  MEAN_RTT(opt(DOUBLE, "transportAggregates.meanRtt in the reference's unit: seconds for standard stats, "
      + "milliseconds for legacy googRtt (Q20), zero samples dropped; silver rtt_ms is always ms")),
  TOTAL_PACKETS_SENT(opt(LONG, "trackAggregates.totalPacketsSent: sender tracks' last packet counts (inflated by "
      + "Q12/Q13)")),
  TOTAL_SENT_PACKETS_LOST(opt(LONG, "trackAggregates.totalSentPacketsLost; null where a sender had no packetsLost "
      + "(Q14)")),
  SENT_PACKETS_LOST_PCT(opt(DOUBLE, "trackAggregates.sentPacketsLostPct: lost / sent, percent, 2 decimals")),
  TOTAL_PACKETS_RECEIVED(opt(LONG, "trackAggregates.totalPacketsReceived: receiver tracks' last packet counts")),
  TOTAL_RECEIVED_PACKETS_LOST(opt(LONG, "trackAggregates.totalReceivedPacketsLost")),
  RECEIVED_PACKETS_LOST_PCT(opt(DOUBLE, "trackAggregates.receivedPacketsLostPct: lost / received, percent, "
      + "2 decimals")),
  UPPER_MEAN_FRAME_HEIGHT(opt(DOUBLE, "inboundVideoExperience.upperBoundAggregates.meanFrameHeight: mean over "
      + "stats samples of the highest inbound frame height, pixels; null when no video was received")),
  UPPER_MEAN_FRAMES_PER_SECOND(opt(DOUBLE, "inboundVideoExperience.upperBoundAggregates.meanFramesPerSecond, fps")),
  LOWER_MEAN_FRAME_HEIGHT(opt(DOUBLE, "inboundVideoExperience.lowerBoundAggregates.meanFrameHeight, pixels")),
  LOWER_MEAN_FRAMES_PER_SECOND(opt(DOUBLE, "inboundVideoExperience.lowerBoundAggregates.meanFramesPerSecond, fps")),
  SOURCE_FILE(req(STRING, RtcstatsFeatureColumns.SOURCE_FILE));

  private final ColumnInfo info;

  RtcstatsConnectionFeatureCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
