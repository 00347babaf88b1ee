package callstats.lake.jobs.report;

import java.util.List;

/**
 * What a report page shows, as text ready for the template: every number is already formatted with its unit,
 * and the template escapes every value it writes. Records, so the template reads them by accessor name.
 */
public final class PageModel {

  private PageModel() {}

  /** One page: a day or a week to date of one app. */
  public record Page(String kind, String title, String app, String period, String periodNote, String dataDate,
      List<String> comparisons, List<KpiRow> kpis, boolean hasData, List<TrendChart> charts, TrendTable trendTable,
      String issuesCaption, List<IssueRow> issues, List<Segments> breakdowns, String breakdownNote,
      String callsPeriod, List<CallRow> lowQualityCalls, List<CallRow> failedCalls, List<Link> links) {

    public boolean hasIssues() {
      return !issues.isEmpty();
    }

    public boolean hasLowQualityCalls() {
      return !lowQualityCalls.isEmpty();
    }

    public boolean hasFailedCalls() {
      return !failedCalls.isEmpty();
    }
  }

  /** A headline number with its changes (one per comparison). */
  public record KpiRow(String key, String label, String value, String raw, List<ChangeCell> changes) {}

  /**
   * A change against an earlier period: the shown text, how it is judged (better, worse, same, neutral, none),
   * the arrow, the words a screen reader says, and a tooltip with the earlier value.
   */
  public record ChangeCell(String text, String judgement, String arrow, String words, String title) {}

  /** The numbers behind the trend charts, one row per day. */
  public record TrendTable(List<String> headers, List<TrendDay> days) {}

  public record TrendDay(String day, String label, List<TrendCell> cells) {}

  public record TrendCell(String key, String value) {}

  public record IssueRow(String type, String count, String share, String calls, String critical, String major,
      String minor) {}

  /** The worst segments of one breakdown dimension. */
  public record Segments(String dimension, String heading, String caption, List<SegmentRow> rows, String emptyNote) {

    public boolean hasRows() {
      return !rows.isEmpty();
    }
  }

  public record SegmentRow(String value, String sessions, String calls, String belowFair, String audioScore,
      String videoScore, String audioPoor, String failed, String dropped, String rttP95, String lossP95) {}

  public record CallRow(String app, String confId, String day, String start, String duration, String participants,
      String outcome, String band, String audioScore, String videoScore, String worstSession, String issues,
      String issueTypes) {}

  public record Link(String href, String label) {}

  /** The index page of one app: its daily and weekly pages, newest first. */
  public record Index(String app, List<Link> daily, List<Link> weekly) {

    public boolean hasDaily() {
      return !daily.isEmpty();
    }

    public boolean hasWeekly() {
      return !weekly.isEmpty();
    }
  }
}
