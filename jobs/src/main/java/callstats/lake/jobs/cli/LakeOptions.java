package callstats.lake.jobs.cli;

import callstats.lake.config.LakeConfig;
import java.io.File;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes: which configuration, and where the lake and the landing zone are. */
public final class LakeOptions {

  /** The launcher sets this to the project's conf/local.conf; spark-submit users pass --conf. */
  static final String DEFAULT_CONF_ENV = "CALLSTATS_LAKE_CONF";

  @Option(names = "--conf", paramLabel = "FILE",
      description = "HOCON configuration file (default: $CALLSTATS_LAKE_CONF, else the built-in defaults)")
  File conf;

  @Option(names = "--lake", paramLabel = "URI",
      description = "Where the Delta tables live: a path, file: URI or s3a:// URI (default: $LAKE_URI, else the config)")
  String lake;

  @Option(names = "--landing", paramLabel = "URI",
      description = "Where raw telemetry lands (default: $LANDING_URI, else the config, else <lake>/landing)")
  String landing;

  public LakeConfig load() {
    File file = conf;
    if (file == null && System.getenv(DEFAULT_CONF_ENV) != null && !System.getenv(DEFAULT_CONF_ENV).isBlank()) {
      file = new File(System.getenv(DEFAULT_CONF_ENV));
    }
    return LakeConfig.load(file, lake, landing, System.getenv(), Path.of("").toAbsolutePath());
  }
}
