package callstats.lake.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import callstats.lake.config.LakeUri;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.gold.Gold;
import callstats.lake.testing.TestLake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the demo runs the whole pipeline and leaves a lake with the day's calls. */
class DemoCommandTest {

  @Test
  void theDemoFillsTheLakeWithTheSimulatedCalls(@TempDir Path dir) {
    SparkSession spark = TestLake.spark();
    Path lake = dir.resolve("lake");
    int exit = Main.execute("demo", "--lake", lake.toString(), "--landing", lake.resolve("landing").toString(),
        "--date", "2026-11-10", "--days", "1", "--calls", "12");

    assertThat(exit).isZero();
    long calls = DeltaTables.read(spark, Gold.DAILY_SERVICE, new LakeUri(lake.toUri().toString()))
        .where(col("period_start").equalTo(lit(LocalDate.of(2026, 11, 10)))).agg(sum("calls")).first().getLong(0);
    assertThat(calls).isEqualTo(12);
    assertThat(lake.resolve("reports")).isDirectory();
    assertThat(Files.exists(lake.resolve("simulator").resolve("truth").resolve("calls"))).isTrue();
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertThat(Main.execute("demo", "--days", "0")).isEqualTo(Main.EXIT_USAGE);
    assertThat(Main.execute("demo", "--date", "yesterday")).isEqualTo(Main.EXIT_USAGE);
  }
}
