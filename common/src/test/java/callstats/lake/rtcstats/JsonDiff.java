package callstats.lake.rtcstats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Strict deep equality of two JSON trees as the upstream test compares them: object key order ignored,
 * array order significant, numbers equal as IEEE doubles whatever their node type. Returns the paths that
 * differ, empty when equal.
 */
final class JsonDiff {

  private JsonDiff() {}

  static List<String> differences(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    compare("$", expected, actual, out);
    return out;
  }

  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected == null || actual == null) {
      if (expected != actual) {
        out.add(path + ": expected " + expected + " but was " + actual);
      }
      return;
    }
    if (expected.isNumber() && actual.isNumber()) {
      if (Double.compare(expected.doubleValue(), actual.doubleValue()) != 0
          && expected.doubleValue() != actual.doubleValue()) {
        out.add(path + ": expected " + expected + " but was " + actual);
      }
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      expected.fieldNames().forEachRemaining(keys::add);
      actual.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        compare(path + "." + key, expected.get(key), actual.get(key), out);
      }
      return;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        out.add(path + ": expected " + expected.size() + " elements but was " + actual.size());
      }
      for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
        compare(path + "[" + i + "]", expected.get(i), actual.get(i), out);
      }
      return;
    }
    if (!expected.equals(actual)) {
      out.add(path + ": expected " + expected + " but was " + actual);
    }
  }

  static String describe(List<String> differences) {
    return String.join("\n", differences.subList(0, Math.min(40, differences.size())));
  }
}
