package callstats.lake.jobs.simulate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The line writer of one generator task: routes each line by its receivedAt (UTC) to
 * {@code <landing>/callstats/date=YYYY-MM-DD/hour=HH/sim-<simulated date>-<task>.jsonl.gz}, one gzip stream per
 * (task, date, hour), through the Hadoop FileSystem API (so s3a:// works). File names depend only on the
 * simulated date and the task, and the gzip header carries no time, so a re-run writes byte-identical files.
 *
 * <p>Cost: one open stream (a deflater of about 300 KB, and on S3A a disk-buffered upload) per hour the task's lines
 * land in: about 24 to 100.
 */
final class LandingFiles implements LineSink, Closeable {

  static final String DIALECT_DIR = "callstats";
  static final String PREFIX = "sim-";
  static final String SUFFIX = ".jsonl.gz";

  /** What one file received. */
  record FileTally(String relativePath, LocalDate landingDate, int landingHour, LineTally tally) {}

  private final FileSystem fs;
  private final String landingRoot;
  private final String fileName;
  private final int gzipLevel;
  private final Map<Long, Out> open = new TreeMap<>();

  private static final class Out {
    final String relativePath;
    final LocalDate date;
    final int hour;
    final GZIPOutputStream gz;
    final LineTally tally = new LineTally();

    Out(String relativePath, LocalDate date, int hour, GZIPOutputStream gz) {
      this.relativePath = relativePath;
      this.date = date;
      this.hour = hour;
      this.gz = gz;
    }
  }

  LandingFiles(FileSystem fs, String landingRoot, LocalDate simulatedDate, int task, int gzipLevel) {
    this.fs = fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    this.landingRoot = landingRoot;
    this.fileName = fileName(simulatedDate, task);
    this.gzipLevel = gzipLevel;
  }

  /** The FileSystem of a landing zone URI. */
  static FileSystem fileSystem(String uri, Configuration conf) {
    try {
      return FileSystem.get(URI.create(uri), conf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the landing zone " + uri, e);
    }
  }

  static String fileName(LocalDate simulatedDate, int task) {
    return PREFIX + simulatedDate + "-" + String.format("%05d", task) + SUFFIX;
  }

  /** The folder of a landing hour, relative to the landing root. */
  static String hourDir(LocalDate date, int hour) {
    return DIALECT_DIR + "/date=" + date + "/hour=" + (hour < 10 ? "0" : "") + hour;
  }

  @Override
  public void write(byte[] buf, int len, long receivedAt, IngestPath path, DirtKind dirt, boolean clockSkew,
      boolean counterReset) {
    long epochHour = Math.floorDiv(receivedAt, 3_600_000L);
    Out out = open.get(epochHour);
    if (out == null) {
      out = openHour(epochHour);
      open.put(epochHour, out);
    }
    try {
      out.gz.write(buf, 0, len);
      out.gz.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + out.relativePath, e);
    }
    out.tally.add(path, len + 1, dirt, clockSkew, counterReset);
  }

  private Out openHour(long epochHour) {
    Instant start = Instant.ofEpochMilli(epochHour * 3_600_000L);
    LocalDate date = LocalDate.ofInstant(start, ZoneOffset.UTC);
    int hour = start.atZone(ZoneOffset.UTC).getHour();
    String rel = hourDir(date, hour) + "/" + fileName;
    try {
      OutputStream raw = fs.create(new Path(landingRoot + "/" + rel), true);
      return new Out(rel, date, hour, new LeveledGzip(raw, gzipLevel));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create landing file " + landingRoot + "/" + rel, e);
    }
  }

  /** Closes every file and returns what each received, in (date, hour) order. */
  List<FileTally> finish() {
    List<FileTally> tallies = new ArrayList<>();
    IOException first = null;
    for (Out out : open.values()) {
      try {
        out.gz.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
      tallies.add(new FileTally(out.relativePath, out.date, out.hour, out.tally));
    }
    open.clear();
    if (first != null) {
      throw new UncheckedIOException("closing landing files", first);
    }
    return tallies;
  }

  @Override
  public void close() {
    finish();
  }

  /** gzip at a chosen level; Java writes no modification time into the header, so output is deterministic. */
  private static final class LeveledGzip extends GZIPOutputStream {
    LeveledGzip(OutputStream out, int level) throws IOException {
      super(out, 1 << 16);
      def.setLevel(level);
    }
  }
}
