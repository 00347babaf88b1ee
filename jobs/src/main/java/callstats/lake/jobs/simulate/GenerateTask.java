package callstats.lake.jobs.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The work of one generator task: generates the calls whose indexes it is given, writes their lines to its own
 * landing files as it goes, and returns their truth rows lazily, one call at a time, then a row per file and path.
 * Memory is one call's state and lines in flight, whatever the number of calls.
 */
final class GenerateTask implements MapPartitionsFunction<Long, Row> {

  private final SimulateSettings settings;
  private final Broadcast<SerializableConfiguration> hadoop;

  GenerateTask(SimulateSettings settings, Broadcast<SerializableConfiguration> hadoop) {
    this.settings = settings;
    this.hadoop = hadoop;
  }

  @Override
  public Iterator<Row> call(Iterator<Long> callIndexes) {
    int task = TaskContext.getPartitionId();
    FileSystem fs;
    try {
      fs = FileSystem.get(URI.create(settings.landing()), hadoop.value().value());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the landing zone " + settings.landing(), e);
    }
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
    DayGenerator generator = new DayGenerator(settings);
    return new Iterator<>() {
      private final ArrayDeque<Row> ready = new ArrayDeque<>();
      private boolean finished;

      @Override
      public boolean hasNext() {
        while (ready.isEmpty() && callIndexes.hasNext()) {
          TruthRecords.addCall(generator.call(callIndexes.next(), files), ready);
        }
        if (ready.isEmpty() && !finished) {
          finished = true;
          for (LandingFiles.FileTally tally : files.finish()) {
            TruthRecords.addFile(settings.date(), tally, ready);
          }
        }
        return !ready.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.poll();
      }
    };
  }
}
