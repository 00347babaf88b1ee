package callstats.lake.summary;

import java.util.Arrays;

/** Exact order statistics of small lists (a stream's intervals), nearest-rank definition; deterministic. */
public final class Percentiles {

  private Percentiles() {}

  /**
   * The nearest-rank p-th percentile (0 &lt; p &le; 100): the smallest value such that at least p percent of
   * the values are less than or equal to it. Null for an empty list.
   */
  public static Double nearestRank(double[] values, int n, double p) {
    if (n == 0) {
      return null;
    }
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * n);
    return sorted[Math.max(0, Math.min(n - 1, rank - 1))];
  }

  /** The lower median: nearest-rank 50th percentile. */
  public static Double median(double[] values, int n) {
    return nearestRank(values, n, 50);
  }

  /** A growable list of doubles without boxing. */
  public static final class Doubles {
    private double[] values = new double[16];
    private int size;
    private double sum;

    public void add(Double v) {
      if (v == null || v.isNaN() || v.isInfinite()) {
        return;
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
      sum += v;
    }

    public int size() {
      return size;
    }

    public Double mean() {
      return size == 0 ? null : sum / size;
    }

    public Double percentile(double p) {
      return nearestRank(values, size, p);
    }

    public Double min() {
      return size == 0 ? null : Arrays.stream(values, 0, size).min().getAsDouble();
    }

    public Double max() {
      return size == 0 ? null : Arrays.stream(values, 0, size).max().getAsDouble();
    }
  }
}
