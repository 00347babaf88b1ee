package callstats.lake.privacy;

import callstats.lake.config.ConfigError;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash (HMAC-SHA256) for values that must not reach the lake in clear: client IP addresses always,
 * personal ids where an app is pseudonymised. The key comes only from the environment; it is never
 * logged ({@link #toString()} hides it). Equal inputs give equal hashes under one key, so analysts can
 * still count distinct addresses and join on ids. Not thread-safe: one instance per task.
 */
public final class KeyedHasher implements Serializable {

  private static final long serialVersionUID = 1L;
  public static final int MIN_KEY_LENGTH = 16;
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] key;
  private transient Mac mac;

  private KeyedHasher(byte[] key) {
    this.key = key.clone();
  }

  /** Reads the key from the environment variable {@code envName}; a missing or short key is a {@link ConfigError}. */
  public static KeyedHasher fromEnvironment(String envName, Map<String, String> env) {
    String value = env.get(envName);
    if (value == null || value.isEmpty()) {
      throw new ConfigError("the environment variable " + envName + " must hold the hashing key for IP addresses "
          + "and pseudonymised ids (at least " + MIN_KEY_LENGTH + " characters); set it, e.g. export " + envName
          + "=$(openssl rand -hex 32), and keep it: a new key changes every hash");
    }
    if (value.length() < MIN_KEY_LENGTH) {
      throw new ConfigError("the hashing key in " + envName + " must be at least " + MIN_KEY_LENGTH
          + " characters, it has " + value.length());
    }
    return new KeyedHasher(value.getBytes(StandardCharsets.UTF_8));
  }

  /** For tests only. */
  public static KeyedHasher forKey(String key) {
    return new KeyedHasher(key.getBytes(StandardCharsets.UTF_8));
  }

  /** Hex of the first 16 bytes of HMAC-SHA256(key, value). */
  public String hash(String value) {
    byte[] out = mac().doFinal(value.getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(out, 0, 16);
  }

  private Mac mac() {
    if (mac == null) {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
      } catch (NoSuchAlgorithmException | InvalidKeyException e) {
        throw new IllegalStateException("HmacSHA256 is not available", e);
      }
    }
    return mac;
  }

  @Override
  public String toString() {
    return "KeyedHasher[key hidden]";
  }
}
