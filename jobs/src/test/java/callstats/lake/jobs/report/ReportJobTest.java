package callstats.lake.jobs.report;

import static callstats.lake.jobs.report.ReportLake.ACME;
import static callstats.lake.jobs.report.ReportLake.ACME_GAP;
import static callstats.lake.jobs.report.ReportLake.ACME_NO_RTT;
import static callstats.lake.jobs.report.ReportLake.D;
import static callstats.lake.jobs.report.ReportLake.MONDAY;
import static callstats.lake.jobs.report.ReportLake.ZENITH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeConfig;
import callstats.lake.jobs.cli.Main;
import callstats.lake.metrics.sketch.DistinctSketch;
import callstats.lake.metrics.sketch.QuantileSketch;
import callstats.lake.testing.TestLake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report over hand-written gold rows of two apps: one app's pages show only its own rows, every shown
 * number is the table's value, the week to date is rolled up from the daily rows, missing days are gaps, and
 * a second run writes the same bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportJobTest {

  private SparkSession spark;
  private LakeConfig config;
  private ReportLake lake;
  private Path reports;
  private ReportJob.Result result;

  @BeforeAll
  void run(@TempDir Path dir) {
    spark = TestLake.spark();
    config = TestLake.config(dir.resolve("lake").toUri().toString(), dir.resolve("landing").toUri().toString(),
        Map.of("report.worst-calls", "3"));
    lake = ReportLake.seed(spark, config);
    reports = dir.resolve("lake").resolve("reports");
    result = ReportJob.run(spark, config, D, null);
  }

  private Path daily(String app) {
    return reports.resolve("app=" + app).resolve("daily").resolve(D + ".html");
  }

  private Path weekly(String app) {
    return reports.resolve("app=" + app).resolve("weekly").resolve(MONDAY + ".html");
  }

  private static Document html(Path p) throws IOException {
    return Jsoup.parse(Files.readString(p));
  }

  private static String text(Element e) {
    return e.text().replace('\u00a0', ' ');
  }

  private static String kpi(Document doc, String key) {
    return text(doc.selectFirst("[data-kpi=" + key + "]"));
  }

  @Test
  void writesADailyAWeeklyAndAnIndexPagePerApp() {
    assertThat(result.apps()).containsExactly(ACME, ZENITH);
    for (String app : List.of(ACME, ZENITH)) {
      assertThat(daily(app)).isRegularFile();
      assertThat(weekly(app)).isRegularFile();
      assertThat(reports.resolve("app=" + app).resolve("index.html")).isRegularFile();
    }
    assertThat(result.files()).hasSize(6);
  }

  @Test
  void anAppsPagesNeverShowAnotherAppsRows() throws IOException {
    List<String> zenith = List.of("zenith", "zen-c1", "zen-c2", "Opera", "Zenithnet", "ZW", "video_freeze", "50,273");
    List<String> acme = List.of("acme", "acme-c1", "Chrome", "Deutsche Telekom", "high_loss", "1,273");
    for (Path p : List.of(daily(ACME), weekly(ACME), reports.resolve("app=acme/index.html"))) {
      String page = Files.readString(p);
      zenith.forEach(z -> assertThat(page).as(p + " shows zenith's " + z).doesNotContain(z));
    }
    for (Path p : List.of(daily(ZENITH), weekly(ZENITH), reports.resolve("app=zenith/index.html"))) {
      String page = Files.readString(p);
      acme.forEach(a -> assertThat(page).as(p + " shows acme's " + a).doesNotContain(a));
    }
  }

  @Test
  void headlineNumbersAreTheDailyServiceValuesWithTheirChanges() throws IOException {
    Document doc = html(daily(ACME));
    Map<String, Object> today = lake.service.get(ACME).get(D);
    Map<String, Object> yesterday = lake.service.get(ACME).get(D.minusDays(1));
    Map<String, Object> lastWeek = lake.service.get(ACME).get(D.minusDays(7));
    for (Kpi k : Kpi.HEADLINE) {
      Element cell = doc.selectFirst("[data-kpi=" + k.key() + "]");
      Double value = number(today.get(k.key()));
      assertThat(cell.attr("data-value")).as(k.key()).isEqualTo(today.get(k.key()).toString());
      assertThat(text(cell)).as(k.key()).isEqualTo(k.unit().format(value).replace('\u00a0', ' '));
      List<Element> changes = cell.parent().select("td.change");
      assertThat(changes).hasSize(2);
      assertThat(text(changes.get(0))).as(k.key()).contains(
          k.unit().change(value, number(yesterday.get(k.key()))).text().replace('\u00a0', ' '));
      assertThat(text(changes.get(1))).as(k.key()).contains(
          k.unit().change(value, number(lastWeek.get(k.key()))).text().replace('\u00a0', ' '));
    }
    // calls 1000 + 7 * 39, against 1266 the day before and 1224 a week before
    assertThat(kpi(doc, "calls")).isEqualTo("1,273");
    assertThat(text(doc.selectFirst("[data-kpi=calls]").parent().select("td.change").get(0)))
        .isEqualTo("\u25b2 +0.6 % up");
    // 14 failed of 1273 (1.099764 %), against 13 of 1266 the day before (1.026856 %): worse
    assertThat(kpi(doc, "failure_rate_pct")).isEqualTo("1.1 %");
    Element failed = doc.selectFirst("[data-kpi=failure_rate_pct]").parent().select("td.change").get(0);
    assertThat(text(failed)).isEqualTo("\u25b2 +0.1 pp worse");
    assertThat(failed.hasClass("worse")).isTrue();
    // 5 + 39 % 3 = 5 dropped, against 7 of 1266 the day before: better
    Element dropped = doc.selectFirst("[data-kpi=drop_rate_pct]").parent().select("td.change").get(0);
    assertThat(text(dropped)).isEqualTo("\u25bc \u22120.2 pp better");
    assertThat(dropped.hasClass("better")).isTrue();
    assertThat(kpi(doc, "participant_minutes")).isEqualTo("5,729 min");
    assertThat(kpi(doc, "feedback_mean")).isEqualTo("4.00 / 5");
  }

  @Test
  void theWeekToDateIsRolledUpFromTheDailyRowsAndComparedWithTheSameDaysBefore() throws IOException {
    Document doc = html(weekly(ACME));
    List<Map<String, Object>> week = days(MONDAY, D);
    List<Map<String, Object>> before = days(MONDAY.minusDays(7), D.minusDays(7));
    long calls = sum(week, "calls");
    assertThat(doc.selectFirst("[data-kpi=calls]").attr("data-value")).isEqualTo(Long.toString(calls));
    assertThat(kpi(doc, "calls")).isEqualTo(Unit.COUNT.format((double) calls).replace('\u00a0', ' '));
    assertThat(Double.parseDouble(doc.selectFirst("[data-kpi=failure_rate_pct]").attr("data-value")))
        .isEqualTo(ReportLake.pct(sum(week, "calls_failed"), calls));
    assertThat(Long.parseLong(doc.selectFirst("[data-kpi=distinct_users]").attr("data-value")))
        .isEqualTo(DistinctSketch.estimate(DistinctSketch.union(week.stream()
            .map(r -> (byte[]) r.get("users_sketch")).toList())));
    QuantileSketch rtt = QuantileSketch.empty();
    week.forEach(r -> rtt.merge(QuantileSketch.fromBytes((byte[]) r.get("rtt_sketch"))));
    assertThat(Double.parseDouble(doc.selectFirst("[data-kpi=rtt_p95_ms]").attr("data-value")))
        .isEqualTo(rtt.quantile(0.95));
    Element change = doc.selectFirst("[data-kpi=calls]").parent().selectFirst("td.change");
    assertThat(text(change)).contains(Unit.COUNT.change((double) calls, (double) sum(before, "calls")).text()
        .replace('\u00a0', ' '));
    assertThat(doc.select("thead th").eachText()).contains("vs same days last week (Mon 16 Nov to Wed 18 Nov)");
    assertThat(text(doc.selectFirst(".period"))).isEqualTo("Week 48 of 2026, Mon 23 Nov to Wed 25 Nov (week to date)");
  }

  @Test
  void trendsShowTheLast30DaysWithGapsForMissingDays() throws IOException {
    Document doc = html(daily(ACME));
    List<Element> rows = doc.select("table.trend tbody tr");
    assertThat(rows).hasSize(30);
    assertThat(rows.get(0).attr("data-day")).isEqualTo(D.toString());
    assertThat(rows.get(29).attr("data-day")).isEqualTo(D.minusDays(29).toString());
    for (Element r : rows) {
      LocalDate day = LocalDate.parse(r.attr("data-day"));
      Map<String, Object> v = lake.service.get(ACME).get(day);
      String calls = text(r.selectFirst("[data-trend=calls]"));
      String rtt = text(r.selectFirst("[data-trend=rtt_p95_ms]"));
      if (day.equals(ACME_GAP)) {
        assertThat(calls).isEqualTo("no data");
      } else {
        assertThat(calls).isEqualTo(Unit.COUNT.format(number(v.get("calls"))));
        assertThat(rtt).isEqualTo(Unit.MS.format(number(v.get("rtt_p95_ms"))).replace('\u00a0', ' '));
      }
    }
    // the day without a row is shaded, not drawn as a zero bar; the RTT line breaks at both missing values
    Element calls = doc.selectFirst("#chart-calls svg");
    assertThat(calls.select("rect.calls")).hasSize(29);
    assertThat(calls.select("rect.nodata")).hasSize(1);
    assertThat(calls.selectFirst("rect.nodata title").text()).isEqualTo("Sun 15 Nov: no data");
    String rttPath = doc.selectFirst("#chart-rtt path.line").attr("d");
    assertThat(rttPath.split("M", -1)).hasSize(4);
    assertThat(doc.select("#chart-rtt circle")).hasSize(28);
    assertThat(doc.select("#chart-rtt circle title").eachText())
        .noneMatch(t -> t.startsWith(ACME_NO_RTT.format(Pages.SHORT_DAY)));
    for (Element svg : doc.select("svg")) {
      assertThat(svg.selectFirst("title").text()).isNotBlank();
      assertThat(svg.selectFirst("desc").text()).isNotBlank();
    }
  }

  @Test
  void breakdownsRankTheDaysSegmentsWithEnoughSessionsWorstFirst() throws IOException {
    Document doc = html(daily(ACME));
    assertThat(segments(doc, "browser")).containsExactly("Safari", "Firefox", "Chrome", "Brave");
    assertThat(segments(doc, "country")).containsExactly("FR", "US", "DE");
    assertThat(segments(doc, "isp")).containsExactly("AT&T <Mobility>", "Deutsche Telekom");
    assertThat(doc.select("[data-dimension=os]")).isEmpty();
    Element safari = doc.selectFirst("[data-dimension=browser] tr[data-segment=Safari]");
    assertThat(text(safari.selectFirst("[data-col=below_fair]"))).isEqualTo("12.3 %");
    assertThat(text(safari.selectFirst("[data-col=audio_score]"))).isEqualTo("3.70");
    assertThat(text(safari.selectFirst("[data-col=sessions]"))).isEqualTo("60");
    String page = Files.readString(daily(ACME));
    assertThat(page).contains("AT&amp;T &lt;Mobility&gt;").doesNotContain("AT&T <Mobility>").doesNotContain("Vivaldi");
  }

  @Test
  void topIssuesAreTheIssueCountsWithTheirCallsAndSeverities() throws IOException {
    Document doc = html(daily(ACME));
    List<Element> rows = doc.select("table.issues tbody tr");
    assertThat(rows.stream().map(r -> r.attr("data-issue")).toList())
        .containsExactly("high_loss", "ice_failure", "high_rtt");
    assertThat(rows.get(0).select("td").eachText()).containsExactly("3", "50.0 %", "2", "0", "2", "1");
    assertThat(rows.get(1).select("td").eachText()).containsExactly("2", "33.3 %", "1", "2", "0", "0");
    Document week = html(weekly(ACME));
    assertThat(week.select("table.issues tbody tr").stream()
        .map(r -> r.attr("data-issue") + "=" + r.selectFirst("[data-col=count]").text()).toList())
        .containsExactly("high_loss=4", "high_jitter=2", "ice_failure=2", "high_rtt=1");
  }

  @Test
  void worstCallsNameTheirConferenceAndApp() throws IOException {
    Document doc = html(daily(ACME));
    List<Element> tables = doc.select("table.worst");
    assertThat(confIds(tables.get(0))).containsExactly("acme-c1", "acme-c2", "acme-c6");
    assertThat(confIds(tables.get(1))).containsExactly("acme-c5", "acme-c6", "acme-c7");
    Element first = tables.get(0).selectFirst("tbody tr");
    assertThat(first.select("td").get(0).text()).isEqualTo(ACME);
    assertThat(text(first.select("td").get(1))).isEqualTo("09:15");
    assertThat(text(first.select("td").get(2))).isEqualTo("12 min 34 s");
    assertThat(text(first.selectFirst("[data-col=audio_score]"))).isEqualTo("3.10");
    Document week = html(weekly(ACME));
    List<Element> weekTables = week.select("table.worst");
    assertThat(confIds(weekTables.get(0))).containsExactly("acme-t1", "acme-c1", "acme-c2");
    assertThat(confIds(weekTables.get(1))).containsExactly("acme-t2", "acme-c5", "acme-c6");
    assertThat(Files.readString(weekly(ACME))).doesNotContain("acme-old1");
  }

  @Test
  void theIndexLinksTheAppsPages() throws IOException {
    Document index = html(reports.resolve("app=acme/index.html"));
    assertThat(index.select("a").eachAttr("href")).containsExactly("weekly/" + MONDAY + ".html",
        "daily/" + D + ".html");
  }

  @Test
  void aSecondRunWritesTheSameBytesAndOneAppAloneTouchesOnlyItsPages() throws IOException {
    byte[] acmeBefore = Files.readAllBytes(daily(ACME));
    byte[] weekBefore = Files.readAllBytes(weekly(ACME));
    long zenithModified = Files.getLastModifiedTime(daily(ZENITH)).toMillis();
    ReportJob.Result again = ReportJob.run(spark, config, D, ACME);
    assertThat(again.apps()).containsExactly(ACME);
    assertThat(Files.readAllBytes(daily(ACME))).isEqualTo(acmeBefore);
    assertThat(Files.readAllBytes(weekly(ACME))).isEqualTo(weekBefore);
    assertThat(Files.getLastModifiedTime(daily(ZENITH)).toMillis()).isEqualTo(zenithModified);
    try (var files = Files.list(daily(ACME).getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(D + ".html");
    }
  }

  @Test
  void anAppWithoutRowsIsAUsageError() {
    assertThatThrownBy(() -> ReportJob.run(spark, config, D, "nobody"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("no rows for app 'nobody' from 2026-11-23 to 2026-11-25");
    assertThat(Main.execute("report", "--date", "2026-11-31", "--lake", "/tmp/none")).isEqualTo(Main.EXIT_USAGE);
    assertThat(Main.execute("report", "--date", "2026-11-25", "--app", " ", "--lake", "/tmp/none"))
        .isEqualTo(Main.EXIT_USAGE);
  }

  private List<Map<String, Object>> days(LocalDate first, LocalDate last) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      out.add(lake.service.get(ACME).get(d));
    }
    return out;
  }

  private static long sum(List<Map<String, Object>> rows, String column) {
    return rows.stream().mapToLong(r -> (Long) r.get(column)).sum();
  }

  private static Double number(Object v) {
    return v == null ? null : ((Number) v).doubleValue();
  }

  private static List<String> segments(Document doc, String dimension) {
    return doc.select("[data-dimension=" + dimension + "] tbody tr").eachAttr("data-segment");
  }

  private static List<String> confIds(Element table) {
    return table.select("tbody tr").eachAttr("data-conf-id");
  }
}
