package callstats.lake.jobs.normalise;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import callstats.lake.config.LakeConfig;
import callstats.lake.config.LakeUri;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.ingest.QuarantineReason;
import callstats.lake.jobs.normalise.Parsed.Kind;
import callstats.lake.jobs.spark.HadoopConf;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.RtcstatsFeatureTables;
import callstats.lake.table.silver.Silver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Landing to silver for one date: lists the date's landing files of both dialects (callstats request lines
 * and rtcstats dumps), packs them into balanced tasks, parses every line once (a streaming JSON parser per
 * task, no schema inference; a dump is read in file order by one task), stages the parsed union once as
 * Parquet partitioned by kind (under {@code <lake>/_staging}, removed when the run ends; no copy of it is
 * kept in the heap), then writes each silver table, and the rtcstats feature tables computed from the same
 * decoded dumps, as one atomic {@code replaceWhere date = D} commit that reads only its kind's staged files.
 * Exact duplicates (same record id) keep their first landing (by file, line) and the others are quarantined
 * as duplicates; every line read is accounted for in {@code silver.ingest_log}.
 *
 * <p>Cost: one read of the landing files, one write of the staged union and one read of each kind of it; one
 * shuffle per table (by call, for clustering and the sample deltas); a small shuffle of one row per line for
 * deduplication. Nothing but file names, the per-file log and a count per kind is ever collected to the driver.
 */
public final class NormaliseJob {

  private static final Logger LOG = LoggerFactory.getLogger(NormaliseJob.class);
  private static final String JOB = "normalise";
  /** The lake's folder for intermediates of a run (never a table). */
  public static final String STAGING = "_staging";
  /**
   * The staged union is read once per table and then deleted, so its Parquet files skip what only pays for
   * files that are kept and queried: dictionary pages and size statistics. Every row of the union also carries
   * the null definition levels of the thirteen structs it does not fill, which is where a dictionary's hashing
   * went to waste.
   */
  private static final Map<String, String> STAGING_PARQUET = Map.of("parquet.enable.dictionary", "false",
      "parquet.size.statistics.enabled", "false");

  private NormaliseJob() {}

  /** What a run did, from the ingest log. */
  public record Result(LocalDate date, String runId, long files, long linesRead, long accepted, long quarantined,
      long duplicates) {}

  public static Result run(SparkSession spark, LakeConfig config, LocalDate date) {
    IngestSettings settings = IngestSettings.from(config, System.getenv());
    return run(spark, config, settings, date);
  }

