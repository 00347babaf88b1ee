package callstats.lake.config;

/**
 * A configuration or usage problem that the user can fix: the message names the bad value and the fix.
 * The CLI maps it to exit code 2.
 */
public final class ConfigError extends RuntimeException {
  public ConfigError(String message) {
    super(message);
  }

  public ConfigError(String message, Throwable cause) {
    super(message, cause);
  }
}
