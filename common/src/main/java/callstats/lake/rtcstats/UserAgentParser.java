package callstats.lake.rtcstats;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Browser name, version and OS description from a user agent, following the rules of platform.js 1.3.6
 * (the library rtcstats-server uses for {@code browserInfo}) for desktop and mobile Chrome, Edge, Electron,
 * Firefox, Safari, Opera and Samsung Internet on Windows, macOS, Linux, Chrome OS, Android and iOS: the
 * ordered name list, version patterns, OS cleanup with Windows version names, iOS and Android special
 * cases, "Mobile" suffixes and the 64-bit rules. Device-manufacturer heuristics and legacy browsers
 * (Presto Opera, IE compatibility modes, BlackBerry, consoles) are not reproduced.
 */
final class UserAgentParser {

  /** Parse result: name and version null when not recognised, os "null" when not recognised. */
  record Parsed(String name, String version, String os) {}

  private record Guess(String label, String pattern) {}

  private static final List<Guess> NAMES = guesses("Adobe AIR", "Arora", "Avant Browser", "Breach", "Camino",
      "Electron", "Epiphany", "Fennec", "Flock", "Galeon", "GreenBrowser", "iCab", "Iceweasel", "K-Meleon",
      "Konqueror", "Lunascape", "Maxthon", "Microsoft Edge=(?:Edge|Edg|EdgA|EdgiOS)", "Midori", "Nook Browser",
      "PaleMoon", "PhantomJS", "Raven", "Rekonq", "RockMelt", "Samsung Internet=SamsungBrowser", "SeaMonkey",
      "Silk=(?:Cloud9|Silk-Accelerated)", "Sleipnir", "SlimBrowser", "SRWare Iron=Iron", "Sunrise", "Swiftfox",
      "Vivaldi", "Waterfox", "WebPositive", "Yandex Browser=YaBrowser", "UC Browser=UCBrowser", "Opera Mini",
      "Opera Mini=OPiOS", "Opera", "Opera=OPR", "Chromium", "Chrome", "Chrome=(?:HeadlessChrome)",
      "Chrome Mobile=(?:CriOS|CrMo)", "Firefox=(?:Firefox|Minefield)", "Firefox for iOS=FxiOS", "IE=IEMobile",
      "IE=MSIE", "Safari");
  private static final List<Guess> OSES = guesses("Windows Phone", "KaiOS", "Android", "CentOS",
      "Chrome OS=CrOS", "Debian", "DragonFly BSD=DragonFly", "Fedora", "FreeBSD", "Gentoo", "Haiku", "Kubuntu",
      "Linux Mint", "OpenBSD", "Red Hat", "SuSE", "Ubuntu", "Xubuntu", "Cygwin", "Symbian OS", "hpwOS", "webOS ",
      "webOS", "Tablet OS", "Tizen", "Linux", "Mac OS X", "Macintosh", "Mac", "Windows 98;", "Windows ");
  private static final Map<String, String> WINDOWS = Map.ofEntries(Map.entry("10.0", "10"),
      Map.entry("6.4", "10 Technical Preview"), Map.entry("6.3", "8.1"), Map.entry("6.2", "8"),
      Map.entry("6.1", "Server 2008 R2 / 7"), Map.entry("6.0", "Server 2008 / Vista"),
      Map.entry("5.2", "Server 2003 / XP 64-bit"), Map.entry("5.1", "XP"), Map.entry("5.01", "2000 SP1"),
      Map.entry("5.0", "2000"), Map.entry("4.0", "NT"), Map.entry("4.90", "ME"));
  private static final String VERSION_FIRST = "(?:Cloud9|CriOS|CrMo|Edge|Edg|EdgA|EdgiOS|FxiOS|HeadlessChrome|"
      + "IEMobile|Iron|Opera ?Mini|OPiOS|OPR|Raven|SamsungBrowser|Silk(?!/[\\d.]+$)|UCBrowser|YaBrowser)";

  private UserAgentParser() {}

