package callstats.lake.rtcstats;

import java.io.IOException;

/**
 * A pass over one dump driven by its caller, one physical line per {@link #step()}: the pull-style face of
 * {@link RtcstatsDumpProcessor}, for callers that produce their output lazily. Memory stays bounded by one
 * line plus the dump's decompression state, whatever the dump's size. Not thread-safe.
 */
public interface DumpCursor {

  /**
   * Reads the next physical line and hands it to the visitor (header, line or bad line). At the end of the
   * input (or where it ends early) calls the visitor's {@code end} and returns false; false ever after.
   * Other I/O errors propagate, and the caller may then {@link #stop()}.
   */
  boolean step() throws IOException;

  /** Ends the pass where it is (a caller's limit, an I/O error): calls {@code end} once; returns the summary. */
  DumpSummary stop();

  /** The summary once the pass has ended, else null. */
  DumpSummary summary();

  /** Physical lines read so far. */
  long linesRead();
}
