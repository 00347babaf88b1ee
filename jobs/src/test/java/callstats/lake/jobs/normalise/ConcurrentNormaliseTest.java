package callstats.lake.jobs.normalise;

import static callstats.lake.jobs.testing.Landing.at;
import static callstats.lake.jobs.testing.Landing.body;
import static callstats.lake.jobs.testing.Landing.inboundAudio;
import static callstats.lake.jobs.testing.Landing.line;
import static org.assertj.core.api.Assertions.assertThat;

import callstats.lake.config.LakeConfig;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.jobs.testing.Landing;
import callstats.lake.jobs.testing.Tables;
import callstats.lake.table.ConcurrentWriteError;
import callstats.lake.table.TableSpec;
import callstats.lake.table.silver.Silver;
import callstats.lake.testing.TestLake;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two normalise runs of the same date at once, on the same lake (two threads of one Spark application: the
 * same Delta commit protocol as two applications on a shared file system). Every table is written with
 * {@code replaceWhere date = D}, which reads the date's partition; Delta's optimistic concurrency therefore
 * refuses the second commit of a pair that overlapped ({@code ConcurrentAppendException} or
 * {@code ConcurrentDeleteReadException}), and that run stops with {@link ConcurrentWriteError}. Whatever the
 * interleaving, at least one run succeeds and every table holds exactly the rows of one serial run: never both
 * runs' rows, never a mix. (Observed: in each of two repeats of the race, one run was refused and the other
 * completed; widen the loop to repeat it.) See docs/operations.md.
 */
class ConcurrentNormaliseTest {

  private static final LocalDate D = LocalDate.of(2026, 11, 20);
  private static final String APP = "app-1";

  @Test
  void twoRunsOfTheSameDateAtOnceLeaveTheResultOfOneRun(@TempDir Path dir) throws Exception {
    SparkSession spark = TestLake.spark();
    Landing landing = new Landing(dir.resolve("landing"));
    IngestSettings settings = IngestSettings.forTests(TestLake.HASH_KEY, List.of());
    long t = at(D, 10, 0);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      lines.add(line(APP, "c1", "uc-a", "stats", t + i * 10_050L,
          inboundAudio("alice", t + i * 10_000L, "pc1", 1, 100L * i, i, 8_000L * i)));
    }
    lines.add(line(APP, "c1", "uc-a", "events/user/alive", t, body("alice", t)));
    lines.add("not json");
    landing.write(D, 10, "a.jsonl", lines);
    landing.write(D.minusDays(1), 10, "a.jsonl", lines.subList(0, 2));

    // the reference: the day before, then the date, one run at a time
    LakeConfig reference = TestLake.config(dir.resolve("reference"), landing.root());
    NormaliseJob.run(spark, reference, settings, D.minusDays(1));
    NormaliseJob.Result alone = NormaliseJob.run(spark, reference, settings, D);

    // the tables exist already (last night's run), as they do in production
    LakeConfig lake = TestLake.config(dir.resolve("lake"), landing.root());
    NormaliseJob.run(spark, lake, settings, D.minusDays(1));

    for (int round = 0; round < 1; round++) {
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<NormaliseJob.Result>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> {
          start.await();
          return NormaliseJob.run(spark, lake, settings, D);
        }));
      }
      start.countDown();
      int succeeded = 0;
      for (Future<NormaliseJob.Result> run : runs) {
        try {
          assertThat(run.get(5, TimeUnit.MINUTES)).isEqualTo(alone);
          succeeded++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(ConcurrentWriteError.class)
              .hasMessageContaining("at the same time")
              .hasMessageContaining("where date = '" + D + "'");
        }
      }
      pool.shutdown();
      assertThat(succeeded).as("round %d: at least one run succeeds", round).isPositive();
      for (TableSpec table : Silver.ALL) {
        assertThat(Tables.contents(spark, lake.lake(), table))
            .as("round %d: %s holds the rows of one run", round, table.qualifiedName())
            .isEqualTo(Tables.contents(spark, reference.lake(), table));
      }
    }

    // and a run on its own afterwards changes nothing
    assertThat(NormaliseJob.run(spark, lake, settings, D)).isEqualTo(alone);
  }
}
