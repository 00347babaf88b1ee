package callstats.lake.rtcstats;

/**
 * A dump line that was not used, for the quarantine: where it was, why, and a capped excerpt.
 *
 * @param lineNumber physical line number from 1 (for a file-level problem: the first line not read)
 * @param reason the rule the line broke
 * @param detail what exactly was wrong, for a human
 * @param method the line's method when it could be read, else null
 * @param excerpt the start of the raw line, at most {@code excerptChars} long; null when nothing was read
 * @param lengthChars length of the raw line in UTF-16 code units (0 for file-level problems)
 * @param fileLevel true when the problem concerns the dump as a whole (missing header, truncated input)
 *     rather than this one line; such a report does not by itself mean the line was skipped
 */
public record BadLine(long lineNumber, BadLineReason reason, String detail, String method, String excerpt,
    long lengthChars, boolean fileLevel) {}
