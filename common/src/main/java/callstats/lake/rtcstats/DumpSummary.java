package callstats.lake.rtcstats;

/**
 * Counts for one processed dump, for the ingest log.
 *
 * @param linesRead physical lines read (including the header and bad lines)
 * @param linesAccepted lines delivered to the visitor (the header included)
 * @param badLines reports delivered as bad lines (a line can have at most one; file-level reports count too)
 * @param headerFound whether line 1 was a valid {@code connectionInfo} header
 * @param truncated whether the input ended inside a line or inside its compressed stream
 */
public record DumpSummary(long linesRead, long linesAccepted, long badLines, boolean headerFound,
    boolean truncated) {}
