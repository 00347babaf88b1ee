package callstats.lake.jobs.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Records every completed Spark stage (wall interval and summed task metrics) so that a step's time can be split
 * into parsing, shuffling, writing Parquet and the driver-side Delta work between stages. Lives in the driver;
 * holds one small record per stage.
 */
final class StageRecorder extends SparkListener {

  /** One completed stage. Times in ms; {@code category} is decided from the stage's RDDs and call site. */
  record Stage(int id, String name, long start, long end, int tasks, long runMs, long cpuMs, long gcMs,
      long shuffleWriteMs, long fetchWaitMs, long inputBytes, long outputBytes, long shuffleReadBytes,
      long shuffleWriteBytes, String category) {}

  private final List<Stage> stages = new ArrayList<>();

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted event) {
    StageInfo info = event.stageInfo();
    if (info.submissionTime().isEmpty() || info.completionTime().isEmpty()) {
      return;
    }
    TaskMetrics m = info.taskMetrics();
    long start = (Long) info.submissionTime().get();
    long end = (Long) info.completionTime().get();
    stages.add(new Stage(info.stageId(), info.name(), start, end, info.numTasks(), m.executorRunTime(),
        m.executorCpuTime() / 1_000_000L, m.jvmGCTime(), m.shuffleWriteMetrics().writeTime() / 1_000_000L,
        m.shuffleReadMetrics().fetchWaitTime(), m.inputMetrics().bytesRead(), m.outputMetrics().bytesWritten(),
        m.shuffleReadMetrics().totalBytesRead(), m.shuffleWriteMetrics().bytesWritten(), category(info, m)));
  }

  private static String category(StageInfo info, TaskMetrics m) {
    boolean parallelized = CollectionConverters.asJava(info.rddInfos()).stream()
        .anyMatch(r -> r.name().contains("ParallelCollectionRDD"));
    if (parallelized && info.details().contains("callstats.lake.jobs.normalise")) {
      return "parse";
    }
    if (m.outputMetrics().bytesWritten() > 0) {
      return "write";
    }
    if (info.details().contains("org.apache.spark.sql.delta") && !info.details().contains("callstats.lake.jobs")) {
      return "delta";
    }
    return "other";
  }

  /** The stages submitted in [from, to] (epoch ms), in order. */
  synchronized List<Stage> between(long from, long to) {
    return stages.stream().filter(s -> s.start() >= from && s.start() <= to)
        .sorted(Comparator.comparingLong(Stage::start)).toList();
  }

  /**
   * Where a step's time went: task slot-seconds per kind of work (parse stage without its shuffle write; shuffle
   * write plus fetch wait; write stages without their shuffle; Delta's own stages; the rest) and wall seconds when
   * no stage ran (the driver: listing, planning, Delta log reads and commits).
   */
  static Map<String, Double> breakdown(List<Stage> stages, long wallMs) {
    double parse = 0;
    double shuffle = 0;
    double write = 0;
    double delta = 0;
    double other = 0;
    double gc = 0;
    for (Stage s : stages) {
      double shuffleMs = s.shuffleWriteMs() + s.fetchWaitMs();
      shuffle += shuffleMs;
      gc += s.gcMs();
      double rest = Math.max(0, s.runMs() - shuffleMs);
      switch (s.category()) {
        case "parse" -> parse += rest;
        case "write" -> write += rest;
        case "delta" -> delta += rest;
        default -> other += rest;
      }
    }
    long busy = busyMs(stages);
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("parse_slot_s", parse / 1000);
    out.put("shuffle_slot_s", shuffle / 1000);
    out.put("write_slot_s", write / 1000);
    out.put("delta_stages_slot_s", delta / 1000);
    out.put("other_slot_s", other / 1000);
    out.put("gc_slot_s", gc / 1000);
    out.put("stages_wall_s", busy / 1000.0);
    out.put("driver_only_wall_s", Math.max(0, wallMs - busy) / 1000.0);
    return out;
  }

  /** Wall time covered by at least one running stage. */
  private static long busyMs(List<Stage> stages) {
    long busy = 0;
    long coveredTo = Long.MIN_VALUE;
    for (Stage s : stages) {
      long from = Math.max(s.start(), coveredTo);
      if (s.end() > from) {
        busy += s.end() - from;
      }
      coveredTo = Math.max(coveredTo, s.end());
    }
    return busy;
  }
}
