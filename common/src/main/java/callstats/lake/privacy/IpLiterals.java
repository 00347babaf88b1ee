package callstats.lake.privacy;

/** Recognises IPv4 and IPv6 literals without any name resolution. */
final class IpLiterals {

  private IpLiterals() {}

  static boolean isIpv4(String s) {
    return ipv4Octets(s) != null;
  }

  /** The four octets, or null if {@code s} is not a dotted-quad IPv4 literal. */
  static int[] ipv4Octets(String s) {
    int[] out = new int[4];
    int part = 0;
    int value = -1;
    int digits = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : '.';
      if (c >= '0' && c <= '9') {
        if (++digits > 3) {
          return null;
        }
        value = (value < 0 ? 0 : value * 10) + (c - '0');
      } else if (c == '.') {
        if (value < 0 || value > 255 || part > 3) {
          return null;
        }
        out[part++] = value;
        value = -1;
        digits = 0;
      } else {
        return null;
      }
    }
    return part == 4 ? out : null;
  }

  static boolean isIpv6(String s) {
    if (s.length() < 2 || s.indexOf(':') < 0) {
      return false;
    }
    int zone = s.indexOf('%');
    if (zone >= 0) {
      s = s.substring(0, zone);
    }
    int dbl = s.indexOf("::");
    if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
      return false;
    }
    String[] groups = s.split(":", -1);
    int count = 0;
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      if (g.isEmpty()) {
        continue;
      }
      if (i == groups.length - 1 && g.indexOf('.') >= 0) {
        if (!isIpv4(g)) {
          return false;
        }
        count += 2;
        continue;
      }
      if (g.length() > 4) {
        return false;
      }
      for (int j = 0; j < g.length(); j++) {
        if (Character.digit(g.charAt(j), 16) < 0) {
          return false;
        }
      }
      count++;
    }
    if (dbl >= 0) {
      return count <= 7;
    }
    return count == 8 && !s.startsWith(":") && !s.endsWith(":");
  }
}
