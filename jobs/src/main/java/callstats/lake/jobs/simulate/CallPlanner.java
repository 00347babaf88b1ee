package callstats.lake.jobs.simulate;

import callstats.lake.jobs.simulate.CallPlan.Outcome;
import callstats.lake.jobs.simulate.CallPlan.Participant;
import callstats.lake.jobs.simulate.CallPlan.Segment;
import callstats.lake.jobs.simulate.CallPlan.SegmentEnd;
import callstats.lake.jobs.simulate.CallPlan.Window;
import callstats.lake.jobs.simulate.EndpointCatalogue.App;
import callstats.lake.jobs.simulate.EndpointCatalogue.Endpoint;
import callstats.lake.jobs.simulate.EndpointCatalogue.Geo;
import callstats.lake.jobs.simulate.EndpointCatalogue.StatsStyle;
import callstats.lake.jobs.simulate.Impairment.Episode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans calls: which app, how many participants and who, the topology, when the call starts (a daily curve around
 * the busy hours of the app's region) and how long it lasts (log-normal), who joins late, leaves early, rejoins or
 * drops, which failures and impairment episodes happen, and what media each participant sends. Every call is
 * planned from a seed derived from (run seed, date, app, call index); users and their devices are stable across
 * the calls and dates of a seed.
 */
final class CallPlanner {

  static final String[] SETUP_FAILURE_REASONS = {"MediaConfigError", "MediaPermissionError", "MediaDeviceError",
      "NegotiationFailure", "SDPGenerationError", "TransportFailure", "SignalingError"};
  private static final int[] SETUP_FAILURE_WEIGHTS = {6, 16, 10, 14, 6, 36, 12};
  private static final String[] RETRY_REASONS = {"TransportFailure", "NegotiationFailure", "SignalingError",
      "MediaDeviceError"};
  private static final String[] WORDS_A = {"weekly", "daily", "team", "project", "client", "sales", "design",
      "support", "board", "product", "quarterly", "intro"};
  private static final String[] WORDS_B = {"sync", "standup", "review", "call", "huddle", "demo", "planning",
      "retro", "interview", "checkin", "consult", "onboarding"};
  private static final double EXPLICIT_LEAVE_SHARE = 0.9;

  private final SimulatorProfile profile;
  private final long seed;
  private final LocalDate date;
  private final long dayStartMs;
  private final double[] appCumulative;
  private final int[] userPool;

  CallPlanner(SimulatorProfile profile, long seed, LocalDate date, long calls, int apps) {
    this.profile = profile;
    this.seed = seed;
    this.date = date;
    this.dayStartMs = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    double[] w = new double[apps];
    double total = 0;
    for (int a = 0; a < apps; a++) {
      w[a] = 1 / Math.pow(a + 1, 0.7);
      total += w[a];
    }
    appCumulative = new double[apps];
    userPool = new int[apps];
    double acc = 0;
    for (int a = 0; a < apps; a++) {
      acc += w[a] / total;
      appCumulative[a] = acc;
      userPool[a] = (int) Math.max(6, Math.ceil(calls * (w[a] / total) * 2.2));
    }
  }

  long dayStartMs() {
    return dayStartMs;
  }

  /** The app of a call: apps have Zipf-like shares (the first is the biggest). */
  int appOf(long callIndex) {
    double u = Seeds.random(seed, date.toEpochDay(), 0xA99L, callIndex).nextDouble();
    for (int a = 0; a < appCumulative.length; a++) {
      if (u < appCumulative[a]) {
        return a;
      }
    }
    return appCumulative.length - 1;
  }

  /** The seed of a call, from (seed, date, app, call index). */
  long callSeed(int app, long callIndex) {
    return Seeds.of(seed, date.toEpochDay(), app, callIndex);
  }

  CallPlan plan(long callIndex, SplittableRandom rng, DirtInjector dirt) {
    int appIndex = appOf(callIndex);
    App app = EndpointCatalogue.app(appIndex);
    Outcome target = target(rng);
    int n = participants(rng);
    if (target == Outcome.PARTIALLY_FAILED && n < 3) {
      n = 3;
    }
    boolean sfu = n > SimulatorProfile.MAX_P2P || rng.nextDouble() < (n == 2 ? profile.sfuShareTwo()
        : profile.sfuShareSmall());
    String confId = confId(appIndex, callIndex, rng);
    String sfuId = sfu ? "sfu-" + app.region() + "-" + (1 + rng.nextInt(4)) : null;

    int[] users = users(appIndex, n, rng);
    List<Participant> people = new ArrayList<>();
    boolean anySafari = false;
    for (int i = 0; i < n; i++) {
      Participant p = participant(app, confId, i, users[i], rng, dirt);
      anySafari |= p.endpoint.style() == StatsStyle.SAFARI;
      people.add(p);
    }
    String codec = anySafari ? "video/H264" : sfu ? "video/VP8"
        : EndpointCatalogue.pick(rng, "video/VP8", "video/VP8", "video/VP8", "video/VP9", "video/H264");
    CallPlan plan = new CallPlan(date, app, callIndex, confId, sfu, sfuId, target, codec);
    plan.participants.addAll(people);

    double duration = duration(rng);
    long start = start(app.region(), duration, rng);
    if (target == Outcome.FAILED) {
      planFailedCall(plan, start, rng);
    } else {
      planPresence(plan, start, (long) (duration * 1000), rng);
      if (target == Outcome.PARTIALLY_FAILED) {
        planNeverConnecting(plan, n >= 6 ? 2 : 1, rng);
      }
      if (target == Outcome.DROPPED) {
        planUnrecoveredDrop(plan, rng);
      }
      trimLonelyEnd(plan, rng);
      planRetriesAndRecoveredDrops(plan, rng);
      for (Participant p : plan.participants) {
        if (!p.neverConnects) {
          planEpisodes(p, rng);
        }
        planMedia(plan, p, rng);
      }
    }
    for (Participant p : plan.participants) {
      p.feedback = rng.nextDouble() < profile.feedbackRate();
      p.precallTest = rng.nextDouble() < profile.precallTestRate();
    }
    return plan;
  }

  // --- call-level draws ----------------------------------------------------------------------------------

  private Outcome target(SplittableRandom rng) {
    double u = rng.nextDouble();
    SimulatorProfile.Failures f = profile.failures();
    if (u < f.failedCall()) {
      return Outcome.FAILED;
    }
    if (u < f.failedCall() + f.partiallyFailedCall()) {
      return Outcome.PARTIALLY_FAILED;
    }
    if (u < f.failedCall() + f.partiallyFailedCall() + f.droppedCall()) {
      return Outcome.DROPPED;
    }
    return Outcome.SUCCESSFUL;
  }

  private int participants(SplittableRandom rng) {
    double[] w = profile.participantWeights();
    double total = 0;
    for (double x : w) {
      total += x;
    }
    double u = rng.nextDouble() * total;
    for (int i = 0; i < w.length; i++) {
      u -= w[i];
      if (u < 0) {
        return SimulatorProfile.MIN_PARTICIPANTS + i;
      }
    }
    return SimulatorProfile.MIN_PARTICIPANTS;
  }

  /** Seconds: log-normal around the median, at least 20 s, capped. */
  private double duration(SplittableRandom rng) {
    double d = profile.durationMedianS() * Math.exp(profile.durationSigma() * rng.nextGaussian());
    return Math.max(20, Math.min(profile.durationMaxS(), d));
  }

  /** A start time on the date: around the region's busy hours (UTC), or shortly before midnight to cross it. */
  private long start(String region, double durationS, SplittableRandom rng) {
    long dayMs = 86_400_000L;
    if (rng.nextDouble() < profile.crossMidnightRate()) {
      long before = (long) (durationS * 1000 * (0.15 + 0.7 * rng.nextDouble()));
      return dayStartMs + dayMs - Math.max(1_000, Math.min(before, dayMs - 1_000));
    }
    double hour;
    if (rng.nextDouble() < 0.12) {
      hour = rng.nextDouble() * 24;
    } else {
      hour = EndpointCatalogue.peakHourUtc(region) + 3.2 * rng.nextGaussian();
      hour = ((hour % 24) + 24) % 24;
    }
    return dayStartMs + (long) (hour * 3_600_000L) + rng.nextInt(1000);
  }

  private String confId(int appIndex, long callIndex, SplittableRandom rng) {
    if (appIndex % 4 == 1) {
      return uuid(rng);
    }
    return WORDS_A[rng.nextInt(WORDS_A.length)] + "-" + WORDS_B[rng.nextInt(WORDS_B.length)] + "-"
        + Long.toString(callIndex, 36) + "-" + hex(rng.nextLong(), 4);
  }

  /** Distinct users of the app: a few users are in many calls. */
  private int[] users(int appIndex, int n, SplittableRandom rng) {
    int pool = Math.max(userPool[appIndex], n * 2);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int u;
      int tries = 0;
      do {
        u = (int) (pool * Math.pow(rng.nextDouble(), 1.6));
        tries++;
      } while (contains(out, i, u) && tries < 20);
      while (contains(out, i, u)) {
        u = (u + 1) % pool;
      }
      out[i] = u;
    }
    return out;
  }

  private static boolean contains(int[] a, int len, int v) {
    for (int i = 0; i < len; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  // --- participants --------------------------------------------------------------------------------------

  private Participant participant(App app, String confId, int index, int userIndex, SplittableRandom rng,
      DirtInjector dirt) {
    // A user's home country and devices are stable across calls and dates (a seed of their own).
    SplittableRandom user = Seeds.random(seed, app.index(), 0x05E2L, userIndex);
    String country = EndpointCatalogue.country(app.region(), profile.homeCountryShare(), user);
    Endpoint primary = EndpointCatalogue.endpoint(user);
    Endpoint second = EndpointCatalogue.endpoint(user);
    int device = rng.nextDouble() < 0.8 ? 0 : 1;
    Endpoint endpoint = device == 0 ? primary : second;
    String deviceId = "d-" + hex(Seeds.of(seed, app.index(), userIndex, device), 12);
    String userId = EndpointCatalogue.userId(userIndex);

    String network = EndpointCatalogue.networkType(endpoint.mobile(), rng);
    boolean relayed = rng.nextDouble() < profile.relayRate();
    String relayProtocol = relayed ? EndpointCatalogue.pick(rng, "udp", "udp", "udp", "tcp", "tls", "tls") : null;
    Geo geo = EndpointCatalogue.geo(country, network.equals("cellular"), rng);
    double rtt;
    double loss;
    double jitter;
    switch (network) {
      case "ethernet" -> {
        rtt = 4 + 8 * rng.nextDouble();
        loss = 0.02 + 0.13 * rng.nextDouble();
        jitter = 1 + 3 * rng.nextDouble();
      }
      case "wifi" -> {
        rtt = 8 + 22 * rng.nextDouble();
        loss = 0.1 + 0.5 * rng.nextDouble();
        jitter = 3 + 9 * rng.nextDouble();
      }
      default -> {
        rtt = 35 + 55 * rng.nextDouble();
        loss = 0.3 + 1.2 * rng.nextDouble();
        jitter = 8 + 17 * rng.nextDouble();
      }
    }
    if (relayed) {
      rtt += 10 + 30 * rng.nextDouble();
      if (!"udp".equals(relayProtocol)) {
        jitter += 5 + 10 * rng.nextDouble();
      }
    }
    String ucId = uuid(rng);
    long drift = rng.nextInt(501) - 250;
    long skew = dirt.clockSkewMs();
    long offset = skew != 0 ? skew : drift;
    Envelope env = new Envelope(app.id(), confId, ucId, userId, deviceId, geo, offset, skew != 0);
    return new Participant(index, index == 0, ucId, userIndex, userId, deviceId, endpoint, env, country, network,
        relayed, relayProtocol, rtt, loss, jitter, rng.nextLong());
  }

  // --- presence ------------------------------------------------------------------------------------------

  /** Nobody ever connects: everyone tries, fails and gives up within a minute or two. */
  private void planFailedCall(CallPlan plan, long start, SplittableRandom rng) {
    for (Participant p : plan.participants) {
      long join = p.host ? start : start + rng.nextInt(30_000);
      long stay = p.host ? 20_000 + rng.nextInt(100_000) : 15_000 + rng.nextInt(75_000);
      p.segments.add(new Segment(join, join + stay, leaveKind(rng, p.host)));
      p.neverConnects = true;
      p.failureReason = failureReason(rng);
    }
  }

  private void planPresence(CallPlan plan, long start, long durationMs, SplittableRandom rng) {
    long end = start + durationMs;
    for (Participant p : plan.participants) {
      if (p.host) {
        p.segments.add(new Segment(start, end, SegmentEnd.LEFT));
        continue;
      }
      long join = rng.nextDouble() < profile.lateJoinRate()
          ? start + (long) (durationMs * (0.05 + 0.45 * rng.nextDouble()))
          : start + 1_000 + (long) (rng.nextDouble() * Math.min(30_000, 0.15 * durationMs));
      long leave = rng.nextDouble() < profile.earlyLeaveRate()
          ? join + (long) ((end - join) * (0.3 + 0.6 * rng.nextDouble()))
          : end - (long) (rng.nextDouble() * Math.min(15_000, 0.1 * durationMs));
      if (leave - join < 15_000) {
        join = Math.min(join, Math.max(start + 1_000, end - 20_000));
        leave = Math.min(end, join + 15_000);
      }
      SegmentEnd kind = leaveKind(rng, false);
      long len = leave - join;
      if (len >= 120_000 && rng.nextDouble() < profile.rejoinRate()) {
        long away = join + (long) (len * (0.25 + 0.35 * rng.nextDouble()));
        long back = away + 5_000 + rng.nextInt(55_000);
        if (back < leave - 30_000) {
          p.segments.add(new Segment(join, away, SegmentEnd.LEFT));
          p.segments.add(new Segment(back, leave, kind));
          continue;
        }
      }
      p.segments.add(new Segment(join, leave, kind));
    }
  }

  private SegmentEnd leaveKind(SplittableRandom rng, boolean host) {
    return host || rng.nextDouble() < EXPLICIT_LEAVE_SHARE ? SegmentEnd.LEFT : SegmentEnd.VANISHED;
  }

  private String failureReason(SplittableRandom rng) {
    return SETUP_FAILURE_REASONS[EndpointCatalogue.weighted(rng, SETUP_FAILURE_REASONS.length,
        i -> SETUP_FAILURE_WEIGHTS[i])];
  }

  /** Some participants (not the host, and at least two others left) never connect, try for a while, leave. */
  private void planNeverConnecting(CallPlan plan, int count, SplittableRandom rng) {
    List<Participant> others = new ArrayList<>(plan.participants.subList(1, plan.participants.size()));
    for (int i = 0; i < count && others.size() > 1; i++) {
      Participant p = others.remove(rng.nextInt(others.size()));
      Segment first = p.segments.get(0);
      long leave = Math.min(p.lastLeaveMs(), first.joinMs + 20_000 + rng.nextInt(70_000));
      p.segments.clear();
      p.segments.add(new Segment(first.joinMs, Math.max(leave, first.joinMs + 15_000), leaveKind(rng, false)));
      p.neverConnects = true;
      p.failureReason = failureReason(rng);
    }
  }

  /**
   * One participant's connection drops for good: its last segment ends with the drop, at a time when it is
   * connected to someone (another participant that connects is present). Without such a moment the call is
   * planned as successful instead.
   */
  private void planUnrecoveredDrop(CallPlan plan, SplittableRandom rng) {
    List<Participant> candidates = new ArrayList<>();
    for (Participant p : plan.participants) {
      if (!p.neverConnects && p.segments.get(p.segments.size() - 1).length() >= 40_000) {
        candidates.add(p);
      }
    }
    while (!candidates.isEmpty()) {
      Participant victim = candidates.remove(rng.nextInt(candidates.size()));
      Segment last = victim.segments.get(victim.segments.size() - 1);
      long drop = last.joinMs + Math.max(20_000, (long) (last.length() * (0.3 + 0.6 * rng.nextDouble())));
      drop = Math.min(drop, last.leaveMs);
      for (Participant o : plan.participants) {
        if (o != victim && !o.neverConnects && o.presentAt(drop - 15_000) && o.presentAt(drop)
            && o.firstJoinMs() <= drop - 15_000) {
          last.leaveMs = drop;
          last.end = SegmentEnd.DROPPED;
          return;
        }
      }
    }
    plan.target = Outcome.SUCCESSFUL;
  }

  /** Once one participant is left alone at the end, it leaves within a minute. */
  private static void trimLonelyEnd(CallPlan plan, SplittableRandom rng) {
    List<Segment> all = new ArrayList<>();
    for (Participant p : plan.participants) {
      all.addAll(p.segments);
    }
    all.sort(Comparator.comparingLong((Segment s) -> s.leaveMs));
    Segment last = all.get(all.size() - 1);
    long secondLastLeave = all.size() > 1 ? all.get(all.size() - 2).leaveMs : last.joinMs;
    if (last.joinMs < secondLastLeave && last.end != SegmentEnd.DROPPED) {
      long lonely = secondLastLeave + 5_000 + rng.nextInt(55_000);
      last.leaveMs = Math.max(last.joinMs + 15_000, Math.min(last.leaveMs, lonely));
    }
  }

  private void planRetriesAndRecoveredDrops(CallPlan plan, SplittableRandom rng) {
    for (Participant p : plan.participants) {
      if (p.neverConnects) {
        continue;
      }
      Segment first = p.segments.get(0);
      boolean droppedLater = p.segments.get(p.segments.size() - 1).end == SegmentEnd.DROPPED;
      if (!droppedLater && first.length() >= 60_000 && rng.nextDouble() < profile.failures().setupRetry()) {
        p.retryReason = RETRY_REASONS[rng.nextInt(RETRY_REASONS.length)];
      }
      if (droppedLater || rng.nextDouble() >= profile.recoveredDropRate()) {
        continue;
      }
      for (Segment s : p.segments) {
        if (s.length() >= 120_000) {
          long at = s.joinMs + 40_000 + (long) (rng.nextDouble() * (s.length() - 100_000));
          if (plan.sfu || peersStay(plan, p, at, 45_000)) {
            p.recoveredDropMs = at;
          }
          break;
        }
      }
    }
  }

  /** Whether every other participant present at {@code at} (and someone) is still present {@code forMs} later. */
  private static boolean peersStay(CallPlan plan, Participant p, long at, long forMs) {
    boolean someone = false;
    for (Participant o : plan.participants) {
      if (o == p || o.neverConnects || !o.presentAt(at)) {
        continue;
      }
      if (!o.presentAt(at + forMs)) {
        return false;
      }
      someone = true;
    }
    return someone;
  }

  // --- impairments and media -----------------------------------------------------------------------------

  private void planEpisodes(Participant p, SplittableRandom rng) {
    List<Segment> eligible = new ArrayList<>();
    for (Segment s : p.segments) {
      if (s.length() > 60_000) {
        eligible.add(s);
      }
    }
    if (eligible.isEmpty()) {
      return;
    }
    for (Impairment kind : Impairment.values()) {
      if (rng.nextDouble() >= profile.impairmentRate(kind)) {
        continue;
      }
      Segment s = eligible.get(rng.nextInt(eligible.size()));
      long from = s.joinMs + 15_000;
      long to = s.leaveMs - (s.end == SegmentEnd.DROPPED ? 25_000 : 5_000);
      long window = to - from;
      long dur = Math.min(window, 1_000L * (kind.minSeconds + rng.nextInt(kind.maxSeconds - kind.minSeconds + 1)));
      long start = from + (long) (rng.nextDouble() * (window - dur));
      double nan = Double.NaN;
      Episode e = switch (kind) {
        case PACKET_LOSS -> new Episode(kind, start, start + dur, 2 + 10 * rng.nextDouble(), nan, nan, nan);
        case BURSTY_LOSS -> new Episode(kind, start, start + dur, 25 + 25 * rng.nextDouble(), nan, nan, nan);
        case JITTER -> new Episode(kind, start, start + dur, nan, 20 + 70 * rng.nextDouble(), nan, nan);
        case RTT -> new Episode(kind, start, start + dur, nan, nan, 80 + 420 * rng.nextDouble(), nan);
        case BANDWIDTH -> new Episode(kind, start, start + dur, nan, nan, nan, 120 + 580 * rng.nextDouble());
        default -> new Episode(kind, start, start + dur, nan, nan, nan, nan);
      };
      p.episodes.add(e);
    }
  }

  private void planMedia(CallPlan plan, Participant p, SplittableRandom rng) {
    boolean mobile = p.endpoint.mobile();
    p.sendsVideo = rng.nextDouble() < profile.videoRate() * (mobile ? 0.8 : 1);
    p.simulcast = plan.sfu && p.sendsVideo && p.endpoint.style() == StatsStyle.CHROMIUM
        && rng.nextDouble() < profile.simulcastRate();
    p.nominalRung = mobile ? (rng.nextDouble() < 0.4 ? 1 : 2) : (rng.nextDouble() < 0.6 ? 0 : 2);
    if (p.neverConnects) {
      return;
    }
    for (Segment s : p.segments) {
      long from = s.joinMs + 10_000;
      long to = s.leaveMs - 5_000;
      if (to - from < 30_000) {
        continue;
      }
      if (!mobile && rng.nextDouble() < profile.screenShareRate() && p.screenShares.isEmpty()
          && s.length() >= 90_000) {
        p.screenShares.add(window(from, to, 30_000, Math.min(1_200_000, (long) (0.6 * (to - from))), rng));
      }
      if (rng.nextDouble() < 0.35) {
        int k = 1 + rng.nextInt(3);
        long slice = (to - from) / k;
        for (int i = 0; i < k; i++) {
          p.mutes.add(window(from + i * slice, from + (i + 1) * slice, 5_000, Math.min(120_000, slice / 2), rng));
        }
      }
      if (p.sendsVideo && rng.nextDouble() < 0.15) {
        p.videoPauses.add(window(from, to, 10_000, Math.min(180_000, (to - from) / 2), rng));
      }
      if (rng.nextDouble() < 0.02) {
        p.holds.add(window(from, to, 10_000, Math.min(60_000, (to - from) / 2), rng));
      }
    }
  }

  /** A window of [minMs, maxMs] placed uniformly in [from, to). */
  private static Window window(long from, long to, long minMs, long maxMs, SplittableRandom rng) {
    long len = minMs + (long) (rng.nextDouble() * Math.max(0, maxMs - minMs));
    len = Math.min(len, to - from);
    long start = from + (long) (rng.nextDouble() * (to - from - len));
    return new Window(start, start + len);
  }

  // --- background pre-call tests --------------------------------------------------------------------------

  /** A periodic network test by a user of the app with no call after it (ucID and confID null), or null. */
  BackgroundTest backgroundTest(long callIndex) {
    SplittableRandom rng = Seeds.random(seed, date.toEpochDay(), 0xB6L, callIndex);
    if (rng.nextDouble() >= profile.backgroundTestsPerCall()) {
      return null;
    }
    int appIndex = appOf(callIndex);
    App app = EndpointCatalogue.app(appIndex);
    int userIndex = rng.nextInt(userPool[appIndex]);
    SplittableRandom user = Seeds.random(seed, app.index(), 0x05E2L, userIndex);
    String country = EndpointCatalogue.country(app.region(), profile.homeCountryShare(), user);
    Endpoint endpoint = EndpointCatalogue.endpoint(user);
    String network = EndpointCatalogue.networkType(endpoint.mobile(), rng);
    Geo geo = EndpointCatalogue.geo(country, network.equals("cellular"), rng);
    String deviceId = "d-" + hex(Seeds.of(seed, app.index(), userIndex, 0), 12);
    Envelope env = new Envelope(app.id(), null, null, EndpointCatalogue.userId(userIndex), deviceId, geo,
        rng.nextInt(501) - 250, false);
    long at = dayStartMs + (long) (rng.nextDouble() * 86_400_000L);
    return new BackgroundTest(env, at, network, rng.nextLong());
  }

  record BackgroundTest(Envelope envelope, long atMs, String networkType, long seed) {}

  // --- ids -----------------------------------------------------------------------------------------------

  static String uuid(SplittableRandom rng) {
    String a = hex(rng.nextLong(), 16);
    String b = hex(rng.nextLong(), 16);
    return a.substring(0, 8) + "-" + a.substring(8, 12) + "-4" + a.substring(13, 16) + "-"
        + "89ab".charAt((int) (Seeds.mix(rng.nextLong()) & 3)) + b.substring(1, 4) + "-" + b.substring(4, 16);
  }

  static String hex(long v, int digits) {
    String s = Long.toHexString(v);
    if (s.length() < 16) {
      s = "0".repeat(16 - s.length()) + s;
    }
    return s.substring(16 - digits);
  }
}
