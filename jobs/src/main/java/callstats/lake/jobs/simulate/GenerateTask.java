package callstats.lake.jobs.simulate;

import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

/**
 * A generator task on Spark: opens the task's landing files on the landing zone's FileSystem and returns
 * {@link TaskRows}, which generates the task's calls lazily.
 */
final class GenerateTask implements MapPartitionsFunction<Long, Row> {

  private final SimulateSettings settings;
  /** Travels with the task (Java serialization), for the landing zone's FileSystem (S3A settings). */
  private final SerializableConfiguration hadoop;

  GenerateTask(SimulateSettings settings, SerializableConfiguration hadoop) {
    this.settings = settings;
    this.hadoop = hadoop;
  }

  @Override
  public Iterator<Row> call(Iterator<Long> callIndexes) {
    int task = TaskContext.getPartitionId();
    FileSystem fs = LandingFiles.fileSystem(settings.landing(), hadoop.value());
    LandingFiles files = new LandingFiles(fs, settings.landing(), settings.date(), task,
        settings.profile().gzipLevel());
    // A failed or killed task still closes its streams; a retry rewrites the same files.
    TaskContext.get().addTaskCompletionListener(context -> {
      if (context.isInterrupted() || context.isFailed()) {
        try {
          files.close();
        } catch (UncheckedIOException ignored) {
          // the task failed already; this is cleanup
        }
      }
    });
    return new TaskRows(settings, callIndexes, files);
  }
}
