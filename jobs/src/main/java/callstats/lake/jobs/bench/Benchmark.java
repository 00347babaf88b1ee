package callstats.lake.jobs.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import callstats.lake.config.LakeConfig;
import callstats.lake.config.LakeUri;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.jobs.aggregate.AggregateJob;
import callstats.lake.jobs.normalise.NormaliseJob;
import callstats.lake.jobs.report.ReportJob;
import callstats.lake.jobs.simulate.Dialect;
import callstats.lake.jobs.simulate.SimulateJob;
import callstats.lake.jobs.simulate.SimulateSettings;
import callstats.lake.jobs.simulate.SimulatorProfile;
import callstats.lake.jobs.summarise.SummariseJob;
import callstats.lake.spark.LakeSession;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.Gold;
import callstats.lake.table.silver.Silver;
import callstats.lake.table.truth.Truth;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.delta.tables.DeltaTable;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One size of the benchmark (bench/run calls it once per size, each in its own JVM): generates a simulated day of
 * about --size-mb of raw JSON once (kept under --work and reused by later runs with the same size and seed), then
 * on that input times the naive baseline, and the nightly run (normalise, summarise, aggregate, report) step by
 * step. Checks the outputs against the simulator's truth before it reports any speed, and writes one JSON and one
 * CSV file per size into --out. Exit code 0 when every check passed, 1 otherwise.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmark one input size: naive baseline, normalise, summarise, aggregate, whole nightly run.")
public final class Benchmark implements Callable<Integer> {

  @Option(names = "--size-mb", required = true, description = "Raw (uncompressed) JSON to generate, MB")
  long sizeMb;

  @Option(names = "--mb-per-call", defaultValue = "1.5",
      description = "Raw MB per simulated call that land on the simulated date (sizing)")
  double mbPerCall;

  @Option(names = "--calls-per-task", description = "Simulator calls per task: 1 gives many small landing files")
  Integer callsPerTask;

  @Option(names = "--split-lines", description = "Cut each landing file of the day into files of this many lines: "
      + "the same lines and bytes in thousands of small files")
  Integer splitLines;

  @Option(names = "--label", description = "Name of this size in the results (default: <size-mb>mb)")
  String label;

  @Option(names = "--date", defaultValue = "2026-11-20", description = "Simulated date")
  String date;

  @Option(names = "--seed", defaultValue = "1", description = "Simulator seed")
  long seed;

  @Option(names = "--work", required = true, description = "Folder for the generated lakes (reused between runs)")
  File work;

  @Option(names = "--out", required = true, description = "Folder for the result files")
  File out;

  @Option(names = "--conf", description = "Configuration file (default: $CALLSTATS_LAKE_CONF)")
  File conf;

  @Option(names = "--baseline-runs", defaultValue = "2", description = "Runs of the baseline; the fastest counts")
  int baselineRuns;