  static Parsed parse(String ua) {
    String name = detectName(ua);
    String os = detectOs(ua);
    String product = find("\\b(iPad|iPod|iPhone)\\b", ua, 1, 0);
    if (product == null && os != null && os.matches("(?s).*\\bAndroid\\b.*")) {
      String device = find("\\bAndroid[^;]*;(.*?)(?:Build|\\) AppleWebKit)\\b", ua, 1, Pattern.CASE_INSENSITIVE);
      product = device == null ? null : emptyToNull(device.trim().replaceFirst("(?i)^[a-z]{2}-[a-z]{2};\\s*", ""));
    }
    if (product != null && product.startsWith("iP")) {
      name = name == null ? "Safari" : name;
      String iosVersion = find(" OS ([\\d_]+)", ua, 1, Pattern.CASE_INSENSITIVE);
      os = "iOS" + (iosVersion == null ? "" : " " + iosVersion.replace('_', '.'));
    } else if (os != null && os.matches("(?s).*\\bAndroid\\b.*") && name != null && name.startsWith("Chrome")
        && find("\\bVersion/", ua, 0, Pattern.CASE_INSENSITIVE) != null) {
      name = "Android Browser";
    } else if ("Firefox".equals(name) && find("\\b(Mobile|Tablet|TV)\\b", ua, 1, Pattern.CASE_INSENSITIVE) != null) {
      os = os == null ? "Firefox OS" : os;
      product = product == null ? find("\\b(Mobile|Tablet|TV)\\b", ua, 1, Pattern.CASE_INSENSITIVE) : product;
    } else if (name == null
        || (!ua.toLowerCase().contains("minefield") && name.matches(".*\\b(?:Firefox|Safari)\\b.*"))) {
      name = falsePositive(ua, name, product, os);
    }
    String version = detectVersion(ua, name);
    version = prerelease(ua, version);
    if ("Fennec".equals(name) || ("Firefox".equals(name) && os != null
        && os.matches("(?s).*\\b(?:Android|Firefox OS|KaiOS)\\b.*"))) {
      name = "Firefox Mobile";
    } else if (name != null
        && (name.matches("Chrome|IE|Opera") || (product == null && !name.matches(".*(?:Browser|Mobi).*")))
        && ("Windows CE".equals(os) || find("Mobi", ua, 0, Pattern.CASE_INSENSITIVE) != null)) {
      name += " Mobile";
    }
    version = webKitVersion(ua, name, version);
    return new Parsed(name, version, osDescription(ua, os, name, version));
  }

  private static String falsePositive(String ua, String name, String product, String os) {
    String result = name;
    if (name != null && product == null) {
      String family = name.contains("Firefox") ? "Firefox" : "Safari";
      int at = ua.indexOf(family + "/");
      String rest = ua.substring(Math.min(ua.length(), Math.max(0, at + 8)));
      if (find("[/,]|^[^(]+?\\)", rest, 0, 0) != null) {
        result = null;
      }
    }
    boolean generic = product != null
        || (os != null && os.matches("(?s).*\\b(?:Android|Symbian OS|Tablet OS|webOS)\\b.*"));
    String data = product != null ? product : os;
    if (data != null && generic) {
      String source = os != null && os.matches("(?s).*\\bAndroid\\b.*") ? os : data;
      result = find("[a-z]+(?: Hat)?", source, 0, Pattern.CASE_INSENSITIVE) + " Browser";
    }
    return result;
  }

  private static String detectName(String ua) {
    for (Guess guess : NAMES) {
      if (find("\\b" + guess.pattern() + "\\b", ua, 0, Pattern.CASE_INSENSITIVE) != null) {
        return guess.label();
      }
    }
    return null;
  }

  private static String detectOs(String ua) {
    for (Guess guess : OSES) {
      String match = find("\\b" + guess.pattern() + "(?:/[\\d.]+|[ \\w.]*)", ua, 0, Pattern.CASE_INSENSITIVE);
      if (match != null) {
        return cleanupOs(match, guess.pattern(), guess.label());
      }
    }
    return null;
  }

