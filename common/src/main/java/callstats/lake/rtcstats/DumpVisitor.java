package callstats.lake.rtcstats;

import java.util.List;

/**
 * Receives one rtcstats dump, line by line in file order, from {@link RtcstatsDumpProcessor}: the header,
 * every accepted line (with the decompressed stats entry for {@code getstats} lines) and every bad line.
 * Silver-table mappers and the {@link FeatureExtractor} are visitors; {@link #all} runs several in the
 * same single pass over the dump.
 */
public interface DumpVisitor {

  /** Line 1, when it is a valid {@code connectionInfo} line; its payload is the parsed object. */
  default void header(DumpLine header) {}

  /**
   * An accepted line after the header. For {@code getstats} lines {@code stats} is the full decompressed
   * entry of the line's connection (a live view, see {@link StatsEntry}); for all other lines it is null.
   */
  default void line(DumpLine line, StatsEntry stats) {}

  /** A line that was not used, or a file-level problem (missing header, truncated input): quarantine it. */
  default void badLine(BadLine bad) {}

  /** The end of the dump. */
  default void end(DumpSummary summary) {}

  /** A visitor that forwards every call to each of the given visitors, in order. */
  static DumpVisitor all(DumpVisitor... visitors) {
    List<DumpVisitor> targets = List.of(visitors);
    return new DumpVisitor() {
      @Override
      public void header(DumpLine header) {
        targets.forEach(v -> v.header(header));
      }

      @Override
      public void line(DumpLine line, StatsEntry stats) {
        targets.forEach(v -> v.line(line, stats));
      }

      @Override
      public void badLine(BadLine bad) {
        targets.forEach(v -> v.badLine(bad));
      }

      @Override
      public void end(DumpSummary summary) {
        targets.forEach(v -> v.end(summary));
      }
    };
  }
}
