package callstats.lake.jobs.report;

import callstats.lake.jobs.report.PageModel.CallRow;
import callstats.lake.jobs.report.PageModel.ChangeCell;
import callstats.lake.jobs.report.PageModel.IssueRow;
import callstats.lake.jobs.report.PageModel.KpiRow;
import callstats.lake.jobs.report.PageModel.Link;
import callstats.lake.jobs.report.PageModel.Page;
import callstats.lake.jobs.report.PageModel.SegmentRow;
import callstats.lake.jobs.report.PageModel.Segments;
import callstats.lake.jobs.report.PageModel.TrendCell;
import callstats.lake.jobs.report.PageModel.TrendDay;
import callstats.lake.jobs.report.PageModel.TrendTable;
import callstats.lake.jobs.report.TrendChart.Series;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * Builds the page models of one app from its collected rows: the daily page of a date and the page of the
 * week to date. Formats and arranges values; computes nothing from them but the shown change between two
 * periods. No Spark.
 */
public final class Pages {

  static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
  static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final Map<String, String> DIMENSIONS = Map.of("browser", "browsers", "country", "countries",
      "isp", "ISPs", "os", "operating systems", "network_type", "network types", "browser_version",
      "browser versions", "sdk", "SDKs", "app_version", "app versions", "asn", "networks (ASN)", "relay_protocol",
      "relay protocols");

  private Pages() {}

  /** The page of one day, compared with the day before and the same weekday a week before. */
  public static Page daily(AppData d, LocalDate day, ReportSettings s) {
    Map<LocalDate, Row> byDay = byDay(d.days());
    Row today = byDay.get(day);
    List<Row> before = new ArrayList<>();
    before.add(byDay.get(day.minusDays(1)));
    before.add(byDay.get(day.minusDays(7)));
    List<String> comparisons = List.of("vs previous day (" + day.minusDays(1).format(SHORT_DAY) + ")",
        "vs same weekday last week (" + day.minusDays(7).format(SHORT_DAY) + ")");
    String period = day.format(LONG_DAY);
    return new Page("daily", d.app() + " \u00b7 " + period + " \u00b7 daily service report", d.app(), period,
        "One UTC day. Changes compare with the previous day and with the same weekday a week earlier.",
        day.toString(), comparisons, kpis(today, before, comparisonDates(day.minusDays(1), day.minusDays(7))),
        today != null, charts(byDay, day, s), trendTable(byDay, day, s),
        "Issues detected in the calls of " + day.format(SHORT_DAY) + ".",
        issues(today, d.dayIssues(), s), segments(d.segments(), s), "Segments of " + day.format(SHORT_DAY)
            + " with at least " + s.breakdownMinSessions() + " sessions, worst first.",
        day.format(SHORT_DAY), calls(d.dayCalls(), ReportQueries.LOWEST_QUALITY, false),
        calls(d.dayCalls(), ReportQueries.FAILED_OR_DROPPED, false),
        List.of(new Link("../index.html", "All reports of " + d.app()),
            new Link("../weekly/" + weekStart(day) + ".html", "This week to date")));
  }

