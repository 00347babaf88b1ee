package callstats.lake.metrics.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SketchTest {

  private static List<Double> values(int n, long seed) {
    Random r = new Random(seed);
    List<Double> v = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      v.add(Math.exp(r.nextGaussian() * 1.2 + 4));
    }
    return v;
  }

  private static double exactQuantile(List<Double> values, double q) {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    return s.get((int) Math.floor(q * (s.size() - 1)));
  }

  @Test
  void quantilesAreWithinOnePercentAndTheBytesDoNotDependOnOrder() {
    List<Double> v = values(20_000, 1);
    byte[] a = QuantileSketch.of(v).toBytes();
    Collections.shuffle(v, new Random(7));
    byte[] b = QuantileSketch.of(v).toBytes();
    assertThat(a).isEqualTo(b);
    QuantileSketch s = QuantileSketch.fromBytes(a);
    assertThat(s.count()).isEqualTo(20_000);
    for (double q : new double[] {0.5, 0.95, 0.99}) {
      double exact = exactQuantile(v, q);
      assertThat(s.quantile(q)).isCloseTo(exact, within(exact * 0.01));
    }
  }

  @Test
  void mergingDaysGivesTheSketchOfAllTheValues() {
    List<Double> all = new ArrayList<>();
    QuantileSketch merged = QuantileSketch.empty();
    for (int day = 0; day < 7; day++) {
      List<Double> v = values(1_000 + day * 100, day);
      all.addAll(v);
      merged.merge(QuantileSketch.fromBytes(QuantileSketch.of(v).toBytes()));
    }
    QuantileSketch direct = QuantileSketch.of(all);
    assertThat(merged.quantile(0.95)).isEqualTo(direct.quantile(0.95));
    assertThat(merged.count()).isEqualTo(direct.count());
  }

  @Test
  void distinctSketchesAreExactWhenSmallAndCloseWhenLarge() {
    List<String> users = IntStream.range(0, 50).mapToObj(i -> "u" + i).toList();
    assertThat(DistinctSketch.estimate(DistinctSketch.of(users))).isEqualTo(50);
    List<String> many = IntStream.range(0, 100_000).mapToObj(i -> "user-" + i).toList();
    List<String> half1 = many.subList(0, 60_000);
    List<String> half2 = many.subList(40_000, 100_000);
    long union = DistinctSketch.estimate(DistinctSketch.union(List.of(DistinctSketch.of(half1), DistinctSketch.of(half2))));
    // lgK 12: relative standard error 1.04 / sqrt(4096) = 1.6 %; 3 sigma
    assertThat((double) union).isCloseTo(100_000, within(100_000 * 0.05));
    List<String> shuffled = new ArrayList<>(many);
    Collections.shuffle(shuffled, new Random(3));
    assertThat(DistinctSketch.of(shuffled)).isEqualTo(DistinctSketch.of(many));
  }
}
