package callstats.lake.jobs.simulate;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.LongStream;
import org.apache.spark.sql.Row;

/**
 * The work of one generator task as an iterator of truth records: generates the calls whose indexes it is given,
 * one at a time, writing their lines to the task's landing files as it goes, then closes the files and adds a
 * record per file and path. Memory is one call's state, whatever the number of calls.
 */
final class TaskRows implements Iterator<Row> {

  private final SimulateSettings settings;
  private final Iterator<Long> callIndexes;
  private final LandingFiles files;
  private final DayGenerator generator;
  private final ArrayDeque<Row> ready = new ArrayDeque<>();
  private boolean finished;

  TaskRows(SimulateSettings settings, Iterator<Long> callIndexes, LandingFiles files) {
    this.settings = settings;
    this.callIndexes = callIndexes;
    this.files = files;
    this.generator = new DayGenerator(settings);
  }

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

  /** The call indexes of task {@code task} of {@code tasks}: the slices {@code spark.range(0, calls, 1, tasks)} makes. */
  static Iterator<Long> slice(long calls, int tasks, int task) {
    BigInteger n = BigInteger.valueOf(calls);
    BigInteger p = BigInteger.valueOf(tasks);
    long from = BigInteger.valueOf(task).multiply(n).divide(p).longValue();
    long to = BigInteger.valueOf(task + 1L).multiply(n).divide(p).longValue();
    return LongStream.range(from, to).boxed().iterator();
  }
}
