package callstats.lake.jobs.normalise;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it and ends the stream early (as at end of input) once a limit is reached. */
final class CountingInputStream extends FilterInputStream {

  private final long limit;
  private long count;

  CountingInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  long count() {
    return count;
  }

  /** Whether the limit cut the stream short. */
  boolean limitReached() {
    return count >= limit;
  }

  @Override
  public int read() throws IOException {
    if (count >= limit) {
      return -1;
    }
    int b = super.read();
    if (b >= 0) {
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (count >= limit) {
      return -1;
    }
    int n = super.read(buf, off, (int) Math.min(len, limit - count));
    if (n > 0) {
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, limit - count));
    count += Math.max(0, skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
