package callstats.lake.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import callstats.lake.config.LakeConfig.S3Settings;
import java.io.IOException;
import java.net.SocketException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class S3FailureTest {

  private static final S3Settings MINIO = new S3Settings(Optional.of("http://minio:9000"), "us-east-1", true, false,
      Map.of());

  @Test
  void putsTheStepTheStoreAndTheOperationOnOneLine() {
    SocketException s3a = new SocketException("Writing Object on silver/events/part-0.parquet: "
        + "software.amazon.awssdk.core.exception.SdkClientException: Unable to execute HTTP request: Connection reset");
    s3a.initCause(SdkClientException.create("Unable to execute HTTP request: Connection reset"));
    Exception spark = new RuntimeException("Task failed while writing rows to s3a://lake/silver/events.\n\tat ...",
        new RuntimeException("wrapped", s3a));

    Exception e = S3Failure.explain(MINIO, spark);

    assertThat(e).isInstanceOf(S3Failure.class).hasRootCause(s3a.getCause());
    assertThat(Main.failureMessage("normalise", e)).isEqualTo("callstats-lake normalise failed: Task failed while "
        + "writing rows to s3a://lake/silver/events.; S3 endpoint http://minio:9000 failed after retries: Writing "
        + "Object on silver/events/part-0.parquet: software.amazon.awssdk.core.exception.SdkClientException: Unable "
        + "to execute HTTP request: Connection reset. Check the store is up and reachable, then re-run "
        + "(docs/operations.md, \"S3 errors\")");
  }

  @Test
  void namesAwsWhenNoEndpointIsSet() {
    S3Settings aws = new S3Settings(Optional.empty(), "eu-west-1", false, true, Map.of());
    Exception e = S3Failure.explain(aws, new IOException("listing s3a://landing/x", SdkClientException.create("timeout")));
    assertThat(e.getMessage()).startsWith("AWS S3 (eu-west-1) failed after retries: listing s3a://landing/x")
        .as("the operation is the failure itself: said once").containsOnlyOnce("listing s3a://landing/x");
  }

  @Test
  void leavesOtherFailuresAlone() {
    IllegalStateException other = new IllegalStateException("3 files have lines neither accepted nor quarantined");
    assertThat(S3Failure.explain(MINIO, other)).isSameAs(other);
    assertThat(Main.failureMessage("normalise", other))
        .isEqualTo("callstats-lake normalise failed: java.lang.IllegalStateException: " + other.getMessage());
  }
}
