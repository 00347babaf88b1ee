package callstats.lake.jobs.maintain;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeConfig;

/**
 * The {@code maintain} section of the configuration: what to do, how many days each layer keeps
 * ({@link Retention}) and how long VACUUM keeps unreferenced files. A retention below Delta's safety margin is a configuration error unless explicitly allowed.
 */
public record MaintainSettings(boolean optimize, boolean zOrder, boolean vacuum, double vacuumRetentionHours,
    boolean allowShortRetention, Retention retention) {

  public static final String SECTION = "maintain";
  public static final String OPTIMIZE = "optimize";
  public static final String ZORDER = "zorder";
  public static final String VACUUM = "vacuum";
  public static final String VACUUM_RETENTION_HOURS = "vacuum-retention-hours";
  public static final String ALLOW_SHORT_RETENTION = "allow-short-retention";

  /**
   * Delta's default {@code delta.deletedFileRetentionDuration} (7 days), below which its
   * {@code retentionDurationCheck} refuses to vacuum: a reader of an older version, or a writer that
   * started before the files were unreferenced, could find its files gone.
   */
  public static final double SAFE_RETENTION_HOURS = 168;

  public static MaintainSettings from(LakeConfig config) {
    return config.read(SECTION, c -> new MaintainSettings(
        c.getBoolean(OPTIMIZE),
        c.getBoolean(ZORDER),
        c.getBoolean(VACUUM),
        c.getDouble(VACUUM_RETENTION_HOURS),
        c.getBoolean(ALLOW_SHORT_RETENTION),
        Retention.from(c)));
  }

  public MaintainSettings {
    String key = SECTION + "." + VACUUM_RETENTION_HOURS;
    if (vacuumRetentionHours < 0 || Double.isNaN(vacuumRetentionHours)) {
      throw new ConfigError(key + " must not be negative, cannot be: " + vacuumRetentionHours);
    }
    if (vacuumRetentionHours < SAFE_RETENTION_HOURS && !allowShortRetention) {
      throw new ConfigError(key + " must be at least " + (long) SAFE_RETENTION_HOURS
          + " (Delta's retention safety check: readers and writers older than the retention lose their files),"
          + " cannot be: " + vacuumRetentionHours + "; set " + SECTION + "." + ALLOW_SHORT_RETENTION
          + " = true only where no job or reader runs longer than the retention");
    }
  }

  /** True when VACUUM must bypass Delta's retention check (allowed and below the safe margin). */
  public boolean shortRetention() {
    return vacuumRetentionHours < SAFE_RETENTION_HOURS;
  }
}
