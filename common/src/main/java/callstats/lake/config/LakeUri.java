package callstats.lake.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where tables or landing files live: a local directory ({@code file:} URI or plain path) or an
 * {@code s3a://bucket/prefix} URI. Normalised without a trailing slash so that children are {@code uri + "/" + name}.
 */
public record LakeUri(String value) {

  public LakeUri {
    if (value == null || value.isBlank()) {
      throw new ConfigError("a lake or landing location must not be empty; give a path, a file: URI or an s3a:// URI");
    }
    while (value.length() > 1 && value.endsWith("/") && !value.endsWith("://")) {
      value = value.substring(0, value.length() - 1);
    }
  }

  /** Parses a user-supplied location; relative paths resolve against {@code baseDir}. */
  public static LakeUri parse(String raw, Path baseDir, String what) {
    String s = raw == null ? "" : raw.trim();
    if (s.isEmpty()) {
      throw new ConfigError(what + " must not be empty; give a path, a file: URI or an s3a:// URI");
    }
    if (s.startsWith("s3a://")) {
      String rest = s.substring("s3a://".length());
      if (rest.isEmpty() || rest.startsWith("/")) {
        throw new ConfigError(what + " must name a bucket (s3a://bucket/prefix), cannot be: " + raw);
      }
      return new LakeUri(s);
    }
    if (s.startsWith("s3://") || s.startsWith("s3n://")) {
      throw new ConfigError(what + " uses the scheme of " + raw + "; use s3a:// (the Hadoop S3A connector) instead");
    }
    if (s.startsWith("file:")) {
      try {
        URI uri = new URI(s);
        String path = uri.getPath() != null ? uri.getPath() : uri.getSchemeSpecificPart();
        return new LakeUri("file:" + baseDir.resolve(path).toAbsolutePath().normalize());
      } catch (URISyntaxException e) {
        throw new ConfigError(what + " is not a valid file: URI: " + raw, e);
      }
    }
    if (s.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new ConfigError(what + " must be a local path, a file: URI or an s3a:// URI, cannot be: " + raw);
    }
    return new LakeUri("file:" + baseDir.resolve(s).toAbsolutePath().normalize());
  }

  public boolean isS3() {
    return value.startsWith("s3a://");
  }

  public LakeUri resolve(String child) {
    return new LakeUri(value + "/" + child);
  }

  @Override
  public String toString() {
    return value;
  }
}
