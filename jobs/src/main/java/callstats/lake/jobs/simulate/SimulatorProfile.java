package callstats.lake.jobs.simulate;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeConfig;
import com.typesafe.config.Config;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of the simulated traffic, read once from the {@code simulate} section of the configuration: sizes,
 * shares and the rates of failures, impairments and dirt. Every rate is a probability in [0, 1] with the unit
 * stated where it is configured (per call, per participant, per line). Immutable and serializable (sent to tasks).
 */
public record SimulatorProfile(
    int defaultApps,
    long defaultSeed,
    double defaultDirt,
    int callsPerPartition,
    int gzipLevel,
    double[] participantWeights,
    double durationMedianS,
    double durationSigma,
    double durationMaxS,
    double sfuShareTwo,
    double sfuShareSmall,
    double crossMidnightRate,
    double lateJoinRate,
    double earlyLeaveRate,
    double rejoinRate,
    double recoveredDropRate,
    double homeCountryShare,
    double videoRate,
    double screenShareRate,
    double simulcastRate,
    double relayRate,
    double feedbackRate,
    double precallTestRate,
    double backgroundTestsPerCall,
    Failures failures,
    Map<Impairment, Double> impairments,
    DirtMix dirtMix) implements Serializable {

  /** Clients send stats about every 10 s per connection, user/alive every 10 s. */
  static final long STATS_INTERVAL_MS = 10_000;
  static final long ALIVE_INTERVAL_MS = 10_000;
  static final long SYSTEM_STATUS_INTERVAL_MS = 60_000;
  static final int MIN_PARTICIPANTS = 2;
  static final int MAX_PARTICIPANTS = 12;
  /** Largest p2p mesh; bigger calls use an SFU. */
  static final int MAX_P2P = 4;

  /** Per call: target outcomes (the rest succeed); per participant: a transient setup failure then a retry. */
  record Failures(double failedCall, double partiallyFailedCall, double droppedCall, double setupRetry)
      implements Serializable {}

  /** Shares of the exclusive per-line dirt kinds, and the factors for clock skew and counter resets. */
  record DirtMix(double[] shares, double clockSkewFactor, double counterResetFactor) implements Serializable {}

  /** The {@code simulate} section of the configuration, with {@code --calls-per-task} if given. */
  public static SimulatorProfile load(LakeConfig config, Integer callsPerTask) {
    SimulatorProfile p = config.read("simulate", SimulatorProfile::from);
    if (callsPerTask == null) {
      return p;
    }
    if (callsPerTask < 1) {
      throw new ConfigError("--calls-per-task must be at least 1, cannot be: " + callsPerTask);
    }
    return new SimulatorProfile(p.defaultApps, p.defaultSeed, p.defaultDirt, callsPerTask, p.gzipLevel,
        p.participantWeights, p.durationMedianS, p.durationSigma, p.durationMaxS, p.sfuShareTwo, p.sfuShareSmall,
        p.crossMidnightRate, p.lateJoinRate, p.earlyLeaveRate, p.rejoinRate, p.recoveredDropRate,
        p.homeCountryShare, p.videoRate, p.screenShareRate, p.simulcastRate, p.relayRate, p.feedbackRate,
        p.precallTestRate, p.backgroundTestsPerCall, p.failures, p.impairments, p.dirtMix);
  }

  static SimulatorProfile from(Config c) {
    List<Double> weights = c.getDoubleList("participant-weights");
    int expected = MAX_PARTICIPANTS - MIN_PARTICIPANTS + 1;
    if (weights.size() != expected) {
      throw new ConfigError("simulate.participant-weights must list " + expected + " weights (for 2 to 12 "
          + "participants), cannot be: " + weights);
    }
    double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
    for (double x : w) {
      if (x < 0) {
        throw new ConfigError("simulate.participant-weights must not be negative, cannot be: " + weights);
      }
    }
    Config f = c.getConfig("failures");
    Failures failures = new Failures(rate(f, "failed-call"), rate(f, "partially-failed-call"),
        rate(f, "dropped-call"), rate(f, "setup-retry"));
    if (failures.failedCall + failures.partiallyFailedCall + failures.droppedCall > 1) {
      throw new ConfigError("simulate.failures: failed-call + partially-failed-call + dropped-call must be at most 1");
    }
    Config imp = c.getConfig("impairments");
    Map<Impairment, Double> impairments = new EnumMap<>(Impairment.class);
    for (Impairment k : Impairment.values()) {
      impairments.put(k, rate(imp, k.key));
    }
    Config d = c.getConfig("dirt-mix");
    double[] shares = new double[DirtKind.PER_LINE.length];
    for (int i = 0; i < shares.length; i++) {
      shares[i] = rate(d, DirtKind.PER_LINE[i].key);
    }
    DirtMix mix = new DirtMix(shares, atLeast(d, "clock-skew-factor", 0), atLeast(d, "counter-reset-factor", 0));
    int gzip = c.getInt("gzip-level");
    if (gzip < 1 || gzip > 9) {
      throw new ConfigError("simulate.gzip-level must be 1 to 9, cannot be: " + gzip);
    }
    return new SimulatorProfile(
        (int) atLeast(c, "apps", 1), c.getLong("seed"), rate(c, "dirt"),
        (int) atLeast(c, "calls-per-partition", 1), gzip, w,
        atLeast(c, "duration-median-s", 1), atLeast(c, "duration-sigma", 0), atLeast(c, "duration-max-s", 60),
        rate(c, "sfu-share-two"), rate(c, "sfu-share-small"), rate(c, "cross-midnight-rate"),
        rate(c, "late-join-rate"), rate(c, "early-leave-rate"), rate(c, "rejoin-rate"),
        rate(c, "recovered-drop-rate"), rate(c, "home-country-share"), rate(c, "video-rate"),
        rate(c, "screen-share-rate"), rate(c, "simulcast-rate"), rate(c, "relay-rate"), rate(c, "feedback-rate"),
        rate(c, "precall-test-rate"), rate(c, "background-tests-per-call"), failures, impairments, mix);
  }

  double impairmentRate(Impairment kind) {
    return impairments.get(kind);
  }

  private static double rate(Config c, String key) {
    double v = c.getDouble(key);
    if (v < 0 || v > 1) {
      throw new ConfigError("simulate " + key + " is a probability and must be in [0, 1], cannot be: " + v);
    }
    return v;
  }

  private static double atLeast(Config c, String key, double min) {
    double v = c.getDouble(key);
    if (v < min) {
      throw new ConfigError("simulate " + key + " must be at least " + min + ", cannot be: " + v);
    }
    return v;
  }
}
