package callstats.lake.summary;

import callstats.lake.metrics.quality.IssueThresholds;
import callstats.lake.metrics.quality.QualityBand;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The derived facts of one user session: received-media scores (time-weighted over scored intervals,
 * worst minute, share of minutes below fair), connectivity (connected, failed, dropped and not
 * recovered, rejoins, relay) and one-way media.
 */
record ParticipantResult(Double audioScore, Double audioWorst, Double videoScore, Double videoWorst,
    long minutesScored, long[] audioBands, long[] videoBands, Double pctMinutesBelowFair, boolean attempted, boolean connected, long connectionsFailed,
    long connectionsDropped, boolean droppedUnrecovered, long rejoins, boolean relayUsed, String relayProtocol,
    String networkType, boolean oneWay) {

  static ParticipantResult of(ParticipantState p, IssueThresholds t) {
    double aw = 0;
    double as = 0;
    double vw = 0;
    double vs = 0;
    Double aWorst = null;
    Double vWorst = null;
    long scored = 0;
    long below = 0;
    long[] audioBands = new long[3];
    long[] videoBands = new long[3];
    for (double[] m : p.minutes.values()) {
      aw += m[0];
      as += m[1];
      vw += m[2];
      vs += m[3];
      boolean bad = false;
      if (m[1] > 0) {
        double mean = m[0] / m[1];
        aWorst = aWorst == null ? mean : Math.min(aWorst, mean);
        QualityBand band = QualityBand.ofAudioMos(mean);
        audioBands[band.ordinal()]++;
        bad |= band.belowFair();
      }
      if (m[3] > 0) {
        double mean = m[2] / m[3];
        vWorst = vWorst == null ? mean : Math.min(vWorst, mean);
        QualityBand band = QualityBand.ofVideoScore(mean);
        videoBands[band.ordinal()]++;
        bad |= band.belowFair();
      }
      if (m[1] > 0 || m[3] > 0) {
        scored++;
        if (bad) {
          below++;
        }
      }
    }
    boolean attempted = false;
    boolean connected = false;
    long failed = 0;
    long dropped = 0;
    boolean unrecovered = false;
    boolean relay = false;
    Map<String, Double> relayProtocols = new TreeMap<>();
    Map<String, Double> networks = new TreeMap<>();
    Map<String, Integer> connectedPerRemote = new HashMap<>();
    for (ConnectionFold c : p.connectionFolds) {
      attempted |= c.attempted();
      connected |= c.connected();
      if (c.setupFailed()) {
        failed++;
      }
      if (c.connected()) {
        connectedPerRemote.merge(String.valueOf(c.remoteId()), 1, Integer::sum);
      }
      if (c.relayed()) {
        relay = true;
        if (c.relayProtocol() != null) {
          relayProtocols.merge(c.relayProtocol(), 1.0, Double::sum);
        }
      }
      if (c.networkType() != null) {
        networks.merge(c.networkType(), 1.0, Double::sum);
      }
      if (c.dropped()) {
        dropped++;
        if (!recovered(p, c)) {
          unrecovered = true;
        }
      }
    }
    long rejoins = connectedPerRemote.values().stream().mapToLong(n -> n - 1L).sum();
    boolean oneWay = p.oneWayReported
        || (connected && ((p.packetsSent > 0 && p.packetsReceived == 0) || (p.packetsSent == 0 && p.packetsReceived > 0)));
    return new ParticipantResult(as > 0 ? aw / as : null, aWorst, vs > 0 ? vw / vs : null, vWorst, scored,
        audioBands, videoBands, scored > 0 ? 100.0 * below / scored : null, attempted, connected, failed, dropped, unrecovered, rejoins, relay,
        mostUsed(relayProtocols), mostUsed(networks), oneWay);
  }

  /** A dropped connection is recovered when a later connection to the same remote end connected. */
  private static boolean recovered(ParticipantState p, ConnectionFold dropped) {
    long at = dropped.droppedAtMs() == null ? dropped.firstMs() : dropped.droppedAtMs();
    for (ConnectionFold c : p.connectionFolds) {
      if (c != dropped && c.connected() && c.firstMs() >= at
          && java.util.Objects.equals(c.remoteId(), dropped.remoteId())) {
        return true;
      }
    }
    return false;
  }

  private static String mostUsed(Map<String, Double> counts) {
    String best = null;
    double n = -1;
    for (Map.Entry<String, Double> e : counts.entrySet()) {
      if (e.getValue() > n) {
        best = e.getKey();
        n = e.getValue();
      }
    }
    return best;
  }
}
