package callstats.lake.rtcstats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * JavaScript number semantics that the rtcstats compatibility view depends on: the shortest round-trip
 * decimal form of a double ({@code Number.prototype.toString}), string-to-number coercion and the
 * reference's two-decimal rounding R2.
 *
 * <p>Java 17's {@code Double.toString} is not always the shortest round-trip form (JDK-4511638, fixed in
 * 19), so the shortest form is searched exactly with {@link BigDecimal}: for n = 1..17 significant digits
 * the two n-digit neighbours of the value are tested against the value's rounding interval. This costs
 * microseconds per call and runs a few times per connection and track, never per stats report.
 */
public final class JsNumbers {

  private static final Pattern DECIMAL_LITERAL =
      Pattern.compile("[+-]?(?:Infinity|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)");
  private static final Pattern RADIX_LITERAL = Pattern.compile("0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+");
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final double TWO_POW_52 = 4503599627370496.0;

  private JsNumbers() {}

  /** {@code String(x)} for a JavaScript number: shortest round-trip digits, exponent form outside [1e-6, 1e21). */
  public static String toJsString(double x) {
    if (Double.isNaN(x)) {
      return "NaN";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Infinity" : "-Infinity";
    }
    if (x == 0) {
      return "0";
    }
    BigDecimal shortest = shortest(Math.abs(x));
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    String body = layout(digits, k, n);
    return x < 0 ? "-" + body : body;
  }

  /** The shortest decimal (fewest significant digits, then closest, then even) that parses back to {@code v > 0}. */
  static BigDecimal shortest(double v) {
    BigDecimal exact = new BigDecimal(v);
    BigDecimal low = exact.add(new BigDecimal(Math.nextDown(v))).divide(TWO);
    BigDecimal high = Double.isInfinite(Math.nextUp(v))
        ? exact.add(new BigDecimal(Math.ulp(v)).divide(TWO))
        : exact.add(new BigDecimal(Math.nextUp(v))).divide(TWO);
    boolean inclusive = (Double.doubleToRawLongBits(v) & 1L) == 0;
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal down = exact.round(new MathContext(digits, RoundingMode.FLOOR));
      BigDecimal up = exact.round(new MathContext(digits, RoundingMode.CEILING));
      boolean downOk = inside(down, low, high, inclusive);
      boolean upOk = inside(up, low, high, inclusive);
      if (downOk && upOk) {
        return closer(exact, down, up).stripTrailingZeros();
      }
      if (downOk || upOk) {
        return (downOk ? down : up).stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  private static boolean inside(BigDecimal d, BigDecimal low, BigDecimal high, boolean inclusive) {
    int lo = d.compareTo(low);
    int hi = d.compareTo(high);
    return inclusive ? lo >= 0 && hi <= 0 : lo > 0 && hi < 0;
  }

  private static BigDecimal closer(BigDecimal exact, BigDecimal down, BigDecimal up) {
    int cmp = exact.subtract(down).compareTo(up.subtract(exact));
    if (cmp != 0) {
      return cmp < 0 ? down : up;
    }
    return down.unscaledValue().testBit(0) ? up : down;
  }

  /** ECMAScript Number::toString layout for digits s (length k) and decimal exponent n (value = 0.s x 10^n). */
  private static String layout(String s, int k, int n) {
    if (k <= n && n <= 21) {
      return s + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return s.substring(0, n) + "." + s.substring(n);
    }
    if (-6 < n && n <= 0) {
      return "0." + "0".repeat(-n) + s;
    }
    int e = n - 1;
    String exponent = (e < 0 ? "e-" : "e+") + Math.abs(e);
    return k == 1 ? s + exponent : s.charAt(0) + "." + s.substring(1) + exponent;
  }

  /** {@code Number(s)} for a string: trimmed; empty is 0; decimal, Infinity or 0x/0o/0b literals; else NaN. */
  public static double parse(String s) {
    String t = trimJs(s);
    if (t.isEmpty()) {
      return 0;
    }
    if (DECIMAL_LITERAL.matcher(t).matches()) {
      if (t.endsWith("Infinity")) {
        return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      return Double.parseDouble(t);
    }
    if (RADIX_LITERAL.matcher(t).matches()) {
      char kind = Character.toLowerCase(t.charAt(1));
      int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
      return new BigDecimal(new BigInteger(t.substring(2), radix)).doubleValue();
    }
    return Double.NaN;
  }

  private static String trimJs(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isJsSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isJsSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isJsSpace(char c) {
    return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' ' || c == 0xA0
        || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
        || c == 0x205F || c == 0x3000 || c == 0xFEFF;
  }

  /**
   * R2, the reference's rounding to two decimals: half-up on the shortest decimal text, NaN when that text
   * is in exponent form (|x| below 1e-6 or from 1e21) or the input is not finite. Like the reference, the
   * rounded hundredths are shifted back through their shortest text, not their exact binary value.
   */
  public static double round2(double x) {
    if (!Double.isFinite(x)) {
      return Double.NaN;
    }
    if (x == 0) {
      return 0;
    }
    String text = toJsString(x);
    if (text.indexOf('e') >= 0) {
      return Double.NaN;
    }
    double shifted = new BigDecimal(text).movePointRight(2).doubleValue();
    double rounded = Math.abs(shifted) >= TWO_POW_52 ? shifted : (double) Math.round(shifted);
    if (Math.abs(rounded) >= 1e21) {
      return Double.NaN;
    }
    return new BigDecimal(toJsString(rounded)).movePointLeft(2).doubleValue();
  }
}
