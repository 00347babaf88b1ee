package callstats.lake.ingest;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeConfig;
import callstats.lake.privacy.KeyedHasher;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the parsers need to know, shipped to every task: limits, the hashing key (from the environment,
 * never logged) and which apps are pseudonymised.
 */
public record IngestSettings(
    int maxLineBytes,
    int quarantineRawChars,
    double clockSkewFlagMs,
    double maxGzipRatio,
    long splitTargetBytes,
    Set<String> pseudonymiseApps,
    KeyedHasher hasher,
    String rtcstatsAppId) implements Serializable {

  /** The app id of rtcstats dumps whose identity names no application. */
  public static final String RTCSTATS_APP_ID_DEFAULT = "rtcstats";

  public static IngestSettings from(LakeConfig config, Map<String, String> env) {
    String envName = config.read("privacy", p -> p.getString("hash-key-env"));
    return withoutKey(config).withHasher(KeyedHasher.fromEnvironment(envName, env));
  }

  /** The configured limits without a hashing key, for work that never hashes (rtcstats-features). */
  public static IngestSettings withoutKey(LakeConfig config) {
    return config.read("normalise", c -> new IngestSettings(
        c.getInt("max-line-bytes"),
        c.getInt("quarantine-raw-max-chars"),
        c.getDouble("clock-skew-flag-seconds") * 1000.0,
        c.getDouble("max-gzip-ratio"),
        c.getBytes("split-target-bytes"),
        Set.copyOf(config.read("privacy", p -> p.getStringList("pseudonymise-apps"))),
        null,
        c.getString("rtcstats.app-id")));
  }

  public IngestSettings {
    if (maxLineBytes < 1024) {
      throw new ConfigError("normalise.max-line-bytes must be at least 1024, cannot be: " + maxLineBytes);
    }
    if (quarantineRawChars < 0) {
      throw new ConfigError("normalise.quarantine-raw-max-chars must not be negative, cannot be: " + quarantineRawChars);
    }
    if (splitTargetBytes < 1) {
      throw new ConfigError("normalise.split-target-bytes must be positive, cannot be: " + splitTargetBytes);
    }
    pseudonymiseApps = Set.copyOf(pseudonymiseApps);
    if (rtcstatsAppId == null || rtcstatsAppId.isBlank()) {
      throw new ConfigError("normalise.rtcstats.app-id must not be empty, cannot be: '" + rtcstatsAppId + "'");
    }
  }

  public IngestSettings withHasher(KeyedHasher h) {
    return new IngestSettings(maxLineBytes, quarantineRawChars, clockSkewFlagMs, maxGzipRatio, splitTargetBytes,
        pseudonymiseApps, h, rtcstatsAppId);
  }

  /** Defaults for tests: the given key, nothing pseudonymised. */
  public static IngestSettings forTests(String key, List<String> pseudonymiseApps) {
    return new IngestSettings(4 << 20, 8192, 300_000, 200, 64 << 20, Set.copyOf(pseudonymiseApps),
        KeyedHasher.forKey(key), RTCSTATS_APP_ID_DEFAULT);
  }

  /**
   * A personal id as it may be stored: in clear, or as a keyed hash where the app is pseudonymised. Without an
   * app id (a record on its way to quarantine) it is hashed whenever any app is pseudonymised: it may be one's.
   */
  public String personalId(String appId, String id) {
    if (id == null) {
      return null;
    }
    boolean pseudonymise = appId == null ? !pseudonymiseApps.isEmpty() : pseudonymiseApps.contains(appId);
    if (!pseudonymise) {
      return id;
    }
    return "p:" + hasher.hash((appId == null ? "" : appId) + "\u0000" + id);
  }
}
