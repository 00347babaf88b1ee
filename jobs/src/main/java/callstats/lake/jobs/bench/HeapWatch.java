package callstats.lake.jobs.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The peak heap of this JVM (the driver; in local mode the executors run in it too), per measured step: the
 * highest heap in use sampled every 100 ms, and the highest heap still in use after a garbage collection, which is
 * the live data and what a smaller -Xmx would have to hold.
 */
final class HeapWatch implements AutoCloseable {

  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final Thread sampler;
  private final NotificationListener listener = (n, hb) -> {
    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
      long after = 0;
      for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
        if (isHeap(e.getKey())) {
          after += e.getValue().getUsed();
        }
      }
      long a = after;
      peakAfterGc.accumulateAndGet(a, Math::max);
    }
  };

  HeapWatch() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
    }
    sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        peakUsed.accumulateAndGet(heap.getUsed(), Math::max);
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  private static boolean isHeap(String pool) {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .anyMatch(p -> p.getName().equals(pool) && p.getType() == java.lang.management.MemoryType.HEAP);
  }

  void reset() {
    peakUsed.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    peakAfterGc.set(0);
  }

  long peakUsedMb() {
    return peakUsed.get() >> 20;
  }

  long peakAfterGcMb() {
    return peakAfterGc.get() >> 20;
  }

  static long maxHeapMb() {
    return Runtime.getRuntime().maxMemory() >> 20;
  }

  @Override
  public void close() {
    sampler.interrupt();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      try {
        ((NotificationEmitter) gc).removeNotificationListener(listener);
      } catch (javax.management.ListenerNotFoundException e) {
        // already removed
      }
    }
  }
}
