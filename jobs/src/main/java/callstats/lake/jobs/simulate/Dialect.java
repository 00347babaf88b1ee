package callstats.lake.jobs.simulate;

import callstats.lake.config.ConfigError;
import java.util.Locale;

/** The landing dialects the simulator can write. Only callstats is generated so far. */
public enum Dialect {
  CALLSTATS,
  RTCSTATS;

  /** Parses {@code --dialect}; rejects what cannot be generated yet. */
  public static Dialect parse(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "callstats" -> CALLSTATS;
      case "rtcstats" -> throw new ConfigError("--dialect rtcstats is not generated yet; use --dialect callstats "
          + "(the REST ingest dialect of INGEST-FORMATS.md section 1)");
      default -> throw new ConfigError("--dialect must be callstats, cannot be: " + value);
    };
  }
}
