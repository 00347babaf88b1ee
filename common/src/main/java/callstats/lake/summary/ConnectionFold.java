package callstats.lake.summary;

import callstats.lake.metrics.CounterDelta;
import callstats.lake.summary.CallInput.Event;
import callstats.lake.summary.CallInput.Transport;
import callstats.lake.summary.Percentiles.Doubles;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds one peer connection's events (time order) and candidate-pair samples (time order) into its setup
 * outcome and delays, ICE disruptions, restarts and failures, drop, candidate types and relay, RTT and
 * byte totals. Works for both dialects: callstats fabric and ICE events, and the connection / ICE state
 * changes of rtcstats dumps.
 */
public final class ConnectionFold {

  private final String ucId;
  private final String connectionId;
  private final long correctionMs;
  private final Set<String> seen = new HashSet<>();
  private final Map<String, Double> rttByRecord = new HashMap<>();
  private final Doubles rtts = new Doubles();
  private final Doubles availableOut = new Doubles();
  private final Map<String, Double> pairTypeSeconds = new TreeMap<>();
  private final Map<String, Double> networkSeconds = new TreeMap<>();

  private String remoteId;
  private String remoteEndpointType;
  private boolean setupEvent;
  private boolean connected;
  private boolean setupFailed;
  private String failureReason;
  private Double setupDelayMs;
  private Double gatheringMs;
  private Double connectivityMs;
  private long firstMs = Long.MAX_VALUE;
  private long lastMs = Long.MIN_VALUE;
  private long disruptions;
  private double disruptionS;
  private Long disruptionStartMs;
  private long restarts;
  private boolean iceFailed;
  private boolean dropped;
  private Long droppedAtMs;
  private String relayTypeEvent;
  private Transport prevTransport;
  private long bytesSent;
  private long bytesReceived;
  private boolean anyBytes;

  public ConnectionFold(String ucId, String connectionId, long correctionMs) {
    this.ucId = ucId;
    this.connectionId = connectionId;
    this.correctionMs = correctionMs;
  }

  public String ucId() {
    return ucId;
  }

  public String connectionId() {
    return connectionId;
  }

  /** The next event of the connection, in time order; a record seen before is ignored. */
  public void event(Event e) {
    if (!seen.add(e.recordId() + "|" + e.event())) {
      return;
    }
    long ts = e.tsMs() + correctionMs;
    touch(ts);
    if (e.remoteId() != null) {
      remoteId = e.remoteId();
    }
    String state = e.newState();
    switch (e.event()) {
      case "fabric_setup" -> {
        setupEvent = true;
        connected = true;
        setupDelayMs = e.delayMs();
        gatheringMs = e.iceGatheringDelayMs();
        connectivityMs = e.iceConnectivityDelayMs();
        if (e.remoteEndpointType() != null) {
          remoteEndpointType = e.remoteEndpointType();
        }
      }
      case "fabric_setup_failed" -> {
        setupFailed = true;
        failureReason = e.reason();
      }
      case "fabric_dropped" -> drop(ts);
      case "fabric_transport_change" -> relayTypeEvent = e.relayType() != null ? e.relayType() : relayTypeEvent;
      case "ice_disruption_start", "ice_connection_disruption_start" -> disruptionStart(ts);
      case "ice_disruption_end", "ice_connection_disruption_end" -> disruptionEnd(ts);
      case "ice_restarted", "ice_restart" -> restarts++;
      case "ice_failed" -> {
        iceFailed = true;
        if (connected) {
          drop(ts);
        }
      }
      case "connection_state_change", "ice_connection_state_change" -> stateChange(e.event(), state, ts);
      default -> { }
    }
  }

