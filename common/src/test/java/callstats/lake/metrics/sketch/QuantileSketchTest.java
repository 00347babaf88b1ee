package callstats.lake.metrics.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored sketches read back, merge, and give the same bytes for the same values. */
class QuantileSketchTest {

  @Test
  void bytesReadBackToTheSameQuantiles() {
    QuantileSketch s = QuantileSketch.of(List.of(200.0, 300.0, 400.0, 900.0));
    QuantileSketch back = QuantileSketch.fromBytes(s.toBytes());
    assertThat(back.count()).isEqualTo(4);
    assertThat(back.quantile(0.5)).isEqualTo(s.quantile(0.5));
    assertThat(back.quantile(1.0)).isCloseTo(900.0, within(9.0));
    assertThat(QuantileSketch.of(List.of(900.0, 200.0, 400.0, 300.0)).toBytes()).isEqualTo(s.toBytes());
  }

  @Test
  void mergedStoredSketchesCountEveryValue() {
    QuantileSketch merged = QuantileSketch.empty();
    merged.merge(QuantileSketch.fromBytes(QuantileSketch.of(List.of(1.0, 2.0)).toBytes()));
    merged.merge(QuantileSketch.fromBytes(QuantileSketch.of(List.of(100.0)).toBytes()));
    assertThat(merged.count()).isEqualTo(3);
    assertThat(QuantileSketch.fromBytes(merged.toBytes()).quantile(1.0)).isCloseTo(100.0, within(1.0));
  }
}
