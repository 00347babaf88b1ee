package callstats.lake.jobs.faults;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A job of the command line ({@code callstats.lake.jobs.cli.Main}) in a JVM of its own, on the test's classpath
 * and with the test's JVM flags, so that it can be killed with SIGKILL as a driver is in production. Its
 * configuration is the test session's ({@link callstats.lake.testing.TestLake#sparkOverrides}); its output
 * goes to a log file per run.
 */
final class ChildJob {

  static final String HASH_KEY_ENV = "CALLSTATS_LAKE_HASH_KEY";
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final long POLL_MS = 10;
  private static final int SIGKILL_EXIT = 128 + 9;

  private final Path dir;
  private final Path conf;
  private final Path lake;
  private final Path landing;
  private final String hashKey;
  private int runs;

  /** A killed run: where it was killed, after how long, and its log. */
  record Kill(String job, KillPoint point, long afterMs, Path log) {
    @Override
    public String toString() {
      return job + " killed " + point + " after " + afterMs + " ms";
    }
  }

  ChildJob(Path dir, Map<String, String> overrides, Path lake, Path landing, String hashKey) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.lake = lake;
    this.landing = landing;
    this.hashKey = hashKey;
    List<String> lines = new ArrayList<>();
    overrides.forEach((k, v) -> lines.add("callstats-lake." + k + " = \"" + v + "\""));
    lines.add("callstats-lake.spark.settings.\"spark.local.dir\" = \"" + dir.resolve("spark-local") + "\"");
    lines.add("callstats-lake.spark.settings.\"spark.driver.host\" = \"127.0.0.1\"");
    this.conf = Files.write(dir.resolve("child.conf"), lines);
  }

  /**
   * Runs {@code job --date date} and kills it (SIGKILL) as soon as {@code point} is reached. Fails if the job ends
   * before that, so a kill point that is never seen cannot pass unnoticed.
   */
  Kill killAt(String job, LocalDate date, KillPoint point) throws IOException, InterruptedException {
    Path log = dir.resolve(String.format("%02d-%s.log", ++runs, job));
    point.arm(lake);
    ProcessBuilder pb = new ProcessBuilder(command(job, date)).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().keySet().removeAll(List.of("LAKE_URI", "LANDING_URI", "CALLSTATS_LAKE_CONF"));
    pb.environment().put(HASH_KEY_ENV, hashKey);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    long t0 = System.nanoTime();
    Process p = pb.start();
    try {
      while (!point.reached()) {
        if (!p.isAlive()) {
          fail("%s ended (exit %d) before it could be killed %s; kill earlier or give it more input. Log:%n%s", job,
              p.exitValue(), point, tail(log));
        }
        if (System.nanoTime() - t0 > TIMEOUT.toNanos()) {
          fail("%s did not reach '%s' within %s. Log:%n%s", job, point, TIMEOUT, tail(log));
        }
        Thread.sleep(POLL_MS);
      }
      p.destroyForcibly();
      int exit = p.waitFor();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (exit != SIGKILL_EXIT) {
        fail("%s ended by itself (exit %d) just as it reached '%s'; the kill did not interrupt it. Log:%n%s", job,
            exit, point, tail(log));
      }
      return new Kill(job, point, ms, log);
    } finally {
      p.destroyForcibly();
      p.waitFor();
    }
  }

  private List<String> command(String job, LocalDate date) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // the module openings and JVM switches surefire gave this JVM (see surefire.argLine), heap excepted
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          || a.startsWith("-Djdk.reflect.") || a.startsWith("-Dio.netty.") || a.startsWith("-Djava.net.")) {
        cmd.add(a);
      }
    }
    // a short run: the quick JIT alone starts Spark sooner than the tiered compilers on two busy cores
    cmd.addAll(List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "callstats.lake.jobs.cli.Main", job,
        "--date", date.toString(), "--conf", conf.toString(), "--lake", lake.toString(), "--landing",
        landing.toString()));
    return cmd;
  }

  /** The last lines of a log, for failure messages. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ": " + e + ")";
    }
  }
}