  public static Result run(SparkSession spark, LakeConfig config, IngestSettings settings, LocalDate date) {
    long t0 = System.nanoTime();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<LandingFile> files = listFiles(hadoop, config, date);
    String runId = runId(date, files);
    Map<String, String> commit = Map.of("job", JOB, "date", date.toString(), "run_id", runId);
    List<List<LandingFile>> splits = LandingFiles.split(files, settings.splitTargetBytes(),
        spark.sparkContext().defaultParallelism());
    LOG.info("normalise {}: {} landing files in {} tasks (run {})", date, files.size(), splits.size(), runId);

    FileReader reader = new FileReader(settings, new HadoopConf(hadoop), Date.valueOf(date));
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(splits, Math.max(1, splits.size()))
        .flatMap(reader::read);
    LakeUri staging = stagingDir(config, date, runId);
    String where = "date = '" + date + "'";
    try {
      step(spark, date, "parse into " + staging);
      SparkRows.frame(spark, rows, Parsed.SCHEMA).write().options(STAGING_PARQUET).partitionBy("kind")
          .parquet(staging.value());
      Dataset<Row> parsed = spark.read().schema(Parsed.SCHEMA).parquet(staging.value());
      Map<Kind, Long> counts = countByKind(parsed);
      LOG.info("normalise {}: parsed {}", date, counts);
      Dataset<Row> lines = part(parsed, Kind.LINE);
      Dataset<Row> duplicates = duplicates(lines).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        for (TableSpec table : recordTables()) {
          step(spark, date, table.qualifiedName());
          Dataset<Row> records = part(parsed, Kind.of(table)).join(
              duplicates.select(col("source_file").as("d_file"), col("line_number").as("d_line")), joinOn(), "left_anti");
          write(spark, config, table, counts.get(Kind.of(table)), shape(table, records), where, commit);
        }
        step(spark, date, Silver.QUARANTINE.qualifiedName());
        long quarantined = counts.get(Kind.QUARANTINE) + (duplicates.isEmpty() ? 0 : 1);
        write(spark, config, Silver.QUARANTINE, quarantined, quarantine(part(parsed, Kind.QUARANTINE), duplicates, date),
            where, commit);
        step(spark, date, Silver.INGEST_LOG.qualifiedName());
        Dataset<Row> log = ingestLog(part(parsed, Kind.FILE), lines, duplicates, date, runId);
        write(spark, config, Silver.INGEST_LOG, counts.get(Kind.FILE), log, where, commit);
      } finally {
        duplicates.unpersist();
      }
    } finally {
      delete(hadoop, staging);
    }
    Result result = summarise(spark, config, date, runId);
    LOG.info("normalise {}: {} files, {} lines read, {} accepted, {} quarantined ({} duplicates) in {} s", date,
        result.files(), result.linesRead(), result.accepted(), result.quarantined(), result.duplicates(),
        (System.nanoTime() - t0) / 1_000_000_000L);
    return result;
  }

  /** The silver record tables, then the rtcstats feature tables (gold, written here: see RtcstatsFeatureTables). */
  private static List<TableSpec> recordTables() {
    List<TableSpec> tables = new ArrayList<>(Silver.RECORD_TABLES);
    tables.addAll(RtcstatsFeatureTables.ALL);
    return tables;
  }

  private static List<LandingFile> listFiles(Configuration hadoop, LakeConfig config, LocalDate date) {
    try {
      List<LandingFile> files = new ArrayList<>(LandingFiles.list(hadoop, config.landing(), LandingFiles.CALLSTATS, date));
      files.addAll(LandingFiles.list(hadoop, config.landing(), LandingFiles.RTCSTATS, date));
      if (files.isEmpty()) {
        LOG.warn("normalise {}: no landing files under {}/{{callstats,rtcstats}}/date={}", date, config.landing(), date);
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("could not list the landing zone " + config.landing() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Where this run stages its parsed union: under the lake, in a folder of its own (two runs of one date
   * never share it), removed when the run ends. A leading underscore hides it from Spark's and Delta's listings.
   */
  private static LakeUri stagingDir(LakeConfig config, LocalDate date, String runId) {
    return config.lake().resolve(STAGING).resolve(JOB + "-" + date + "-" + runId + "-" + UUID.randomUUID());
  }

  private static void delete(Configuration hadoop, LakeUri dir) {
    Path path = new Path(dir.value());
    try {
      path.getFileSystem(hadoop).delete(path, true);
    } catch (IOException e) {
      LOG.warn("normalise: could not remove the staging folder {} ({}); delete it by hand", dir, e.getMessage());
    }
  }

  /** Rows per kind of the staged union (every kind, zero when absent), from the Parquet footers. */
  private static Map<Kind, Long> countByKind(Dataset<Row> parsed) {
    Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      counts.put(k, 0L);
    }
    for (Row r : parsed.groupBy("kind").count().collectAsList()) {
      counts.put(Kind.values()[r.getInt(0)], r.getLong(1));
    }
    return counts;
  }

  /**
   * Replaces the date's rows of the table with {@code rows}, unless there is nothing to write ({@code
   * candidates}, the staged rows the table is made from, is 0) and the table has no rows for the date either:
   * then the commit (about a second on the driver) is skipped, and only the table's existence is ensured for
   * readers. A date that had rows and now has none is still replaced, by an empty commit.
   */
  private static void write(SparkSession spark, LakeConfig config, TableSpec table, long candidates,
      Dataset<Row> rows, String where, Map<String, String> commit) {
    if (candidates == 0 && !DeltaTables.hasRows(spark, table, config.lake(), where)) {
      DeltaTables.ensure(spark, table, config.lake());
      LOG.info("nothing to write to {} where {}, and nothing to replace", table.qualifiedName(), where);
      return;
    }
    DeltaTables.replaceWhere(spark, table, config.lake(), rows, where, commit);
  }

  /** The rows of one kind, with their provenance columns. */
  private static Dataset<Row> part(Dataset<Row> parsed, Kind kind) {
    return parsed.filter(col("kind").equalTo(kind.ordinal()))
        .select(col("source_file").as("_file"), col("line_number").as("_line"), col(kind.field + ".*"))
        .withColumnRenamed("_file", kind.table == null ? "source_file" : "_file")
        .withColumnRenamed("_line", kind.table == null ? "line_number" : "_line");
  }

  private static Column joinOn() {
    return col("_file").equalTo(col("d_file")).and(col("_line").equalTo(col("d_line")));
  }

  /** Accepted lines whose record id was already accepted from an earlier (file, line). */
  private static Dataset<Row> duplicates(Dataset<Row> lines) {
    WindowSpec byRecord = Window.partitionBy("record_id").orderBy("source_file", "line_number");
    return lines.filter(col("accepted"))
        .withColumn("_rank", row_number().over(byRecord))
        .withColumn("keeper_file", first("source_file").over(byRecord))
        .withColumn("keeper_line", first("line_number").over(byRecord))
        .filter(col("_rank").gt(1))
        .drop("_rank");
  }

  /** Table-specific shaping: session roll-up, sample deltas, clustering by call. */
  private static Dataset<Row> shape(TableSpec table, Dataset<Row> records) {
    if (table == Silver.SESSIONS) {
      return SessionRollup.rollUp(records);
    }
    Dataset<Row> rows = records.drop("_file", "_line");
    if (table == Silver.RTP_STREAM_SAMPLES) {
      return SampleDeltas.rtp(rows.repartition(col("app_id"), col("conf_id"), col("uc_id"), col("connection_id"))
          .sortWithinPartitions(columns(SampleDeltas.RTP_ORDER)));
    }
    if (RtcstatsFeatureTables.ALL.contains(table)) {
      return rows.repartition(1).sortWithinPartitions("app_id", "conf_id", "dump_id", "source_file");
    }
    if (table == Silver.TRANSPORT_SAMPLES) {
      return SampleDeltas.transport(rows.repartition(col("app_id"), col("conf_id"), col("uc_id"),
          col("connection_id")).sortWithinPartitions(columns(SampleDeltas.TRANSPORT_ORDER)));
    }
    return rows.repartition(col("app_id"), col("conf_id")).sortWithinPartitions("app_id", "conf_id", "source_file",
        "line_number");
  }

  private static Dataset<Row> quarantine(Dataset<Row> parsedQuarantine, Dataset<Row> duplicates, LocalDate date) {
    Dataset<Row> dup = duplicates.select(
        lit(Date.valueOf(date)).as("date"), col("dialect"), col("source_file"), col("line_number"),
        lit(QuarantineReason.DUPLICATE.code()).as("reason"),
        concat(lit("same record as "), col("keeper_file"), lit(" line "), col("keeper_line").cast("string"))
            .as("detail"),
        lit(null).cast("string").as("raw_line"), col("bytes").as("raw_bytes"), col("app_id"), col("conf_id"),
        col("uc_id"), col("source_path"), col("record_id"), col("user_id"));
    return DeltaTables.conform(Silver.QUARANTINE, parsedQuarantine.drop("_file", "_line"))
        .unionByName(DeltaTables.conform(Silver.QUARANTINE, dup))
        .repartition(col("source_file")).sortWithinPartitions("source_file", "line_number");
  }

  private static Dataset<Row> ingestLog(Dataset<Row> fileRows, Dataset<Row> lines, Dataset<Row> duplicates,
      LocalDate date, String runId) {
    Dataset<Row> perLine = lines.join(duplicates.select(col("source_file").as("d_file"), col("line_number").as("d_line"),
            lit(true).as("dup")),
        col("source_file").equalTo(col("d_file")).and(col("line_number").equalTo(col("d_line"))), "left");
    Column dup = col("dup").isNotNull();
    Dataset<Row> counts = perLine.groupBy(col("source_file").as("c_file")).agg(
        sum(when(col("accepted").and(not(dup)), 1).otherwise(0)).cast("long").as("lines_accepted"),
        sum(when(not(col("accepted")).or(dup), 1).otherwise(0)).cast("long").as("lines_quarantined"),
        sum(when(dup, 1).otherwise(0)).cast("long").as("lines_duplicate"));
    return fileRows.join(counts, col("source_file").equalTo(col("c_file")), "left")
        .select(lit(Date.valueOf(date)).as("date"), col("dialect"), col("source_file"), col("file_bytes"),
            col("lines_read"), expr("coalesce(lines_accepted, 0L)").as("lines_accepted"),
            expr("coalesce(lines_quarantined, 0L)").as("lines_quarantined"),
            expr("coalesce(lines_duplicate, 0L)").as("lines_duplicate"), col("read_error"), lit(runId).as("run_id"))
        .coalesce(1).sortWithinPartitions("source_file");
  }

  /** Totals of the run from the table it just wrote; checks that every line is accounted for. */
  private static Result summarise(SparkSession spark, LakeConfig config, LocalDate date, String runId) {
    Row t = DeltaTables.read(spark, Silver.INGEST_LOG, config.lake()).filter(col("date").equalTo(lit(Date.valueOf(date))))
        .agg(expr("count(*)"), expr("coalesce(sum(lines_read), 0L)"), expr("coalesce(sum(lines_accepted), 0L)"),
            expr("coalesce(sum(lines_quarantined), 0L)"), expr("coalesce(sum(lines_duplicate), 0L)"),
            expr("coalesce(sum(if(lines_read != lines_accepted + lines_quarantined, 1, 0)), 0L)"))
        .first();
    if (t.getLong(5) > 0) {
      throw new IllegalStateException("normalise " + date + ": " + t.getLong(5) + " files have lines neither accepted "
          + "nor quarantined; see silver.ingest_log for run " + runId);
    }
    return new Result(date, runId, t.getLong(0), t.getLong(1), t.getLong(2), t.getLong(3), t.getLong(4));
  }

  private static Column[] columns(String[] names) {
    return java.util.Arrays.stream(names).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }

  private static void step(SparkSession spark, LocalDate date, String what) {
    spark.sparkContext().setJobGroup(JOB + " " + date, JOB + " " + date + ": " + what, false);
  }

  /** A hash of the date and the landing files with their sizes: equal for re-runs over the same input. */
  static String runId(LocalDate date, List<LandingFile> files) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(date.toString().getBytes(StandardCharsets.UTF_8));
      for (LandingFile f : files) {
        md.update((f.path() + "\u0000" + f.length() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