  /** rtcstats: connection and ICE state changes carry the same facts as callstats' fabric events. */
  private void stateChange(String event, String state, long ts) {
    if (state == null) {
      return;
    }
    boolean ice = event.startsWith("ice");
    switch (state) {
      case "connected", "completed" -> {
        if (disruptionStartMs != null) {
          disruptionEnd(ts);
        }
        connected = true;
        dropped = false;
      }
      case "disconnected" -> {
        if (ice) {
          disruptionStart(ts);
        }
      }
      case "failed" -> {
        if (ice) {
          iceFailed = true;
        }
        if (connected) {
          drop(ts);
        } else {
          setupFailed = true;
          failureReason = failureReason != null ? failureReason : "TransportFailure";
        }
      }
      default -> { }
    }
  }

  private void drop(long ts) {
    dropped = true;
    droppedAtMs = ts;
  }

  private void disruptionStart(long ts) {
    if (disruptionStartMs == null) {
      disruptions++;
      disruptionStartMs = ts;
    }
  }

  private void disruptionEnd(long ts) {
    if (disruptionStartMs != null) {
      disruptionS += Math.max(0, ts - disruptionStartMs) / 1000.0;
      disruptionStartMs = null;
    }
  }

  /** The next candidate-pair sample of the connection, in time order. */
  public void transport(Transport t) {
    if (!seen.add(t.recordId() + "|transport")) {
      return;
    }
    touch(t.tsMs() + correctionMs);
    if (t.remoteId() != null && remoteId == null) {
      remoteId = t.remoteId();
    }
    rttByRecord.put(t.recordId(), t.currentRttMs());
    rtts.add(t.currentRttMs());
    availableOut.add(t.availableOutgoingKbps());
    if (prevTransport != null && t.tsMs() > prevTransport.tsMs()) {
      double seconds = (t.tsMs() - prevTransport.tsMs()) / 1000.0;
      pairTypeSeconds.merge(pairKey(t), seconds, Double::sum);
      if (t.networkType() != null) {
        networkSeconds.merge(t.networkType(), seconds, Double::sum);
      }
      bytesSent += growth(prevTransport.bytesSent(), t.bytesSent());
      bytesReceived += growth(prevTransport.bytesReceived(), t.bytesReceived());
      anyBytes |= t.bytesSent() != null || t.bytesReceived() != null;
    } else if (prevTransport == null) {
      pairTypeSeconds.merge(pairKey(t), 0.0, Double::sum);
      if (t.networkType() != null) {
        networkSeconds.merge(t.networkType(), 0.0, Double::sum);
      }
    }
    if (prevTransport == null || t.tsMs() > prevTransport.tsMs()) {
      prevTransport = t;
    }
  }

  private static long growth(Long a, Long b) {
    return a == null || b == null ? 0 : CounterDelta.delta(a, b);
  }

  /** local type, remote type, protocol, relay protocol: how the pair is described for "used most". */
  private static String pairKey(Transport t) {
    return String.join("|", String.valueOf(t.localCandidateType()), String.valueOf(t.remoteCandidateType()),
        String.valueOf(t.localProtocol()), String.valueOf(t.relayProtocol()));
  }

  private void touch(long ts) {
    firstMs = Math.min(firstMs, ts);
    lastMs = Math.max(lastMs, ts);
  }

  /** The candidate-pair RTT of the getStats sample with this record id (for inbound audio scores). */
  public Double rttOfRecord(String recordId) {
    return rttByRecord.get(recordId);
  }

  /** Media flowed on the connection (packets received on an inbound stream): it was connected. */
  public void mediaFlowed() {
    connected = true;
  }

  public boolean connected() {
    return connected;
  }

  public boolean setupFailed() {
    return setupFailed && !connected;
  }

  public boolean dropped() {
    return dropped;
  }

  public Long droppedAtMs() {
    return droppedAtMs;
  }

  public String remoteId() {
    return remoteId;
  }

  public boolean attempted() {
    return setupEvent || setupFailed || connected || !pairTypeSeconds.isEmpty();
  }

  public Double setupDelayMs() {
    return setupDelayMs;
  }

