package callstats.lake.jobs.maintain;

import static org.apache.spark.sql.functions.col;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeConfig;
import callstats.lake.jobs.LakeTables;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.Gold;
import io.delta.tables.DeltaOptimizeBuilder;
import io.delta.tables.DeltaTable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the lake's tables fast and its storage bounded: for every existing table of
 * {@link LakeTables#all()} (optionally one layer), {@code OPTIMIZE} compacts small files into large ones,
 * Z-ordered by the columns the table declares ({@link TableSpec#zOrderBy()}), then {@code VACUUM} deletes
 * the files no version within the retention references.
 *
 * <p>Cost: OPTIMIZE reads and rewrites the data of the partitions it touches (Z-order rewrites all of them,
 * compaction only partitions with several files); a date range limits it to those dates of each table's date
 * partition (landing date in silver, call date in gold). VACUUM lists every file of the table, whatever the
 * range. Neither changes what a query returns; both are ordinary Delta commits, so running maintain while no
 * job writes is safe to repeat.
 */
public final class MaintainJob {

  private static final Logger LOG = LoggerFactory.getLogger(MaintainJob.class);

  /** The partition column of the rollup tables (daily, weekly, monthly periods). */
  static final String PERIOD_START = "period_start";

  private static final String RETENTION_CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";
  private static final String VACUUM_LOGGING = "spark.databricks.delta.vacuum.logging.enabled";
  private static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

  private MaintainJob() {}

  /** Which tables and partitions: an optional layer, an optional inclusive date range. */
  public record Scope(Optional<String> layer, Optional<LocalDate> from, Optional<LocalDate> to) {

    public static final Scope EVERYTHING = new Scope(Optional.empty(), Optional.empty(), Optional.empty());

    public Scope {
      if (from.isPresent() != to.isPresent()) {
        throw new ConfigError("a date range needs both --from and --to");
      }
      if (from.isPresent() && to.get().isBefore(from.get())) {
        throw new ConfigError("--to " + to.get() + " is before --from " + from.get());
      }
      TreeSet<String> layers = new TreeSet<>(LakeTables.all().stream().map(TableSpec::layer).toList());
      if (layer.isPresent() && !layers.contains(layer.get())) {
        throw new ConfigError("--layer must be one of " + layers + ", cannot be: " + layer.get());
      }
    }

    public static Scope of(String layer, LocalDate from, LocalDate to) {
      return new Scope(Optional.ofNullable(layer), Optional.ofNullable(from), Optional.ofNullable(to));
    }

    List<TableSpec> tables() {
      return LakeTables.all().stream().filter(t -> layer.isEmpty() || layer.get().equals(t.layer())).toList();
    }

    /**
     * The partition predicate for a table: the range on its date partition column (landing {@code date} in
     * silver, {@code call_date} in gold summaries, {@code day} or {@code period_start} in aggregates), or empty
     * for the whole table when no range is given or the table has no date partition. A rollup partition
     * (week, month) starts before the range yet holds some of its days, so {@code period_start} reaches back
     * to the Monday or the first of the month of the range's first day, whichever is earlier.
     */
    Optional<String> predicate(TableSpec table) {
      Optional<String> column = datePartition(table);
      if (from.isEmpty() || column.isEmpty()) {
        return Optional.empty();
      }
      String c = column.get();
      LocalDate first = PERIOD_START.equals(c) ? periodStartCovering(from.get()) : from.get();
      return Optional.of(c + " >= '" + first + "' AND " + c + " <= '" + to.get() + "'");
    }
  }

  /**
   * The start of the table's period (its ISO week, its month, else the day itself) that contains
   * {@code firstKept}: every earlier period ends before {@code firstKept}, so it can be expired whole.
   */
  static LocalDate firstPeriodKept(TableSpec table, LocalDate firstKept) {
    if (table == Gold.WEEKLY_SERVICE) {
      return firstKept.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
    if (table == Gold.MONTHLY_SERVICE) {
      return firstKept.withDayOfMonth(1);
    }
    return firstKept;
  }

  /** The earliest start of a day, ISO week or calendar month that contains {@code day}. */
  static LocalDate periodStartCovering(LocalDate day) {
    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate firstOfMonth = day.withDayOfMonth(1);
    return monday.isBefore(firstOfMonth) ? monday : firstOfMonth;
  }

  /** The first partition column of type DATE, if any. */
  static Optional<String> datePartition(TableSpec table) {
    return table.partitionBy().stream()
        .filter(p -> table.schema().apply(p).dataType().equals(DataTypes.DateType))
        .findFirst();
  }

  /**
   * What maintain did to one table; counts are -1 when the step did not run or did not report.
   * {@code rowsExpired} are the rows of date partitions older than the layer's retention, deleted.
   */
  public record TableResult(TableSpec table, boolean exists, long rowsExpired, long filesRemoved, long filesAdded,
      List<String> zOrderBy, long filesDeleted, long millis) {}

  /** Maintains the tables of the scope, with retention counted back from today (UTC). */
  public static List<TableResult> run(SparkSession spark, LakeConfig config, MaintainSettings settings, Scope scope) {
    return run(spark, config, settings, scope, LocalDate.now(ZoneOffset.UTC));
  }

  /**
   * Expires the landing zone's old dates (when the scope is not limited to a layer), then for each table of
   * the scope: expires its old date partitions, OPTIMIZE, VACUUM. Retention counts back from {@code asOf}.
   */
  public static List<TableResult> run(SparkSession spark, LakeConfig config, MaintainSettings settings, Scope scope,
      LocalDate asOf) {
    if (scope.layer().isEmpty()) {
      LandingRetention.expire(spark.sparkContext().hadoopConfiguration(), config.landing(),
          Retention.firstKept(settings.retention().landingDays(), asOf));
      if (settings.vacuum()) {
        LandingRetention.removeStaleStaging(spark.sparkContext().hadoopConfiguration(), config.lake(),
            settings.vacuumRetentionHours());
      }
    }
    List<TableResult> results = new ArrayList<>();
    RuntimeConfig conf = spark.conf();
    Map<String, String> saved = new HashMap<>();
    for (String key : List.of(RETENTION_CHECK, VACUUM_LOGGING, USER_METADATA)) {
      saved.put(key, conf.contains(key) ? conf.get(key) : null);
    }
    conf.set(USER_METADATA, DeltaTables.userMetadata(Map.of("job", "maintain")));
    conf.set(VACUUM_LOGGING, "true");
    if (settings.vacuum() && settings.shortRetention()) {
      conf.set(RETENTION_CHECK, "false");
    }
    try {
      for (TableSpec table : scope.tables()) {
        results.add(maintain(spark, config, settings, scope, table, asOf));
      }
    } finally {
      saved.forEach((k, v) -> {
        if (v == null) {
          conf.unset(k);
        } else {
          conf.set(k, v);
        }
      });
      spark.sparkContext().clearJobGroup();
    }
    return results;
  }

  private static TableResult maintain(SparkSession spark, LakeConfig config, MaintainSettings settings, Scope scope,
      TableSpec table, LocalDate asOf) {
    long t0 = System.nanoTime();
    if (!DeltaTables.exists(spark, table, config.lake())) {
      LOG.info("maintain {}: not written yet, skipped", table.qualifiedName());
      return new TableResult(table, false, -1, -1, -1, List.of(), -1, 0);
    }
    String path = table.location(config.lake()).value();
    long expired = expire(spark, path, table, Retention.firstKept(settings.retention().days(table), asOf));
    Optional<String> predicate = scope.predicate(table);
    List<String> zOrder = settings.zOrder() ? table.zOrderBy() : List.of();
    long removed = -1;
    long added = -1;
    if (settings.optimize()) {
      spark.sparkContext().setJobGroup("maintain", "OPTIMIZE " + table.qualifiedName(), false);
      DeltaOptimizeBuilder optimize = DeltaTable.forPath(spark, path).optimize();
      if (predicate.isPresent()) {
        optimize = optimize.where(predicate.get());
      }
      Dataset<Row> report = zOrder.isEmpty()
          ? optimize.executeCompaction() : optimize.executeZOrderBy(zOrder.toArray(String[]::new));
      Row metrics = report.select(col("metrics.numFilesRemoved"), col("metrics.numFilesAdded")).first();
      removed = metrics.getLong(0);
      added = metrics.getLong(1);
    }
    long deleted = -1;
    if (settings.vacuum()) {
      spark.sparkContext().setJobGroup("maintain", "VACUUM " + table.qualifiedName(), false);
      DeltaTable delta = DeltaTable.forPath(spark, path);
      delta.vacuum(settings.vacuumRetentionHours());
      deleted = deletedFiles(delta);
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    String optimized = !settings.optimize() ? "OPTIMIZE off"
        : "OPTIMIZE " + (zOrder.isEmpty() ? "compaction" : "Z-order by " + String.join(", ", zOrder))
            + predicate.map(p -> " where " + p).orElse(" of the whole table") + ": " + removed + " files removed, "
            + added + " added";
    String vacuumed = !settings.vacuum() ? "VACUUM off"
        : "VACUUM retaining " + settings.vacuumRetentionHours() + " h: " + deleted + " files deleted";
    String retained = expired < 0 ? "no retention" : expired + " expired rows deleted";
    LOG.info("maintain {}: {}; {}; {}; {} ms", table.qualifiedName(), retained, optimized, vacuumed, millis);
    return new TableResult(table, true, expired, removed, added, zOrder, deleted, millis);
  }

  /**
   * Deletes the rows of the table's date partitions before {@code firstKept} (for rollups: the periods that
   * end before it), in one Delta commit, none when there are no such rows. Returns the rows deleted, or -1
   * when the table keeps everything or has no date partition.
   */
  static long expire(SparkSession spark, String path, TableSpec table, Optional<LocalDate> firstKept) {
    Optional<String> column = datePartition(table);
    if (firstKept.isEmpty() || column.isEmpty()) {
      return -1;
    }
    String c = column.get();
    LocalDate bound = firstPeriodKept(table, firstKept.get());
    String predicate = c + " < DATE'" + bound + "'";
    spark.sparkContext().setJobGroup("maintain", "expire " + table.qualifiedName() + " where " + predicate, false);
    DeltaTable delta = DeltaTable.forPath(spark, path);
    long rows = delta.toDF().where(predicate).count();
    if (rows > 0) {
      delta.delete(predicate);
    }
    return rows;
  }

  /** Files the last VACUUM deleted, from the metrics of its {@code VACUUM END} commit; -1 if not recorded. */
  private static long deletedFiles(DeltaTable delta) {
    for (Row commit : delta.history(2).select(col("operation"), col("operationMetrics")).collectAsList()) {
      if ("VACUUM END".equals(commit.getString(0))) {
        Map<String, String> metrics = commit.getJavaMap(1);
        String n = metrics == null ? null : metrics.get("numDeletedFiles");
        return n == null ? -1 : Long.parseLong(n);
      }
    }
    return -1;
  }
}
