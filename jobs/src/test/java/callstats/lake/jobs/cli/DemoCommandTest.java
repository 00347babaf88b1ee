package callstats.lake.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The README's first command rejects bad arguments before Spark starts. The whole demo runs end to end in the
 * notebook tests, whose lake it builds (notebooks/tests/conftest.py).
 */
class DemoCommandTest {

  @Test
  void badArgumentsAreUsageErrors() {
    assertThat(Main.execute("demo", "--days", "0")).isEqualTo(Main.EXIT_USAGE);
    assertThat(Main.execute("demo", "--date", "yesterday")).isEqualTo(Main.EXIT_USAGE);
  }
}
