package callstats.lake.rtcstats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;

/**
 * JavaScript value semantics over Jackson trees, as the rtcstats reference extractor applies them
 * (docs/rtcstats-features.md section 1): truthiness, numeric coercion, {@code +}, relational comparison, strict
 * equality and property-key string forms.
 *
 * <p>A Java {@code null} stands for {@code undefined} (an absent element or field); JSON {@code null} is
 * {@link NullNode}. Every number is treated as an IEEE double, whatever node type Jackson chose.
 */
public final class Js {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final double MAX_SAFE_INTEGER = 9007199254740991.0;

  private Js() {}

  /** Falsy: undefined, null, false, 0, NaN, "". Everything else, objects and arrays included, is truthy. */
  public static boolean truthy(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return false;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isNumber()) {
      double d = v.doubleValue();
      return d != 0 && !Double.isNaN(d);
    }
    if (v.isTextual()) {
      return !v.textValue().isEmpty();
    }
    return true;
  }

  /** {@code Number(v)}: undefined is NaN, null 0, booleans 0/1, strings parsed, objects and arrays NaN. */
  public static double toNumber(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return Double.NaN;
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isNull()) {
      return 0;
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? 1 : 0;
    }
    if (v.isTextual()) {
      return JsNumbers.parse(v.textValue());
    }
    return Double.NaN;
  }

  /** "as a number or 0": the coerced value, or 0 when that is 0 or NaN. */
  public static double numberOr0(JsonNode v) {
    double d = toNumber(v);
    return Double.isNaN(d) ? 0 : d;
  }

  /** "or 0": the raw value if truthy, else the number 0. */
  public static JsonNode or0(JsonNode v) {
    return truthy(v) ? v : num(0);
  }

  /** {@code String(v)}; objects print as {@code [object Object]}, arrays as their joined elements. */
  public static String toJsString(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "undefined";
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isNumber()) {
      return JsNumbers.toJsString(v.doubleValue());
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isBoolean()) {
      return String.valueOf(v.booleanValue());
    }
    if (v.isArray()) {
      StringBuilder joined = new StringBuilder();
      for (int i = 0; i < v.size(); i++) {
        JsonNode element = v.get(i);
        joined.append(i == 0 ? "" : ",").append(element.isNull() ? "" : toJsString(element));
      }
      return joined.toString();
    }
    return "[object Object]";
  }

  /** The property key a value becomes when used as an object key ({@code undefined} becomes "undefined"). */
  public static String key(JsonNode v) {
    return toJsString(v);
  }

  /** {@code a + b}: concatenation when either side is a string (or an object), else numeric addition. */
  public static JsonNode add(JsonNode a, JsonNode b) {
    if (isStringLike(a) || isStringLike(b)) {
      return TextNode.valueOf(toJsString(a) + toJsString(b));
    }
    return num(toNumber(a) + toNumber(b));
  }

  private static boolean isStringLike(JsonNode v) {
    return v != null && (v.isTextual() || v.isContainerNode());
  }

  /** {@code a > b}: lexicographic (UTF-16) when both are strings, else numeric; NaN compares false. */
  public static boolean greater(JsonNode a, JsonNode b) {
    if (a != null && b != null && a.isTextual() && b.isTextual()) {
      return a.textValue().compareTo(b.textValue()) > 0;
    }
    return toNumber(a) > toNumber(b);
  }

  /** {@code a < b}, with the same rules as {@link #greater}. */
  public static boolean less(JsonNode a, JsonNode b) {
    return greater(b, a);
  }

  /** {@code a === b}: same type and value; containers by identity; undefined equals only undefined. */
  public static boolean strictEquals(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.doubleValue() == b.doubleValue();
    }
    if (a.isTextual() && b.isTextual()) {
      return a.textValue().equals(b.textValue());
    }
    if (a.isBoolean() && b.isBoolean()) {
      return a.booleanValue() == b.booleanValue();
    }
    if (a.isNull() && b.isNull()) {
      return true;
    }
    return a == b;
  }

  /** True when {@code v} is the given string (strict equality with a string literal). */
  public static boolean isString(JsonNode v, String literal) {
    return v != null && v.isTextual() && v.textValue().equals(literal);
  }

  /** A field of an object value; undefined for absent fields and for non-object values. */
  public static JsonNode field(JsonNode object, String name) {
    return object != null && object.isObject() ? object.get(name) : null;
  }

  /** A number node in canonical form: integral values within 2^53 as longs, others as doubles (NaN kept). */
  public static JsonNode num(double d) {
    if (d == Math.rint(d) && Math.abs(d) <= MAX_SAFE_INTEGER && !(d == 0 && 1 / d < 0)) {
      return LongNode.valueOf((long) d);
    }
    return DoubleNode.valueOf(d);
  }

  /**
   * A value as the reference's JSON output prints it: NaN and infinities become null, numbers canonical,
   * containers copied with the same rule applied inside. Returns Java null for undefined (omit the field).
   */
  public static JsonNode out(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return null;
    }
    if (v.isNumber()) {
      double d = v.doubleValue();
      return Double.isFinite(d) ? num(d == 0 ? 0 : d) : NullNode.getInstance();
    }
    if (v.isObject()) {
      ObjectNode copy = NODES.objectNode();
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        JsonNode value = out(e.getValue());
        if (value != null) {
          copy.set(e.getKey(), value);
        }
      }
      return copy;
    }
    if (v.isArray()) {
      var copy = NODES.arrayNode(v.size());
      v.forEach(element -> copy.add(out(element)));
      return copy;
    }
    return v;
  }
}
