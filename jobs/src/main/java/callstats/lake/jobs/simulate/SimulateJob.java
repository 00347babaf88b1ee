package callstats.lake.jobs.simulate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import callstats.lake.config.LakeUri;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.truth.Truth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulates a day of WebRTC traffic: writes the landing lines of {@code calls} calls (callstats dialect) and the
 * ground truth of what was written. Three steps: (1) remove the files a previous run wrote for the date, (2)
 * generate the calls in {@link SimulateSettings#partitions()} tasks from {@code spark.range}, each writing its own
 * gzip files and returning truth rows (kept on local disk, not in memory), while a driver thread creates the truth
 * tables that do not exist yet, (3) replace the date's partition of every truth table, three at a time (two
 * aggregations, one shuffle each, for the derived ones). The driver holds no lines and no truth rows, only counts:
 * its memory does not grow with the number of calls. On a small machine the Delta commits, not the generation,
 * set the pace of a small day.
 */
public final class SimulateJob {

  private static final Logger LOG = LoggerFactory.getLogger(SimulateJob.class);

  /** What a run wrote. */
  public record Summary(long calls, long files, long lines, long rawBytes, long gzipBytes, long truthRows,
      double seconds) {}

  private SimulateJob() {}

  public static Summary run(SparkSession spark, SimulateSettings s) {
    long t0 = System.nanoTime();
    LOG.info("simulate {}: {} calls of {} apps, seed {}, dirt {}, {} tasks; landing {}, truth {}", s.date(),
        s.calls(), s.apps(), s.seed(), s.dirt(), s.partitions(), s.landing(), s.truth());
    FileSystem fs = LandingFiles.fileSystem(s.landing(), spark.sparkContext().hadoopConfiguration());
    int removed = removePreviousRun(fs, s);
    if (removed > 0) {
      LOG.info("simulate {}: removed {} landing files of a previous run", s.date(), removed);
    }

    // Creating the truth tables (the first Delta commits of a JVM are slow) overlaps the generation.
    ExecutorService writers = Executors.newFixedThreadPool(TRUTH_WRITERS);
    try {
      Future<?> created = writers.submit(() -> {
        LakeUri truth = new LakeUri(s.truth());
        for (TableSpec spec : Truth.ALL) {
          DeltaTables.ensureAt(spark, spec, truth.resolve(spec.name()));
        }
      });
      spark.sparkContext().setJobGroup("simulate-generate", "simulate " + s.date() + ": generate calls, write lines",
          false);
      Dataset<Row> records = generate(spark, s);
      long truthRows = records.count();
      LOG.info("simulate {}: generated {} calls in {} s", s.date(), s.calls(), seconds(t0, System.nanoTime()));
      await(created);
      Map<TableSpec, Dataset<Row>> tables = truthTables(records);
      writeAll(spark, s, tables, writers);
      return summarise(spark, s, fs, records, tables, truthRows, t0);
    } finally {
      writers.shutdownNow();
    }
  }

  private static Summary summarise(SparkSession spark, SimulateSettings s, FileSystem fs, Dataset<Row> records,
      Map<TableSpec, Dataset<Row>> tables, long truthRows, long t0) {
    spark.sparkContext().setJobGroup("simulate-summary", "simulate " + s.date() + ": count what was written", false);
    Row totals = tables.get(Truth.LANDING_DAYS).agg(sum(col("files")), sum(col("lines")), sum(col("raw_bytes")))
        .first();
    records.unpersist();
    spark.sparkContext().clearJobGroup();

    long gzipBytes = 0;
    for (FileStatus f : runFiles(fs, s)) {
      gzipBytes += f.getLen();
    }
    Summary summary = new Summary(s.calls(), totals.getLong(0), totals.getLong(1), totals.getLong(2), gzipBytes,
        truthRows, seconds(t0, System.nanoTime()));
    LOG.info("simulate {}: {} lines, {} MB raw, {} MB gzipped in {} files; {} truth rows; {} s in all", s.date(),
        summary.lines(), summary.rawBytes() >> 20, summary.gzipBytes() >> 20, summary.files(), truthRows,
        summary.seconds());
    return summary;
  }

  /**
   * The calls generated in tasks from {@code spark.range}: lines written as a side effect, truth rows returned and
   * kept on local disk (regenerating a lost block rewrites identical files).
   */
  static Dataset<Row> generate(SparkSession spark, SimulateSettings s) {
    SerializableConfiguration hadoop = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
    return spark.range(0, s.calls(), 1, s.partitions())
        .mapPartitions(new GenerateTask(s, hadoop), Encoders.row(TruthRecords.SCHEMA))
        .persist(StorageLevel.DISK_ONLY());
  }

