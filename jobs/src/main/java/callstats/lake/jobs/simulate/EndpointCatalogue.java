package callstats.lake.jobs.simulate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What the simulated world is made of: apps and their home regions, the mix of browsers, operating systems and
 * native SDKs with their versions, countries with their ISPs and ASNs, network types, user names and devices.
 * Static data and weighted draws; no state.
 */
final class EndpointCatalogue {

  private EndpointCatalogue() {}

  /** Where the gateway located the client. */
  record Geo(String country, String region, long asn, String isp) {}

  /** How an endpoint names and shapes its getStats output. */
  enum StatsStyle {
    /** Chrome, Edge and the native SDKs (libwebrtc): short ids, transport stats, networkType. */
    CHROMIUM,
    /** Firefox: uuid ids, no transport stats (selected flag on the pair), RTT on remote-inbound-rtp only. */
    FIREFOX,
    /** Safari: long legacy ids, no networkType. */
    SAFARI
  }

  /** A client: browser or native SDK, on an operating system. */
  record Endpoint(String clientKind, String buildName, String buildVersion, String browser, String browserVersion,
      String sdk, String sdkVersion, String os, String osVersion, boolean mobile, StatsStyle style) {}

  /** An app (tenant). */
  record App(int index, String id, String region, String[] appVersions, boolean sendsSiteId,
      boolean sendsAdditionalIds, String productName) {}

  // --- apps -------------------------------------------------------------------------------------------------

  private static final String[] APP_NAMES = {"acme-meet", "globex-health", "initech-learn", "umbrella-support",
      "hooli-chat", "stark-townhall", "wonka-sales", "tyrell-care", "cyberdyne-ops", "soylent-interview",
      "oscorp-classroom", "vandelay-voice"};
  static final String[] REGIONS = {"eu", "na", "apac", "latam"};
  private static final String[] PRODUCTS = {"Meet", "Care", "Learn", "Support"};

  static App app(int index) {
    String base = APP_NAMES[index % APP_NAMES.length];
    String id = index < APP_NAMES.length ? base : base + "-" + (index / APP_NAMES.length + 1);
    String region = REGIONS[index % REGIONS.length];
    int major = 2026;
    String[] versions = {major + "." + (11 - index % 3) + "." + (index % 5), major + "." + (10 - index % 3) + ".2",
        (major - 1) + ".12.7"};
    return new App(index, id, region, versions, index % 3 == 1, index % 2 == 0, PRODUCTS[index % PRODUCTS.length]);
  }

  /** Peak hour (UTC) of calls for a region, and its width (standard deviation, hours). */
  static double peakHourUtc(String region) {
    return switch (region) {
      case "eu" -> 10.5;
      case "na" -> 17.5;
      case "apac" -> 4.0;
      default -> 16.0;
    };
  }

  /** Position of a region in {@link #REGIONS}. */
  static int regionIndex(String region) {
    for (int i = 0; i < REGIONS.length; i++) {
      if (REGIONS[i].equals(region)) {
        return i;
      }
    }
    return 0;
  }

  // --- countries and ISPs ----------------------------------------------------------------------------------

  private record Isp(String name, long asn, boolean mobile) {}

  private record Country(String code, String region, int weight, String[] subdivisions, Isp[] isps) {}

