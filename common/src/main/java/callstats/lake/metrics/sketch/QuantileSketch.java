package callstats.lake.metrics.sketch;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one definition of the service-level percentiles (p50, p95 of RTT, loss, jitter, setup time, ...):
 * DDSketch quantiles with 1 % relative accuracy. Stored as bytes in the daily tables and merged for weekly
 * and monthly rollups, so a month's p95 is computed from the days' sketches, never averaged.
 *
 * <p>Why DDSketch and not DataSketches KLL: a DDSketch's bins are counts per value range, so merging is
 * exact and the result does not depend on the order values or sketches arrive in; built from sorted values
 * its bytes are the same on every run. KLL compaction draws from a JVM-wide random generator, so re-running
 * a day would change the stored sketches and the rollup percentiles, and re-runs must leave tables
 * identical. Negative values (none of the metrics has any) are clamped to 0.
 */
public final class QuantileSketch {

  public static final double RELATIVE_ACCURACY = 0.01;

  private final DDSketch sketch;

  private QuantileSketch(DDSketch sketch) {
    this.sketch = sketch;
  }

  public static QuantileSketch empty() {
    return new QuantileSketch(new DDSketch(new com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping(
        RELATIVE_ACCURACY), UnboundedSizeDenseStore::new));
  }

  public static QuantileSketch of(List<Double> values) {
    QuantileSketch s = empty();
    values.stream().sorted().forEach(s::add);
    return s;
  }

  public static QuantileSketch fromBytes(byte[] bytes) {
    try {
      DDSketch decoded = DDSketch.decode(ByteArrayInput.wrap(bytes), UnboundedSizeDenseStore::new);
      QuantileSketch s = empty();
      s.sketch.mergeWith(decoded);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("not a quantile sketch", e);
    }
  }

  /** Adds a value; NaN and infinite values are ignored. */
  public void add(double value) {
    if (!Double.isNaN(value) && !Double.isInfinite(value)) {
      sketch.accept(Math.max(0, value));
    }
  }

  public void merge(QuantileSketch other) {
    sketch.mergeWith(other.sketch);
  }

  public long count() {
    return Math.round(sketch.getCount());
  }

  /** The q-quantile (0-1) within 1 % relative error, or null when empty. */
  public Double quantile(double q) {
    return sketch.isEmpty() ? null : sketch.getValueAtQuantile(q);
  }

  /** DDSketch's own binary encoding, index mapping included. */
  public byte[] toBytes() {
    GrowingByteArrayOutput out = GrowingByteArrayOutput.withDefaultInitialCapacity();
    try {
      sketch.encode(out, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.trimmedCopy();
  }
}
