package callstats.lake.table.truth;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.BOOLEAN;
import static callstats.lake.table.Types.DOUBLE;
import static callstats.lake.table.Types.INT;
import static callstats.lake.table.Types.STRING;
import static callstats.lake.table.Types.TIMESTAMP;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code truth.connections}: one row per peer connection as one participant reports it. */
public enum ConnectionTruthCol implements ColumnDef {
  DATE(req(Types.DATE, TruthColumns.DATE)),
  APP_ID(req(STRING, TruthColumns.APP_ID)),
  CONF_ID(req(STRING, TruthColumns.CONF_ID)),
  UC_ID(req(STRING, "ucID of the participant that reports the connection")),
  USER_ID(req(STRING, TruthColumns.USER_ID)),
  CONNECTION_ID(req(STRING, TruthColumns.CONNECTION_ID)),
  REMOTE_ID(req(STRING, "remoteID: the other participant's user id, or the SFU's id")),
  REMOTE_UC_ID(opt(STRING, "ucID of the other participant (p2p); null for the SFU")),
  PEER_CONNECTION_ID(opt(STRING, "connectionID of the other side of the same p2p link; null for the SFU")),
  REMOTE_ENDPOINT_TYPE(req(STRING, "peer or server (the SFU)")),
  SEGMENT(req(INT, "Presence segment of the participant the connection belongs to, from 0")),
  START_TS(req(TIMESTAMP, "Setup started" + TruthColumns.TRUE_TIME)),
  CONNECTED_TS(opt(TIMESTAMP, "Reached connected; null if setup failed")),
  END_TS(req(TIMESTAMP, "Closed, dropped or failed" + TruthColumns.TRUE_TIME)),
  SETUP_OUTCOME(req(STRING, "connected, failed (events/fabric/setupfailed), or abandoned (its participant left "
      + "before the setup finished: no setup event)")),
  SETUP_FAILURE_REASON(opt(STRING, "events/fabric/setupfailed reason: MediaConfigError, MediaPermissionError, "
      + "MediaDeviceError, NegotiationFailure, SDPGenerationError, TransportFailure or SignalingError")),
  SETUP_DELAY_MS(opt(DOUBLE, "delay of events/fabric/setup: ms from setup start to connected")),
  ICE_GATHERING_DELAY_MS(opt(DOUBLE, "iceGatheringDelay of events/fabric/setup, ms")),
  ICE_CONNECTIVITY_DELAY_MS(opt(DOUBLE, "iceConnectivityDelay of events/fabric/setup, ms")),
  LOCAL_CANDIDATE_TYPE(opt(STRING, "Candidate type of the first selected local candidate: host, srflx, prflx or relay")),
  REMOTE_CANDIDATE_TYPE(opt(STRING, "Candidate type of the first selected remote candidate")),
  PROTOCOL(opt(STRING, "udp or tcp: transport of the selected local candidate")),
  RELAY_PROTOCOL(opt(STRING, "udp, tcp or tls for a relay local candidate; null otherwise")),
  NETWORK_TYPE(req(STRING, "wifi, ethernet or cellular")),
  ICE_DISRUPTIONS(req(INT, "iceDisruptionStart events on the connection")),
  ICE_RESTARTS(req(INT, "iceRestarted events on the connection (its RTP counters restart from 0 at each)")),
  ICE_FAILED(req(BOOLEAN, "An iceFailed event was sent (setup failure with TransportFailure, or before a drop)")),
  DROPPED(req(BOOLEAN, "Ended with events/fabric/status fabricDropped")),
  END_REASON(req(STRING, "closed (events/fabric/terminated), vanished (the client stopped sending: no terminated), "
      + "dropped, setup_failed or abandoned")),
  STATS_SAMPLES(req(INT, "stats lines generated for the connection (before dirt: duplicates not counted)")),
  COUNTER_RESETS(req(INT, "Injected counter resets (dirt) on the connection, without an ICE restart")),
  MEAN_RTT_MS(opt(DOUBLE, "Mean of candidate-pair currentRoundTripTime over its stats samples, ms; "
      + "null where the browser does not report it (Firefox)"));

  private final ColumnInfo info;

  ConnectionTruthCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