  /** The page of the ISO week of {@code day}, Monday to {@code day}, compared with the same days a week before. */
  public static Page weekly(AppData d, LocalDate day, ReportSettings s) {
    LocalDate monday = weekStart(day);
    Map<LocalDate, Row> byDay = byDay(d.days());
    int week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    String span = monday.equals(day) ? monday.format(SHORT_DAY)
        : monday.format(SHORT_DAY) + " to " + day.format(SHORT_DAY);
    String previousSpan = monday.equals(day) ? monday.minusDays(7).format(SHORT_DAY)
        : monday.minusDays(7).format(SHORT_DAY) + " to " + day.minusDays(7).format(SHORT_DAY);
    String period = "Week " + week + " of " + day.get(IsoFields.WEEK_BASED_YEAR) + ", " + span
        + (day.equals(monday.plusDays(6)) ? "" : " (week to date)");
    List<Row> before = new ArrayList<>();
    before.add(d.previousWeek());
    return new Page("weekly", d.app() + " \u00b7 " + period + " \u00b7 weekly service report", d.app(), period,
        "The ISO week (Monday to Sunday, UTC) up to " + day.format(SHORT_DAY) + ". Changes compare with the same days"
            + " of the previous week. Distinct users of a week are an estimate (about 1.6 % error).",
        day.toString(), List.of("vs same days last week (" + previousSpan + ")"),
        kpis(d.week(), before, List.of(previousSpan)), d.week() != null, charts(byDay, day, s),
        trendTable(byDay, day, s), "Issues detected in the calls of " + span + ".",
        issues(d.week(), d.weekIssues(), s), segments(d.segments(), s),
        "Breakdowns are kept per day: these are the segments of " + day.format(SHORT_DAY) + " with at least "
            + s.breakdownMinSessions() + " sessions, worst first.",
        span, calls(d.weekCalls(), ReportQueries.LOWEST_QUALITY, true),
        calls(d.weekCalls(), ReportQueries.FAILED_OR_DROPPED, true),
        List.of(new Link("../index.html", "All reports of " + d.app()),
            new Link("../daily/" + day + ".html", "Daily report of " + day.format(SHORT_DAY))));
  }

  /** The Monday of the ISO week of a day, as the weekly service table counts weeks. */
  static LocalDate weekStart(LocalDate day) {
    return callstats.lake.jobs.aggregate.Rollups.week(day)[0];
  }

  private static List<String> comparisonDates(LocalDate... days) {
    return java.util.Arrays.stream(days).map(x -> x.format(SHORT_DAY)).toList();
  }

  private static List<KpiRow> kpis(Row now, List<Row> before, List<String> beforeLabels) {
    List<KpiRow> out = new ArrayList<>();
    for (Kpi k : Kpi.HEADLINE) {
      Double v = num(now, k.key());
      List<ChangeCell> changes = new ArrayList<>();
      for (int i = 0; i < before.size(); i++) {
        Double b = num(before.get(i), k.key());
        changes.add(change(k, v, b, beforeLabels.get(i)));
      }
      out.add(new KpiRow(k.key(), k.label(), k.unit().format(v), raw(now, k.key()), changes));
    }
    return out;
  }

  private static ChangeCell change(Kpi k, Double now, Double before, String beforeLabel) {
    String was = beforeLabel + ": " + k.unit().format(before);
    Unit.Change c = k.unit().change(now, before);
    if (c == null) {
      return new ChangeCell(Unit.NO_VALUE, "none", "", "no comparison", was);
    }
    String judgement = k.direction().judge(c.sign());
    String arrow = c.sign() > 0 ? "\u25b2" : c.sign() < 0 ? "\u25bc" : "=";
    String words = switch (judgement) {
      case "better" -> "better";
      case "worse" -> "worse";
      case "same" -> "no change";
      default -> c.sign() > 0 ? "up" : "down";
    };
    return new ChangeCell(c.text(), judgement, arrow, words, was);
  }

  private static List<TrendChart> charts(Map<LocalDate, Row> byDay, LocalDate day, ReportSettings s) {
    List<LocalDate> days = window(day, s);
    List<Boolean> present = days.stream().map(byDay::containsKey).toList();
    String span = " over the " + days.size() + " days to " + day.format(SHORT_DAY) + "; days without data are shaded.";
    return List.of(
        TrendChart.bars("calls", "Calls per day", "Calls per day" + span, Unit.COUNT, "calls", days, present,
            series(byDay, days, "Calls", "calls", "calls")),
        TrendChart.lines("outcomes", "Failed and dropped calls", "Failure and drop rate, percent of calls" + span,
            Unit.PERCENT, "% of calls", days, present, List.of(
                series(byDay, days, "Failed", "failed", "failure_rate_pct"),
                series(byDay, days, "Dropped", "dropped", "drop_rate_pct"))),
        TrendChart.stacked("audio-quality", "Audio quality, share of minutes",
            "Received audio minutes by quality band, percent" + span, days, present, bands(byDay, days, "audio")),
        TrendChart.stacked("video-quality", "Video quality, share of minutes",
            "Received video minutes by quality band, percent" + span, days, present, bands(byDay, days, "video")),
        TrendChart.lines("rtt", "Round-trip time, p95", "95th percentile of the streams' mean round-trip time, ms"
            + span, Unit.MS, "ms", days, present, List.of(series(byDay, days, "RTT p95", "rtt", "rtt_p95_ms"))),
        TrendChart.lines("loss", "Packet loss, p95", "95th percentile of the streams' packet loss, percent" + span,
            Unit.PERCENT, "% of packets", days, present,
            List.of(series(byDay, days, "Loss p95", "loss", "loss_p95_pct"))));
  }

