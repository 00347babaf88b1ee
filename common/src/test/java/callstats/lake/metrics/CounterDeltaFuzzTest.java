package callstats.lake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import callstats.lake.metrics.CounterDelta.Kind;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the counter-delta rules with arbitrary pairs of counter values, including the negative and huge
 * ones that broken clients send: growth is never negative, equals the difference for an ordinary step, and
 * a wrap never spans more than the 32-bit range, and a difference that overflows saturates. Regression
 * inputs for past findings live in {@code CounterDeltaFuzzTestInputs/}.
 */
class CounterDeltaFuzzTest {

  @FuzzTest
  void growthIsNeverNegative(long prev, long cur) {
    Kind kind = CounterDelta.classify(prev, cur);
    long delta = CounterDelta.delta(prev, cur, kind);

    assertThat(delta).as("delta(%d, %d) as %s", prev, cur, kind).isNotNegative();
    assertThat(CounterDelta.delta(prev, cur)).isEqualTo(delta);
    assertThat(CounterDelta.signedCounterDelta(prev, cur, kind)).isNotNegative();
    assertThat(CounterDelta.signedCounterDelta(prev, cur, Kind.RESET)).isNotNegative();
    if (cur <= prev) {
      assertThat(CounterDelta.signedCounterDelta(prev, cur, Kind.NORMAL)).as("a fall is no growth").isZero();
    } else {
      long exact = cur - prev;
      assertThat(CounterDelta.signedCounterDelta(prev, cur, Kind.NORMAL))
          .isEqualTo(exact > 0 ? exact : Long.MAX_VALUE);
    }
    if (prev >= 0 && cur >= prev) {
      assertThat(kind).isEqualTo(Kind.NORMAL);
      assertThat(delta).isEqualTo(cur - prev);
    }
    if (kind == Kind.WRAP) {
      assertThat(cur).as("a wrap lands on a valid counter").isNotNegative();
      assertThat(delta).isLessThanOrEqualTo(CounterDelta.TWO_POW_32);
    }
  }
}
