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

  /** Points a live Hadoop configuration (the test's Spark session) at this server. */
  public void apply(LakeConfig config, Configuration hadoop) {
    LakeSession.s3aSettings(config.s3()).forEach(hadoop::set);
    // Tests in one JVM start S3Proxy on different ports for the same bucket name: a cached S3A file system would
    // keep talking to the endpoint of an earlier test.
    hadoop.setBoolean("fs.s3a.impl.disable.cache", true);
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
