package callstats.lake.jobs.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import callstats.lake.config.LakeConfig;
import callstats.lake.jobs.testing.FaultyLink;
import callstats.lake.spark.LakeSession;
import callstats.lake.testing.TestLake;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry keys of {@code callstats-lake.s3.hadoop} reach S3A: against a store that is down (every connection
 * reset), one S3 operation makes (attempts.maximum + 1) x (retry.limit + 1) connection attempts. No Spark.
 * With the defaults (5 and 7) that is 48 attempts; measured, about two minutes before getFileStatus fails.
 */
class S3RetrySettingsTest {

  private static final Logger LOG = LoggerFactory.getLogger(S3RetrySettingsTest.class);

  @Test
  void noRetriesMeansOneAttempt() throws Exception {
    assertThat(attemptsWhileDown(0, 0)).isEqualTo(1);
  }

  @Test
  void sdkAndS3aRetriesMultiply() throws Exception {
    assertThat(attemptsWhileDown(2, 1)).isEqualTo(6);
  }

  private static int attemptsWhileDown(int sdkRetries, int s3aRetries) throws Exception {
    try (FaultyLink link = FaultyLink.start("127.0.0.1", 9)) {
      link.down();
      Map<String, String> m = new HashMap<>(Map.of("s3.endpoint", link.endpoint(), "s3.path-style-access", "true",
          "s3.ssl-enabled", "false"));
      m.put("s3.hadoop.\"fs.s3a.attempts.maximum\"", Integer.toString(sdkRetries));
      m.put("s3.hadoop.\"fs.s3a.retry.limit\"", Integer.toString(s3aRetries));
      m.put("s3.hadoop.\"fs.s3a.retry.interval\"", "10ms");
      LakeConfig config = TestLake.config("s3a://lake/x", "s3a://landing/x", m);
      Configuration hadoop = new Configuration();
      LakeSession.s3aSettings(config.s3()).forEach(hadoop::set);
      hadoop.setBoolean("fs.s3a.impl.disable.cache", true);
      long t0 = System.nanoTime();
      try (FileSystem fs = new Path("s3a://lake/").getFileSystem(hadoop)) {
        Throwable failure = catchThrowable(() -> fs.getFileStatus(new Path("s3a://lake/x/part-0")));
        assertThat(failure).isNotNull();
        LOG.info("attempts.maximum {}, retry.limit {}: {} attempts in {} ms: {}", sdkRetries, s3aRetries,
            link.refused(), (System.nanoTime() - t0) / 1_000_000, failure.toString());
      }
      return link.refused();
    }
  }
}