  /** Every truth table from the generated records: the generated ones, and the two aggregated from them. */
  static Map<TableSpec, Dataset<Row>> truthTables(Dataset<Row> records) {
    Map<TableSpec, Dataset<Row>> tables = new LinkedHashMap<>();
    for (TableSpec spec : Truth.GENERATED) {
      tables.put(spec, TruthRecords.table(records, spec));
    }
    tables.put(Truth.LANDING_DAYS, TruthTables.landingDays(tables.get(Truth.LANDING_LINES)));
    tables.put(Truth.APP_DAYS, TruthTables.appDays(tables.get(Truth.CALLS), tables.get(Truth.PARTICIPANTS)));
    return tables;
  }

  /**
   * Writes the truth tables, a few at a time: each write is one Delta commit to its own table, mostly driver-side
   * latency (log replay, commit), so overlapping them shortens the step.
   */
  private static void writeAll(SparkSession spark, SimulateSettings s, Map<TableSpec, Dataset<Row>> tables,
      ExecutorService writers) {
    LakeUri truth = new LakeUri(s.truth());
    String where = "date = '" + s.date() + "'";
    Map<String, String> commit = new LinkedHashMap<>();
    commit.put("job", "simulate");
    commit.put("date", s.date().toString());
    commit.put("calls", Long.toString(s.calls()));
    commit.put("apps", Integer.toString(s.apps()));
    commit.put("seed", Long.toString(s.seed()));
    commit.put("dirt", Double.toString(s.dirt()));
    // The truth tables are small: few partitions for their shuffles and Delta's log replay (restored afterwards).
    Map<String, String> small = Map.of("spark.sql.shuffle.partitions", "2",
        "spark.databricks.delta.snapshotPartitions", "1");
    Map<String, String> before = new LinkedHashMap<>();
    small.forEach((k, v) -> {
      before.put(k, spark.conf().get(k, null));
      spark.conf().set(k, v);
    });
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (Map.Entry<TableSpec, Dataset<Row>> t : tables.entrySet()) {
        writes.add(writers.submit(() -> {
          spark.sparkContext().setJobGroup("simulate-truth", "simulate " + s.date() + ": write "
              + t.getKey().qualifiedName(), false);
          DeltaTables.replaceWhereAt(spark, t.getKey(), truth.resolve(t.getKey().name()), t.getValue(), where,
              commit);
          spark.sparkContext().clearJobGroup();
        }));
      }
      for (Future<?> w : writes) {
        await(w);
      }
    } finally {
      before.forEach((k, v) -> {
        if (v == null) {
          spark.conf().unset(k);
        } else {
          spark.conf().set(k, v);
        }
      });
    }
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the truth tables", e);
    }
  }

  /** Truth tables written at the same time. */
  static final int TRUTH_WRITERS = 3;

  /** Lines of a simulated date land on it and up to four days later (midnight crossings, late uploads). */
  static final int LANDING_DAYS_AFTER = 5;

  /** Deletes the landing files a previous run wrote for the simulated date, so that a re-run replaces them. */
  static int removePreviousRun(FileSystem fs, SimulateSettings s) {
    int removed = 0;
    try {
      for (FileStatus f : runFiles(fs, s)) {
        fs.delete(f.getPath(), false);
        removed++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the previous run's files under " + s.landing(), e);
    }
    return removed;
  }

  private static List<FileStatus> runFiles(FileSystem fs, SimulateSettings s) {
    List<FileStatus> out = new ArrayList<>();
    try {
      for (int d = 0; d <= LANDING_DAYS_AFTER; d++) {
        LocalDate day = s.date().plusDays(d);
        Path pattern = new Path(s.landing() + "/" + LandingFiles.DIALECT_DIR + "/date=" + day + "/hour=*/"
            + LandingFiles.PREFIX + s.date() + "-*" + LandingFiles.SUFFIX);
        FileStatus[] found = fs.globStatus(pattern);
        if (found != null) {
          out.addAll(List.of(found));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the landing zone " + s.landing(), e);
    }
    return out;
  }

  private static double seconds(long from, long to) {
    return Math.round((to - from) / 1e7) / 100.0;
  }
}
