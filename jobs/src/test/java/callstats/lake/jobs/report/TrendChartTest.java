package callstats.lake.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import callstats.lake.jobs.report.TrendChart.Series;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trend charts: round axes, gaps for missing values, no invented zeros. */
class TrendChartTest {

  private static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2),
      LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 5));
  private static final List<Boolean> PRESENT = List.of(true, true, false, true, true);

  @Test
  void linesBreakWhereAValueIsMissing() {
    TrendChart c = TrendChart.lines("rtt", "RTT", "RTT p95", Unit.MS, "ms", DAYS, PRESENT,
        List.of(new Series("RTT p95", "rtt", Arrays.asList(100.0, 120.0, null, null, 90.0))));
    assertThat(c.lines().get(0).d()).matches("M[0-9. ]+ L[0-9. ]+ M[0-9. ]+");
    assertThat(c.points()).hasSize(3);
    assertThat(c.points().get(2).title()).isEqualTo("Thu 5 Nov, RTT p95: 90\u00a0ms");
    assertThat(c.noData()).hasSize(1);
    assertThat(c.noData().get(0).title()).isEqualTo("Tue 3 Nov: no data");
    assertThat(c.empty()).isFalse();
  }

  @Test
  void barsAreDrawnOnlyForValuesAndTheAxisIsRound() {
    TrendChart c = TrendChart.bars("calls", "Calls", "Calls", Unit.COUNT, "calls", DAYS, PRESENT,
        new Series("Calls", "calls", Arrays.asList(1200.0, 1234.0, null, 0.0, 980.0)));
    assertThat(c.bars()).hasSize(4);
    assertThat(c.yTicks().stream().map(TrendChart.Tick::label).toList())
        .containsExactly("0", "500", "1,000", "1,500");
    assertThat(c.bars().get(2).h()).isEqualTo("0");
    assertThat(c.xTicks()).hasSize(1);
    assertThat(c.xTicks().get(0).label()).isEqualTo("Nov 5");
  }

  @Test
  void fractionalStepsKeepTheirDecimals() {
    TrendChart c = TrendChart.lines("loss", "Loss", "Loss p95", Unit.PERCENT, "%", DAYS, PRESENT,
        List.of(new Series("Loss", "loss", Arrays.asList(4.0, 9.2, null, 1.0, 3.0))));
    assertThat(c.yTicks().stream().map(TrendChart.Tick::label).toList())
        .containsExactly("0.0", "2.5", "5.0", "7.5", "10.0");
  }

  @Test
  void stackedSharesFillTheDayAndAnEmptyChartSaysSo() {
    TrendChart c = TrendChart.stacked("audio", "Audio", "Audio bands", DAYS, PRESENT, List.of(
        new Series("Good", "good", Arrays.asList(80.0, 70.0, null, null, null)),
        new Series("Fair", "fair", Arrays.asList(15.0, 20.0, null, null, null)),
        new Series("Poor", "poor", Arrays.asList(5.0, 10.0, null, null, null))));
    assertThat(c.bars()).hasSize(6);
    assertThat(c.bars().get(2).y()).isEqualTo(c.plot().y());
    TrendChart none = TrendChart.lines("x", "X", "X", Unit.MS, "ms", DAYS, PRESENT,
        List.of(new Series("X", "rtt", Arrays.asList(null, null, null, null, null))));
    assertThat(none.empty()).isTrue();
    assertThat(none.points()).isEmpty();
  }
}