  private static String cleanupOs(String os, String pattern, String label) {
    String result = os;
    String windowsVersion = find("[\\d.]+$", result, 0, 0);
    if (result.matches("(?is)^Win.*") && !result.matches("(?is)^Windows Phone .*") && windowsVersion != null
        && WINDOWS.containsKey(windowsVersion)) {
      result = "Windows " + WINDOWS.get(windowsVersion);
    }
    result = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE).matcher(result)
        .replaceFirst(Matcher.quoteReplacement(label));
    result = result.replaceFirst("(?i) ce$", " CE").replaceFirst("(?i)\\bhpw", "web")
        .replaceFirst("\\bMacintosh\\b", "Mac OS").replaceFirst("(?i)_PowerPC\\b", " OS")
        .replaceFirst("(?i)\\b(OS X) [^ \\d]+", "$1").replaceFirst("\\bMac (OS X)\\b", "$1")
        .replaceFirst("/(\\d)", " $1").replace('_', '.').replaceFirst("(?i)(?: BePC|[ .]*fc[ \\d.]+)$", "")
        .replaceAll("(?i)\\bx86\\.64\\b", "x86_64").replaceFirst("\\b(Windows Phone) OS\\b", "$1")
        .replaceFirst("\\b(Chrome OS \\w+) [\\d.]+\\b", "$1");
    return format(result.split(" on ", -1)[0]);
  }

  private static String detectVersion(String ua, String name) {
    String[] patterns = {VERSION_FIRST, "Version", qualify(String.valueOf(name)), "(?:Firefox|Minefield|NetFront)"};
    for (String pattern : patterns) {
      String v = find(pattern + "(?:-[\\d.]+/|(?: for [\\w-]+)?[ /-])([\\d.]+[^ ();/_-]*)", ua, 1,
          Pattern.CASE_INSENSITIVE);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String prerelease(String ua, String version) {
    if (version == null) {
      return null;
    }
    String data = find("(?:[ab]|dp|pre|[ab]\\d+pre)(?:\\d+\\+?)?$", version, 0, Pattern.CASE_INSENSITIVE);
    if (data == null) {
      data = find("(?:alpha|beta)(?: ?\\d)?", ua + ";undefined", 0, Pattern.CASE_INSENSITIVE);
    }
    if (data == null && find("\\bMinefield\\b", ua, 0, Pattern.CASE_INSENSITIVE) != null) {
      data = "a";
    }
    if (data == null) {
      return version;
    }
    boolean beta = data.toLowerCase().contains("b");
    String digits = find("\\d+\\+?", data, 0, 0);
    return version.replaceFirst(Pattern.quote(data) + "\\+?$", "") + (beta ? "\u03b2" : "\u03b1")
        + (digits == null ? "" : digits);
  }

  private static String webKitVersion(String ua, String name, String version) {
    String webKit = find("\\bAppleWebKit/([\\d.]+\\+?)", ua, 1, Pattern.CASE_INSENSITIVE);
    if (webKit == null) {
      return version;
    }
    String result = version;
    if (result != null && (result.equals(webKit)
        || result.equals(find("\\bSafari/([\\d.]+\\+?)", ua, 1, Pattern.CASE_INSENSITIVE)))) {
      result = null;
    }
    if ("Safari".equals(name) && (result == null || leadingInt(result) > 45)) {
      double build = leadingFloat(webKit.replaceFirst("\\.(\\d)$", ".0$1"));
      String approximate = likeSafari(build);
      result = approximate + (approximate.contains("+") ? "" : build >= 608 ? "+" : ".x");
    }
    return result;
  }

  private static String likeSafari(double b) {
    double[] limits = {400, 500, 526, 533, 534, 535, 537, 538, 601, 602, 604, 606, 608};
    String[] names = {"1", "2", "3", "4", "4+", "5", "6", "7", "8", "9", "10", "11", "12"};
    for (int i = 0; i < limits.length; i++) {
      if (b < limits[i]) {
        return names[i];
      }
    }
    return "12";
  }

  private static String osDescription(String ua, String os, String name, String version) {
    if (os == null) {
      return "null";
    }
    Matcher tail = Pattern.compile(" ([\\d.+]+)$").matcher(os);
    boolean hasVersion = tail.find();
    boolean special = hasVersion && os.charAt(os.length() - tail.group().length() - 1) == '/';
    String family = hasVersion && !special ? os.replaceFirst(Pattern.quote(tail.group()), "") : os;
    String osVersion = hasVersion ? tail.group(1) : null;
    boolean bits64 = false;
    String arch = find("\\b(?:AMD|IA|Win|WOW|x86_|x)64\\b", ua, 0, Pattern.CASE_INSENSITIVE);
    if (arch != null && find("\\bi686\\b", ua, 0, Pattern.CASE_INSENSITIVE) == null) {
      bits64 = true;
      family = family.replaceFirst(" *" + Pattern.quote(arch), "");
    } else if (family.startsWith("OS X") && "Chrome".equals(name) && leadingFloat(String.valueOf(version)) >= 39) {
      bits64 = true;
    }
    return family + (osVersion != null && !special ? " " + osVersion : "") + (bits64 ? " 64-bit" : "");
  }

  private static String format(String s) {
    String trimmed = s.replaceAll("^ +| +$", "");
    if (trimmed.matches("(?s)^(?:webOS|i(?:OS|P)).*") || trimmed.isEmpty()) {
      return trimmed;
    }
    return Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
  }

  private static String qualify(String s) {
    return s.replaceAll("([ -])(?!$)", "$1?");
  }

  private static int leadingInt(String s) {
    String digits = find("^\\s*[+-]?\\d+", s, 0, 0);
    return digits == null ? 0 : Integer.parseInt(digits.trim());
  }

  private static double leadingFloat(String s) {
    String number = find("^\\s*[+-]?(?:\\d+\\.?\\d*|\\.\\d+)", s, 0, 0);
    return number == null ? Double.NaN : Double.parseDouble(number.trim());
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static String find(String regex, String input, int group, int flags) {
    Matcher m = Pattern.compile(regex, flags).matcher(input);
    return m.find() ? m.group(group) : null;
  }

  private static List<Guess> guesses(String... specs) {
    return Arrays.stream(specs).map(spec -> {
      int eq = spec.indexOf('=');
      String label = eq < 0 ? spec : spec.substring(0, eq);
      return new Guess(label, eq < 0 ? qualify(label) : spec.substring(eq + 1));
    }).toList();
  }
}
