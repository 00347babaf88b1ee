package callstats.lake.rtcstats;

/**
 * Limits for reading one rtcstats dump. A line longer than {@code maxLineChars} UTF-16 code units is
 * reported as {@code oversized} and skipped without being buffered; deeper nesting or longer number
 * literals than allowed make the line {@code oversized} too. {@code excerptChars} caps the raw text kept
 * on a reported bad line for the quarantine.
 */
public record DumpReaderOptions(int maxLineChars, int maxNestingDepth, int maxNumberLength, int excerptChars) {

  public static final int MAX_LINE_CHARS_DEFAULT = 8 * 1024 * 1024;
  public static final int MAX_NESTING_DEPTH_DEFAULT = 64;
  public static final int MAX_NUMBER_LENGTH_DEFAULT = 1000;
  public static final int EXCERPT_CHARS_DEFAULT = 4096;

  public static final DumpReaderOptions DEFAULTS = new DumpReaderOptions(
      MAX_LINE_CHARS_DEFAULT, MAX_NESTING_DEPTH_DEFAULT, MAX_NUMBER_LENGTH_DEFAULT, EXCERPT_CHARS_DEFAULT);

  public DumpReaderOptions {
    requireAtLeast("maxLineChars", maxLineChars, 16);
    requireAtLeast("maxNestingDepth", maxNestingDepth, 4);
    requireAtLeast("maxNumberLength", maxNumberLength, 20);
    requireAtLeast("excerptChars", excerptChars, 0);
  }

  /** The defaults with another line-length limit. */
  public static DumpReaderOptions withMaxLineChars(int maxLineChars) {
    return new DumpReaderOptions(maxLineChars, MAX_NESTING_DEPTH_DEFAULT, MAX_NUMBER_LENGTH_DEFAULT,
        EXCERPT_CHARS_DEFAULT);
  }

  private static void requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(String.format("%s must be at least %d, cannot be: %d", name, min, value));
    }
  }
}
