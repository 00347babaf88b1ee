package callstats.lake.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed values out of JSON as real clients send them: numbers may come as strings (flagged),
 * NaN, Infinity, negative or absurdly large values become null (flagged) instead of poisoning rates.
 * One instance per row: it collects the row's data-quality flags.
 */
public final class Values {

  public static final String FLAG_NUMBERS_AS_STRINGS = "numbers_as_strings";
  public static final String FLAG_BAD_NUMBER = "bad_number";
  public static final String FLAG_NEGATIVE_COUNTER = "negative_counter";

  /** Larger counters are not plausible for one WebRTC stream (2^53, the largest exact double). */
  static final long MAX_COUNTER = 1L << 53;

  private final Set<String> flags = new TreeSet<>();

  public Set<String> flags() {
    return flags;
  }

  public void flag(String flag) {
    flags.add(flag);
  }

  /** The flags in sorted order, as the FLAGS column holds them. */
  public String[] flagArray() {
    return flags.toArray(String[]::new);
  }

  /** A finite double, or null when absent, null, not numeric, NaN or infinite. */
  public Double dbl(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    double v;
    if (n.isNumber()) {
      v = n.doubleValue();
    } else if (n.isTextual()) {
      String s = n.textValue().trim();
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        flags.add(FLAG_BAD_NUMBER);
        return null;
      }
      if (!Double.isNaN(v) && !Double.isInfinite(v)) {
        flags.add(FLAG_NUMBERS_AS_STRINGS);
      }
    } else if (n.isBoolean()) {
      flags.add(FLAG_BAD_NUMBER);
      return null;
    } else {
      flags.add(FLAG_BAD_NUMBER);
      return null;
    }
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      flags.add(FLAG_BAD_NUMBER);
      return null;
    }
    return v;
  }

  /** A non-negative double (durations, rates, gauges), else null (flagged). */
  public Double nonNegative(JsonNode parent, String field) {
    Double v = dbl(parent, field);
    if (v != null && (v < 0 || v > MAX_COUNTER)) {
      flags.add(FLAG_BAD_NUMBER);
      return null;
    }
    return v;
  }

  /** A cumulative counter: a non-negative whole number below 2^53, else null (flagged). */
  public Long counter(JsonNode parent, String field) {
    Double v = dbl(parent, field);
    if (v == null) {
      return null;
    }
    if (v < 0) {
      flags.add(FLAG_NEGATIVE_COUNTER);
      return null;
    }
    if (v > MAX_COUNTER) {
      flags.add(FLAG_BAD_NUMBER);
      return null;
    }
    return (long) Math.floor(v);
  }

  /** A whole number that may be negative (packetsLost), bounded by +-2^53, else null (flagged). */
  public Long signedCounter(JsonNode parent, String field) {
    Double v = dbl(parent, field);
    if (v == null) {
      return null;
    }
    if (Math.abs(v) > MAX_COUNTER) {
      flags.add(FLAG_BAD_NUMBER);
      return null;
    }
    return (long) Math.floor(v);
  }

  public Integer intValue(JsonNode parent, String field) {
    Long v = counter(parent, field);
    return v == null || v > Integer.MAX_VALUE ? null : v.intValue();
  }

  /** Text of a string (or number) field, capped; null when absent, null, or not a scalar. */
  public static String text(JsonNode parent, String field) {
    return text(parent, field, 1024);
  }

  public static String text(JsonNode parent, String field, int maxChars) {
    JsonNode n = parent == null ? null : parent.get(field);
    if (n == null || n.isNull() || n.isContainerNode()) {
      return null;
    }
    String s = n.asText();
    if (s.isEmpty()) {
      return null;
    }
    return s.length() > maxChars ? s.substring(0, maxChars) : s;
  }

  public static Boolean bool(JsonNode parent, String field) {
    JsonNode n = parent == null ? null : parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isTextual()) {
      String s = n.textValue().toLowerCase(Locale.ROOT);
      if (s.equals("true")) {
        return true;
      }
      if (s.equals("false")) {
        return false;
      }
    }
    return null;
  }

  /** An SSRC: an unsigned 32-bit integer, as number or string; null otherwise. */
  public static Long ssrc(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    long v;
    if (n.isIntegralNumber()) {
      v = n.longValue();
    } else if (n.isTextual()) {
      try {
        v = Long.parseLong(n.textValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    } else {
      return null;
    }
    return v >= 0 && v < (1L << 32) ? v : null;
  }

  /** A timestamp from epoch milliseconds (fractions kept to the microsecond). */
  public static Timestamp timestamp(double epochMs) {
    long micros = Math.round(epochMs * 1000.0);
    Timestamp ts = new Timestamp(Math.floorDiv(micros, 1000L));
    ts.setNanos((int) (Math.floorMod(micros, 1_000_000L) * 1000L));
    return ts;
  }

  /** Epoch ms between 2000-01-01 and 2100-01-01: what a plausible client or gateway clock reads. */
  public static boolean plausibleEpochMs(double ms) {
    return ms >= 946_684_800_000.0 && ms < 4_102_444_800_000.0;
  }
}