  private static final Country[] COUNTRIES = {
      new Country("FI", "eu", 6, new String[] {"18", "19", "11"},
          new Isp[] {new Isp("Telia Finland", 1759, false), new Isp("Elisa", 719, true), new Isp("DNA", 16086, true)}),
      new Country("DE", "eu", 18, new String[] {"BE", "BY", "NW", "HE"},
          new Isp[] {new Isp("Deutsche Telekom", 3320, true), new Isp("Vodafone Germany", 3209, true),
              new Isp("Telefonica Germany", 6805, true), new Isp("1&1 Versatel", 8881, false)}),
      new Country("GB", "eu", 15, new String[] {"ENG", "SCT", "WLS"},
          new Isp[] {new Isp("British Telecommunications", 2856, false), new Isp("Virgin Media", 5089, false),
              new Isp("Sky Broadband", 5607, false), new Isp("EE", 12576, true)}),
      new Country("FR", "eu", 12, new String[] {"IDF", "ARA", "OCC"},
          new Isp[] {new Isp("Orange", 3215, true), new Isp("Free", 12322, false), new Isp("SFR", 15557, true),
              new Isp("Bouygues Telecom", 5410, true)}),
      new Country("SE", "eu", 5, new String[] {"AB", "O", "M"},
          new Isp[] {new Isp("Telia Sverige", 3301, true), new Isp("Tele2", 1257, true)}),
      new Country("NL", "eu", 6, new String[] {"NH", "ZH", "UT"},
          new Isp[] {new Isp("KPN", 1136, true), new Isp("Ziggo", 33915, false), new Isp("Odido", 31615, true)}),
      new Country("ES", "eu", 8, new String[] {"MD", "CT", "AN"},
          new Isp[] {new Isp("Telefonica de Espana", 3352, true), new Isp("Orange Espagne", 12479, true),
              new Isp("Vodafone Spain", 12430, true)}),
      new Country("IT", "eu", 8, new String[] {"LZ", "LO", "CM"},
          new Isp[] {new Isp("Telecom Italia", 3269, true), new Isp("Fastweb", 12874, false),
              new Isp("Wind Tre", 1267, true)}),
      new Country("PL", "eu", 5, new String[] {"MZ", "MA"},
          new Isp[] {new Isp("Orange Polska", 5617, true), new Isp("Play", 39603, true)}),
      new Country("US", "na", 70, new String[] {"CA", "NY", "TX", "WA", "IL", "FL", "MA"},
          new Isp[] {new Isp("Comcast Cable", 7922, false), new Isp("AT&T Services", 7018, true),
              new Isp("Verizon Business", 701, true), new Isp("Charter Communications", 20115, false),
              new Isp("T-Mobile USA", 21928, true), new Isp("Cox Communications", 22773, false)}),
      new Country("CA", "na", 15, new String[] {"ON", "QC", "BC"},
          new Isp[] {new Isp("Rogers Communications", 812, true), new Isp("Bell Canada", 577, true),
              new Isp("TELUS Communications", 852, true)}),
      new Country("MX", "na", 8, new String[] {"CMX", "JAL", "NLE"},
          new Isp[] {new Isp("Telmex", 8151, false), new Isp("Telcel", 28403, true)}),
      new Country("IN", "apac", 25, new String[] {"MH", "KA", "DL", "TN"},
          new Isp[] {new Isp("Reliance Jio", 55836, true), new Isp("Bharti Airtel", 9498, true),
              new Isp("Atria Convergence", 24309, false)}),
      new Country("JP", "apac", 20, new String[] {"13", "27", "23"},
          new Isp[] {new Isp("NTT Communications", 4713, false), new Isp("KDDI", 2516, true),
              new Isp("SoftBank", 17676, true)}),
      new Country("AU", "apac", 12, new String[] {"NSW", "VIC", "QLD"},
          new Isp[] {new Isp("Telstra", 1221, true), new Isp("Optus", 4804, true), new Isp("TPG Telecom", 7545, false)}),
      new Country("SG", "apac", 8, new String[] {"01", "03"},
          new Isp[] {new Isp("Singtel", 7473, true), new Isp("StarHub", 4657, true)}),
      new Country("KR", "apac", 8, new String[] {"11", "26"},
          new Isp[] {new Isp("Korea Telecom", 4766, true), new Isp("SK Broadband", 9318, false)}),
      new Country("BR", "latam", 45, new String[] {"SP", "RJ", "MG", "RS"},
          new Isp[] {new Isp("Claro Brasil", 28573, true), new Isp("Vivo", 26599, true), new Isp("TIM Brasil", 26615, true)}),
      new Country("AR", "latam", 15, new String[] {"C", "B"},
          new Isp[] {new Isp("Telecom Argentina", 7303, true), new Isp("Telefonica de Argentina", 22927, true)}),
      new Country("CL", "latam", 10, new String[] {"RM", "VS"},
          new Isp[] {new Isp("Entel", 27651, true), new Isp("VTR", 22047, false)}),
      new Country("CO", "latam", 10, new String[] {"DC", "ANT"},
          new Isp[] {new Isp("Claro Colombia", 10620, true), new Isp("ETB", 19429, false)}),
  };

