package callstats.lake.jobs.simulate;

/**
 * The kinds of impairment the simulator injects, in episodes, on a participant's network, device or connections.
 * Each eligible participant (one that connects and has a presence segment longer than a minute) gets at least one
 * episode of a kind with the configured probability.
 */
enum Impairment {
  /** Random packet loss on the access network, both directions. */
  PACKET_LOSS("packet-loss", "packet_loss", "both", 20, 150),
  /** Loss in bursts (a two-state Gilbert-Elliott channel) on what the participant receives: concealment, freezes. */
  BURSTY_LOSS("bursty-loss", "bursty_loss", "downlink", 20, 120),
  /** Added jitter, both directions. */
  JITTER("jitter", "jitter", "both", 20, 180),
  /** Added round-trip time, both directions. */
  RTT("rtt", "rtt", "both", 30, 300),
  /** A low uplink capacity: the encoder lowers bitrate, resolution and frame rate (qualityLimitationReason bandwidth). */
  BANDWIDTH("bandwidth", "bandwidth", "uplink", 40, 420),
  /** An overloaded device: lower resolution and frame rate (qualityLimitationReason cpu), high cpuUsage. */
  CPU("cpu", "cpu", "uplink", 30, 240),
  /** Video freezes in what the participant receives (decoder or renderer stalls). */
  FREEZE("freeze", "freeze", "downlink", 20, 90),
  /** The participant receives nothing while still sending (oneWayMedia); the gap counts as lost when it ends. */
  ONE_WAY("one-way", "one_way", "downlink", 12, 45),
  /** ICE connectivity lost for a few seconds on the participant's connections, then back (iceDisruptionStart/End). */
  ICE_DISRUPTION("ice-disruption", "ice_disruption", "both", 2, 12),
  /** A disruption that ends with an ICE restart: new candidate pair, RTP counters restart from 0. */
  ICE_RESTART("ice-restart", "ice_restart", "both", 3, 10);

  /** The key in {@code simulate.impairments}. */
  final String key;
  /** The value in {@code truth.impairments.kind}. */
  final String label;
  final String direction;
  final int minSeconds;
  final int maxSeconds;

  Impairment(String key, String label, String direction, int minSeconds, int maxSeconds) {
    this.key = key;
    this.label = label;
    this.direction = direction;
    this.minSeconds = minSeconds;
    this.maxSeconds = maxSeconds;
  }

  /** One injected episode; the magnitude fields that do not apply to the kind are NaN. */
  record Episode(Impairment kind, long startMs, long endMs, double lossPct, double jitterMs, double rttMs,
      double bandwidthKbps) {

    boolean activeAt(long ms) {
      return ms >= startMs && ms < endMs;
    }
  }
}
