package callstats.lake.jobs.normalise;

import callstats.lake.ingest.BadRecord;
import callstats.lake.ingest.BoundedLineReader;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.ingest.ParsedLine;
import callstats.lake.ingest.QuarantineReason;
import callstats.lake.ingest.callstats.CallstatsParser;
import callstats.lake.ingest.rtcstats.RtcstatsDumpReader;
import callstats.lake.ingest.rtcstats.RtcstatsIdentity;
import callstats.lake.jobs.normalise.Parsed.Kind;
import callstats.lake.jobs.spark.HadoopConf;
import callstats.lake.privacy.IpMasker;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.sql.Date;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs inside a task: reads a group of landing files line by line and yields the union rows of
 * {@link Parsed}. Lazy: only the rows of the current line are buffered, so memory does not grow with
 * file size. A file that cannot be read to its end (missing, not gzip, truncated, a decompression bomb)
 * keeps what was read before the fault, and the rest becomes one quarantine row.
 *
 * <p>rtcstats dumps are read whole by the one task that holds them (delta compression needs file order):
 * a pre-pass collects the dump's identity, then {@link RtcstatsDumpReader.Pass#step()} is driven one line
 * per call from {@link Rows#hasNext()}, the pull-style bridge that keeps a 100 MB dump as cheap in memory
 * as a 1 KB one.
 */
final class FileReader implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(FileReader.class);
  private static final long BOMB_FLOOR_BYTES = 64L << 20;

  private final IngestSettings settings;
  private final HadoopConf hadoop;
  private final long dateEpochDay;
  private final RtcstatsDumpReader.Output rtcstatsOutput;

  FileReader(IngestSettings settings, HadoopConf hadoop, Date date) {
    this(settings, hadoop, date, RtcstatsDumpReader.Output.LAKE);
  }

  FileReader(IngestSettings settings, HadoopConf hadoop, Date date, RtcstatsDumpReader.Output rtcstatsOutput) {
    this.settings = settings;
    this.hadoop = hadoop;
    this.dateEpochDay = date.toLocalDate().toEpochDay();
    this.rtcstatsOutput = rtcstatsOutput;
  }

  Iterator<Row> read(List<LandingFile> files) {
    return new Rows(files);
  }

  /** S3A's signal that an object changed (new ETag or version) between the reads of one open stream. */
  private static boolean changedRemotely(IOException e) {
    return "RemoteFileChangedException".equals(e.getClass().getSimpleName());
  }

  private final class Rows implements Iterator<Row> {
    private final Iterator<LandingFile> files;
    private final ArrayDeque<Row> out = new ArrayDeque<>();
    private final List<Row> lineRows = new ArrayList<>();
    private final CallstatsParser parser = new CallstatsParser(settings);
    private final Quarantines quarantines =
        new Quarantines(new IpMasker(settings.hasher()), settings.quarantineRawChars());
    private final Date date = Date.valueOf(java.time.LocalDate.ofEpochDay(dateEpochDay));
    private LandingFile file;
    private InputStream stream;
    private FSDataInputStream raw;
    private BoundedLineReader reader;
    private RtcstatsDumpReader dumps;
    private RtcstatsDumpReader.Pass pass;
    private DumpRows dumpRows;
    private CountingInputStream counted;
    private final int fileCount;
    private final long bytes;
    private long lines;
    private long t0 = System.nanoTime();

    Rows(List<LandingFile> files) {
      this.files = files.iterator();
      this.fileCount = files.size();
      this.bytes = files.stream().mapToLong(LandingFile::length).sum();
    }

    /** One line per task: what it read and how long it took (the balance of the packing shows here). */
    private void logTask() {
      if (t0 >= 0) {
        LOG.info("read {} landing files ({} bytes stored, {} lines) in {} ms", fileCount, bytes, lines,
            (System.nanoTime() - t0) / 1_000_000);
        t0 = -1;
      }
    }

    @Override
    public boolean hasNext() {
      while (out.isEmpty()) {
        if (file == null) {
          if (!files.hasNext()) {
            logTask();
            return false;
          }
          open(files.next());
        } else if (pass != null) {
          dumpStep();
        } else {
          step();
        }
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return out.poll();
    }

    private void open(LandingFile f) {
      file = f;
      try {
        if (LandingFiles.RTCSTATS.equals(f.dialect())) {
          openDump(f);
          return;
        }
        InputStream in = new BufferedInputStream(listedBytes(f), 1 << 16);
        stream = f.gzipped() ? new GZIPInputStream(in, 1 << 16) : in;
        reader = new BoundedLineReader(stream, settings.maxLineBytes());
      } catch (FileNotFoundException e) {
        finish(QuarantineReason.UNREADABLE_FILE, "the file disappeared before it could be read");
      } catch (ZipException | EOFException e) {
        finish(QuarantineReason.UNREADABLE_FILE, "not a gzip file although named .gz: " + e.getMessage());
      } catch (IOException e) {
        finish(QuarantineReason.UNREADABLE_FILE, "could not open the file: " + e);
      }
    }

    /** An rtcstats dump: the identity pre-pass, then the main pass, both through the gzip bomb limit. */
    private void openDump(LandingFile f) throws IOException {
      if (dumps == null) {
        dumps = new RtcstatsDumpReader(settings, rtcstatsOutput);
      }
      String dumpId = RtcstatsDumpReader.dumpId(new Path(f.path()).getName());
      RtcstatsIdentity identity = new RtcstatsIdentity();
      if (rtcstatsOutput == RtcstatsDumpReader.Output.LAKE) {
        try (InputStream scan = dumpStream(f)) {
          identity = dumps.identity(scan);
        }
      }
      RtcstatsIdentity.Ids ids = dumps.ids(identity, dumpId);
      stream = dumpStream(f);
      counted = (CountingInputStream) stream;
      dumpRows = new DumpRows(out, quarantines, date, f.path(), ids);
      pass = dumps.open(stream, ids, date, f.path(), dumpRows);
    }

    /** The dump's text: gunzipped when named .gz or when it starts with the gzip magic; bounded for gzip. */
    private InputStream dumpStream(LandingFile f) throws IOException {
      BufferedInputStream in = new BufferedInputStream(listedBytes(f), 1 << 16);
      in.mark(2);
      boolean gzip = f.gzipped() || (in.read() == 0x1f && in.read() == 0x8b);
      in.reset();
      if (!gzip) {
        return new CountingInputStream(in, Long.MAX_VALUE);
      }
      long limit = (long) Math.max(BOMB_FLOOR_BYTES, settings.maxGzipRatio() * f.length());
      return new CountingInputStream(new GZIPInputStream(in, 1 << 16), limit + 1);
    }

    /**
     * The file's stored bytes up to its listed length: bytes appended after the listing belong to a later run
     * ({@link #changed()} reports that the file grew).
     */
    private InputStream listedBytes(LandingFile f) throws IOException {
      Path path = new Path(f.path());
      raw = path.getFileSystem(hadoop.get()).open(path);
      return new CountingInputStream(raw, f.length());
    }

    /**
     * Why the file read is not the file listed (its size or modification time differs now: an upload still
     * in progress, a producer appending, a replaced object), or null when it is unchanged or gone.
     */
    private String changed() {
      Path path = new Path(file.path());
      FileStatus now;
      try {
        now = path.getFileSystem(hadoop.get()).getFileStatus(path);
      } catch (IOException e) {
        return null;
      }
      if (now.getLen() == file.length() && now.getModificationTime() == file.modifiedMillis()) {
        return null;
      }
      return "the file changed while it was read: listed with " + file.length() + " bytes modified at "
          + Instant.ofEpochMilli(file.modifiedMillis()) + ", now " + now.getLen() + " bytes modified at "
          + Instant.ofEpochMilli(now.getModificationTime()) + "; the lines of the listed bytes were read";
    }

    /** Reads one dump line into the queue, or ends the dump. */
    private void dumpStep() {
      boolean more;
      try {
        more = pass.step();
      } catch (IOException e) {
        pass.stop();
        finish(changedRemotely(e) ? QuarantineReason.FILE_CHANGED : QuarantineReason.UNREADABLE_FILE,
            "reading failed after " + pass.linesRead() + " lines: " + e);
        return;
      }
      if (counted.limitReached()) {
        pass.stop();
        finish(QuarantineReason.DECOMPRESSION_BOMB, "the gzip file expands beyond " + (long) settings.maxGzipRatio()
            + " times its size (" + file.length() + " bytes); reading stopped after " + pass.linesRead() + " lines");
      } else if (!more) {
        finish(dumpRows.fault(), dumpRows.faultDetail());
      }
    }

    /** Reads one line (or ends the file) and buffers its rows. */
    private void step() {
      BoundedLineReader.Line line;
      try {
        line = reader.next();
      } catch (EOFException e) {
        finish(QuarantineReason.TRUNCATED_FILE, "the file ends in the middle of its data (truncated): " + e.getMessage());
        return;
      } catch (IOException e) {
        finish(changedRemotely(e) ? QuarantineReason.FILE_CHANGED : QuarantineReason.UNREADABLE_FILE,
            "reading failed after " + reader.lineCount() + " lines: " + e);
        return;
      }
      if (line == null) {
        finish(null, null);
        return;
      }
      process(line);
      if (file.gzipped() && reader.bytesRead() > Math.max(BOMB_FLOOR_BYTES, settings.maxGzipRatio() * file.length())) {
        finish(QuarantineReason.DECOMPRESSION_BOMB, "the gzip file expands beyond " + (long) settings.maxGzipRatio()
            + " times its size (" + file.length() + " bytes); reading stopped after " + reader.lineCount() + " lines");
      }
    }

    private void process(BoundedLineReader.Line line) {
      String path = file.path();
      long n = line.number();
      if (line.oversized()) {
        quarantine(n, QuarantineReason.OVERSIZED, "the line has " + line.totalBytes() + " bytes, more than the limit of "
            + settings.maxLineBytes(), line, null);
        return;
      }
      if (line.isBlank()) {
        quarantine(n, QuarantineReason.EMPTY_LINE, "the line is empty", line, null);
        return;
      }
      lineRows.clear();
      try {
        ParsedLine p = parser.parse(line.bytes(), line.length(), date, path, n,
            (table, values) -> lineRows.add(Parsed.row(Kind.of(table), path, n, values)));
        out.addAll(lineRows);
        out.add(lineRow(n, true, p.recordId(), new String[] {p.appId(), p.confId(), p.ucId(), p.path(), p.userId()},
            line.totalBytes()));
      } catch (BadRecord e) {
        quarantine(n, e.reason(), e.getMessage(), line, e.ids());
      }
    }

    private void quarantine(long n, QuarantineReason reason, String detail, BoundedLineReader.Line line, String[] ids) {
      Object[] q = quarantines.row(date, file.dialect(), file.path(), n, reason, detail,
          line == null ? null : line.bytes(), line == null ? 0 : line.length(), line == null ? 0 : line.totalBytes(), ids);
      out.add(Parsed.row(Kind.QUARANTINE, file.path(), n, q));
      out.add(lineRow(n, false, null, ids, line == null ? 0 : line.totalBytes()));
    }

    private Row lineRow(long n, boolean accepted, String recordId, String[] ids, long bytes) {
      String[] i = ids == null ? new String[5] : ids;
      Object[] values = {recordId, accepted, file.dialect(), i[0], i[1], i[2], i[3], i[4], bytes};
      return Parsed.row(Kind.LINE, file.path(), n, values);
    }

    /**
     * Ends the current file: a fault quarantines the unread rest as one line; then the FILE row. A file read to
     * its listed end that has changed since it was listed is a {@link QuarantineReason#FILE_CHANGED} fault.
     */
    private void finish(QuarantineReason fault, String detail) {
      if (fault == null) {
        detail = changed();
        fault = detail == null ? null : QuarantineReason.FILE_CHANGED;
      }
      long linesRead = reader != null ? reader.lineCount() : pass != null ? pass.linesRead() : 0;
      if (fault != null) {
        linesRead++;
        quarantine(linesRead, fault, detail, null, null);
      }
      lines += linesRead;
      Object[] values = {file.dialect(), file.length(), linesRead, fault == null ? null : fault.code() + ": " + detail};
      out.add(Parsed.row(Kind.FILE, file.path(), 0, values));
      closeQuietly();
      file = null;
      reader = null;
      pass = null;
      dumpRows = null;
      counted = null;
    }

    private void closeQuietly() {
      try {
        if (stream != null) {
          stream.close();
        } else if (raw != null) {
          raw.close();
        }
      } catch (IOException ignored) {
        // the file was fully accounted for; a failing close changes nothing
      }
      stream = null;
      raw = null;
    }
  }

}
