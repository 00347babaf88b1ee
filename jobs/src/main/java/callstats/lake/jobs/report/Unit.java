package callstats.lake.jobs.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How a number is shown on the report, with its unit, and how a change of it is shown: counts and minutes
 * change by percent of the earlier value, percentages by percentage points, the rest in their own unit.
 * Formatting is fixed to English digits and separators, so the same value always gives the same text.
 */
public enum Unit {
  COUNT(0, "", false),
  MINUTES(0, " min", false),
  PERCENT(1, " %", true),
  MS(0, " ms", true),
  SCORE(2, "", true),
  RATING(2, " / 5", true),
  SECONDS(0, " s", true);

  /** Shown for a value that is absent (no row, or no data behind the measure). */
  public static final String NO_VALUE = "\u2014";
  private static final char NBSP = '\u00a0';
  private static final char MINUS = '\u2212';

  private final int decimals;
  private final String suffix;
  /** True if a change is shown in the unit itself (points, ms); false if as percent of the earlier value. */
  private final boolean absoluteChange;

  Unit(int decimals, String suffix, boolean absoluteChange) {
    this.decimals = decimals;
    this.suffix = suffix.replace(' ', NBSP);
    this.absoluteChange = absoluteChange;
  }

  /** The value with its unit, for example {@code 1,234}, {@code 2.5 %}, {@code 312 ms}; a dash if null. */
  public String format(Double value) {
    return value == null ? NO_VALUE : number(value, decimals) + suffix;
  }

  /** The value without its unit, at the precision the report shows (axis ticks, data attributes of text). */
  public String plain(double value) {
    return number(value, decimals);
  }

  /**
   * The change from {@code before} to {@code now} at the precision shown; null if either is absent, or if
   * the change is relative and {@code before} is 0. The sign of the result is the sign of the shown text.
   */
  public Change change(Double now, Double before) {
    if (now == null || before == null) {
      return null;
    }
    if (absoluteChange) {
      BigDecimal d = round(now - before, decimals);
      String unit = this == PERCENT ? NBSP + "pp" : suffix;
      return new Change(d.signum(), signed(d, decimals) + unit);
    }
    if (before == 0) {
      return null;
    }
    BigDecimal d = round(100.0 * (now - before) / before, 1);
    return new Change(d.signum(), signed(d, 1) + NBSP + "%");
  }

  /** A shown change: its sign after rounding (-1, 0, 1) and its text, such as {@code +0.4 pp}. */
  public record Change(int sign, String text) {}

  static String number(double value, int decimals) {
    DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
        DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    f.setRoundingMode(RoundingMode.HALF_UP);
    String s = f.format(round(value, decimals));
    return s.startsWith("-") ? (isZero(s) ? s.substring(1) : MINUS + s.substring(1)) : s;
  }

  private static String signed(BigDecimal d, int decimals) {
    String n = number(d.abs().doubleValue(), decimals);
    return (d.signum() > 0 ? "+" : d.signum() < 0 ? String.valueOf(MINUS) : "\u00b1") + n;
  }

  private static BigDecimal round(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
  }

  private static boolean isZero(String s) {
    return s.chars().noneMatch(c -> c >= '1' && c <= '9');
  }
}
