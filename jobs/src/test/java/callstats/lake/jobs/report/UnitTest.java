package callstats.lake.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the report writes numbers and their changes. */
class UnitTest {

  private static String plain(String s) {
    return s.replace('\u00a0', ' ');
  }

  @Test
  void valuesCarryTheirUnitAtAFixedPrecision() {
    assertThat(plain(Unit.COUNT.format(1234567.0))).isEqualTo("1,234,567");
    assertThat(plain(Unit.MINUTES.format(5728.5))).isEqualTo("5,729 min");
    assertThat(plain(Unit.PERCENT.format(0.942655))).isEqualTo("0.9 %");
    assertThat(plain(Unit.PERCENT.format(12.25))).isEqualTo("12.3 %");
    assertThat(plain(Unit.MS.format(312.4))).isEqualTo("312 ms");
    assertThat(plain(Unit.SCORE.format(3.7))).isEqualTo("3.70");
    assertThat(plain(Unit.RATING.format(4.0))).isEqualTo("4.00 / 5");
    assertThat(Unit.MS.format(null)).isEqualTo("\u2014");
    assertThat(Unit.PERCENT.format(-0.01)).isEqualTo("0.0\u00a0%");
  }

  @Test
  void countsChangeByPercentRatesByPointsAndTheRestInTheirUnit() {
    assertThat(plain(Unit.COUNT.change(1273.0, 1266.0).text())).isEqualTo("+0.6 %");
    assertThat(plain(Unit.PERCENT.change(0.942655, 1.026856).text())).isEqualTo("\u22120.1 pp");
    assertThat(plain(Unit.MS.change(300.0, 312.0).text())).isEqualTo("\u221212 ms");
    assertThat(Unit.COUNT.change(5.0, 0.0)).isNull();
    assertThat(Unit.COUNT.change(5.0, null)).isNull();
  }

  @Test
  void aChangeTooSmallToShowIsNoChange() {
    Unit.Change c = Unit.PERCENT.change(2.54, 2.51);
    assertThat(c.sign()).isZero();
    assertThat(plain(c.text())).isEqualTo("\u00b10.0 pp");
    assertThat(Direction.LOWER_IS_BETTER.judge(c.sign())).isEqualTo("same");
    assertThat(Direction.LOWER_IS_BETTER.judge(Unit.PERCENT.change(2.6, 2.5).sign())).isEqualTo("worse");
    assertThat(Direction.HIGHER_IS_BETTER.judge(Unit.PERCENT.change(2.6, 2.5).sign())).isEqualTo("better");
    assertThat(Direction.NEUTRAL.judge(1)).isEqualTo("neutral");
  }
}
