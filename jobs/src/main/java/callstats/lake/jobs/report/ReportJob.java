package callstats.lake.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeConfig;
import callstats.lake.config.LakeUri;
import callstats.lake.jobs.aggregate.Rollups;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.gold.Gold;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service-level report of a day: per app, an HTML page of the day, a page of its ISO week to date and an
 * index of the app's pages, under {@code <lake>/reports/app=<app>/}. Everything shown is read from the gold
 * tables: {@code daily_service} (the week to date is rolled up from it by the aggregate job's own rollup),
 * {@code daily_breakdown}, {@code issues} and {@code call_summary}. Pages of different apps never share a row.
 * Re-running a day rewrites that day's and that week's pages with the same bytes, given the same tables.
 *
 * <p>Cost: reads one day of the breakdown, one week of issues and call summaries and a month of daily_service;
 * small shuffles per app. The driver collects only what the pages show: per app, the trend days, two rollup
 * rows and a bounded number of segments, issue types and calls ({@link ReportSettings}).
 */
public final class ReportJob {

  private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);
  private static final String JOB = "report";

  /** What a run wrote. */
  public record Result(List<String> apps, List<String> files) {}

  private ReportJob() {}

  /**
   * Writes the pages of {@code day} for every app with service rows in its week to date, or for {@code app}
   * alone (then it is a usage error if that app has none).
   */
  public static Result run(SparkSession spark, LakeConfig config, LocalDate day, String app) {
    long t0 = System.nanoTime();
    ReportSettings settings = ReportSettings.from(config);
    LakeUri lake = config.lake();
    LocalDate monday = Pages.weekStart(day);
    // the trend window, and at least the day before and the same weekday a week before
    LocalDate from = day.minusDays(Math.max(settings.trendDays(), 8) - 1L);

    step(spark, day, "apps");
    Dataset<Row> service = DeltaTables.readOrEmpty(spark, Gold.DAILY_SERVICE, lake);
    if (app != null) {
      service = service.where(col("app_id").equalTo(lit(app)));
    }
    Dataset<Row> apps = service.where(between("period_start", monday, day)).select("app_id").distinct();
    List<String> appIds = apps.orderBy("app_id").collectAsList().stream().map(r -> r.getString(0)).toList();
    if (appIds.isEmpty()) {
      if (app != null) {
        throw new ConfigError("gold.daily_service has no rows for app '" + app + "' from " + monday + " to " + day
            + "; check the app id, or run aggregate for these dates first");
      }
      LOG.warn("report {}: gold.daily_service has no rows from {} to {}; nothing written", day, monday, day);
      return new Result(List.of(), List.of());
    }
    Dataset<Row> scoped = service.join(apps, seq("app_id"), "left_semi");

    step(spark, day, "service rows and week rollups");
    Map<String, List<Row>> days = byApp(scoped.where(between("period_start", from, day))
        .select(ReportQueries.serviceColumns()).orderBy("app_id", "period_start"));
    Rollups.registerFunctions(spark);
    Map<String, List<Row>> week = byApp(Rollups.rollUp(scoped, monday, day).select(ReportQueries.serviceColumns()));
    Map<String, List<Row>> previousWeek = byApp(Rollups.rollUp(scoped, monday.minusDays(7), day.minusDays(7))
        .select(ReportQueries.serviceColumns()));

    step(spark, day, "worst segments");
    Map<String, List<Row>> segments = byApp(ReportQueries.worstSegments(settings,
        DeltaTables.readOrEmpty(spark, Gold.DAILY_BREAKDOWN, lake).where(col("day").equalTo(lit(Date.valueOf(day))))
            .join(apps, seq("app_id"), "left_semi")));

    step(spark, day, "issues");
    Dataset<Row> issues = DeltaTables.readOrEmpty(spark, Gold.ISSUES, lake).where(between("call_date", monday, day))
        .join(apps, seq("app_id"), "left_semi");
    Map<String, List<Row>> dayIssues = byApp(ReportQueries.issueDetail(
        issues.where(col("call_date").equalTo(lit(Date.valueOf(day))))));
    Map<String, List<Row>> weekIssues = byApp(ReportQueries.issueDetail(issues));

    step(spark, day, "worst calls");
    Dataset<Row> calls = DeltaTables.readOrEmpty(spark, Gold.CALL_SUMMARY, lake)
        .where(between("call_date", monday, day)).join(apps, seq("app_id"), "left_semi");
    Map<String, List<Row>> dayCalls = byApp(ReportQueries.worstCalls(settings.worstCalls(),
        calls.where(col("call_date").equalTo(lit(Date.valueOf(day))))));
    Map<String, List<Row>> weekCalls = byApp(ReportQueries.worstCalls(settings.worstCalls(), calls));

    step(spark, day, "write pages");
    ReportTemplates templates = new ReportTemplates();
    List<String> files = new java.util.ArrayList<>();
    try (FileSystem fs = ReportFiles.open(lake, spark.sparkContext().hadoopConfiguration())) {
      for (String a : appIds) {
        AppData data = new AppData(a, days.getOrDefault(a, List.of()), first(week, a), first(previousWeek, a),
            segments.getOrDefault(a, List.of()), dayIssues.getOrDefault(a, List.of()),
            weekIssues.getOrDefault(a, List.of()), dayCalls.getOrDefault(a, List.of()),
            weekCalls.getOrDefault(a, List.of()));
        Path dir = ReportFiles.appDir(lake, a);
        Path daily = ReportFiles.dailyPage(dir, day);
        Path weekly = ReportFiles.weeklyPage(dir, monday);
        ReportFiles.write(fs, daily, templates.page(Pages.daily(data, day, settings)));
        ReportFiles.write(fs, weekly, templates.page(Pages.weekly(data, day, settings)));
        Path index = new Path(dir, ReportFiles.INDEX);
        ReportFiles.write(fs, index, templates.index(ReportFiles.index(fs, dir, a)));
        files.addAll(List.of(daily.toString(), weekly.toString(), index.toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the report of " + day + " under " + lake + "/reports failed", e);
    }
    LOG.info("report {}: {} apps, {} files in {} ms", day, appIds.size(), files.size(),
        (System.nanoTime() - t0) / 1_000_000);
    return new Result(appIds, files);
  }

  private static org.apache.spark.sql.Column between(String column, LocalDate first, LocalDate last) {
    return col(column).between(lit(Date.valueOf(first)), lit(Date.valueOf(last)));
  }

  /** Collects the (small) result and groups its rows by app, keeping their order. */
  private static Map<String, List<Row>> byApp(Dataset<Row> rows) {
    Map<String, List<Row>> out = new LinkedHashMap<>();
    for (Row r : rows.collectAsList()) {
      out.computeIfAbsent(r.getAs("app_id"), k -> new java.util.ArrayList<>()).add(r);
    }
    return out;
  }

  private static Row first(Map<String, List<Row>> rows, String app) {
    List<Row> r = rows.get(app);
    return r == null || r.isEmpty() ? null : r.get(0);
  }

  private static scala.collection.immutable.Seq<String> seq(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }

  private static void step(SparkSession spark, LocalDate day, String what) {
    spark.sparkContext().setJobGroup(JOB + " " + day, JOB + " " + day + ": " + what, false);
  }
}
