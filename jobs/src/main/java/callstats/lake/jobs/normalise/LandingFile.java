package callstats.lake.jobs.normalise;

import java.io.Serializable;

/**
 * A landing file to read: its URI, size and modification time as listed, dialect, and the bytes its reading is
 * expected to cost (gzip expands about 7 times), which is what splits are balanced on. The listed size and time
 * are the snapshot the run reads: only the listed bytes are read, and a file whose size or time differs once read
 * has changed under the run.
 */
public record LandingFile(String path, long length, long modifiedMillis, String dialect) implements Serializable {

  static final int GZIP_EXPANSION = 7;

  public boolean gzipped() {
    return path.endsWith(".gz");
  }

  public long estimatedBytes() {
    return gzipped() ? length * GZIP_EXPANSION : length;
  }
}
