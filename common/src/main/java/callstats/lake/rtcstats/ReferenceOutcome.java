package callstats.lake.rtcstats;

/** Whether the lake's compatibility view of a dump equals what rtcstats-server would produce for it. */
public enum ReferenceOutcome {
  /** Same features as the reference, number for number. */
  IDENTICAL,
  /** Lines were skipped (quarantined or file-level problems) where the reference would have aborted. */
  SKIPPED_LINES,
  /**
   * No valid header, or a {@code clientProtocol} without {@code 3.1_STANDARD}: not handled by the reference's
   * standard extractor.
   */
  NO_STANDARD_HEADER,
  /** A conference start the reference replaces with its wall-clock time; the lake uses 0. */
  WALL_CLOCK_CONFERENCE_START
}
