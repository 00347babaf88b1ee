package callstats.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TableWritersTest {

  @Test
  void oneWriterRunsTheWritesInOrderOnTheCallingThread() {
    List<String> seen = new ArrayList<>();
    Thread caller = Thread.currentThread();
    TableWriters.run(1, List.of(() -> seen.add("a " + (Thread.currentThread() == caller)),
        () -> seen.add("b " + (Thread.currentThread() == caller))));
    assertThat(seen).containsExactly("a true", "b true");
  }

  @Test
  void runsEveryWriteAtMostWritersAtOnce() {
    AtomicInteger now = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Set<Integer> done = ConcurrentHashMap.newKeySet();
    CountDownLatch threeStarted = new CountDownLatch(3);
    List<Runnable> writes = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int table = i;
      writes.add(() -> {
        most.accumulateAndGet(now.incrementAndGet(), Math::max);
        threeStarted.countDown();
        await(threeStarted); // the first three wait for each other: three run at once
        sleep(5);
        now.decrementAndGet();
        done.add(table);
      });
    }

    TableWriters.run(3, writes);

    assertThat(done).hasSize(12);
    assertThat(most.get()).isEqualTo(3);
  }

  @Test
  void afterAFailureNoWriteStartsAndTheFirstFailureIsThrownWithTheOthersSuppressed() {
    CountDownLatch bothStarted = new CountDownLatch(2);
    AtomicInteger started = new AtomicInteger();
    List<Runnable> writes = new ArrayList<>();
    writes.add(() -> {
      started.incrementAndGet();
      bothStarted.countDown();
      await(bothStarted);
      throw new IllegalStateException("first table failed");
    });
    writes.add(() -> {
      started.incrementAndGet();
      bothStarted.countDown();
      await(bothStarted);
      sleep(200); // still running when the first fails: it is not interrupted, and fails later
      throw new IllegalArgumentException("second table failed");
    });
    for (int i = 0; i < 5; i++) {
      writes.add(started::incrementAndGet);
    }

    Throwable thrown = catchThrowable(() -> TableWriters.run(2, writes));

    assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("first table failed");
    assertThat(thrown.getSuppressed()).hasSize(1);
    assertThat(thrown.getSuppressed()[0]).hasMessage("second table failed");
    assertThat(started.get()).as("writes started").isEqualTo(2);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
