package callstats.lake.rtcstats;

import callstats.lake.rtcstats.DumpLineParser.Parsed;
import callstats.lake.rtcstats.PayloadRules.Violation;
import callstats.lake.rtcstats.PhysicalLineReader.PhysicalLine;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads one rtcstats dump from a stream in a single pass and hands every line to a {@link DumpVisitor}:
 * parsed, checked, and for {@code getstats} lines decompressed into the full stats entry. This one
 * decoded stream feeds both the silver tables and the rtcstats-compatible features.
 *
 * <p>The input is UTF-8 text (the caller undoes gzip); malformed bytes become U+FFFD, as in the
 * reference. Memory is bounded by the line limit and the decompression state of the dump's connections,
 * never by the file size.
 *
 * <p>Robustness, where the reference extractor aborts the whole dump: a blank, invalid, oversized or
 * wrongly shaped line (see {@link PayloadRules}) is reported through {@link DumpVisitor#badLine} and
 * skipped, and processing goes on with the next line. A line 1 that is not a valid {@code connectionInfo}
 * header is reported with reason {@code missing_connection_info} (file-level), and the rest of the dump is
 * still read. An input that ends inside its compressed stream ({@link EOFException}) is reported as
 * {@code truncated_file}; the lines read so far stay valid. Other I/O errors propagate.
 */
public final class RtcstatsDumpProcessor {

  private final DumpReaderOptions options;

  public RtcstatsDumpProcessor(DumpReaderOptions options) {
    this.options = options;
  }

  /** A processor with {@link DumpReaderOptions#DEFAULTS}. */
  public static RtcstatsDumpProcessor withDefaults() {
    return new RtcstatsDumpProcessor(DumpReaderOptions.DEFAULTS);
  }

  /** Reads the whole stream (without closing it), calling the visitor for every line and then {@code end}. */
  public DumpSummary process(InputStream in, DumpVisitor visitor) throws IOException {
    DumpCursor cursor = open(in, visitor);
    while (cursor.step()) {
      // every step hands one line to the visitor
    }
    return cursor.summary();
  }

  /**
   * Opens a pull-style pass over one dump: each {@link DumpCursor#step()} reads one physical line and hands
   * it to the visitor, so a caller that yields rows lazily (a Spark task's iterator) drives the reading and
   * never buffers more than one line's output. The stream is not closed.
   */
  public DumpCursor open(InputStream in, DumpVisitor visitor) {
    return new Run(utf8(in), visitor);
  }

  /**
   * A cheap pre-pass that hands only the accepted lines of one method (for example {@code identity}) to the
   * visitor, with the same line rules as {@link #process}; other lines are split but never parsed as JSON.
   * Line 1 (the header position) is skipped. Stops quietly where the input ends early.
   */
  public void scan(InputStream in, String method, DumpVisitor visitor) throws IOException {
    PhysicalLineReader lines = new PhysicalLineReader(utf8(in), options.maxLineChars(), 0);
    DumpLineParser parser = new DumpLineParser(options);
    PayloadRules rules = new PayloadRules(parser.mapper());
    String quoted = "\"" + method + "\"";
    PhysicalLine physical;
    while ((physical = nextOrNull(lines)) != null) {
      if (physical.number() == 1 || physical.oversized() || !startsWithMethod(physical.text(), quoted)) {
        continue;
      }
      DumpLine line = parser.parse(physical).line();
      if (line != null && method.equals(line.method()) && rules.check(line) == null) {
        visitor.line(rules.normalised(line), null);
      }
    }
  }

  private static PhysicalLine nextOrNull(PhysicalLineReader lines) throws IOException {
    try {
      return lines.next();
    } catch (EOFException e) {
      return null;
    }
  }

  /** Whether the text is {@code [ "method"} after optional white space: the start of a line of that method. */
  static boolean startsWithMethod(String text, String quotedMethod) {
    int i = skipSpace(text, 0);
    if (i >= text.length() || text.charAt(i) != '[') {
      return false;
    }
    return text.startsWith(quotedMethod, skipSpace(text, i + 1));
  }

  private static int skipSpace(String text, int from) {
    int i = from;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static Reader utf8(InputStream in) {
    return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  /** The state of one pass over one dump. */
  private final class Run implements DumpCursor {
    private final PhysicalLineReader lines;
    private final DumpVisitor visitor;
    private final DumpLineParser parser = new DumpLineParser(options);
    private final PayloadRules rules = new PayloadRules(parser.mapper());
    private final StatsDecompressor decompressor = new StatsDecompressor();
    private long read;
    private long accepted;
    private long bad;
    private boolean headerFound;
    private boolean truncated;
    private DumpSummary summary;

    Run(Reader reader, DumpVisitor visitor) {
      this.lines = new PhysicalLineReader(reader, options.maxLineChars(), options.excerptChars());
      this.visitor = visitor;
    }

    @Override
    public boolean step() throws IOException {
      if (summary != null) {
        return false;
      }
      PhysicalLine physical = nextLine();
      if (physical == null) {
        finish();
        return false;
      }
      read++;
      Parsed parsed = parser.parse(physical);
      if (parsed.bad() != null) {
        truncated |= parsed.bad().reason() == BadLineReason.TRUNCATED_FILE;
        report(parsed.bad());
      }
      if (physical.number() == 1 && readHeader(parsed, physical)) {
        return true;
      }
      if (parsed.line() != null) {
        dispatch(parsed.line(), physical);
      }
      return true;
    }

    @Override
    public DumpSummary stop() {
      if (summary == null) {
        finish();
      }
      return summary;
    }

    @Override
    public DumpSummary summary() {
      return summary;
    }

    @Override
    public long linesRead() {
      return read;
    }

    private void finish() {
      summary = new DumpSummary(read, accepted, bad, headerFound, truncated);
      visitor.end(summary);
    }

    private PhysicalLine nextLine() throws IOException {
      if (truncated) {
        return null;
      }
      try {
        return lines.next();
      } catch (EOFException e) {
        truncated = true;
        report(new BadLine(read + 1, BadLineReason.TRUNCATED_FILE, "input ended early: " + e.getMessage(), null,
            null, 0, true));
        return null;
      }
    }

    /** Handles line 1; true when it was consumed (as the header, or quarantined as an invalid header). */
    private boolean readHeader(Parsed parsed, PhysicalLine physical) {
      DumpLine line = parsed.line();
      boolean isConnectionInfo = line != null && PayloadRules.CONNECTION_INFO.equals(line.method());
      if (isConnectionInfo && rules.connectionInfoObject(line.payload()) != null) {
        headerFound = true;
        accepted++;
        visitor.header(rules.normalised(line));
        return true;
      }
      String detail = isConnectionInfo
          ? "connectionInfo payload must be an object or JSON text of an object"
          : "line 1 must be a connectionInfo line; the dump is read without header";
      report(new BadLine(1, BadLineReason.MISSING_CONNECTION_INFO, detail, line == null ? null : line.method(),
          isConnectionInfo ? excerpt(physical.text()) : null, physical.lengthChars(), !isConnectionInfo));
      return isConnectionInfo;
    }

    private void dispatch(DumpLine line, PhysicalLine physical) {
      Violation violation = rules.check(line);
      if (violation != null) {
        report(parser.reject(line, violation.reason(), violation.detail(), physical.text()));
        return;
      }
      accepted++;
      if (PayloadRules.GETSTATS.equals(line.method())) {
        visitor.line(line, decompressor.apply(line.pcKey(), (ObjectNode) line.payload()));
      } else {
        visitor.line(rules.normalised(line), null);
      }
    }

    private void report(BadLine badLine) {
      bad++;
      visitor.badLine(badLine);
    }

    private String excerpt(String text) {
      return text == null || text.length() <= options.excerptChars() ? text : text.substring(0, options.excerptChars());
    }
  }
}
