package callstats.lake.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a job's independent table writes a few at a time from the driver. Every write is still one Delta commit
 * of one table, so what each table holds and what a reader can see of it do not change; only the order of the
 * commits between tables does. With tiny inputs most of a write is driver work (planning, reading the Delta log,
 * the commit) that leaves the cores idle: writing tables together lets one table's tasks use them.
 *
 * <p>Spark's job description and job group are per thread; each write sets its own. After the first failure no
 * further write starts; the ones running finish (a commit is never interrupted), and the failure is thrown with
 * any later ones suppressed.
 */
public final class TableWriters {

  private static final AtomicInteger POOLS = new AtomicInteger();

  private TableWriters() {}

  /** Runs every write, at most {@code writers} at once; with 1, one after another on this thread. */
  public static void run(int writers, List<Runnable> writes) {
    if (writers <= 1 || writes.size() <= 1) {
      writes.forEach(Runnable::run);
      return;
    }
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(Math.min(writers, writes.size()), r -> {
      Thread t = new Thread(r, "table-writer-" + pool + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    AtomicReference<Throwable> failed = new AtomicReference<>();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Runnable write : writes) {
        running.add(executor.submit(() -> {
          if (failed.get() == null) {
            try {
              write.run();
            } catch (RuntimeException | Error e) {
              failed.compareAndSet(null, e);
              throw e;
            }
          }
        }));
      }
      Throwable first = null;
      for (Future<?> f : running) {
        Throwable t = outcome(f);
        if (t != null && first == null) {
          first = failed.get();
        }
        if (t != null && t != first) {
          first.addSuppressed(t);
        }
      }
      if (first instanceof RuntimeException e) {
        throw e;
      }
      if (first instanceof Error e) {
        throw e;
      }
    } finally {
      executor.shutdown();
    }
  }

  /** What a write threw, or null. */
  private static Throwable outcome(Future<?> f) {
    try {
      f.get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for table writes", e);
    }
  }
}