  public long firstMs() {
    return firstMs;
  }

  public boolean relayed() {
    String local = mostUsed(pairTypeSeconds);
    return (local != null && local.startsWith("relay|")) || (relayTypeEvent != null && relayTypeEvent.startsWith("turn"));
  }

  /** udp, tcp or tls of the relay, if relayed. */
  public String relayProtocol() {
    String pair = mostUsed(pairTypeSeconds);
    if (pair != null && pair.startsWith("relay|")) {
      String p = pair.split("\\|", -1)[3];
      if (!p.equals("null")) {
        return p;
      }
    }
    if (relayTypeEvent != null && relayTypeEvent.startsWith("turn/")) {
      return relayTypeEvent.substring("turn/".length());
    }
    return null;
  }

  public String networkType() {
    return mostUsed(networkSeconds);
  }

  /** The key held longest; ties to the first in key order. */
  private static String mostUsed(Map<String, Double> seconds) {
    String best = null;
    double bestS = -1;
    for (Map.Entry<String, Double> e : seconds.entrySet()) {
      if (e.getValue() > bestS) {
        best = e.getKey();
        bestS = e.getValue();
      }
    }
    return best;
  }

  /** The connection's summary values, named as the gold.connection_summary columns. */
  public Map<String, Object> summary(long packetsReceived, long packetsLost, long packetsSent) {
    if (disruptionStartMs != null) {
      disruptionEnd(lastMs);
    }
    Map<String, Object> m = new HashMap<>();
    String pair = mostUsed(pairTypeSeconds);
    String[] parts = pair == null ? new String[4] : pair.split("\\|", -1);
    String localType = nullIfNullText(parts[0]);
    String remoteType = nullIfNullText(parts[1]);
    String protocol = nullIfNullText(parts[2]);
    String relayProtocol = relayProtocol();
    boolean relayed = relayed();
    m.put("connection_id", connectionId);
    m.put("remote_id", remoteId);
    m.put("remote_endpoint_type", remoteEndpointType);
    m.put("topology", remoteEndpointType == null ? null : remoteEndpointType.equals("server") ? "sfu" : "p2p");
    m.put("setup_outcome", connected ? "connected" : setupFailed ? "failed" : "unknown");
    m.put("setup_failure_reason", connected ? null : failureReason);
    m.put("setup_delay_ms", setupDelayMs);
    m.put("ice_gathering_delay_ms", gatheringMs);
    m.put("ice_connectivity_delay_ms", connectivityMs);
    m.put("first_ms", firstMs == Long.MAX_VALUE ? null : firstMs);
    m.put("last_ms", lastMs == Long.MIN_VALUE ? null : lastMs);
    m.put("local_candidate_type", localType);
    m.put("remote_candidate_type", remoteType);
    m.put("relayed", pair == null && relayTypeEvent == null ? null : relayed);
    m.put("relay_protocol", relayed ? relayProtocol : null);
    m.put("transport", relayed && relayProtocol != null ? relayProtocol : protocol);
    m.put("network_type", networkType());
    m.put("ice_disruptions", disruptions);
    m.put("ice_disruption_s", disruptionS);
    m.put("ice_restarts", restarts);
    m.put("ice_failed", iceFailed);
    m.put("dropped", dropped);
    m.put("rtt_mean_ms", rtts.mean());
    m.put("rtt_p95_ms", rtts.percentile(95));
    m.put("available_outgoing_kbps_mean", availableOut.mean());
    m.put("bytes_sent", anyBytes ? bytesSent : null);
    m.put("bytes_received", anyBytes ? bytesReceived : null);
    m.put("packets_received", packetsReceived);
    m.put("packets_lost", packetsLost);
    m.put("packets_sent", packetsSent);
    return m;
  }

  private static String nullIfNullText(String s) {
    return s == null || s.equals("null") ? null : s;
  }
}
