package callstats.lake.jobs.normalise;

import static org.apache.spark.sql.functions.col;

import callstats.lake.config.ConfigError;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.ingest.rtcstats.RtcstatsDumpReader;
import callstats.lake.jobs.normalise.Parsed.Kind;
import callstats.lake.jobs.spark.HadoopConf;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * rtcstats-server's features for a directory of dumps, written as {@code <out>/<dumpId>.json} holding
 * {@code {"features": {...}}}: the shape rtcstats-server's extractor outputs, for comparing the lake with a
 * running rtcstats-server or migrating from it. The dumps go through the machinery normalise uses (the same
 * file packing, reader and {@link callstats.lake.rtcstats.FeatureExtractor}), only without the silver
 * mapping, so the numbers are the lake's. Unlike the gold tables, addresses are written as the dump has them.
 *
 * <p>Cost: one read of each dump; the features (a few KB per dump) are streamed to the driver one partition
 * at a time and written from there, so {@code --out} may be a local directory even on a cluster.
 */
public final class RtcstatsFeaturesJob {

  private static final Logger LOG = LoggerFactory.getLogger(RtcstatsFeaturesJob.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private RtcstatsFeaturesJob() {}

  /** What a run did. */
  public record Result(long dumps, long written, long readErrors) {}

  public static Result run(SparkSession spark, IngestSettings settings, String in, String out) {
    long t0 = System.nanoTime();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<LandingFile> files = list(hadoop, in);
    List<List<LandingFile>> splits = LandingFiles.split(files, settings.splitTargetBytes(),
        spark.sparkContext().defaultParallelism());
    LOG.info("rtcstats-features: {} dumps under {} in {} tasks", files.size(), in, splits.size());
    spark.sparkContext().setJobGroup("rtcstats-features", "rtcstats-features: " + in, false);
    FileReader reader = new FileReader(settings, new HadoopConf(hadoop), Date.valueOf(LocalDate.EPOCH),
        RtcstatsDumpReader.Output.FEATURES);
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(splits, Math.max(1, splits.size()))
        .flatMap(reader::read);
    Iterator<Row> results = SparkRows.frame(spark, rows, Parsed.SCHEMA)
        .filter(col("kind").isin(Kind.FEATURES.ordinal(), Kind.FILE.ordinal()))
        .select(col("kind"), col("source_file"), col("features.dump_id"), col("features.features_json"),
            col("file.read_error"))
        .toLocalIterator();
    long written = 0;
    long readErrors = 0;
    Path outDir = new Path(out);
    while (results.hasNext()) {
      Row r = results.next();
      if (r.getInt(0) == Kind.FEATURES.ordinal()) {
        write(hadoop, new Path(outDir, r.getString(2) + ".json"), r.getString(3));
        written++;
      } else if (!r.isNullAt(4)) {
        readErrors++;
        LOG.warn("rtcstats-features: {} could not be read to its end ({}); its features cover what was read",
            r.getString(1), r.getString(4));
      }
    }
    LOG.info("rtcstats-features: wrote {} feature files to {} ({} dumps with read errors) in {} ms", written, out,
        readErrors, (System.nanoTime() - t0) / 1_000_000);
    return new Result(files.size(), written, readErrors);
  }

  private static List<LandingFile> list(Configuration hadoop, String in) {
    try {
      Path dir = new Path(in);
      if (!dir.getFileSystem(hadoop).exists(dir)) {
        throw new ConfigError("--in " + in + " does not exist; give a directory of rtcstats dumps");
      }
      return LandingFiles.listDir(hadoop, dir, LandingFiles.RTCSTATS);
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + in + ": " + e.getMessage(), e);
    }
  }

  /** Writes the features pretty-printed, as rtcstats-server's expected outputs are. */
  private static void write(Configuration hadoop, Path file, String features) {
    try {
      FileSystem fs = file.getFileSystem(hadoop);
      try (OutputStream os = fs.create(file, true)) {
        JSON.writerWithDefaultPrettyPrinter().writeValue(os, JSON.readTree(features));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }
}