  private static List<Series> bands(Map<LocalDate, Row> byDay, List<LocalDate> days, String media) {
    return List.of(series(byDay, days, "Good", "good", media + "_good_pct"),
        series(byDay, days, "Fair", "fair", media + "_fair_pct"),
        series(byDay, days, "Poor", "poor", media + "_poor_pct"));
  }

  private static Series series(Map<LocalDate, Row> byDay, List<LocalDate> days, String label, String css,
      String column) {
    return new Series(label, css, days.stream().map(d -> num(byDay.get(d), column)).toList());
  }

  /** The columns of the trend table: column, header, unit. */
  private static final String[][] TREND_COLUMNS = {{"calls", "Calls", "COUNT"},
      {"failure_rate_pct", "Failed", "PERCENT"}, {"drop_rate_pct", "Dropped", "PERCENT"},
      {"audio_good_pct", "Audio good", "PERCENT"}, {"audio_fair_pct", "Audio fair", "PERCENT"},
      {"audio_poor_pct", "Audio poor", "PERCENT"}, {"video_good_pct", "Video good", "PERCENT"},
      {"video_fair_pct", "Video fair", "PERCENT"}, {"video_poor_pct", "Video poor", "PERCENT"},
      {"rtt_p95_ms", "RTT p95", "MS"}, {"loss_p95_pct", "Loss p95", "PERCENT"}};

  private static TrendTable trendTable(Map<LocalDate, Row> byDay, LocalDate day, ReportSettings s) {
    List<String> headers = new ArrayList<>();
    for (String[] c : TREND_COLUMNS) {
      headers.add(c[1]);
    }
    List<TrendDay> rows = new ArrayList<>();
    List<LocalDate> days = new ArrayList<>(window(day, s));
    java.util.Collections.reverse(days);
    for (LocalDate d : days) {
      Row r = byDay.get(d);
      List<TrendCell> cells = new ArrayList<>();
      for (String[] c : TREND_COLUMNS) {
        cells.add(new TrendCell(c[0], r == null ? "no data" : Unit.valueOf(c[2]).format(num(r, c[0]))));
      }
      rows.add(new TrendDay(d.toString(), d.format(SHORT_DAY), cells));
    }
    return new TrendTable(headers, rows);
  }

  static List<LocalDate> window(LocalDate day, ReportSettings s) {
    List<LocalDate> days = new ArrayList<>();
    for (int i = s.trendDays() - 1; i >= 0; i--) {
      days.add(day.minusDays(i));
    }
    return days;
  }

  private static List<IssueRow> issues(Row service, List<Row> detail, ReportSettings s) {
    if (service == null) {
      return List.of();
    }
    Map<String, Long> counts = new TreeMap<>(service.getJavaMap(service.fieldIndex("issue_counts")));
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Row> byType = new HashMap<>();
    detail.forEach(r -> byType.put(r.getAs("issue_type"), r));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(s.topIssues())
        .map(e -> {
          Row r = byType.get(e.getKey());
          return new IssueRow(e.getKey(), Unit.COUNT.format(e.getValue().doubleValue()),
              Unit.PERCENT.format(total == 0 ? null : 100.0 * e.getValue() / total), count(r, "calls"),
              count(r, "critical"), count(r, "major"), count(r, "minor"));
        }).toList();
  }