  /** A country: in the app's home region with probability {@code homeShare}, else anywhere. */
  static String country(String homeRegion, double homeShare, SplittableRandom rng) {
    boolean home = rng.nextDouble() < homeShare;
    int total = 0;
    for (Country c : COUNTRIES) {
      if (!home || c.region.equals(homeRegion)) {
        total += c.weight;
      }
    }
    int pick = rng.nextInt(total);
    for (Country c : COUNTRIES) {
      if (!home || c.region.equals(homeRegion)) {
        pick -= c.weight;
        if (pick < 0) {
          return c.code;
        }
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** Region (continent) of a country. */
  static String regionOf(String countryCode) {
    return find(countryCode).region;
  }

  /** The gateway's geo of a client in a country; cellular clients are on a mobile ISP. */
  static Geo geo(String countryCode, boolean cellular, SplittableRandom rng) {
    Country c = find(countryCode);
    Isp isp;
    do {
      isp = c.isps[rng.nextInt(c.isps.length)];
    } while (cellular && !isp.mobile && hasMobile(c));
    return new Geo(c.code, c.subdivisions[rng.nextInt(c.subdivisions.length)], isp.asn, isp.name);
  }

  private static boolean hasMobile(Country c) {
    for (Isp i : c.isps) {
      if (i.mobile) {
        return true;
      }
    }
    return false;
  }

  private static Country find(String code) {
    for (Country c : COUNTRIES) {
      if (c.code.equals(code)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown country " + code);
  }

  /** One-way network delay between two regions, ms (a rough map of the internet). */
  static double regionDelayMs(String a, String b) {
    if (a.equals(b)) {
      return 12;
    }
    int i = regionIndex(a);
    int j = regionIndex(b);
    double[][] d = {
        {0, 45, 110, 95},
        {45, 0, 80, 60},
        {110, 80, 0, 150},
        {95, 60, 150, 0}};
    return d[i][j];
  }

  // --- endpoints -------------------------------------------------------------------------------------------

  private record Family(String kind, String name, String os, int weight, boolean mobile) {}

  private static final Family[] FAMILIES = {
      new Family("browser", "Chrome", "Windows", 30, false),
      new Family("browser", "Chrome", "Mac OS X", 10, false),
      new Family("browser", "Chrome", "Linux", 3, false),
      new Family("browser", "Chrome", "Chrome OS", 2, false),
      new Family("browser", "Edge", "Windows", 10, false),
      new Family("browser", "Firefox", "Windows", 5, false),
      new Family("browser", "Firefox", "Linux", 2, false),
      new Family("browser", "Firefox", "Mac OS X", 1, false),
      new Family("browser", "Safari", "Mac OS X", 8, false),
      new Family("browser", "Chrome", "Android", 6, true),
      new Family("browser", "Safari", "iOS", 6, true),
      new Family("native", "callstats-android", "Android", 8, true),
      new Family("native", "callstats-ios", "iOS", 9, true),
  };

  private static final int[] CHROME_BUILDS = {6778, 6834, 6943, 6998, 7049, 7103, 7151, 7204, 7258, 7339, 7390, 7444};
  private static final int CHROME_FIRST_MAJOR = 131;
  private static final String[] ANDROID_SDK_VERSIONS = {"3.8.2", "3.9.0", "4.0.1", "4.1.0"};
  private static final String[] IOS_SDK_VERSIONS = {"3.7.4", "4.0.0", "4.1.2"};

  /** A client drawn from the mix: newer versions are more common. */
  static Endpoint endpoint(SplittableRandom rng) {
    Family f = FAMILIES[weighted(rng, FAMILIES.length, i -> FAMILIES[i].weight)];
    String os = f.os;
    String osVersion = switch (os) {
      case "Windows" -> rng.nextInt(10) < 7 ? "11" : "10";
      case "Mac OS X" -> pick(rng, "15.6.1", "15.7", "26.1", "14.7.6");
      case "Linux" -> "x86_64";
      case "Chrome OS" -> pick(rng, "16328.55.0", "16371.34.0");
      case "Android" -> pick(rng, "16", "15", "15", "14", "13");
      default -> pick(rng, "26.1", "18.7", "18.6.2", "17.7");
    };
    if (f.kind.equals("native")) {
      boolean android = f.name.equals("callstats-android");
      String v = android ? recent(rng, ANDROID_SDK_VERSIONS) : recent(rng, IOS_SDK_VERSIONS);
      return new Endpoint("native", f.name, v, null, null, f.name, v, os, osVersion, true, StatsStyle.CHROMIUM);
    }
    String version;
    StatsStyle style = StatsStyle.CHROMIUM;
    switch (f.name) {
      case "Chrome" -> {
        int idx = recentIndex(rng, CHROME_BUILDS.length);
        version = (CHROME_FIRST_MAJOR + idx) + ".0." + CHROME_BUILDS[idx] + "." + (50 + rng.nextInt(150));
      }
      case "Edge" -> {
        int idx = recentIndex(rng, CHROME_BUILDS.length);
        version = (CHROME_FIRST_MAJOR + idx) + ".0." + (2903 + idx * 60) + "." + (10 + rng.nextInt(90));
      }
      case "Firefox" -> {
        style = StatsStyle.FIREFOX;
        version = (133 + recentIndex(rng, 13)) + ".0" + (rng.nextBoolean() ? "" : "." + (1 + rng.nextInt(3)));
      }
      default -> {
        style = StatsStyle.SAFARI;
        version = f.mobile ? osVersion.substring(0, osVersion.indexOf('.') < 0 ? osVersion.length()
            : osVersion.indexOf('.')) + ".0" : pick(rng, "18.6", "26.0", "26.1", "17.6");
      }
    }
    return new Endpoint("browser", f.name, version, f.name, version, null, null, os, osVersion, f.mobile, style);
  }

  /** wifi, ethernet or cellular, for a desktop or a mobile client. */
  static String networkType(boolean mobile, SplittableRandom rng) {
    double u = rng.nextDouble();
    if (mobile) {
      return u < 0.62 ? "wifi" : "cellular";
    }
    return u < 0.62 ? "wifi" : u < 0.97 ? "ethernet" : "cellular";
  }

  // --- people ----------------------------------------------------------------------------------------------

  private static final String[] FIRST = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan",
      "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yasmin", "aino",
      "mateo", "sofia", "lukas", "emma", "noah", "mia", "leon", "hana", "ravi", "priya", "kenji", "yuki", "lucas",
      "camila", "diego", "zoe", "omar", "lea", "finn"};
  private static final String[] LAST = {"smith", "virtanen", "mueller", "garcia", "rossi", "kowalski", "dubois",
      "jansen", "silva", "sato", "kim", "patel", "nguyen", "brown", "lindqvist", "novak", "costa", "tanaka", "lopez",
      "khan", "olsen", "becker", "moreau", "santos", "ito", "singh", "wilson", "korhonen", "fischer", "romero"};

  /** A user id, distinct for each index. */
  static String userId(int index) {
    int f = index % FIRST.length;
    // Spreads consecutive indexes over last names; 1 + 7 * 40 = 281 is coprime with 30, so names stay distinct.
    int l = (index / FIRST.length + 7 * index) % LAST.length;
    int round = index / (FIRST.length * LAST.length);
    return FIRST[f] + "." + LAST[l] + (round == 0 ? "" : Integer.toString(round + 1));
  }

  static final String[] AUDIO_INPUTS = {"Default - MacBook Pro Microphone (Built-in)", "Jabra Evolve2 65",
      "Microphone Array (Realtek(R) Audio)", "AirPods Pro", "Logitech BRIO", "Headset Microphone (Poly BT700)"};
  static final String[] VIDEO_INPUTS = {"FaceTime HD Camera", "Logitech BRIO", "Integrated Webcam",
      "HD Pro Webcam C920", "Front Camera", "OBS Virtual Camera"};
  static final String[] AUDIO_OUTPUTS = {"Default - MacBook Pro Speakers (Built-in)", "Jabra Evolve2 65",
      "Speakers (Realtek(R) Audio)", "AirPods Pro", "Headphones (Poly BT700)"};

  // --- helpers ---------------------------------------------------------------------------------------------

  interface Weight {
    int of(int i);
  }

  static int weighted(SplittableRandom rng, int n, Weight w) {
    int total = 0;
    for (int i = 0; i < n; i++) {
      total += w.of(i);
    }
    int pick = rng.nextInt(total);
    for (int i = 0; i < n; i++) {
      pick -= w.of(i);
      if (pick < 0) {
        return i;
      }
    }
    return n - 1;
  }

  @SafeVarargs
  static <T> T pick(SplittableRandom rng, T... values) {
    return values[rng.nextInt(values.length)];
  }

  static <T> T pick(SplittableRandom rng, List<T> values) {
    return values.get(rng.nextInt(values.size()));
  }

  /** An index in [0, n) where later (newer) indexes are more likely (weight i+1 squared). */
  static int recentIndex(SplittableRandom rng, int n) {
    return weighted(rng, n, i -> (i + 1) * (i + 1));
  }

  private static String recent(SplittableRandom rng, String[] versions) {
    return versions[recentIndex(rng, versions.length)];
  }
}
