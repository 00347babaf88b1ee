package callstats.lake.rtcstats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code browserInfo} of the compatibility view (docs/rtcstats-features.md 4.8): browser name, version and OS
 * description parsed from the user agent, and their combinations.
 *
 * @param rawName the parsed name, null when not recognised (printed as "unknown" in {@code name})
 * @param rawVersion the parsed version, null when not recognised (printed as "-1" in {@code version})
 * @param os the OS description, the literal "null" when not recognised
 * @param userAgent the raw user agent
 */
public record BrowserInfo(String rawName, String rawVersion, String os, String userAgent) {

  /** Parses a non-empty user agent; React Native agents get name ReactNative and their own layout. */
  public static BrowserInfo parse(String userAgent) {
    if (userAgent.startsWith("react-native")) {
      String version = jsSubstring(userAgent, userAgent.indexOf('/') + 1, userAgent.indexOf('(') - 1);
      String os = jsSubstring(userAgent, userAgent.indexOf('(') + 1, userAgent.indexOf(')'));
      return new BrowserInfo("ReactNative", version, os, userAgent);
    }
    UserAgentParser.Parsed parsed = UserAgentParser.parse(userAgent);
    return new BrowserInfo(parsed.name(), parsed.version(), parsed.os(), userAgent);
  }

  /** The name as output: the parsed name or "unknown". */
  public String name() {
    return rawName == null ? "unknown" : rawName;
  }

  /** The version as output: the parsed version or "-1". */
  public String version() {
    return rawVersion == null ? "-1" : rawVersion;
  }

  /** The text before the first "." of the parsed version; null when no version was parsed. */
  public String majorVersion() {
    if (rawVersion == null) {
      return null;
    }
    int dot = rawVersion.indexOf('.');
    return dot < 0 ? rawVersion : rawVersion.substring(0, dot);
  }

  ObjectNode toJson() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (majorVersion() != null) {
      out.put("majorVersion", majorVersion());
    }
    out.put("name", name());
    out.put("nameOs", rawName + "/" + os);
    out.put("nameVersion", rawName + "/" + rawVersion);
    out.put("nameVersionOs", rawName + "/" + rawVersion + "/" + os);
    out.put("os", os);
    out.put("userAgent", userAgent);
    out.put("version", version());
    return out;
  }

  /** {@code String.prototype.substring}: indices clamped to [0, length] and swapped when reversed. */
  private static String jsSubstring(String s, int start, int end) {
    int a = Math.max(0, Math.min(start, s.length()));
    int b = Math.max(0, Math.min(end, s.length()));
    return s.substring(Math.min(a, b), Math.max(a, b));
  }
}
