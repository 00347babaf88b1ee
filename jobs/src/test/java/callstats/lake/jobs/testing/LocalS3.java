package callstats.lake.jobs.testing;

import callstats.lake.config.LakeConfig;
import callstats.lake.spark.LakeSession;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * A real S3-compatible server (S3Proxy, filesystem blob store) on a free loopback port. Clients
 * authenticate with the credentials in the environment (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY), the
 * same way the jobs do in production.
 */
public final class LocalS3 implements AutoCloseable {

  private final S3Proxy proxy;

  private LocalS3(S3Proxy proxy) {
    this.proxy = proxy;
  }

  public static LocalS3 start(Path dir, String... buckets) throws Exception {
    Files.createDirectories(dir);
    FilesystemNio2BlobStore store = new FilesystemNio2BlobStore(dir.toString());
    for (String b : buckets) {
      store.createContainer(b);
    }
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(store)
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, System.getenv("AWS_ACCESS_KEY_ID"),
            System.getenv("AWS_SECRET_ACCESS_KEY"))
        .build();
    proxy.start();
    long deadline = System.currentTimeMillis() + 10_000;
    while (!"STARTED".equals(proxy.getState()) && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    return new LocalS3(proxy);
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  /** The s3 settings a configuration needs to talk to this server. */
  public java.util.Map<String, String> configOverrides() {
    return java.util.Map.of("s3.endpoint", endpoint(), "s3.path-style-access", "true", "s3.ssl-enabled", "false");
  }

  /**
   * Points a live Hadoop configuration (the test's Spark session) at the S3 settings of a configuration (this
   * server, or a {@link FaultyLink} in front of it). Closing the result puts back the values it replaced, so
   * settings a test chose (lower retry limits) do not leak into later tests.
   */
  public static Restore apply(LakeConfig config, Configuration hadoop) {
    java.util.Map<String, String> settings = new java.util.LinkedHashMap<>(LakeSession.s3aSettings(config.s3()));
    // Tests in one JVM start S3Proxy on different ports for the same bucket name: a cached S3A file system would
    // keep talking to the endpoint of an earlier test.
    settings.put("fs.s3a.impl.disable.cache", "true");
    java.util.Map<String, String> before = new java.util.HashMap<>();
    settings.forEach((k, v) -> {
      before.put(k, hadoop.getRaw(k));
      hadoop.set(k, v);
    });
    return () -> before.forEach((k, v) -> {
      if (v == null) {
        hadoop.unset(k);
      } else {
        hadoop.set(k, v);
      }
    });
  }

  /** Puts Hadoop settings back as they were. */
  public interface Restore extends AutoCloseable {
    @Override
    void close();
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
