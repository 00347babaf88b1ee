package callstats.lake.ingest.callstats;

import java.util.Locale;

/** Tells browsers from native SDKs and servers by the endpoint's buildName and type. */
enum ClientKind {
  BROWSER,
  NATIVE,
  SERVER,
  UNKNOWN;

  static ClientKind of(String endpointType, String buildName) {
    if ("server".equals(endpointType)) {
      return SERVER;
    }
    if (buildName == null) {
      return UNKNOWN;
    }
    return browserName(buildName) != null ? BROWSER : NATIVE;
  }

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The canonical browser name for a buildName, or null when it is not a browser. */
  static String browserName(String buildName) {
    if (buildName == null) {
      return null;
    }
    String b = buildName.toLowerCase(Locale.ROOT);
    if (b.contains("edge") || b.equals("edg")) {
      return "Edge";
    }
    if (b.contains("chrom")) {
      return "Chrome";
    }
    if (b.contains("firefox")) {
      return "Firefox";
    }
    if (b.contains("safari")) {
      return "Safari";
    }
    if (b.contains("opera") || b.equals("opr")) {
      return "Opera";
    }
    if (b.contains("samsung")) {
      return "Samsung Internet";
    }
    return null;
  }

  /** Text before the first dot of a version. */
  static String major(String version) {
    if (version == null) {
      return null;
    }
    int dot = version.indexOf('.');
    return dot > 0 ? version.substring(0, dot) : version;
  }
}
