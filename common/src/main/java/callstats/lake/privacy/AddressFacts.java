package callstats.lake.privacy;

import java.util.Locale;

/**
 * Coarse, non-identifying facts about an ICE candidate address: its family (ipv4, ipv6, or mdns for an
 * obfuscated {@code .local} host name) and whether it is private (RFC 1918, carrier-grade NAT, loopback,
 * link-local, unique-local). Never resolves names.
 */
public final class AddressFacts {

  private AddressFacts() {}

  public static String family(String address) {
    if (address == null || address.isEmpty()) {
      return null;
    }
    if (IpLiterals.isIpv4(address)) {
      return "ipv4";
    }
    if (IpLiterals.isIpv6(stripBrackets(address))) {
      return "ipv6";
    }
    if (address.toLowerCase(Locale.ROOT).endsWith(".local")) {
      return "mdns";
    }
    return "hostname";
  }

  /** True for private, shared, loopback and link-local ranges; null when the address is not an IP literal. */
  public static Boolean isPrivate(String address) {
    if (address == null) {
      return null;
    }
    if (IpLiterals.isIpv4(address)) {
      int[] o = IpLiterals.ipv4Octets(address);
      return o[0] == 10
          || o[0] == 127
          || (o[0] == 172 && o[1] >= 16 && o[1] <= 31)
          || (o[0] == 192 && o[1] == 168)
          || (o[0] == 169 && o[1] == 254)
          || (o[0] == 100 && o[1] >= 64 && o[1] <= 127);
    }
    String a = stripBrackets(address).toLowerCase(Locale.ROOT);
    if (IpLiterals.isIpv6(a)) {
      return a.equals("::1") || a.startsWith("fe8") || a.startsWith("fe9") || a.startsWith("fea")
          || a.startsWith("feb") || a.startsWith("fc") || a.startsWith("fd");
    }
    return null;
  }

  private static String stripBrackets(String a) {
    return a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a;
  }
}
