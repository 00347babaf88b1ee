package callstats.lake.jobs.cli;

import callstats.lake.config.LakeConfig.S3Settings;
import java.io.IOException;

/**
 * A run that failed because S3 did not answer, after S3A's retries. Spark reports such a failure several layers
 * deep ("Task failed while writing rows to ..." around S3A's "Writing Object on KEY: ... Connection reset"); this
 * puts the useful lines first: what the job was doing, which store, the failing S3 operation. It never carries
 * credentials: only the configured endpoint and S3A's message (operation, key, SDK error).
 */
public final class S3Failure extends RuntimeException {

  private static final String SDK = "software.amazon.awssdk.";
  private static final int MAX_DETAIL_CHARS = 400;

  private S3Failure(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code e} as an S3Failure when an AWS SDK error is among its causes, else {@code e} itself. */
  public static Exception explain(S3Settings s3, Exception e) {
    Throwable operation = null;
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (operation == null && t instanceof IOException && fromSdk(t.getCause())) {
        operation = t; // S3A's translation: names the operation and the key
      }
      if (t.getClass().getName().startsWith(SDK)) {
        operation = operation != null ? operation : t;
        String store = s3.endpoint().map(u -> "S3 endpoint " + u).orElse("AWS S3 (" + s3.region() + ")");
        String step = firstLine(e.getMessage());
        String failed = firstLine(operation.getMessage());
        return new S3Failure((step.contains(failed) ? "" : step + "; ") + store + " failed after retries: " + failed
            + ". Check the store is up and reachable, then re-run (docs/operations.md, \"S3 errors\")", e);
      }
    }
    return e;
  }

  private static boolean fromSdk(Throwable t) {
    for (; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getClass().getName().startsWith(SDK)) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String line = s.lines().findFirst().orElse("").strip();
    int repeat = line.indexOf(":    "); // S3A appends the SDK's message again after this
    line = repeat > 0 ? line.substring(0, repeat) : line;
    return line.length() <= MAX_DETAIL_CHARS ? line : line.substring(0, MAX_DETAIL_CHARS) + "...";
  }
}
