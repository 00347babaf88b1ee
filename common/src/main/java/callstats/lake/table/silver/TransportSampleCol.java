package callstats.lake.table.silver;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.BOOLEAN;
import static callstats.lake.table.Types.DOUBLE;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;
import static callstats.lake.table.Types.STRINGS;
import static callstats.lake.table.Types.TIMESTAMP;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code silver.transport_samples}: the selected ICE candidate pair of a connection per getStats sample. */
public enum TransportSampleCol implements ColumnDef {
  DATE(req(Types.DATE, SilverColumns.DATE)),
  APP_ID(req(STRING, SilverColumns.APP_ID)),
  CONF_ID(req(STRING, SilverColumns.CONF_ID)),
  UC_ID(req(STRING, SilverColumns.UC_ID)),
  USER_ID(opt(STRING, SilverColumns.USER_ID)),
  DEVICE_ID(opt(STRING, SilverColumns.DEVICE_ID)),
  CONNECTION_ID(req(STRING, SilverColumns.CONNECTION_ID)),
  REMOTE_ID(opt(STRING, SilverColumns.REMOTE_ID)),
  DIALECT(req(STRING, SilverColumns.DIALECT)),
  SAMPLE_TS(req(TIMESTAMP, "Time of the sample (client clock, UTC)")),
  RECEIVED_AT(req(TIMESTAMP, SilverColumns.RECEIVED_AT)),
  CANDIDATE_PAIR_ID(req(STRING, "getStats id of the candidate pair in use")),
  PAIR_SELECTION(req(STRING, "How the pair was found: transport (transport.selectedCandidatePairId), nominated "
      + "(the nominated succeeded pair), selected (legacy selected flag), or legacy_active (Chrome's legacy "
      + "googCandidatePair with googActiveConnection)")),
  PAIR_STATE(opt(STRING, "ICE state of the pair: succeeded, in-progress, failed...")),
  CURRENT_RTT_MS(opt(DOUBLE, "Current STUN round-trip time of the pair, ms")),
  TOTAL_RTT_S(opt(DOUBLE, "Cumulative STUN round-trip time, s")),
  RESPONSES_RECEIVED(opt(LONG, "Cumulative STUN responses received (RTT measurements)")),
  AVAILABLE_OUTGOING_BITRATE_KBPS(opt(DOUBLE, "Bandwidth estimate for sending, kbit/s")),
  AVAILABLE_INCOMING_BITRATE_KBPS(opt(DOUBLE, "Bandwidth estimate for receiving, kbit/s")),
  BYTES_SENT(opt(LONG, "Cumulative bytes sent on the pair")),
  BYTES_RECEIVED(opt(LONG, "Cumulative bytes received on the pair")),
  PACKETS_SENT(opt(LONG, "Cumulative packets sent on the pair")),
  PACKETS_RECEIVED(opt(LONG, "Cumulative packets received on the pair")),
  LOCAL_CANDIDATE_TYPE(opt(STRING, "Local candidate type: host, srflx, prflx or relay")),
  LOCAL_PROTOCOL(opt(STRING, "Transport protocol of the local candidate: udp or tcp")),
  LOCAL_RELAY_PROTOCOL(opt(STRING, "Protocol between client and TURN server for a relay candidate: udp, tcp or tls")),
  LOCAL_NETWORK_TYPE(opt(STRING, "Network interface type of the local candidate: wifi, ethernet, cellular, vpn..." )),
  LOCAL_ADDRESS_HASH(opt(STRING, "Keyed hash (HMAC-SHA256, hex) of the local candidate address; never the address itself")),
  LOCAL_ADDRESS_FAMILY(opt(STRING, "ipv4, ipv6 or mdns (an .local host name)")),
  LOCAL_ADDRESS_PRIVATE(opt(BOOLEAN, "True if the local address is private, loopback or link-local")),
  RELAY_ADDRESS(opt(STRING, "Address of the TURN server's relayed candidate, in clear (a server, not a client)")),
  RELAY_URL(opt(STRING, "URL of the TURN server used (local relay candidate url)")),
  REMOTE_CANDIDATE_TYPE(opt(STRING, "Remote candidate type: host, srflx, prflx or relay")),
  REMOTE_PROTOCOL(opt(STRING, "Transport protocol of the remote candidate")),
  REMOTE_ADDRESS_HASH(opt(STRING, "Keyed hash of the remote candidate address")),
  REMOTE_ADDRESS_FAMILY(opt(STRING, "ipv4, ipv6 or mdns")),
  REMOTE_ADDRESS_PRIVATE(opt(BOOLEAN, "True if the remote address is private, loopback or link-local")),
  DTLS_STATE(opt(STRING, "DTLS state of the transport")),
  ICE_STATE(opt(STRING, "ICE state of the transport")),
  SELECTED_PAIR_CHANGES(opt(LONG, "Cumulative changes of the selected candidate pair")),
  INTERVAL_S(opt(DOUBLE, "Seconds since the previous transport sample of the connection in this landing date")),
  SEND_BITRATE_KBPS(opt(DOUBLE, "Bytes sent over the interval as kbit/s")),
  RECEIVE_BITRATE_KBPS(opt(DOUBLE, "Bytes received over the interval as kbit/s")),
  FLAGS(req(STRINGS, "Data-quality flags, as in rtp_stream_samples")),
  SOURCE_FILE(req(STRING, SilverColumns.SOURCE_FILE)),
  LINE_NUMBER(req(LONG, SilverColumns.LINE_NUMBER)),
  RECORD_ID(req(STRING, SilverColumns.RECORD_ID));

  private final ColumnInfo info;

  TransportSampleCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}
