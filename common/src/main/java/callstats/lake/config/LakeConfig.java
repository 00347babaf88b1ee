package callstats.lake.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import java.io.File;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configuration of one run, parsed once from a HOCON file ({@code conf/*.conf}) layered over the
 * defaults in {@code callstats-lake-defaults.conf}, then overridden by the environment and the command
 * line. Immutable. Holds no secrets: those are read from the environment where they are used.
 *
 * <p>Precedence for the lake and landing locations: command-line flag, then {@code LAKE_URI} /
 * {@code LANDING_URI}, then the file.
 */
public final class LakeConfig {

  public static final String ROOT = "callstats-lake";
  public static final String LAKE_ENV = "LAKE_URI";
  public static final String LANDING_ENV = "LANDING_URI";
  static final String DEFAULTS_RESOURCE = "callstats-lake-defaults.conf";

  private final Config root;
  private final LakeUri lake;
  private final LakeUri landing;
  private final SparkSettings spark;
  private final S3Settings s3;
  private final String source;

  private LakeConfig(Config root, LakeUri lake, LakeUri landing, String source) {
    this.root = root;
    this.lake = lake;
    this.landing = landing;
    this.source = source;
    try {
      this.spark = SparkSettings.from(root.getConfig("spark"));
      this.s3 = S3Settings.from(root.getConfig("s3"));
    } catch (ConfigException e) {
      throw new ConfigError(describe(e, source), e);
    }
  }

  /**
   * Loads a configuration.
   *
   * @param file the HOCON file, or null for the defaults alone
   * @param lakeOverride the {@code --lake} value, or null
   * @param landingOverride the {@code --landing} value, or null
   * @param env the environment (for {@code LAKE_URI}, {@code LANDING_URI})
   * @param baseDir directory that relative paths resolve against
   */
  public static LakeConfig load(
      File file, String lakeOverride, String landingOverride, Map<String, String> env, Path baseDir) {
    String source = file == null ? "the built-in defaults" : file.getPath();
    Config merged;
    try {
      Config defaults = ConfigFactory.parseResources(
          LakeConfig.class.getClassLoader(), DEFAULTS_RESOURCE, ConfigParseOptions.defaults().setAllowMissing(false));
      Config user = ConfigFactory.empty();
      if (file != null) {
        if (!file.isFile()) {
          throw new ConfigError("config file " + file + " does not exist; pass --conf with a file such as conf/local.conf");
        }
        user = ConfigFactory.parseFile(file, ConfigParseOptions.defaults().setAllowMissing(false));
      }
      merged = user.withFallback(defaults).resolve();
    } catch (ConfigException e) {
      throw new ConfigError(describe(e, source), e);
    }
    if (!merged.hasPath(ROOT)) {
      throw new ConfigError(source + " has no '" + ROOT + "' block; see conf/local.conf for the layout");
    }
    Config root = merged.getConfig(ROOT);
    String fileLake = stringOrNull(root, "lake");
    String fileLanding = stringOrNull(root, "landing");
    boolean lakeOverridden = firstNonBlank(lakeOverride, env.get(LAKE_ENV)) != null;
    if (lakeOverridden && fileLake != null && (fileLake + "/landing").equals(fileLanding)) {
      // The file's landing is the default layout, <lake>/landing (resolved when the file was parsed): it moves
      // with an overridden lake instead of staying under the file's lake.
      fileLanding = null;
    }
    String lakeRaw = firstNonBlank(lakeOverride, env.get(LAKE_ENV), fileLake);
    String landingRaw = firstNonBlank(landingOverride, env.get(LANDING_ENV), fileLanding);
    if (lakeRaw == null) {
      throw new ConfigError("no lake location: set callstats-lake.lake in " + source + ", LAKE_URI, or --lake");
    }
    LakeUri lake = LakeUri.parse(lakeRaw, baseDir, "the lake location");
    LakeUri landing = landingRaw == null ? lake.resolve("landing") : LakeUri.parse(landingRaw, baseDir, "the landing location");
    return new LakeConfig(root, lake, landing, source);
  }

  /** The defaults alone, with the given locations (tests). */
  public static LakeConfig forLocations(String lake, String landing, Map<String, String> overrides) {
    Config o = ConfigFactory.parseMap(prefixed(overrides));
    Config defaults = ConfigFactory.parseResources(LakeConfig.class.getClassLoader(), DEFAULTS_RESOURCE);
    Config root = o.withFallback(defaults).resolve().getConfig(ROOT);
    Path cwd = Path.of("").toAbsolutePath();
    return new LakeConfig(root, LakeUri.parse(lake, cwd, "lake"), LakeUri.parse(landing, cwd, "landing"), "test overrides");
  }

  private static Map<String, Object> prefixed(Map<String, String> overrides) {
    Map<String, Object> m = new TreeMap<>();
    overrides.forEach((k, v) -> m.put(ROOT + "." + k, v));
    return m;
  }

  public LakeUri lake() {
    return lake;
  }

  public LakeUri landing() {
    return landing;
  }

  public SparkSettings spark() {
    return spark;
  }

  public S3Settings s3() {
    return s3;
  }

  /** Where this configuration came from, for messages. */
  public String source() {
    return source;
  }

  /** A job's own section (for example {@code normalise}), which the job parses into its settings. */
  public Config section(String name) {
    if (!root.hasPath(name)) {
      throw new ConfigError(source + " has no '" + ROOT + "." + name + "' section");
    }
    return root.getConfig(name);
  }

  /** Wraps a typed read of a job's section so that a bad value becomes a {@link ConfigError}. */
  public <T> T read(String section, java.util.function.Function<Config, T> reader) {
    try {
      return reader.apply(section(section));
    } catch (ConfigException e) {
      throw new ConfigError(describe(e, source), e);
    }
  }

  static String describe(ConfigException e, String source) {
    return "bad configuration in " + source + ": " + e.getMessage();
  }

  private static String stringOrNull(Config c, String path) {
    return c.hasPath(path) ? c.getString(path) : null;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /** Flattens a config object into dotted string keys (Spark and Hadoop settings). */
  static Map<String, String> flatten(Config c) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : c.entrySet()) {
      String key = e.getKey().replace("\"", "");
      out.put(key, String.valueOf(e.getValue().unwrapped()));
    }
    return Collections.unmodifiableMap(out);
  }

  /** Spark settings: the master used when spark-submit gave none, and defaults for other keys. */
  public record SparkSettings(String master, String appName, Map<String, String> settings) {
    static SparkSettings from(Config c) {
      return new SparkSettings(c.getString("master"), c.getString("app-name"), flatten(c.getConfig("settings")));
    }
  }

  /**
   * S3A settings. Credentials are never read from here: S3A takes them from the environment
   * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}) or the AWS default credential chain.
   */
  public record S3Settings(Optional<String> endpoint, String region, boolean pathStyle, boolean sslEnabled,
      Map<String, String> hadoop) {
    static S3Settings from(Config c) {
      Optional<String> endpoint = c.hasPath("endpoint") && !c.getString("endpoint").isBlank()
          ? Optional.of(c.getString("endpoint")) : Optional.empty();
      return new S3Settings(endpoint, c.getString("region"), c.getBoolean("path-style-access"),
          c.getBoolean("ssl-enabled"), flatten(c.getConfig("hadoop")));
    }
  }
}