  private static List<Segments> segments(List<Row> rows, ReportSettings s) {
    List<Segments> out = new ArrayList<>();
    for (String dimension : s.breakdownDimensions()) {
      List<Row> mine = rows.stream().filter(r -> dimension.equals(r.getAs("dimension")))
          .sorted(Comparator.comparing(r -> r.<Integer>getAs("rank"))).toList();
      String heading = "Worst " + DIMENSIONS.getOrDefault(dimension, dimension.replace('_', ' ') + " values");
      long ranked = mine.isEmpty() ? 0 : mine.get(0).<Long>getAs("ranked");
      List<SegmentRow> segs = mine.stream().map(r -> new SegmentRow(r.getAs("value"), count(r, "participants"),
          count(r, "calls"), pct(r, "below_fair_minutes_pct"), Unit.SCORE.format(num(r, "audio_score")),
          Unit.SCORE.format(num(r, "video_score")), pct(r, "audio_poor_pct"), pct(r, "failed_pct"),
          pct(r, "dropped_pct"), Unit.MS.format(num(r, "rtt_p95_ms")), pct(r, "loss_p95_pct"))).toList();
      out.add(new Segments(dimension, heading,
          mine.size() + " of " + ranked + " ranked segments", segs,
          "No segment had at least " + s.breakdownMinSessions() + " sessions."));
    }
    return out;
  }

  private static List<CallRow> calls(List<Row> rows, String list, boolean withDay) {
    return rows.stream().filter(r -> list.equals(r.getAs("list")))
        .sorted(Comparator.comparing(r -> r.<Integer>getAs("rank")))
        .map(r -> {
          LocalDateTime start = timestamp(r.getAs("start_ts"));
          String worst = r.getAs("worst_uc_id") == null ? Unit.NO_VALUE
              : r.getAs("worst_uc_id") + " (" + Unit.SCORE.format(num(r, "worst_score")) + ")";
          List<String> types = r.getList(r.fieldIndex("issue_types"));
          return new CallRow(r.getAs("app_id"), r.getAs("conf_id"), r.getAs("call_date").toString(),
              (withDay ? start.format(SHORT_DAY) + " " : "") + start.format(CLOCK), duration(num(r, "duration_s")),
              count(r, "participants"), r.<String>getAs("outcome").replace('_', ' '),
              r.getAs("quality_band") == null ? Unit.NO_VALUE : r.getAs("quality_band"),
              Unit.SCORE.format(num(r, "audio_score")), Unit.SCORE.format(num(r, "video_score")), worst,
              count(r, "issues"), types.isEmpty() ? "" : String.join(", ", types));
        }).toList();
  }

  static String duration(Double seconds) {
    if (seconds == null) {
      return Unit.NO_VALUE;
    }
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%d\u00a0h %02d\u00a0min", s / 3600, (s % 3600) / 60);
    }
    if (s >= 60) {
      return String.format(Locale.ROOT, "%d\u00a0min %02d\u00a0s", s / 60, s % 60);
    }
    return s + "\u00a0s";
  }

  private static LocalDateTime timestamp(Object ts) {
    if (ts instanceof java.sql.Timestamp t) {
      return LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
    }
    return LocalDateTime.ofInstant((java.time.Instant) ts, ZoneOffset.UTC);
  }

  private static Map<LocalDate, Row> byDay(List<Row> rows) {
    Map<LocalDate, Row> out = new HashMap<>();
    for (Row r : rows) {
      out.put(date(r.getAs("period_start")), r);
    }
    return out;
  }

  private static LocalDate date(Object d) {
    return d instanceof java.sql.Date sd ? sd.toLocalDate() : (LocalDate) d;
  }

  /** A numeric column of a row as a double; null if the row or the value is absent. */
  static Double num(Row r, String column) {
    if (r == null) {
      return null;
    }
    Object v = r.get(r.fieldIndex(column));
    return v == null ? null : ((Number) v).doubleValue();
  }

  /** The value exactly as the table holds it, for {@code data-value}; empty if absent. */
  private static String raw(Row r, String column) {
    if (r == null) {
      return "";
    }
    Object v = r.get(r.fieldIndex(column));
    return v == null ? "" : v.toString();
  }

  private static String count(Row r, String column) {
    return r == null ? Unit.NO_VALUE : Unit.COUNT.format(num(r, column));
  }

  private static String pct(Row r, String column) {
    return Unit.PERCENT.format(num(r, column));
  }
}