  private final Map<String, Object> result = new LinkedHashMap<>();
  private final List<Map<String, Object>> steps = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private StageRecorder stages;
  private HeapWatch heap;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Benchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    LocalDate day = LocalDate.parse(date);
    String name = label != null ? label : sizeMb + "mb";
    long calls = Math.max(1, Math.round(sizeMb / mbPerCall));
    File confFile = conf != null ? conf : System.getenv("CALLSTATS_LAKE_CONF") == null ? null
        : new File(System.getenv("CALLSTATS_LAKE_CONF"));
    String profile = confFile == null ? "defaults" : confFile.getName().replaceFirst("\\.conf$", "");
    Path dir = work.toPath().resolve(name + "-" + profile + "-seed" + seed + "-calls" + calls
        + (callsPerTask == null ? "" : "-cpt" + callsPerTask) + (splitLines == null ? "" : "-split" + splitLines))
        .toAbsolutePath();
    LakeConfig config = LakeConfig.load(confFile, dir.resolve("lake").toString(),
        dir.resolve("lake").resolve("landing").toString(), System.getenv(), Path.of("").toAbsolutePath());
    SparkSession spark = LakeSession.create(config);
    stages = new StageRecorder();
    spark.sparkContext().addSparkListener(stages);
    heap = new HeapWatch();
    try {
      result.put("label", name);
      result.put("started", Instant.now().toString());
      result.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
          "max_heap_mb", HeapWatch.maxHeapMb(), "java", System.getProperty("java.version"),
          "spark", spark.version(), "master", spark.sparkContext().master(),
          "shuffle_partitions", spark.conf().get("spark.sql.shuffle.partitions")));
      generate(spark, config, day, calls, dir);
      Long splitFiles = split(config, day, dir);
      Expected truth = truth(spark, config, day, splitFiles);
      result.put("calls", calls);
      result.put("input_mb", truth.rawBytes / 1e6);
      result.put("input_gzip_mb", truth.gzipBytes / 1e6);
      result.put("input_files", truth.files);
      result.put("input_lines", truth.lines);
      measure(spark, config, day, dir, truth);
      result.put("checks_failed", failures);
      write(name);
      return failures.isEmpty() ? 0 : 1;
    } finally {
      heap.close();
      spark.stop();
    }
  }

  /** Simulates the day once; a marker file says the folder holds a complete generation. */
  private void generate(SparkSession spark, LakeConfig config, LocalDate day, long calls, Path dir)
      throws IOException {
    Path marker = dir.resolve("generated.json");
    if (Files.exists(marker)) {
      result.put("generated", "reused " + dir);
      return;
    }
    SimulateSettings s = new SimulateSettings(day, calls, 3, seed, SimulatorProfile.load(config, null).defaultDirt(),
        Dialect.CALLSTATS, config.landing().value(), config.lake().resolve("simulator").resolve("truth").value(),
        SimulatorProfile.load(config, callsPerTask));
    SimulateJob.Summary sim = SimulateJob.run(spark, s);
    Files.writeString(marker, mapper().writeValueAsString(sim));
    result.put("generated", String.format(Locale.ROOT, "%d calls in %.0f s", sim.calls(), sim.seconds()));
  }

  /**
   * With --split-lines, cuts the day's landing files into small ones, once (a marker file records it); returns the
   * number of files the day then has, or null without the option.
   */
  private Long split(LakeConfig config, LocalDate day, Path dir) throws IOException {
    if (splitLines == null) {
      return null;
    }
    Path marker = dir.resolve("split.json");
    long files;
    if (Files.exists(marker)) {
      files = mapper().readTree(marker.toFile()).get("files").asLong();
    } else {
      files = LandingSplitter.split(dayFolder(config, day), splitLines);
      Files.writeString(marker, mapper().writeValueAsString(Map.of("lines_per_file", splitLines, "files", files)));
    }
    result.put("split_lines_per_file", splitLines);
    return files;
  }

  private static Path dayFolder(LakeConfig config, LocalDate day) {
    return Path.of(config.landing().resolve("callstats").resolve("date=" + day).value().replaceFirst("^file:", ""));
  }

  private record Expected(long files, long lines, long rawBytes, long gzipBytes, long calls, long appDayCalls) {}

  /**
   * What the simulator wrote into the landing date D, and the calls it started on D; {@code splitFiles}, when not
   * null, is the day's number of files after the split (lines and bytes are unchanged by it).
   */
  private static Expected truth(SparkSession spark, LakeConfig config, LocalDate day, Long splitFiles)
      throws IOException {
    LakeUri truth = config.lake().resolve("simulator").resolve("truth");
    Row landed = spark.read().format("delta").load(truth.resolve(Truth.LANDING_DAYS.name()).value())
        .where(col("date").equalTo(lit(day.toString())).and(col("landing_date").equalTo(lit(day.toString()))))
        .agg(sum("files"), sum("lines"), sum("raw_bytes")).first();
    long calls = spark.read().format("delta").load(truth.resolve(Truth.CALLS.name()).value())
        .where(col("date").equalTo(lit(day.toString()))).count();
    Row appDays = spark.read().format("delta").load(truth.resolve(Truth.APP_DAYS.name()).value())
        .where(col("date").equalTo(lit(day.toString()))).agg(sum("calls")).first();
    long gzip = 0;
    try (var files = Files.walk(dayFolder(config, day))) {
      gzip = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    return new Expected(splitFiles != null ? splitFiles : landed.getLong(0), landed.getLong(1), landed.getLong(2), gzip,
        calls, appDays.getLong(0));
  }

  private void measure(SparkSession spark, LakeConfig config, LocalDate day, Path dir, Expected truth) {
    double inputMb = truth.rawBytes / 1e6;
    String naive = dir.resolve("lake").resolve("bench").resolve("naive_stats").toString();
    Map<String, Object> best = null;
    for (int i = 0; i < baselineRuns; i++) {
      Map<String, Object> run = step(spark, "baseline", inputMb, truth.lines, () -> {
        NaiveBaseline.run(spark, config.landing().value(), day, naive);
        return outputRows(spark, naive);
      });
      if (best == null || (double) run.get("seconds") < (double) best.get("seconds")) {
        best = run;
      }
    }
    steps.add(best);
    double baseline = (double) best.get("seconds");

    IngestSettings ingest = IngestSettings.from(config, System.getenv());
    long nightlyStart = System.currentTimeMillis();
    steps.add(step(spark, "normalise", inputMb, truth.lines, () -> {
      NormaliseJob.Result r = NormaliseJob.run(spark, config, ingest, day);
      check("normalise: lines read equal the lines the simulator landed", r.linesRead(), truth.lines);
      check("normalise: accepted + quarantined equal lines read", r.accepted() + r.quarantined(), r.linesRead());
      check("normalise: files read equal the files the simulator landed", r.files(), truth.files);
      return outputRows(spark, config, Silver.ALL);
    }));
    steps.add(step(spark, "summarise", inputMb, truth.lines, () -> {
      SummariseJob.Result r = SummariseJob.run(spark, config, day);
      check("summarise: calls summarised equal the calls simulated", r.calls(), truth.calls);
      return outputRows(spark, config, Gold.SUMMARIES);
    }));
    steps.add(step(spark, "aggregate", inputMb, truth.lines, () -> {
      AggregateJob.run(spark, config, day);
      long calls = DeltaTables.read(spark, Gold.DAILY_SERVICE, config.lake())
          .where(col("period_start").equalTo(lit(day.toString()))).agg(sum("calls")).first().getLong(0);
      check("aggregate: daily_service calls equal the simulator's app_days calls", calls, truth.appDayCalls);
      return outputRows(spark, config, Gold.AGGREGATES);
    }));
    steps.add(step(spark, "report", inputMb, truth.lines, () -> (long) ReportJob.run(spark, config, day, null)
        .files().size()));
    long nightlyEnd = System.currentTimeMillis();

    Map<String, Object> nightly = new LinkedHashMap<>();
    nightly.put("step", "nightly");
    nightly.put("input_mb", inputMb);
    nightly.put("rows_in", truth.lines);
    long rowsOut = steps.stream().filter(s -> !"baseline".equals(s.get("step")))
        .mapToLong(s -> (long) s.get("rows_out")).sum();
    nightly.put("rows_out", rowsOut);
    double seconds = (nightlyEnd - nightlyStart) / 1000.0;
    nightly.put("seconds", seconds);
    nightly.put("mb_per_s", inputMb / seconds);
    nightly.put("rows_per_s", rowsOut / seconds);
    nightly.put("peak_heap_used_mb", steps.stream().skip(1).mapToLong(s -> (long) s.get("peak_heap_used_mb")).max()
        .orElse(0));
    nightly.put("peak_heap_after_gc_mb", steps.stream().skip(1)
        .mapToLong(s -> (long) s.get("peak_heap_after_gc_mb")).max().orElse(0));
    nightly.put("breakdown", StageRecorder.breakdown(stages.between(nightlyStart, nightlyEnd),
        nightlyEnd - nightlyStart));
    steps.add(nightly);
    steps.add(step(spark, "write_floor", inputMb, truth.lines, () -> writeFloor(spark, config, day, dir)));
    for (Map<String, Object> s : steps) {
      s.put("time_vs_baseline", (double) s.get("seconds") / baseline);
      s.put("throughput_vs_baseline", baseline / (double) s.get("seconds"));
    }
    result.put("steps", steps);
    result.put("targets", targets());
  }

  /** Runs one step, timing it and recording its heap peaks and stage breakdown. */
  private Map<String, Object> step(SparkSession spark, String name, double inputMb, long rowsIn, Supplier<Long> body) {
    System.gc();
    heap.reset();
    spark.sparkContext().setJobGroup("bench " + name, "bench: " + name, false);
    long start = System.currentTimeMillis();
    long rowsOut = body.get();
    long end = System.currentTimeMillis();
    spark.sparkContext().clearJobGroup();
    double seconds = (end - start) / 1000.0;
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("step", name);
    s.put("input_mb", inputMb);
    s.put("rows_in", rowsIn);
    s.put("rows_out", rowsOut);
    s.put("seconds", seconds);
    s.put("mb_per_s", inputMb / seconds);
    s.put("rows_per_s", rowsOut / seconds);
    // Other processes on the machine distort the figures: the load average says whether there were any.
    s.put("load_average_1m_at_end", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage());
    s.put("peak_heap_used_mb", heap.peakUsedMb());
    s.put("peak_heap_after_gc_mb", heap.peakAfterGcMb());
    List<StageRecorder.Stage> ran = stages.between(start, end);
    s.put("stages", ran.size());
    s.put("tasks", ran.stream().mapToInt(StageRecorder.Stage::tasks).sum());
    s.put("breakdown", StageRecorder.breakdown(ran, end - start));
    s.put("stage_detail", ran.stream().map(st -> Map.of("id", st.id(), "name", st.name(), "category",
        st.category(), "wall_s", (st.end() - st.start()) / 1000.0, "run_slot_s", st.runMs() / 1000.0,
        "tasks", st.tasks(), "output_mb", st.outputBytes() / 1e6, "shuffle_write_mb", st.shuffleWriteBytes() / 1e6))
        .toList());
    System.out.printf(Locale.ROOT, "bench %s: %-9s %8.1f s  %7.1f MB/s  %,12d rows out  heap peak %5d MB "
        + "(after GC %5d MB)  load %.1f%n", result.get("label"), name, seconds, inputMb / seconds, rowsOut,
        heap.peakUsedMb(), heap.peakAfterGcMb(), s.get("load_average_1m_at_end"));
    return s;
  }

  private void check(String what, long actual, long expected) {
    boolean ok = actual == expected;
    System.out.printf(Locale.ROOT, "check %s: %s (%d, expected %d)%n", ok ? "ok" : "FAILED", what, actual,
        expected);
    if (!ok) {
      failures.add(what + ": " + actual + ", expected " + expected);
    }
  }

  /**
   * The floor of normalise: its silver rows of the day read back and written again, unchanged, one Delta table
   * each, with nothing else (no parse, no validation, no deduplication, no shuffle). No normalise that writes
   * these tables can be faster than this; when it takes more than half the baseline, normalise cannot reach
   * twice the baseline's throughput with tables of this shape. Reading the Parquet back is included, so the
   * floor slightly overstates the write alone.
   */
  private static long writeFloor(SparkSession spark, LakeConfig config, LocalDate day, Path dir) {
    long rows = 0;
    for (TableSpec t : Silver.ALL) {
      if (!DeltaTables.exists(spark, t, config.lake())) {
        continue;
      }
      String out = dir.resolve("lake").resolve("bench").resolve("floor_" + t.name()).toString();
      DeltaTables.read(spark, t, config.lake()).where(col("date").equalTo(lit(day.toString())))
          .write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true")
          .partitionBy(t.partitionBy().toArray(String[]::new)).save(out);
      rows += outputRows(spark, out);
    }
    return rows;
  }

  /** Rows written by the latest commit of each table, from the Delta log's operation metrics. */
  private static long outputRows(SparkSession spark, LakeConfig config, List<TableSpec> tables) {
    long rows = 0;
    for (TableSpec t : tables) {
      if (DeltaTables.exists(spark, t, config.lake())) {
        rows += outputRows(spark, t.location(config.lake()).value());
      }
    }
    return rows;
  }

  private static long outputRows(SparkSession spark, String path) {
    Map<String, String> m = DeltaTable.forPath(spark, path).history(1).select("operationMetrics").first()
        .getJavaMap(0);
    if (m.containsKey("numOutputRows")) {
      return Long.parseLong(m.get("numOutputRows"));
    }
    return Long.parseLong(m.getOrDefault("numTargetRowsInserted", "0"))
        + Long.parseLong(m.getOrDefault("numTargetRowsUpdated", "0"));
  }

  /** The targets that one size can decide. */
  private Map<String, Object> targets() {
    Map<String, Object> t = new LinkedHashMap<>();
    Map<String, Object> normalise = find("normalise");
    Map<String, Object> nightly = find("nightly");
    t.put("normalise_throughput_vs_baseline_at_least_2", (double) normalise.get("throughput_vs_baseline") >= 2);
    t.put("normalise_floor_within_half_the_baseline", (double) find("write_floor").get("time_vs_baseline") <= 0.5);
    t.put("nightly_time_vs_baseline_at_most_3", (double) nightly.get("time_vs_baseline") <= 3);
    t.put("peak_heap_after_gc_at_most_1024_mb", steps.stream()
        .allMatch(s -> (long) s.get("peak_heap_after_gc_mb") <= 1024));
    return t;
  }

  private Map<String, Object> find(String step) {
    return steps.stream().filter(s -> step.equals(s.get("step"))).findFirst().orElseThrow();
  }

  static final String[] CSV_COLUMNS = {"label", "step", "input_mb", "rows_in", "rows_out", "seconds", "mb_per_s",
      "rows_per_s", "time_vs_baseline", "throughput_vs_baseline", "peak_heap_used_mb", "peak_heap_after_gc_mb",
      "checks_ok"};

  private void write(String name) throws IOException {
    Files.createDirectories(out.toPath());
    Files.writeString(out.toPath().resolve(name + ".json"), mapper().writeValueAsString(result));
    try (PrintWriter w = new PrintWriter(out.toPath().resolve(name + ".csv").toFile(), StandardCharsets.UTF_8)) {
      w.println(String.join(",", CSV_COLUMNS));
      for (Map<String, Object> s : steps) {
        List<String> cells = new ArrayList<>();
        for (String c : CSV_COLUMNS) {
          Object v = switch (c) {
            case "label" -> name;
            case "checks_ok" -> failures.isEmpty();
            default -> s.get(c);
          };
          cells.add(v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(v));
        }
        w.println(String.join(",", cells));
      }
    }
  }

  private static ObjectMapper mapper() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }
}
