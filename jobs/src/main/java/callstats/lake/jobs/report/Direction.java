package callstats.lake.jobs.report;

/** Whether a rise of a measure is good news, bad news, or neither (volumes). */
public enum Direction {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER,
  NEUTRAL;

  /** better, worse, no change, or changed (a neutral measure) for a change of the given sign. */
  public String judge(int sign) {
    if (sign == 0) {
      return "same";
    }
    return switch (this) {
      case HIGHER_IS_BETTER -> sign > 0 ? "better" : "worse";
      case LOWER_IS_BETTER -> sign < 0 ? "better" : "worse";
      case NEUTRAL -> "neutral";
    };
  }
}
