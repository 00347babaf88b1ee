package callstats.lake.jobs.report;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeConfig;
import java.util.List;

/**
 * The {@code report} section of the configuration: how much history the trend charts show and how many rows
 * the breakdown, issue and worst-call tables hold. Every size is bounded, so is what the report collects.
 *
 * @param trendDays days of {@code gold.daily_service} in the trend charts, ending at the report date
 * @param breakdownMinSessions a segment with fewer sessions is not ranked among the worst
 * @param breakdownTop worst segments shown per dimension
 * @param breakdownDimensions the dimensions of {@code gold.daily_breakdown} shown
 * @param topIssues issue types shown
 * @param worstCalls calls shown per worst-calls table
 */
public record ReportSettings(int trendDays, int breakdownMinSessions, int breakdownTop,
    List<String> breakdownDimensions, int topIssues, int worstCalls) {

  public static final String SECTION = "report";

  public ReportSettings {
    between("trend-days", trendDays, 7, 366);
    between("breakdown-min-sessions", breakdownMinSessions, 1, Integer.MAX_VALUE);
    between("breakdown-top", breakdownTop, 1, 100);
    between("top-issues", topIssues, 1, 100);
    between("worst-calls", worstCalls, 1, 100);
    if (breakdownDimensions.isEmpty() || breakdownDimensions.stream().anyMatch(d -> !d.matches("[a-z_]+"))) {
      throw new ConfigError(SECTION + ".breakdown-dimensions must list dimension names of gold.daily_breakdown "
          + "(browser, country, isp, ...), cannot be: " + breakdownDimensions);
    }
    breakdownDimensions = List.copyOf(breakdownDimensions);
  }

  public static ReportSettings from(LakeConfig config) {
    return config.read(SECTION, c -> new ReportSettings(c.getInt("trend-days"), c.getInt("breakdown-min-sessions"),
        c.getInt("breakdown-top"), c.getStringList("breakdown-dimensions"), c.getInt("top-issues"),
        c.getInt("worst-calls")));
  }

  private static void between(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ConfigError(SECTION + "." + key + " must be from " + min + " to " + max + ", cannot be: " + value);
    }
  }
}
