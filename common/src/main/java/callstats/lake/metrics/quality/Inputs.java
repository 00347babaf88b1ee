package callstats.lake.metrics.quality;

/**
 * How the score models read raw measurements: a value that is NaN, infinite or negative counts as
 * missing. The models then say per input what missing means, so that no NaN ever reaches a score.
 */
final class Inputs {

  private Inputs() {
  }

  /** True if the value is a finite number at or above zero. */
  static boolean present(double value) {
    return Double.isFinite(value) && value >= 0;
  }

  /** The value, or {@code fallback} if it is missing (NaN, infinite or negative). */
  static double orElse(double value, double fallback) {
    return present(value) ? value : fallback;
  }

  /** The value limited to {@code [low, high]}; callers never pass NaN. */
  static double clamp(double value, double low, double high) {
    return Math.max(low, Math.min(high, value));
  }
}
