package callstats.lake.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces IP address literals in free text (raw quarantined lines, SDP, error messages) by
 * {@code ip:<keyed hash>}, so that client addresses never reach the lake in clear while equal addresses
 * still compare equal.
 */
public final class IpMasker {

  /** Runs of characters that can form an IP literal; each is validated before it is replaced. */
  private static final Pattern CANDIDATE = Pattern.compile("[0-9A-Fa-f:.]*[:.][0-9A-Fa-f:.]*(?:%[0-9A-Za-z_-]+)?");

  private final KeyedHasher hasher;

  public IpMasker(KeyedHasher hasher) {
    this.hasher = hasher;
  }

  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Matcher m = CANDIDATE.matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      String token = trimDots(m.group());
      int start = m.start() + m.group().indexOf(token);
      if (token.length() < 2 || !(IpLiterals.isIpv4(token) || IpLiterals.isIpv6(token))
          || boundedByWordChar(text, start, start + token.length())) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, start).append("ip:").append(hasher.hash(token), 0, 12);
      last = start + token.length();
    }
    if (out == null) {
      return text;
    }
    return out.append(text, last, text.length()).toString();
  }

  private static String trimDots(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && s.charAt(a) == '.') {
      a++;
    }
    while (b > a && s.charAt(b - 1) == '.') {
      b--;
    }
    return s.substring(a, b);
  }

  private static boolean boundedByWordChar(String text, int start, int end) {
    return (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1)))
        || (end < text.length() && Character.isLetterOrDigit(text.charAt(end)));
  }
}
