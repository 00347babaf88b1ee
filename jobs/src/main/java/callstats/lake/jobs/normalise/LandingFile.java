package callstats.lake.jobs.normalise;

import java.io.Serializable;

/**
 * A landing file to read: its URI, size as stored, dialect, and the bytes its reading is expected to cost
 * (gzip expands about 7 times), which is what splits are balanced on.
 */
public record LandingFile(String path, long length, String dialect) implements Serializable {

  static final int GZIP_EXPANSION = 7;

  public boolean gzipped() {
    return path.endsWith(".gz");
  }

  public long estimatedBytes() {
    return gzipped() ? length * GZIP_EXPANSION : length;
  }
}
