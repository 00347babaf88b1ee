package callstats.lake.jobs.report;

import callstats.lake.config.LakeConfig;
import callstats.lake.metrics.sketch.DistinctSketch;
import callstats.lake.metrics.sketch.QuantileSketch;
import callstats.lake.table.ColumnDef;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.Gold;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * A lake whose gold tables hold hand-written rows of known values for two apps, acme and zenith, whose values
 * never overlap: 40 days of daily_service (acme misses one day and one day's RTT), the breakdown of the report
 * date, and a handful of calls and issues in the report's week and the week before.
 */
final class ReportLake {

  /** The report date, a Wednesday; its ISO week starts on {@link #MONDAY}. */
  static final LocalDate D = LocalDate.of(2026, 11, 25);
  static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
  static final String ACME = "acme";
  static final String ZENITH = "zenith";
  /** acme has no daily_service row on this day. */
  static final LocalDate ACME_GAP = D.minusDays(10);
  /** acme's row of this day has no RTT percentiles. */
  static final LocalDate ACME_NO_RTT = D.minusDays(3);
  static final int DAYS = 40;

  /** The seeded daily_service rows per app and day, as column maps. */
  final Map<String, Map<LocalDate, Map<String, Object>>> service = new TreeMap<>();

  static ReportLake seed(SparkSession spark, LakeConfig config) {
    ReportLake lake = new ReportLake();
    lake.write(spark, config);
    return lake;
  }

  private void write(SparkSession spark, LakeConfig config) {
    List<Row> daily = new ArrayList<>();
    for (String app : List.of(ACME, ZENITH)) {
      for (int i = 0; i < DAYS; i++) {
        LocalDate day = D.minusDays(DAYS - 1L - i);
        if (app.equals(ACME) && day.equals(ACME_GAP)) {
          continue;
        }
        Map<String, Object> v = serviceRow(app, i, day);
        service.computeIfAbsent(app, a -> new TreeMap<>()).put(day, v);
        daily.add(row(Gold.DAILY_SERVICE, v));
      }
    }
    save(spark, config, Gold.DAILY_SERVICE, daily);
    save(spark, config, Gold.DAILY_BREAKDOWN, breakdown());
    save(spark, config, Gold.CALL_SUMMARY, calls());
    save(spark, config, Gold.ISSUES, issues());
  }

  private static Map<String, Object> serviceRow(String app, int i, LocalDate day) {
    boolean acme = app.equals(ACME);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("period_start", Date.valueOf(day));
    v.put("period_end", Date.valueOf(day));
    v.put("app_id", app);
    v.put("days", 1L);
    long calls = acme ? 1000 + 7L * i : 50_000 + 13L * i;
    long failed = acme ? 10 + i % 5 : 400 + i % 7;
    long dropped = acme ? 5 + i % 3 : 90 + i % 4;
    long partial = acme ? 2 : 30;
    v.put("calls", calls);
    v.put("calls_successful", calls - failed - dropped - partial);
    v.put("calls_partially_failed", partial);
    v.put("calls_failed", failed);
    v.put("calls_dropped", dropped);
    v.put("success_rate_pct", pct(calls - failed - dropped - partial, calls));
    v.put("partial_failure_rate_pct", pct(partial, calls));
    v.put("failure_rate_pct", pct(failed, calls));
    v.put("drop_rate_pct", pct(dropped, calls));
    long participants = acme ? calls * 3 : calls * 2;
    v.put("participants", participants);
    List<String> users = new ArrayList<>();
    for (int k = 0; k < (acme ? 60 : 200); k++) {
      users.add((acme ? "acme-u" : "zen-u") + (acme ? i + k : 2 * i + k));
    }
    v.put("distinct_users", (long) users.size());
    v.put("users_sketch", DistinctSketch.of(users));
    v.put("participant_minutes", acme ? calls * 4.5 : calls * 3.25);
    sketch(v, "setup_", "_ms", acme ? List.of(200.0 + i, 300.0 + i, 400.0 + 2 * i, 900.0 + 10 * i)
        : List.of(150.0, 180.0, 5000.0 + i));
    if (!(acme && day.equals(ACME_NO_RTT))) {
      sketch(v, "rtt_", "_ms", acme ? List.of(40.0 + i, 80.0 + i, 120.0 + 2 * i, 300.0 + 3 * i)
          : List.of(20.0, 25.0, 700.0 + i));
    }
    sketch(v, "loss_", "_pct", acme ? List.of(0.1, 0.5, 1.0 + i * 0.1, 4.0 + i * 0.05) : List.of(0.0, 0.2, 9.5));
    bands(v, "audio", acme ? new long[] {800 + i, 100, 20 + i % 4} : new long[] {5000, 600, 333});
    bands(v, "video", acme ? new long[] {400, 80 + i, 15} : new long[] {2000, 300, 111});
    long ratings = acme ? 20 : 50;
    long sum = acme ? 80 - i % 3 : 150;
    v.put("feedback_count", ratings);
    v.put("feedback_sum", sum);
    v.put("feedback_mean", round6((double) sum / ratings));
    Map<String, Long> issues = new TreeMap<>();
    if (!acme) {
      issues.put("video_freeze", 5L);
    } else if (day.equals(D)) {
      issues.putAll(Map.of("high_loss", 3L, "high_rtt", 1L, "ice_failure", 2L));
    } else if (day.equals(D.minusDays(1))) {
      issues.put("high_jitter", 2L);
    } else if (day.equals(MONDAY)) {
      issues.put("high_loss", 1L);
    } else if (i % 4 > 0) {
      issues.put("high_loss", (long) (i % 4));
    }
    v.put("issue_counts", scalaMap(issues));
    v.put("issues", issues.values().stream().mapToLong(Long::longValue).sum());
    return v;
  }

  private static void sketch(Map<String, Object> v, String prefix, String unit, List<Double> values) {
    QuantileSketch s = QuantileSketch.of(values);
    v.put(prefix + "sketch", s.toBytes());
    v.put(prefix + "p50" + unit, s.quantile(0.5));
    v.put(prefix + "p95" + unit, s.quantile(0.95));
  }

  private static void bands(Map<String, Object> v, String media, long[] minutes) {
    long total = minutes[0] + minutes[1] + minutes[2];
    String[] names = {"good", "fair", "poor"};
    for (int b = 0; b < 3; b++) {
      v.put(media + "_minutes_" + names[b], minutes[b]);
      v.put(media + "_" + names[b] + "_pct", pct(minutes[b], total));
    }
  }

  private static List<Row> breakdown() {
    List<Row> out = new ArrayList<>();
    Object[][] segments = {
        // app, day, dimension, value, sessions, calls, below fair %, audio score
        {ACME, D, "browser", "Chrome", 400L, 150L, 3.2, 4.1},
        {ACME, D, "browser", "Firefox", 120L, 60L, 7.5, 3.9},
        {ACME, D, "browser", "Safari", 60L, 30L, 12.25, 3.7},
        {ACME, D, "browser", "Edge", 8L, 4L, 50.0, 2.0},
        {ACME, D, "browser", "other", 500L, 200L, 20.0, 3.0},
        {ACME, D, "browser", "Brave", 25L, 10L, null, 3.5},
        {ACME, D, "country", "DE", 300L, 120L, 7.0, 3.95},
        {ACME, D, "country", "US", 200L, 90L, 9.5, 3.8},
        {ACME, D, "country", "FR", 30L, 12L, 9.5, 3.6},
        {ACME, D, "isp", "AT&T <Mobility>", 50L, 20L, 15.0, 3.4},
        {ACME, D, "isp", "Deutsche Telekom", 200L, 80L, 5.0, 4.0},
        {ACME, D, "os", "Plan 9", 200L, 80L, 80.0, 1.5},
        {ACME, D.minusDays(1), "browser", "Vivaldi", 100L, 50L, 99.0, 1.0},
        {ZENITH, D, "browser", "Opera", 300L, 100L, 9.9, 3.3},
        {ZENITH, D, "country", "ZW", 100L, 40L, 8.0, 3.5},
        {ZENITH, D, "isp", "Zenithnet", 100L, 40L, 6.0, 3.6}};
    for (Object[] s : segments) {
      Map<String, Object> v = new HashMap<>();
      v.put("day", Date.valueOf((LocalDate) s[1]));
      v.put("app_id", s[0]);
      v.put("dimension", s[2]);
      v.put("value", s[3]);
      v.put("participants", s[4]);
      v.put("calls", s[5]);
      v.put("participant_minutes", (Long) s[4] * 6.0);
      v.put("below_fair_minutes_pct", s[6]);
      v.put("audio_score", s[7]);
      v.put("video_score", 3.25);
      v.put("audio_poor_pct", 4.5);
      v.put("failed_pct", 1.5);
      v.put("dropped_pct", 0.75);
      v.put("rtt_p95_ms", 250.0);
      v.put("loss_p95_pct", 2.5);
      v.put("issues", 3L);
      out.add(row(Gold.DAILY_BREAKDOWN, v));
    }
    return out;
  }

  private static List<Row> calls() {
    Object[][] calls = {
        // app, day, conf id, hour, outcome, band, audio score, worst score, participants, issue types
        {ACME, D, "acme-c1", 9, "successful", "poor", 3.1, 2.2, 4L, List.of("high_loss", "high_rtt")},
        {ACME, D, "acme-c2", 10, "successful", "poor", 3.4, 2.9, 2L, List.of("high_loss")},
        {ACME, D, "acme-c3", 11, "successful", "fair", 3.8, 3.65, 2L, List.of()},
        {ACME, D, "acme-c4", 12, "successful", "good", 4.2, 4.1, 2L, List.of()},
        {ACME, D, "acme-c5", 13, "failed", null, null, null, 2L, List.of("ice_failure")},
        {ACME, D, "acme-c6", 14, "dropped", "fair", 3.7, 3.62, 3L, List.of()},
        {ACME, D, "acme-c7", 15, "partially_failed", "good", 4.3, 4.0, 5L, List.of()},
        {ACME, D.minusDays(1), "acme-t1", 8, "successful", "poor", 2.5, 1.9, 2L, List.of("high_jitter")},
        {ACME, D.minusDays(1), "acme-t2", 9, "failed", null, null, null, 6L, List.of()},
        {ACME, D.minusDays(7), "acme-old1", 9, "failed", "poor", 1.2, 1.0, 9L, List.of()},
        {ZENITH, D, "zen-c1", 9, "successful", "poor", 2.0, 1.5, 2L, List.of("video_freeze")},
        {ZENITH, D, "zen-c2", 10, "failed", null, null, null, 2L, List.of()}};
    List<Row> out = new ArrayList<>();
    for (Object[] c : calls) {
      LocalDate day = (LocalDate) c[1];
      Map<String, Object> v = new HashMap<>();
      Timestamp start = Timestamp.from(day.atTime((Integer) c[3], 15, 30).toInstant(ZoneOffset.UTC));
      v.put("call_date", Date.valueOf(day));
      v.put("app_id", c[0]);
      v.put("conf_id", c[2]);
      v.put("start_ts", start);
      v.put("end_ts", new Timestamp(start.getTime() + 754_000));
      v.put("duration_s", 754.0);
      v.put("participants", c[8]);
      v.put("users", c[8]);
      v.put("max_concurrent", c[8]);
      v.put("participant_minutes", 20.0);
      v.put("outcome", c[4]);
      v.put("quality_band", c[5]);
      v.put("audio_score", c[6]);
      v.put("video_score", c[6] == null ? null : 3.5);
      v.put("worst_uc_id", c[7] == null ? null : c[2] + "-uc1");
      v.put("worst_score", c[7]);
      @SuppressWarnings("unchecked")
      List<String> types = (List<String>) c[9];
      v.put("issues", (long) types.size());
      v.put("issue_types", scalaSeq(types));
      v.put("model_version", "test");
      out.add(row(Gold.CALL_SUMMARY, v));
    }
    return out;
  }

  private static List<Row> issues() {
    Object[][] issues = {
        // app, day, conf id, type, severity
        {ACME, D, "acme-c1", "high_loss", "major"}, {ACME, D, "acme-c1", "high_loss", "minor"},
        {ACME, D, "acme-c2", "high_loss", "major"}, {ACME, D, "acme-c1", "high_rtt", "minor"},
        {ACME, D, "acme-c5", "ice_failure", "critical"}, {ACME, D, "acme-c5", "ice_failure", "critical"},
        {ACME, D.minusDays(1), "acme-t1", "high_jitter", "major"},
        {ACME, D.minusDays(1), "acme-t1", "high_jitter", "major"},
        {ACME, MONDAY, "acme-m1", "high_loss", "minor"},
        {ZENITH, D, "zen-c1", "video_freeze", "major"}, {ZENITH, D, "zen-c1", "video_freeze", "major"},
        {ZENITH, D, "zen-c1", "video_freeze", "major"}, {ZENITH, D, "zen-c1", "video_freeze", "major"},
        {ZENITH, D, "zen-c1", "video_freeze", "major"}};
    List<Row> out = new ArrayList<>();
    for (int n = 0; n < issues.length; n++) {
      Object[] x = issues[n];
      Map<String, Object> v = new HashMap<>();
      v.put("call_date", Date.valueOf((LocalDate) x[1]));
      v.put("app_id", x[0]);
      v.put("conf_id", x[2]);
      v.put("issue_id", "issue-" + n);
      v.put("level", "stream");
      v.put("issue_type", x[3]);
      v.put("severity", x[4]);
      out.add(row(Gold.ISSUES, v));
    }
    return out;
  }

  /** A row of the table's declared shape: given values, else 0 / empty for required columns, else null. */
  static Row row(TableSpec spec, Map<String, Object> values) {
    for (String k : values.keySet()) {
      if (!spec.columnNames().contains(k)) {
        throw new IllegalArgumentException(spec + " has no column " + k);
      }
    }
    Object[] out = new Object[spec.width()];
    for (ColumnDef c : spec.columns()) {
      Object v = values.get(c.column());
      out[c.ordinal()] = v != null || c.nullable() ? v : zero(spec, c);
    }
    return RowFactory.create(out);
  }

  private static Object zero(TableSpec spec, ColumnDef c) {
    DataType t = c.type();
    if (t.equals(DataTypes.LongType)) {
      return 0L;
    }
    if (t.equals(DataTypes.DoubleType)) {
      return 0.0;
    }
    if (t instanceof org.apache.spark.sql.types.MapType) {
      return scalaMap(Map.of());
    }
    if (t instanceof org.apache.spark.sql.types.ArrayType) {
      return scalaSeq(List.of());
    }
    throw new IllegalArgumentException(spec + "." + c.column() + " is required; give it a value");
  }

  private static void save(SparkSession spark, LakeConfig config, TableSpec spec, List<Row> rows) {
    DeltaTables.append(spark, spec, config.lake(), spark.createDataFrame(rows, spec.schema()), Map.of("job", "test"));
  }

  static Double pct(long part, long whole) {
    return round6(100.0 * part / whole);
  }

  static Double round6(double v) {
    return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).doubleValue();
  }

  private static scala.collection.Map<String, Long> scalaMap(Map<String, Long> m) {
    return scala.jdk.javaapi.CollectionConverters.asScala(new TreeMap<>(m));
  }

  private static scala.collection.immutable.Seq<String> scalaSeq(List<String> values) {
    return scala.jdk.javaapi.CollectionConverters.asScala(values).toList();
  }
}
