package callstats.lake.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines (LF, CRLF or lone CR) from a byte stream without ever holding more than {@code maxLineBytes}
 * of one line: a longer line is skipped to its end and reported as oversized, with its first bytes kept
 * for the quarantine. Memory stays bounded whatever the input (a 1 GB line, a gzip bomb of zeros).
 */
public final class BoundedLineReader {

  /** One line: its bytes are valid until the next call to {@link #next()}. */
  public static final class Line {
    private byte[] buf;
    private int length;
    private long totalBytes;
    private long number;
    private boolean oversized;

    /** The line's bytes, without the terminator; for an oversized line only the first bytes. */
    public byte[] bytes() {
      return buf;
    }

    public int length() {
      return length;
    }

    /** The full length of the line as landed, bytes. */
    public long totalBytes() {
      return totalBytes;
    }

    /** Line number in the file, from 1. */
    public long number() {
      return number;
    }

    public boolean oversized() {
      return oversized;
    }

    public boolean isBlank() {
      for (int i = 0; i < length; i++) {
        byte b = buf[i];
        if (b != ' ' && b != '\t') {
          return false;
        }
      }
      return true;
    }
  }

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] chunk = new byte[64 * 1024];
  private int chunkPos;
  private int chunkLen;
  private boolean eof;
  private boolean skipLf;
  private long lineNumber;
  private long bytesRead;
  private final Line line = new Line();

  public BoundedLineReader(InputStream in, int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be at least 1, cannot be: " + maxLineBytes);
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.line.buf = new byte[Math.min(maxLineBytes, 64 * 1024)];
  }

  /** Bytes consumed from the stream so far. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Lines returned so far. */
  public long lineCount() {
    return lineNumber;
  }

  /**
   * The next line, or null at the end of the stream. A final line without terminator is returned; an
   * empty stream or a final terminator yields no extra empty line.
   *
   * @throws IOException when the stream fails (for example a truncated gzip); lines before were returned
   */
  public Line next() throws IOException {
    line.length = 0;
    line.totalBytes = 0;
    line.oversized = false;
    boolean any = false;
    while (true) {
      if (chunkPos == chunkLen) {
        if (eof || !fill()) {
          if (!any) {
            return null;
          }
          break;
        }
      }
      byte b = chunk[chunkPos];
      if (skipLf) {
        skipLf = false;
        if (b == '\n') {
          chunkPos++;
          continue;
        }
      }
      int start = chunkPos;
      int end = start;
      while (end < chunkLen && chunk[end] != '\n' && chunk[end] != '\r') {
        end++;
      }
      append(start, end - start);
      any = true;
      chunkPos = end;
      if (end < chunkLen) {
        skipLf = chunk[end] == '\r';
        chunkPos++;
        break;
      }
    }
    line.number = ++lineNumber;
    return line;
  }

  private void append(int from, int len) {
    line.totalBytes += len;
    int room = maxLineBytes - line.length;
    if (len > room) {
      line.oversized = true;
    }
    int take = Math.min(len, room);
    if (take <= 0) {
      return;
    }
    if (line.length + take > line.buf.length) {
      line.buf = Arrays.copyOf(line.buf, Math.min(maxLineBytes, Math.max(line.buf.length * 2, line.length + take)));
    }
    System.arraycopy(chunk, from, line.buf, line.length, take);
    line.length += take;
  }

  private boolean fill() throws IOException {
    int n = in.read(chunk, 0, chunk.length);
    if (n <= 0) {
      eof = true;
      chunkPos = chunkLen = 0;
      return false;
    }
    bytesRead += n;
    chunkPos = 0;
    chunkLen = n;
    return true;
  }
}
