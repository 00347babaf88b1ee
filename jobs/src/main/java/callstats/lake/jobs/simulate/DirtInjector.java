package callstats.lake.jobs.simulate;

import java.util.SplittableRandom;

/**
 * Decides where real-world dirt goes, from a random stream of its own: the clean traffic (and its truth) is the same
 * whatever the dirt rate. {@code rate} is the probability that a line carries one of the exclusive kinds, split by
 * the configured mix; an endpoint's clock is skewed, and a connection's counters reset once, each with probability
 * {@code rate} times its factor.
 */
final class DirtInjector {

  private final double rate;
  private final double[] cumulativeMix;
  private final double clockSkewProbability;
  private final double counterResetProbability;
  /** Draws for lines: consumed only when lines are rendered. */
  private final SplittableRandom rng;
  /** Draws for endpoints and connections: consumed the same way whether lines are rendered or not. */
  private final SplittableRandom structural;

  DirtInjector(double rate, SimulatorProfile.DirtMix mix, long seed) {
    this.rate = rate;
    this.rng = new SplittableRandom(Seeds.of(seed, 1));
    this.structural = new SplittableRandom(Seeds.of(seed, 2));
    double[] shares = mix.shares();
    double total = 0;
    for (double s : shares) {
      total += s;
    }
    cumulativeMix = new double[shares.length];
    double acc = 0;
    for (int i = 0; i < shares.length; i++) {
      acc += total > 0 ? shares[i] / total : 0;
      cumulativeMix[i] = acc;
    }
    this.clockSkewProbability = Math.min(1, rate * mix.clockSkewFactor());
    this.counterResetProbability = Math.min(1, rate * mix.counterResetFactor());
  }

  /** The exclusive dirt kind of the next line, or null for none. Out-of-order applies to stats lines only. */
  DirtKind drawLine(boolean outOfOrderPossible) {
    if (rate <= 0 || rng.nextDouble() >= rate) {
      return null;
    }
    double u = rng.nextDouble();
    for (int i = 0; i < cumulativeMix.length; i++) {
      if (u < cumulativeMix[i]) {
        DirtKind k = DirtKind.PER_LINE[i];
        return k == DirtKind.OUT_OF_ORDER && !outOfOrderPossible ? null : k;
      }
    }
    return null;
  }

  /** Whether an endpoint's clock is hours off; if so, by how much (ms, either sign), else 0. */
  long clockSkewMs() {
    if (structural.nextDouble() >= clockSkewProbability) {
      return 0;
    }
    long magnitude = 3_600_000L + (long) (structural.nextDouble() * 5 * 3_600_000L) + structural.nextInt(60_000);
    return structural.nextBoolean() ? magnitude : -magnitude;
  }

  /** Whether a connection gets an injected counter reset, and after which of its samples (0 for none). */
  int counterResetAfterSample() {
    return structural.nextDouble() < counterResetProbability ? 2 + structural.nextInt(30) : 0;
  }

  /** How much later a client retry arrives, ms. */
  long duplicateDelayMs() {
    return 1_000 + rng.nextInt(29_000);
  }

  /** How much later a late upload arrives: 1 to 3 days, ms. */
  long lateDelayMs() {
    return 86_400_000L + (long) (rng.nextDouble() * 2 * 86_400_000L);
  }

  /** How much later than the next stats line an out-of-order line arrives, ms. */
  long outOfOrderDelayMs() {
    return 100 + rng.nextInt(1_400);
  }

  /** Which id a line misses: 0 appID, 1 confID, 2 ucID. */
  int missingId(boolean hasCallIds) {
    return hasCallIds ? rng.nextInt(3) : 0;
  }

  /** Where to cut a malformed line: a length in [len/10, len - 2]. */
  int cutAt(int len) {
    int lo = Math.max(1, len / 10);
    int hi = Math.max(lo + 1, len - 1);
    return lo + rng.nextInt(hi - lo);
  }
}
