package callstats.lake.jobs.simulate;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeUri;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One simulate run: the date, the size, the seed and the dirt rate, where lines and truth go, and the traffic
 * profile. Validated on construction; serializable (sent to the generator tasks).
 */
public record SimulateSettings(LocalDate date, long calls, int apps, long seed, double dirt, Dialect dialect,
    String landing, String truth, SimulatorProfile profile) implements Serializable {

  public static final long MAX_CALLS = 100_000_000L;
  public static final int MAX_APPS = 1_000;
  public static final double MAX_DIRT = 0.5;

  public SimulateSettings {
    if (calls < 1 || calls > MAX_CALLS) {
      throw new ConfigError("--calls must be between 1 and " + MAX_CALLS + ", cannot be: " + calls);
    }
    if (apps < 1 || apps > MAX_APPS) {
      throw new ConfigError("--apps must be between 1 and " + MAX_APPS + ", cannot be: " + apps);
    }
    if (!(dirt >= 0 && dirt <= MAX_DIRT)) {
      throw new ConfigError("--dirt is the share of dirty lines and must be in [0, " + MAX_DIRT + "], cannot be: "
          + dirt);
    }
    if (dialect != Dialect.CALLSTATS) {
      throw new ConfigError("--dialect " + dialect.name().toLowerCase(Locale.ROOT)
          + " is not generated yet; use --dialect callstats");
    }
    String t = new LakeUri(truth).value() + "/";
    String l = new LakeUri(landing).value() + "/";
    if (t.startsWith(l) || l.startsWith(t)) {
      throw new ConfigError("the truth location must be next to, not inside (or around), the landing zone: --truth "
          + truth + " and --landing " + landing + "; choose another --truth, e.g. <lake>/simulator/truth");
    }
  }

  /** Generator tasks: enough that each generates about calls-per-partition calls. Part of the output's identity. */
  public int partitions() {
    return (int) Math.max(1, Math.min(100_000, (calls + profile.callsPerPartition() - 1)
        / profile.callsPerPartition()));
  }
}
