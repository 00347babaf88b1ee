package callstats.lake.metrics;

/**
 * The one definition of "how much did a cumulative counter grow between two samples", used by normalise
 * (silver deltas) and summarise (totals). Counters are cumulative since the connection began, but in real
 * getStats data they wrap at 2^32 in some implementations and restart from zero when a connection
 * restarts.
 *
 * <ul>
 *   <li>cur &ge; prev: the difference;
 *   <li>cur &lt; prev, prev in the top quarter of the 32-bit range and cur in the bottom quarter (not
 *       negative): a 32-bit wrap, the difference modulo 2^32 ({@link Kind#WRAP});
 *   <li>otherwise the counter restarted from zero: the new value is what accrued since ({@link Kind#RESET}).
 * </ul>
 *
 * Broken clients send negative and huge values: a difference that does not fit a {@code long} saturates
 * at {@link Long#MAX_VALUE} rather than overflowing to a negative or small number.
 */
public final class CounterDelta {

  public static final long TWO_POW_32 = 1L << 32;
  private static final long WRAP_HIGH = 3L << 30;
  private static final long WRAP_LOW = 1L << 30;

  /** What happened between the two samples. */
  public enum Kind {
    NORMAL,
    WRAP,
    RESET
  }

  private CounterDelta() {}

  public static Kind classify(long prev, long cur) {
    if (cur >= prev) {
      return Kind.NORMAL;
    }
    if (prev >= WRAP_HIGH && prev < TWO_POW_32 && cur >= 0 && cur < WRAP_LOW) {
      return Kind.WRAP;
    }
    return Kind.RESET;
  }

  /** Growth of a counter under the given classification; never negative. */
  public static long delta(long prev, long cur, Kind kind) {
    return switch (kind) {
      case NORMAL -> growth(prev, cur);
      case WRAP -> cur + TWO_POW_32 - prev;
      case RESET -> Math.max(0, cur);
    };
  }

  public static long delta(long prev, long cur) {
    return delta(prev, cur, classify(prev, cur));
  }

  /**
   * Growth of a counter that may legitimately decrease (packetsLost falls when late duplicates arrive):
   * a decrease within a normal interval counts as zero; after a reset the new value counts.
   */
  public static long signedCounterDelta(long prev, long cur, Kind streamKind) {
    if (streamKind == Kind.RESET) {
      return Math.max(0, cur);
    }
    return growth(prev, cur);
  }

  /** cur - prev when cur grew, else zero; saturated where the difference overflows. */
  private static long growth(long prev, long cur) {
    if (cur <= prev) {
      return 0;
    }
    long d = cur - prev;
    return d < 0 ? Long.MAX_VALUE : d;
  }
}
