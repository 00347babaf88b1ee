package callstats.lake.rtcstats;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into lines at LF, CRLF or a lone CR, in file order, without ever holding
 * more than {@code maxChars} characters of one line. A final terminator does not produce an empty line;
 * a leading byte-order mark is dropped. Longer lines are reported as oversized with only an excerpt kept.
 */
final class PhysicalLineReader {

  /** One physical line; {@code text} is null when the line was oversized (then {@code excerpt} is set). */
  record PhysicalLine(long number, String text, String excerpt, long lengthChars, boolean terminated) {
    boolean oversized() {
      return text == null;
    }
  }

  private final Reader in;
  private final int maxChars;
  private final int excerptChars;
  private final char[] buffer = new char[16 * 1024];
  private final StringBuilder line = new StringBuilder();
  private int pos;
  private int limit;
  private boolean skipLf;
  private boolean started;
  private long lineNumber;

  PhysicalLineReader(Reader in, int maxChars, int excerptChars) {
    this.in = in;
    this.maxChars = maxChars;
    this.excerptChars = excerptChars;
  }

  /** The next line, or null at the end of the input. */
  PhysicalLine next() throws IOException {
    line.setLength(0);
    long length = 0;
    boolean oversized = false;
    boolean any = false;
    while (true) {
      if (pos == limit && !fill()) {
        return any ? finish(length, oversized, false) : null;
      }
      char c = buffer[pos++];
      if (skipLf) {
        skipLf = false;
        if (c == '\n') {
          continue;
        }
      }
      any = true;
      if (c == '\n' || c == '\r') {
        skipLf = c == '\r';
        return finish(length, oversized, true);
      }
      length++;
      if (oversized) {
        continue;
      }
      if (length > maxChars) {
        oversized = true;
        line.setLength(Math.min(line.length(), excerptChars));
      } else {
        line.append(c);
      }
    }
  }

  private PhysicalLine finish(long length, boolean oversized, boolean terminated) {
    lineNumber++;
    if (oversized) {
      return new PhysicalLine(lineNumber, null, line.toString(), length, terminated);
    }
    return new PhysicalLine(lineNumber, line.toString(), null, length, terminated);
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      pos = 0;
      limit = 0;
      return false;
    }
    pos = 0;
    limit = n;
    if (!started) {
      started = true;
      if (buffer[0] == '\uFEFF') {
        pos = 1;
        return pos < limit || fill();
      }
    }
    return true;
  }
}
