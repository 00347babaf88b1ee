package callstats.lake.rtcstats;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The getStats dialect of a dump, derived once from the header's user agent (docs/rtcstats-features.md 2.4), never
 * from the header's own {@code statsFormat}: React Native is {@code chrome_standard}; otherwise the browser
 * family (as ua-parser-js 1.0 names it) decides: Chrome, Edge, Electron and Chrome-based shells give
 * {@code chrome_standard}, Firefox gives {@code firefox}, Safari and Mobile Safari give {@code safari},
 * every other browser (Opera, Samsung Internet, in-app browsers, ...) and a missing agent {@code unsupported}.
 *
 * <p>The family is found with ordered patterns that follow ua-parser-js's precedence for the browsers
 * seen in WebRTC calls; exotic agents that library knows by another name may be classified differently.
 */
public enum StatsFormat {
  CHROME_STANDARD("chrome_standard"),
  FIREFOX("firefox"),
  SAFARI("safari"),
  UNSUPPORTED("unsupported");

  private record Rule(Pattern pattern, StatsFormat format) {}

  private static final List<Rule> RULES = List.of(
      rule("opera mini|opios|\\bopr/|\\bopera|\\bopt/|\\bcoast/", UNSUPPORTED),
      rule("\\bedg(?:e|ios|a)?/", CHROME_STANDARD),
      rule("\\b(?:crmo|crios)/", CHROME_STANDARD),
      rule("\\bfocus/|\\bfxios/", FIREFOX),
      rule("lunascape|maxthon|netfront|jasmine|blazer|\\bpuffin|vivaldi/|\\bbrave/|\\bwhale/|qqbrowser|\\bqq/"
          + "|duckduckgo|ucbrowser|ucweb|ubrowser|micromessenger|konqueror|yabrowser|yasearchbrowser|slbrowser"
          + "|\\bavast/|\\bavg/|coc_coc|dolfin|miuibrowser|qihu|360browser|(?:oculus|sailfish|huawei|vivo)browser"
          + "|samsungbrowser|comodo_dragon|metasr|sogoumo|\\btesla|2345explorer|lbbrowser|linkedinapp|fban|fbav"
          + "|fb_iab|klarna|kakaotalk|kakaostory|\\bnaver|\\bline/|snapchat|\\bsilk/|trident.+rv[: ]|msie|iemobile"
          + "|\\bkindle/|flock|rockmelt|midori|epiphany|skyfire|\\bbolt/|\\biron/|iridium|phantomjs|bowser|quark"
          + "|qupzilla|falkon|rekonq|instagram|musical_ly|tiktok|\\bgsa/", UNSUPPORTED),
      rule("electron/[\\w.]+ safari", CHROME_STANDARD),
      rule("headlesschrome", CHROME_STANDARD),
      rule(" wv\\).+chrome/", CHROME_STANDARD),
      rule("droid.+ version/[\\w.]+\\b.+(?:mobile safari|safari)", UNSUPPORTED),
      rule("\\bchrome/", CHROME_STANDARD),
      rule("version/[\\w.,]+ .*mobile/\\w+ safari|iphone .*mobile(?:/\\w+ | ?)safari", SAFARI),
      rule("version/[\\w.,]+ .*(?:mobile ?safari|safari)|webkit.+?(?:mobile ?safari|safari)/[\\w.]+", SAFARI),
      rule("icedragon|iceweasel|camino|chimera|fennec|maemo browser|minimo|conkeror|seamonkey|k-meleon|icecat"
          + "|iceape|firebird|phoenix|palemoon|basilisk|waterfox", UNSUPPORTED),
      rule("mobile vr; rv:|\\bfirefox/", FIREFOX));

  private final String code;

  StatsFormat(String code) {
    this.code = code;
  }

  /** The name used in the reference and in the silver tables: chrome_standard, firefox, safari, unsupported. */
  public String code() {
    return code;
  }

  /** The format of a dump whose header carries this user agent (null or empty: unsupported). */
  public static StatsFormat fromUserAgent(String userAgent) {
    if (userAgent == null || userAgent.isEmpty()) {
      return UNSUPPORTED;
    }
    if (userAgent.startsWith("react-native")) {
      return CHROME_STANDARD;
    }
    for (Rule rule : RULES) {
      if (rule.pattern().matcher(userAgent).find()) {
        return rule.format();
      }
    }
    return UNSUPPORTED;
  }

  private static Rule rule(String regex, StatsFormat format) {
    return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), format);
  }
}
