package callstats.lake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import callstats.lake.metrics.CounterDelta.Kind;
import org.junit.jupiter.api.Test;

class CounterDeltaTest {

  @Test
  void growthIsTheDifference() {
    assertThat(CounterDelta.classify(100, 150)).isEqualTo(Kind.NORMAL);
    assertThat(CounterDelta.delta(100, 150)).isEqualTo(50);
    assertThat(CounterDelta.delta(7, 7)).isZero();
  }

  @Test
  void a32BitWrapCountsTheStepsAcrossTheWrap() {
    long prev = 4_294_967_000L;
    assertThat(CounterDelta.classify(prev, 200)).isEqualTo(Kind.WRAP);
    // 2^32 - 4_294_967_000 = 296 steps up to the wrap, then 200 after it
    assertThat(CounterDelta.delta(prev, 200)).isEqualTo(496);
  }

  @Test
  void aFallFromTheMiddleOfTheRangeIsAReset() {
    assertThat(CounterDelta.classify(5_000, 120)).isEqualTo(Kind.RESET);
    assertThat(CounterDelta.delta(5_000, 120)).isEqualTo(120);
    // a value near 2^32 that falls to a large value is not a wrap either
    assertThat(CounterDelta.classify(4_294_967_000L, 2_000_000_000L)).isEqualTo(Kind.RESET);
  }

  @Test
  void lossThatFallsWithDuplicatesIsZeroNotNegative() {
    assertThat(CounterDelta.signedCounterDelta(10, 8, Kind.NORMAL)).isZero();
    assertThat(CounterDelta.signedCounterDelta(10, 14, Kind.NORMAL)).isEqualTo(4);
    assertThat(CounterDelta.signedCounterDelta(10, 3, Kind.RESET)).isEqualTo(3);
    assertThat(CounterDelta.signedCounterDelta(10, -2, Kind.RESET)).isZero();
  }

  @Test
  void aNegativeValueAfterAHighOneIsAResetNotAWrap() {
    // found by CounterDeltaFuzzTest: a negative counter from a broken client passed as a 32-bit wrap
    // and gave a negative growth
    assertThat(CounterDelta.classify(4_177_526_784L, -36_028_797_018_963_971L)).isEqualTo(Kind.RESET);
    assertThat(CounterDelta.delta(4_177_526_784L, -36_028_797_018_963_971L)).isZero();
  }

  @Test
  void differencesThatOverflowSaturate() {
    assertThat(CounterDelta.delta(Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    assertThat(CounterDelta.signedCounterDelta(Long.MIN_VALUE, 1, Kind.NORMAL)).isEqualTo(Long.MAX_VALUE);
    // a fall that overflowed used to count as growth of one
    assertThat(CounterDelta.signedCounterDelta(Long.MAX_VALUE, Long.MIN_VALUE, Kind.NORMAL)).isZero();
  }
}
