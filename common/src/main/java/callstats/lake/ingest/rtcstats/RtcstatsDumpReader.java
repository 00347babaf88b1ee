package callstats.lake.ingest.rtcstats;

import callstats.lake.ingest.IngestSettings;
import callstats.lake.rtcstats.DumpCursor;
import callstats.lake.rtcstats.DumpReaderOptions;
import callstats.lake.rtcstats.DumpVisitor;
import callstats.lake.rtcstats.FeatureExtractor;
import callstats.lake.rtcstats.RtcstatsDumpProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Date;
import java.util.Locale;

/**
 * Reads one rtcstats dump for the lake, lazily: {@link #open} returns a {@link Pass} whose every
 * {@link Pass#step()} reads one line and puts its rows into a {@link DumpRowSink}, so a Spark task that
 * yields rows from an iterator drives the reading and holds one line's rows at a time, whatever the dump's
 * size. The silver mapping ({@link RtcstatsSilver}) and the rtcstats-server compatible features
 * ({@link FeatureExtractor}) visit the same decoded stream; at the end the features become gold rows (or,
 * for the {@code rtcstats-features} command, the features object itself).
 *
 * <p>Ids come from the dump's identity lines, which may arrive late: {@link #identity} collects them in a
 * pre-pass that splits lines but parses only identity lines, so that rows carry their final ids as soon as
 * they are made. It costs a second sequential read of the file (measured in docs/rtcstats.md), where the
 * alternative, holding rows back until the identity is known, would cost memory in proportion to the dump.
 */
public final class RtcstatsDumpReader {

  /** What a pass produces. */
  public enum Output {
    /** Silver rows, line outcomes and the three gold feature tables' rows. */
    LAKE,
    /** Only the features object of the dump ({@link DumpRowSink#features}). */
    FEATURES
  }

  private static final String[] EXTENSIONS = {".jsonl.gz", ".json.gz", ".gz", ".jsonl", ".json"};

  private final IngestSettings settings;
  private final Output output;
  private final RtcstatsDumpProcessor processor;

  public RtcstatsDumpReader(IngestSettings settings, Output output) {
    this.settings = settings;
    this.output = output;
    this.processor = new RtcstatsDumpProcessor(new DumpReaderOptions(settings.maxLineBytes(),
        DumpReaderOptions.MAX_NESTING_DEPTH_DEFAULT, DumpReaderOptions.MAX_NUMBER_LENGTH_DEFAULT,
        settings.quarantineRawChars()));
  }

  /** The dump id of a landing file: its name without {@code .jsonl}, {@code .json} and {@code .gz}. */
  public static String dumpId(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (String ext : EXTENSIONS) {
      if (lower.endsWith(ext) && lower.length() > ext.length()) {
        return fileName.substring(0, fileName.length() - ext.length());
      }
    }
    return fileName;
  }

  /** The ids of a dump from its pre-pass identity (see {@link RtcstatsIdentity#resolve}). */
  public RtcstatsIdentity.Ids ids(RtcstatsIdentity identity, String dumpId) {
    return identity.resolve(settings, dumpId);
  }

  /** The pre-pass: the identity lines of the dump (the stream is read to its end or to where it breaks off). */
  public RtcstatsIdentity identity(InputStream in) throws IOException {
    RtcstatsIdentity identity = new RtcstatsIdentity();
    processor.scan(in, "identity", identity);
    return identity;
  }

  /** Starts the main pass over a dump; the stream is not closed. */
  public Pass open(InputStream in, RtcstatsIdentity.Ids ids, Date date, String sourceFile, DumpRowSink sink) {
    FeatureExtractor features = new FeatureExtractor();
    RtcstatsSilver silver = output == Output.LAKE ? new RtcstatsSilver(settings, ids, date, sourceFile, sink) : null;
    DumpVisitor visitor = silver == null ? features : DumpVisitor.all(silver, features);
    return new Pass(processor.open(in, visitor), features, silver, ids, date, sourceFile, sink);
  }

  /** One pass over one dump, driven by its caller. */
  public final class Pass {
    private final DumpCursor cursor;
    private final FeatureExtractor features;
    private final RtcstatsSilver silver;
    private final RtcstatsIdentity.Ids ids;
    private final Date date;
    private final String sourceFile;
    private final DumpRowSink sink;
    private boolean finished;

    private Pass(DumpCursor cursor, FeatureExtractor features, RtcstatsSilver silver, RtcstatsIdentity.Ids ids,
        Date date, String sourceFile, DumpRowSink sink) {
      this.cursor = cursor;
      this.features = features;
      this.silver = silver;
      this.ids = ids;
      this.date = date;
      this.sourceFile = sourceFile;
      this.sink = sink;
    }

    /** Reads one line into the sink; at the end adds the per-dump rows and returns false. */
    public boolean step() throws IOException {
      if (finished) {
        return false;
      }
      if (cursor.step()) {
        return true;
      }
      finish();
      return false;
    }

    /** Ends the pass early (an I/O error, a size limit): the per-dump rows cover what was read. */
    public void stop() {
      if (!finished) {
        cursor.stop();
        finish();
      }
    }

    /** Physical lines read so far. */
    public long linesRead() {
      return cursor.linesRead();
    }

    private void finish() {
      finished = true;
      if (output == Output.FEATURES) {
        sink.features(ids.ucId(), features.result().json());
      } else if (silver.anchorLine() > 0) {
        long anchor = silver.anchorLine();
        new RtcstatsFeatureRows(settings.hasher()).emit(features.result(), ids, date, sourceFile,
            (table, row) -> sink.row(table, anchor, row));
      }
    }
  }
}
