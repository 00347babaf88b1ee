package callstats.lake.jobs.simulate;

/** Counts of lines written, per ingest path: lines, clean lines, raw bytes and each kind of dirt. */
final class LineTally {

  static final int LINES = 0;
  static final int CLEAN = 1;
  static final int RAW_BYTES = 2;
  /** Dirt kind k is counted at {@code DIRT + k.ordinal()}. */
  static final int DIRT = 3;
  static final int WIDTH = DIRT + DirtKind.values().length;

  private final long[][] counts = new long[IngestPath.count()][WIDTH];

  void add(IngestPath path, int bytesWithNewline, DirtKind dirt, boolean clockSkew, boolean counterReset) {
    long[] c = counts[path.ordinal()];
    c[LINES]++;
    c[RAW_BYTES] += bytesWithNewline;
    if (dirt != null) {
      c[DIRT + dirt.ordinal()]++;
    }
    if (clockSkew) {
      c[DIRT + DirtKind.CLOCK_SKEW.ordinal()]++;
    }
    if (counterReset) {
      c[DIRT + DirtKind.COUNTER_RESET.ordinal()]++;
    }
    if (dirt == null && !clockSkew && !counterReset) {
      c[CLEAN]++;
    }
  }

  long get(IngestPath path, int column) {
    return counts[path.ordinal()][column];
  }

  long dirt(IngestPath path, DirtKind kind) {
    return counts[path.ordinal()][DIRT + kind.ordinal()];
  }

  /** Sum over paths of one column. */
  long total(int column) {
    long sum = 0;
    for (long[] c : counts) {
      sum += c[column];
    }
    return sum;
  }

  long totalDirt(DirtKind kind) {
    return total(DIRT + kind.ordinal());
  }
}
