package callstats.lake.jobs.simulate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import callstats.lake.config.LakeUri;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.truth.Truth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.broadcast.Broadcast;
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
 * ground truth of what was written. Read-transform-write in three steps: (1) remove the files a previous run wrote
 * for the date, (2) generate the calls in {@link SimulateSettings#partitions()} tasks from {@code spark.range},
 * each writing its own gzip files and returning truth rows (kept on local disk, not in memory), (3) replace the
 * date's partition of every truth table (two aggregations for the derived ones). The driver holds no lines and
 * no truth rows, only counts: its memory does not grow with the number of calls.
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
    FileSystem fs = fileSystem(spark, s.landing());
    int removed = removePreviousRun(fs, s);
    if (removed > 0) {
      LOG.info("simulate {}: removed {} landing files of a previous run", s.date(), removed);
    }

    spark.sparkContext().setJobGroup("simulate-generate", "simulate " + s.date() + ": generate calls, write lines",
        false);
    Broadcast<SerializableConfiguration> hadoop = SerializableConfiguration.broadcast(spark.sparkContext());
    Dataset<Row> records = spark.range(0, s.calls(), 1, s.partitions())
        .mapPartitions(new GenerateTask(s, hadoop), Encoders.row(TruthRecords.SCHEMA))
        .persist(StorageLevel.DISK_ONLY());
    long truthRows = records.count();
    long t1 = System.nanoTime();
    LOG.info("simulate {}: generated {} calls in {} s", s.date(), s.calls(), seconds(t0, t1));

    spark.sparkContext().setJobGroup("simulate-truth", "simulate " + s.date() + ": write truth tables", false);
    LakeUri truth = new LakeUri(s.truth());
    String where = "date = '" + s.date() + "'";
    Map<String, String> commit = new LinkedHashMap<>();
    commit.put("job", "simulate");
    commit.put("date", s.date().toString());
    commit.put("calls", Long.toString(s.calls()));
    commit.put("apps", Integer.toString(s.apps()));
    commit.put("seed", Long.toString(s.seed()));
    commit.put("dirt", Double.toString(s.dirt()));
    for (TableSpec spec : Truth.GENERATED) {
      DeltaTables.replaceWhereAt(spark, spec, truth.resolve(spec.name()), TruthRecords.table(records, spec), where,
          commit);
    }
    Dataset<Row> landingDays = TruthTables.landingDays(TruthRecords.table(records, Truth.LANDING_LINES));
    DeltaTables.replaceWhereAt(spark, Truth.LANDING_DAYS, truth.resolve(Truth.LANDING_DAYS.name()), landingDays,
        where, commit);
    DeltaTables.replaceWhereAt(spark, Truth.APP_DAYS, truth.resolve(Truth.APP_DAYS.name()),
        TruthTables.appDays(TruthRecords.table(records, Truth.CALLS),
            TruthRecords.table(records, Truth.PARTICIPANTS)), where, commit);
    Row totals = landingDays.agg(sum(col("files")), sum(col("lines")), sum(col("raw_bytes"))).first();
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

  private static java.util.List<FileStatus> runFiles(FileSystem fs, SimulateSettings s) {
    java.util.List<FileStatus> out = new java.util.ArrayList<>();
    try {
      for (int d = 0; d <= LANDING_DAYS_AFTER; d++) {
        LocalDate day = s.date().plusDays(d);
        Path pattern = new Path(s.landing() + "/" + LandingFiles.DIALECT_DIR + "/date=" + day + "/hour=*/"
            + LandingFiles.PREFIX + s.date() + "-*" + LandingFiles.SUFFIX);
        FileStatus[] found = fs.globStatus(pattern);
        if (found != null) {
          out.addAll(java.util.List.of(found));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the landing zone " + s.landing(), e);
    }
    return out;
  }

  private static FileSystem fileSystem(SparkSession spark, String uri) {
    try {
      return FileSystem.get(URI.create(uri), spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + uri, e);
    }
  }

  private static double seconds(long from, long to) {
    return Math.round((to - from) / 1e7) / 100.0;
  }
}
