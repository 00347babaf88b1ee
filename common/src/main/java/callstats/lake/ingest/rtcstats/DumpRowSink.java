package callstats.lake.ingest.rtcstats;

import callstats.lake.ingest.QuarantineReason;
import callstats.lake.table.TableSpec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where the reading of one dump puts what it makes: table rows (slots in the table's column order) with the
 * line they came from, and the outcome of every physical line, so that the ingest log can account for each.
 */
public interface DumpRowSink {

  /** A row of a silver or gold table, made from (or, for per-dump rows, anchored at) the given line. */
  void row(TableSpec table, long lineNumber, Object[] values);

  /** A line that was used; {@code recordId} is its content hash. */
  void accepted(long lineNumber, String recordId, String method, long bytes);

  /** A line that was not used, with the reason; the detail names what was wrong. */
  void quarantined(long lineNumber, QuarantineReason reason, String detail, String method, String excerpt,
      long bytes);

  /** The rest of the input could not be read (it ends inside its compressed stream). */
  void fault(QuarantineReason reason, String detail);

  /** The dump's rtcstats-server compatible features, {@code {"features": {...}}} (feature extraction only). */
  default void features(String dumpId, ObjectNode features) {}
}
