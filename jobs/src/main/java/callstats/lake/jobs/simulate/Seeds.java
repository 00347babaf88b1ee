package callstats.lake.jobs.simulate;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from the run's seed and the coordinates of what is generated
 * (date, app, call index, ...), so that every call is generated the same way whichever task generates it.
 */
final class Seeds {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** The SplitMix64 finaliser: a bijective mix of 64 bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A seed from several coordinates; order matters. */
  static long of(long... parts) {
    long h = GOLDEN;
    for (long p : parts) {
      h = mix(h ^ mix(p + GOLDEN));
    }
    return h;
  }

  /** A stable 64-bit hash of a string (names mixed into seeds). */
  static long hash(String s) {
    long h = 0xCBF29CE484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xFF)) * 0x100000001B3L;
    }
    return mix(h);
  }

  static SplittableRandom random(long... parts) {
    return new SplittableRandom(of(parts));
  }
}
