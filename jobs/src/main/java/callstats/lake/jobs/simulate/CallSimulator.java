package callstats.lake.jobs.simulate;

import callstats.lake.jobs.simulate.CallPlan.Participant;
import callstats.lake.jobs.simulate.CallPlan.Segment;
import callstats.lake.jobs.simulate.CallPlan.SegmentEnd;
import callstats.lake.jobs.simulate.CallPlan.Window;
import callstats.lake.jobs.simulate.Connection.Candidate;
import callstats.lake.jobs.simulate.EndpointCatalogue.StatsStyle;
import callstats.lake.jobs.simulate.Impairment.Episode;
import callstats.lake.jobs.simulate.LineEmitter.Body;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plays out one planned call second by second and emits its lines: joins and leaves, connection setups and their
 * failures, RTP counters advanced each second under the network conditions of the moment (base network plus
 * impairment episodes), a stats line about every 10 s per connection, user/alive every 10 s, and every event path
 * of the callstats dialect. Timed happenings (joins, drops, episode edges, media actions) are actions in a queue
 * ordered by time; the clock advances in whole seconds. Collects the call's truth as it goes.
 *
 * <p>Cost: about (connections x RTP legs x seconds) counter updates, plus the JSON of every line; memory is one
 * call's state, whatever its length.
 */
final class CallSimulator {

  private static final long SECOND = 1_000;
  private static final int AUDIO_PT = 111;

  private record Action(long at, long seq, Runnable run) {}

  private final CallPlan plan;
  private final LineEmitter emitter;
  private final DirtInjector dirt;
  private final SplittableRandom rng;
  private final List<Member> members = new ArrayList<>();
  private final PriorityQueue<Action> queue = new PriorityQueue<>(
      (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private long seq;
  private final List<Connection> connections = new ArrayList<>();
  private final List<RtpFlow> receiverLegs = new ArrayList<>();
  private final List<RtpSender> senders = new ArrayList<>();
  private final Set<Long> ssrcs = new HashSet<>();
  private Member dominant;
  private long now;

  CallSimulator(CallPlan plan, LineEmitter emitter, DirtInjector dirt, SplittableRandom rng) {
    this.plan = plan;
    this.emitter = emitter;
    this.dirt = dirt;
    this.rng = rng;
    for (Participant p : plan.participants) {
      members.add(new Member(p, Seeds.of(p.seed, 0xADD)));
    }
  }

  /** Simulates the call and returns its truth. */
  CallTruth run() {
    schedulePlan();
    long firstSecond = Math.floorDiv(plan.startMs(), SECOND);
    long lastSecond = Math.floorDiv(plan.endMs(), SECOND) + 2;
    for (long sec = firstSecond; sec <= lastSecond; sec++) {
      long t0 = sec * SECOND;
      runActions(t0 + SECOND);
      now = t0;
      for (Member m : members) {
        if (m.present) {
          m.updateConditions(t0);
        }
      }
      stepSecond(t0);
      periodic(t0 + SECOND);
    }
    runActions(Long.MAX_VALUE);
    return CallTruth.of(plan, members, connections, receiverLegs, senders);
  }

  // --- scheduling ----------------------------------------------------------------------------------------

  private void at(long ms, Runnable r) {
    queue.add(new Action(ms, seq++, r));
  }

  private void runActions(long before) {
    while (!queue.isEmpty() && queue.peek().at < before) {
      Action a = queue.poll();
      now = a.at;
      a.run.run();
    }
  }

  private void schedulePlan() {
    for (Member m : members) {
      Participant p = m.plan;
      for (int i = 0; i < p.segments.size(); i++) {
        Segment s = p.segments.get(i);
        int index = i;
        at(s.joinMs, () -> join(m, index, s));
        at(s.leaveMs, () -> leave(m, s));
        if (s.end == SegmentEnd.DROPPED) {
          at(s.leaveMs - 6_000 - rng.nextInt(6_000), () -> disruptionStart(m, null));
        }
      }
      if (p.recoveredDropMs > 0) {
        long td = p.recoveredDropMs;
        at(td - 6_000 - rng.nextInt(6_000), () -> disruptionStart(m, null));
        at(td, () -> drop(m, true));
      }
      for (Episode e : p.episodes) {
        switch (e.kind()) {
          case ICE_DISRUPTION, ICE_RESTART -> {
            List<Connection> affected = new ArrayList<>();
            at(e.startMs(), () -> affected.addAll(disruptionStart(m, e)));
            at(e.endMs(), () -> disruptionEnd(m, e, affected));
          }
          case ONE_WAY -> at(e.startMs() + 3_000, () -> oneWayDetected(m));
          default -> { }
        }
      }
      for (Window w : p.mutes) {
        at(w.startMs(), () -> mediaAction(m, "audioMute", true));
        at(w.endMs(), () -> mediaAction(m, "audioUnmute", false));
      }
      for (Window w : p.videoPauses) {
        at(w.startMs(), () -> videoPause(m, true));
        at(w.endMs(), () -> videoPause(m, false));
      }
      for (Window w : p.screenShares) {
        at(w.startMs(), () -> screenShare(m, true));
        at(w.endMs(), () -> screenShare(m, false));
      }
      for (Window w : p.holds) {
        at(w.startMs(), () -> hold(m, true));
        at(w.endMs(), () -> hold(m, false));
      }
    }
    at(plan.startMs() + 5_000 + rng.nextInt(10_000), this::dominantSpeaker);
  }

  private static Segment lastSegment(Member m) {
    return m.plan.segments.get(m.plan.segments.size() - 1);
  }

  // --- lines ---------------------------------------------------------------------------------------------

  private void emit(Member m, IngestPath path, long trueMs, Body body) {
    emitLine(m, path, trueMs, body, null, false, false);
  }

  private void emitLine(Member m, IngestPath path, long trueMs, Body body, Connection statsOf, boolean mayHold,
      boolean counterReset) {
    long receivedAt = trueMs + 30 + rng.nextInt(370);
    if (m.present && path != IngestPath.PRECALL_TEST && path != IngestPath.FEEDBACK) {
      m.lastPresenceLineMs = Math.max(m.lastPresenceLineMs, trueMs);
    }
    emitter.emit(m.env, path, trueMs, receivedAt, body, statsOf == null ? null : statsOf.hold, mayHold,
        counterReset);
  }

  private long client(Member m, long trueMs) {
    return trueMs + m.env.clockOffsetMs();
  }

  // --- presence ------------------------------------------------------------------------------------------

  private void join(Member m, int index, Segment s) {
    long t = now;
    m.present = true;
    m.segment = index;
    m.segmentJoinMs = t;
    m.lastPresenceLineMs = t;
    if (index == 0) {
      m.retryPending = m.plan.retryReason != null;
    }
    if (index == 0 && m.plan.precallTest) {
      precallTest(m, t - 5_000 - rng.nextInt(25_000));
    }
    emit(m, IngestPath.USER_JOINED, t, EventEmitter.userJoined(m.plan, plan.app));
    emit(m, IngestPath.DEVICES_LIST, t + 200, EventEmitter.devicesList(m, false));
    emit(m, IngestPath.DEVICES_LIST, t + 900, EventEmitter.devicesList(m, true));
    emit(m, IngestPath.APP_LOGS, t + 50, EventEmitter.appLog("info", "Joined conference " + plan.confId + " as "
        + m.userId(), "log"));
    m.nextAliveMs = t + 1_000 + rng.nextInt(9_000);
    m.nextSystemMs = t + 5_000 + rng.nextInt(55_000);
    if (m.battery == 0) {
      m.battery = m.mobile() ? 35 + rng.nextInt(65) : Double.NaN;
    }
    long setupAt = t + 300 + rng.nextInt(2_200);
    if (plan.sfu) {
      at(setupAt, () -> startSfu(m, 1));
    } else {
      for (Member o : members) {
        if (o != m && o.present && staysFor(o, 5_000)) {
          at(setupAt + rng.nextInt(300), () -> startLink(m, o, 1));
        }
      }
    }
  }

  /** Whether a present member's current segment lasts at least {@code ms} more. */
  private boolean staysFor(Member o, long ms) {
    Segment s = o.plan.segments.get(o.segment);
    return s.leaveMs - now >= ms;
  }

  private void leave(Member m, Segment s) {
    if (!m.present) {
      return;
    }
    long t = now;
    switch (s.end) {
      case LEFT -> {
        for (Connection c : new ArrayList<>(m.conns)) {
          close(c, t, "closed", true);
          if (c.peer != null && !c.peer.closed) {
            close(c.peer, t + 100 + rng.nextInt(400), "closed", true);
          }
        }
        emit(m, IngestPath.USER_LEFT, t, EventEmitter.empty());
        m.leftExplicitly = true;
      }
      case VANISHED -> {
        for (Connection c : new ArrayList<>(m.conns)) {
          close(c, t, "vanished", false);
          if (c.peer != null && !c.peer.closed) {
            Connection peer = c.peer;
            at(t + 1_000 + rng.nextInt(2_000), () -> {
              if (!peer.closed) {
                close(peer, now, "closed", true);
              }
            });
          }
        }
        m.leftExplicitly = false;
      }
      case DROPPED -> {
        drop(m, false);
        m.leftExplicitly = false;
      }
      default -> throw new IllegalStateException(s.end.toString());
    }
    endPresence(m);
    if (s == lastSegment(m) && m.plan.feedback) {
      at(t + 2_000 + rng.nextInt(28_000), () -> feedback(m));
    }
  }

  private void endPresence(Member m) {
    for (Connection c : new ArrayList<>(m.conns)) {
      abandon(c);
      if (c.peer != null) {
        abandon(c.peer);
      }
    }
    long leave = Math.max(m.lastPresenceLineMs, m.segmentJoinMs);
    m.timeInCallMs += leave - m.segmentJoinMs;
    m.segmentsActual.add(new long[] {m.segmentJoinMs, leave});
    m.leaveMs = leave;
    m.present = false;
    m.nextAliveMs = Long.MAX_VALUE;
    m.nextSystemMs = Long.MAX_VALUE;
    m.muted = false;
    m.videoPaused = false;
    m.onHold = false;
    m.sharing = false;
    if (dominant == m) {
      dominant = null;
    }
  }

  // --- connection setup ----------------------------------------------------------------------------------

  /** The reason the next setup of this member fails, or null; consumes a pending transient failure. */
  private String failureFor(Member m) {
    if (m.plan.neverConnects) {
      return m.plan.failureReason;
    }
    if (m.retryPending) {
      m.retryPending = false;
      return m.plan.retryReason;
    }
    return null;
  }

  private static boolean networkReason(String reason) {
    return reason.equals("TransportFailure") || reason.equals("NegotiationFailure")
        || reason.equals("SignalingError");
  }

  private Connection newConnection(Member m, Member remote, String remoteId, boolean offerer, long t) {
    long idSeed = rng.nextLong();
    Connection c = new Connection("pc-" + CallPlanner.hex(idSeed, 10), m, remote, remoteId, m.segment, t, offerer,
        idSeed, dirt.counterResetAfterSample());
    connections.add(c);
    m.conns.add(c);
    return c;
  }

  private void startSfu(Member m, int attempt) {
    if (!m.present) {
      return;
    }
    long t = now;
    String reason = failureFor(m);
    Connection c = newConnection(m, null, plan.sfuId, true, t);
    setupDelays(c);
    if (reason != null) {
      failSetup(c, reason, attempt, m);
      return;
    }
    selectCandidates(c, null);
    at(t + (long) c.setupDelayMs, () -> {
      if (!c.closed && m.present) {
        connected(c);
        subscribeSfu(c);
      }
    });
  }

  private void startLink(Member a, Member b, int attempt) {
    if (!a.present || !b.present) {
      return;
    }
    long t = now;
    String reason = failureFor(a);
    Member failing = a;
    if (reason == null) {
      reason = failureFor(b);
      failing = b;
    }
    if (reason != null && !networkReason(reason)) {
      // A local error: only the failing side ever had a connection.
      Member other = failing == a ? b : a;
      Connection c = newConnection(failing, other, other.userId(), failing == a, t);
      setupDelays(c);
      failSetup(c, reason, attempt, failing);
      return;
    }
    Connection ca = newConnection(a, b, b.userId(), true, t);
    Connection cb = newConnection(b, a, a.userId(), false, t + 50 + rng.nextInt(200));
    ca.peer = cb;
    cb.peer = ca;
    setupDelays(ca);
    cb.setupDelayMs = ca.setupDelayMs - (cb.startMs - t);
    cb.gatheringDelayMs = ca.gatheringDelayMs;
    cb.connectivityDelayMs = ca.connectivityDelayMs;
    if (reason != null) {
      failSetup(ca, reason, attempt, failing);
      failSetup(cb, reason, attempt, failing);
      return;
    }
    selectCandidates(ca, cb);
    at(t + (long) ca.setupDelayMs, () -> {
      if (!ca.closed && !cb.closed && a.present && b.present) {
        connected(ca);
        connected(cb);
        linkMedia(ca);
        linkMedia(cb);
        for (Connection c : List.of(ca, cb)) {
          emit(c.local, IngestPath.SSRC_MAP, now + 20, EventEmitter.ssrcMap(c));
          playbackStarts(c, c.flows);
        }
      }
    });
  }

  private void setupDelays(Connection c) {
    Member m = c.local;
    double gathering = 50 + 350 * rng.nextDouble() + (m.plan.relayed ? 100 + 500 * rng.nextDouble() : 0);
    double connectivity = (30 + 270 * rng.nextDouble())
        * (m.plan.relayed && !"udp".equals(m.plan.relayProtocol) ? 2 + 2 * rng.nextDouble() : 1);
    double signaling = 100 + 700 * rng.nextDouble();
    c.gatheringDelayMs = Math.round(gathering);
    c.connectivityDelayMs = Math.round(connectivity);
    c.setupDelayMs = Math.round(gathering + connectivity + signaling);
  }

  /** A setup that fails; {@code failing} is the member whose problem it is (it may try again). */
  private void failSetup(Connection c, String reason, int attempt, Member failing) {
    Member m = c.local;
    long t = c.startMs;
    boolean ice = reason.equals("TransportFailure");
    long failAt = t + (ice ? 5_000 + rng.nextInt(10_000) : networkReason(reason) ? 200 + rng.nextInt(14_000)
        : 100 + rng.nextInt(1_900));
    c.failureReason = reason;
    at(failAt, () -> {
      if (c.closed) {
        return;
      }
      long f = now;
      emit(m, IngestPath.FABRIC_STATE_CHANGE, t, EventEmitter.stateChange(c, "signalingState", "stable",
          c.offerer ? "have-local-offer" : "have-remote-offer"));
      if (ice) {
        emit(m, IngestPath.FABRIC_STATE_CHANGE, t + (long) c.gatheringDelayMs,
            EventEmitter.stateChange(c, "iceConnectionState", "new", "checking"));
        emit(m, IngestPath.FABRIC_STATE_CHANGE, f, EventEmitter.stateChange(c, "iceConnectionState", "checking",
            "failed"));
        emit(m, IngestPath.ICE_STATUS, f, EventEmitter.iceStatus(c, "iceFailed", "checking", "failed", f - t));
        c.iceFailed = true;
      }
      emit(m, IngestPath.FABRIC_SETUP_FAILED, f + 5, EventEmitter.setupFailed(c, reason));
      emit(m, IngestPath.APP_LOGS, f + 10, EventEmitter.appLog("error", "Connection setup to " + c.remoteId
          + " failed: " + reason + (c.local.plan.relayed ? " (TURN " + c.local.relayAddress + ")" : ""), "error"));
      if (m.firstFailureReason == null) {
        m.firstFailureReason = reason;
      }
      c.closed = true;
      c.endMs = f;
      c.endReason = "setup_failed";
      m.conns.remove(c);
      // Try again: a transient failure (once per member) connects on a retry; one that never connects may try once
      // more.
      boolean retry = failing.plan.neverConnects ? attempt == 1 && rng.nextBoolean() : true;
      if (retry && (c.peer == null || c.offerer)) {
        long again = f + 1_000 + rng.nextInt(4_000);
        Member other = c.remote != null ? c.remote : null;
        if (plan.sfu) {
          at(again, () -> startSfu(m, 2));
        } else if (other != null) {
          Member a = c.offerer ? m : other;
          Member b = c.offerer ? other : m;
          at(again, () -> startLink(a, b, 2));
        }
      }
    });
  }

  private void connected(Connection c) {
    Member m = c.local;
    long t = now;
    c.connected = true;
    c.connectedMs = t;
    m.connectedEver = true;
    m.lastConnectedMs = t;
    long s = c.startMs;
    emit(m, IngestPath.FABRIC_STATE_CHANGE, s, EventEmitter.stateChange(c, "signalingState", "stable",
        c.offerer ? "have-local-offer" : "have-remote-offer"));
    emit(m, IngestPath.FABRIC_STATE_CHANGE, s + (long) c.gatheringDelayMs,
        EventEmitter.stateChange(c, "iceConnectionState", "new", "checking"));
    emit(m, IngestPath.FABRIC_STATE_CHANGE, t - 1, EventEmitter.stateChange(c, "signalingState",
        c.offerer ? "have-local-offer" : "have-remote-offer", "stable"));
    emit(m, IngestPath.FABRIC_STATE_CHANGE, t, EventEmitter.stateChange(c, "iceConnectionState", "checking",
        "connected"));
    emit(m, IngestPath.FABRIC_STATE_CHANGE, t, EventEmitter.stateChange(c, "connectionState", "connecting",
        "connected"));
    emit(m, IngestPath.FABRIC_SETUP, t + 5, EventEmitter.fabricSetup(c));
    if (c.localCandidate.type().equals("relay")) {
      emit(m, IngestPath.APP_LOGS, t + 8, EventEmitter.appLog("info", "Using TURN relay "
          + c.localCandidate.address() + ":" + c.localCandidate.port() + " over " + m.plan.relayProtocol, "log"));
    }
    c.nextSampleMs = t + 1_000 + rng.nextInt(9_000);
    addSenders(c, t);
  }

  /** The candidate pair: a relay if the member is relayed, else host or reflexive; the SFU has a host candidate. */
  private void selectCandidates(Connection c, Connection peer) {
    Candidate local = localCandidate(c);
    if (peer == null) {
      int region = EndpointCatalogue.regionIndex(plan.app.region());
      String sfuAddress = "192.0.2." + (10 + region * 20 + (int) Math.floorMod(Seeds.hash(plan.sfuId), 10L));
      c.selectPair(local, new Candidate(IdStyle.candidate(c.style, c.idSeed, c.generation, false), "host", "udp",
          null, sfuAddress, 10_000, 2_130_706_431L, null, null));
      return;
    }
    Candidate peerLocal = localCandidate(peer);
    c.selectPair(local, mirror(c, peerLocal));
    peer.selectPair(peerLocal, mirror(peer, local));
  }

  private Candidate localCandidate(Connection c) {
    Member m = c.local;
    String id = IdStyle.candidate(c.style, c.idSeed, c.generation, true);
    int port = 50_000 + rng.nextInt(15_000);
    String net = m.plan.networkType;
    if (m.plan.relayed) {
      String proto = m.plan.relayProtocol;
      long priority = proto.equals("udp") ? 41_885_439L : proto.equals("tcp") ? 25_108_223L : 8_331_007L;
      return new Candidate(id, "relay", "udp", proto, m.relayAddress, port, priority, net, m.turnUrl);
    }
    if (c.sfu() && rng.nextDouble() < 0.7) {
      return new Candidate(id, "host", "udp", null, m.hostAddress, port, 2_122_260_223L, net, null);
    }
    boolean prflx = rng.nextDouble() < 0.15;
    return new Candidate(id, prflx ? "prflx" : "srflx", "udp", null, m.publicAddress, port,
        prflx ? 1_853_824_767L : 1_686_052_607L, net, prflx ? null : m.turnUrl.startsWith("stun") ? m.turnUrl
        : "stun:stun." + EndpointCatalogue.regionOf(m.plan.country) + ".relay.example.net:3478");
  }

  private static Candidate mirror(Connection c, Candidate theirs) {
    return new Candidate(IdStyle.candidate(c.style, c.idSeed, c.generation, false), theirs.type(), "udp", null,
        theirs.address(), theirs.port(), theirs.priority(), null, null);
  }

  // --- media streams -------------------------------------------------------------------------------------

  private long newSsrc() {
    long s;
    do {
      s = rng.nextInt() & 0xFFFF_FFFFL;
    } while (s == 0 || !ssrcs.add(s));
    return s;
  }

  /** The member's tracks as streams on a new connection: audio, camera (simulcast on an SFU), screen if sharing. */
  private void addSenders(Connection c, long t) {
    Member m = c.local;
    RtpSender audio = new RtpSender(m, c, newSsrc(), "audio", "audio", null, 0, false, "audio/opus", AUDIO_PT, "0",
        ++m.trackCounter, t);
    add(c, audio);
    if (m.plan.sendsVideo) {
      boolean simulcast = c.sfu() && m.plan.simulcast;
      int layers = simulcast ? 3 : 1;
      int track = ++m.trackCounter;
      for (int i = 0; i < layers; i++) {
        add(c, new RtpSender(m, c, newSsrc(), "video", "video", simulcast ? RtpSender.RIDS[i] : null, i, simulcast,
            plan.videoCodec, payloadType(plan.videoCodec), "1", track, t));
      }
    }
    if (m.sharing) {
      add(c, screenSender(c, t));
    }
  }

  private RtpSender screenSender(Connection c, long t) {
    Member m = c.local;
    return new RtpSender(m, c, newSsrc(), "video", "screen", null, 0, false, plan.videoCodec,
        payloadType(plan.videoCodec), "2", ++m.trackCounter, t);
  }

  private void add(Connection c, RtpSender s) {
    c.senders.add(s);
    senders.add(s);
    if (c.sfu()) {
      s.report = new RtpFlow(RtpFlow.TO_SFU, s, null, s.startMs);
    }
  }

  private static int payloadType(String codec) {
    return codec.endsWith("VP8") ? 96 : codec.endsWith("VP9") ? 98 : codec.endsWith("H264") ? 102 : 45;
  }

  /** p2p: each stream the connection sends arrives on the peer's connection. */
  private void linkMedia(Connection c) {
    for (RtpSender s : c.senders) {
      if (s.report == null) {
        receive(new RtpFlow(RtpFlow.PEER, s, c.peer, now), c.peer);
        s.report = c.peer.flows.get(c.peer.flows.size() - 1);
      }
    }
  }

  private void receive(RtpFlow f, Connection rx) {
    rx.flows.add(f);
    rx.local.received.add(f);
    receiverLegs.add(f);
  }

  /** SFU: the new connection receives everyone else's streams, and everyone else receives its streams. */
  private void subscribeSfu(Connection c) {
    List<Connection> changed = new ArrayList<>();
    for (Member o : members) {
      if (o == c.local) {
        continue;
      }
      for (Connection oc : o.conns) {
        if (!oc.active()) {
          continue;
        }
        List<RtpFlow> toNew = new ArrayList<>();
        for (RtpSender s : oc.senders) {
          if (s.layer == 0) {
            RtpFlow f = new RtpFlow(RtpFlow.VIA_SFU, s, c, now);
            receive(f, c);
            toNew.add(f);
            keyFrameRequest(s);
          }
        }
        List<RtpFlow> toOld = new ArrayList<>();
        for (RtpSender s : c.senders) {
          if (s.layer == 0) {
            RtpFlow f = new RtpFlow(RtpFlow.VIA_SFU, s, oc, now);
            receive(f, oc);
            toOld.add(f);
          }
        }
        if (!toOld.isEmpty()) {
          changed.add(oc);
          playbackStarts(oc, toOld);
        }
        playbackStarts(c, toNew);
      }
    }
    emit(c.local, IngestPath.SSRC_MAP, now + 20, EventEmitter.ssrcMap(c));
    for (Connection oc : changed) {
      emit(oc.local, IngestPath.SSRC_MAP, now + 40, EventEmitter.ssrcMap(oc));
    }
  }

  /** The SFU asks the sender for a key frame for a new receiver. */
  private static void keyFrameRequest(RtpSender primary) {
    for (RtpSender layer : primary.conn.senders) {
      if (layer.mediaType.equals(primary.mediaType) && layer.report != null) {
        layer.report.c[RtpFlow.PLI]++;
      }
    }
  }

  private void playbackStarts(Connection rx, List<RtpFlow> flows) {
    for (RtpFlow f : flows) {
      emit(rx.local, IngestPath.MEDIA_PIPELINE, now + 100 + rng.nextInt(700),
          EventEmitter.mediaPipeline("mediaPlaybackStart", f.source.mediaType, f.source.ssrc, rx.id));
    }
  }

  /** Stops a stream: its legs end (their truth is their last sample). */
  private void removeSender(RtpSender s) {
    s.conn.senders.remove(s);
    if (s.report != null && s.report.rx != null) {
      s.report.rx.flows.remove(s.report);
    }
    if (s.conn.sfu() && s.layer == 0) {
      for (Member o : members) {
        for (Connection oc : o.conns) {
          oc.flows.removeIf(f -> f.source == s);
        }
      }
    }
  }

  // --- closing, drops, disruptions -----------------------------------------------------------------------

  /** Closes a connection: a last stats sample and fabric/terminated unless the client vanished. */
  private void close(Connection c, long t, String reason, boolean finalLines) {
    Member m = c.local;
    if (c.connected && !c.closed) {
      for (RtpFlow f : c.flows) {
        f.settleOutage();
      }
      for (RtpSender s : c.senders) {
        if (s.report != null) {
          s.report.settleOutage();
        }
      }
      if (finalLines) {
        sample(c, t, true);
      }
    }
    if (finalLines && c.connected) {
      emit(m, IngestPath.FABRIC_STATE_CHANGE, t + 2, EventEmitter.stateChange(c, "iceConnectionState",
          c.outages > 0 ? "disconnected" : "connected", "closed"));
      emit(m, IngestPath.FABRIC_TERMINATED, t + 3, EventEmitter.connectionOnly(c));
    }
    emitter.release(c.hold);
    c.closed = true;
    c.endMs = t;
    c.endReason = reason;
    m.conns.remove(c);
    for (RtpSender s : new ArrayList<>(c.senders)) {
      removeSender(s);
    }
    c.flows.clear();
  }

  /** A setup still in progress when its participant leaves: no setup event, no stats. */
  private void abandon(Connection c) {
    if (!c.closed) {
      c.closed = true;
      c.endMs = now;
      c.endReason = "abandoned";
      c.local.conns.remove(c);
    }
  }

  private void drop(Member m, boolean recovered) {
    long t = now;
    for (Connection c : new ArrayList<>(m.conns)) {
      if (!c.connected) {
        continue;
      }
      dropConnection(c, t);
      if (c.peer != null && !c.peer.closed) {
        dropConnection(c.peer, t + rng.nextInt(1_500));
      }
    }
    if (recovered) {
      at(t + 2_000 + rng.nextInt(8_000), () -> {
        if (!m.present) {
          return;
        }
        if (plan.sfu) {
          startSfu(m, 1);
        } else {
          for (Member o : members) {
            if (o != m && o.present && staysFor(o, 5_000)) {
              startLink(m, o, 1);
            }
          }
        }
      });
    }
  }

  private void dropConnection(Connection c, long t) {
    Member m = c.local;
    if (c.outages == 0) {
      disrupt(c, t - 5_000);
    }
    emit(m, IngestPath.FABRIC_STATE_CHANGE, t, EventEmitter.stateChange(c, "iceConnectionState", "disconnected",
        "failed"));
    emit(m, IngestPath.ICE_STATUS, t, EventEmitter.iceStatus(c, "iceFailed", "disconnected", "failed",
        Double.NaN));
    c.iceFailed = true;
    c.dropped = true;
    m.drops++;
    m.lastDropMs = t;
    close(c, t, "dropped", true);
    emit(m, IngestPath.FABRIC_STATUS, t + 5, EventEmitter.fabricDropped(c));
  }

  /** ICE connectivity lost on a member's connections (both sides of its p2p links); returns the connections. */
  private List<Connection> disruptionStart(Member m, Episode e) {
    List<Connection> affected = new ArrayList<>();
    for (Connection c : new ArrayList<>(m.conns)) {
      if (!c.active()) {
        continue;
      }
      affected.add(c);
      disrupt(c, now);
      if (c.peer != null && c.peer.active()) {
        affected.add(c.peer);
        disrupt(c.peer, now + rng.nextInt(800));
      }
    }
    return affected;
  }

  private void disrupt(Connection c, long t) {
    c.outages++;
    if (c.outages > 1) {
      return;
    }
    c.iceDisruptions++;
    Member m = c.local;
    emit(m, IngestPath.FABRIC_STATE_CHANGE, t, EventEmitter.stateChange(c, "iceConnectionState", "connected",
        "disconnected"));
    emit(m, IngestPath.ICE_STATUS, t, EventEmitter.iceStatus(c, "iceDisruptionStart", "connected", "disconnected",
        Double.NaN));
    emit(m, IngestPath.APP_LOGS, t + 10, EventEmitter.appLog("warn", "ICE connection to " + c.remoteId
        + " disconnected, waiting for it to recover", "log"));
  }

  private void disruptionEnd(Member m, Episode e, List<Connection> affected) {
    boolean restart = e.kind() == Impairment.ICE_RESTART;
    for (Connection c : affected) {
      if (!c.active() || c.outages == 0) {
        continue;
      }
      c.outages--;
      if (c.outages > 0) {
        continue;
      }
      long t = now + (c.local == m ? 0 : rng.nextInt(500));
      double delay = t - e.startMs();
      Member owner = c.local;
      if (restart) {
        String prevPair = c.pairId;
        Candidate prevLocal = c.localCandidate;
        Candidate prevRemote = c.remoteCandidate;
        c.generation++;
        Candidate local = localCandidate(c);
        Candidate remote = c.sfu() ? new Candidate(IdStyle.candidate(c.style, c.idSeed, c.generation, false),
            prevRemote.type(), prevRemote.protocol(), null, prevRemote.address(), prevRemote.port(),
            prevRemote.priority(), null, null) : mirror(c, c.peer.localCandidate);
        c.selectPair(local, remote);
        c.iceRestarts++;
        c.resetCounters();
        emit(owner, IngestPath.FABRIC_STATE_CHANGE, t, EventEmitter.stateChange(c, "iceConnectionState",
            "disconnected", "checking"));
        emit(owner, IngestPath.ICE_STATUS, t, EventEmitter.iceStatus(c, "iceRestarted", "disconnected", "checking",
            delay));
        emit(owner, IngestPath.FABRIC_TRANSPORT_CHANGE, t + 300, EventEmitter.transportChange(c, prevPair, prevLocal,
            prevRemote, 300));
        emit(owner, IngestPath.FABRIC_STATE_CHANGE, t + 300, EventEmitter.stateChange(c, "iceConnectionState",
            "checking", "connected"));
      } else {
        emit(owner, IngestPath.FABRIC_STATE_CHANGE, t, EventEmitter.stateChange(c, "iceConnectionState",
            "disconnected", "connected"));
      }
      emit(owner, IngestPath.ICE_STATUS, t, EventEmitter.iceStatus(c, "iceDisruptionEnd", "disconnected",
          restart ? "checking" : "connected", delay));
    }
  }

  private void oneWayDetected(Member m) {
    if (!m.present) {
      return;
    }
    for (Connection c : m.conns) {
      for (RtpFlow f : c.flows) {
        emit(m, IngestPath.MEDIA_PIPELINE, now, EventEmitter.mediaPipeline("oneWayMedia", f.source.mediaType,
            f.source.ssrc, c.id));
      }
    }
  }

  // --- media actions -------------------------------------------------------------------------------------

  private List<String> othersPresent(Member m) {
    List<String> ids = new ArrayList<>();
    for (Member o : members) {
      if (o != m && o.present) {
        ids.add(o.userId());
      }
    }
    return ids;
  }

  private void mediaAction(Member m, String eventType, boolean muted) {
    if (!m.present) {
      return;
    }
    m.muted = muted;
    emit(m, IngestPath.MEDIA_ACTIONS, now, EventEmitter.mediaAction(eventType,
        EventEmitter.deviceId(m.plan, "audioinput", (int) Math.floorMod(m.plan.seed,
            (long) EndpointCatalogue.AUDIO_INPUTS.length)), othersPresent(m)));
  }

  private void videoPause(Member m, boolean paused) {
    if (!m.present) {
      return;
    }
    m.videoPaused = paused;
    emit(m, IngestPath.MEDIA_ACTIONS, now, EventEmitter.mediaAction(paused ? "videoPause" : "videoResume",
        EventEmitter.deviceId(m.plan, "videoinput", 0), othersPresent(m)));
    for (Member o : members) {
      for (Connection oc : o.conns) {
        for (RtpFlow f : oc.flows) {
          if (f.source.owner == m && f.source.mediaType.equals("video")) {
            emit(o, IngestPath.MEDIA_PIPELINE, now + 200 + rng.nextInt(800), EventEmitter.mediaPipeline(
                paused ? "mediaPlaybackSuspended" : "mediaPlaybackStart", "video", f.source.ssrc, oc.id));
          }
        }
      }
    }
  }

  private void screenShare(Member m, boolean start) {
    if (!m.present || m.sharing == start) {
      return;
    }
    m.sharing = start;
    emit(m, IngestPath.MEDIA_ACTIONS, now, EventEmitter.mediaAction(start ? "screenShareStart" : "screenShareStop",
        "screen:" + CallPlanner.hex(m.plan.seed, 6), othersPresent(m)));
    if (start) {
      m.screenShares++;
    }
    for (Connection c : new ArrayList<>(m.conns)) {
      if (!c.active()) {
        continue;
      }
      if (start) {
        RtpSender s = screenSender(c, now);
        add(c, s);
        if (c.sfu()) {
          for (Member o : members) {
            for (Connection oc : o.conns) {
              if (o != m && oc.active()) {
                RtpFlow f = new RtpFlow(RtpFlow.VIA_SFU, s, oc, now);
                receive(f, oc);
                playbackStarts(oc, List.of(f));
                emit(o, IngestPath.SSRC_MAP, now + 60, EventEmitter.ssrcMap(oc));
              }
            }
          }
        } else {
          RtpFlow f = new RtpFlow(RtpFlow.PEER, s, c.peer, now);
          receive(f, c.peer);
          s.report = f;
          playbackStarts(c.peer, List.of(f));
          emit(c.peer.local, IngestPath.SSRC_MAP, now + 60, EventEmitter.ssrcMap(c.peer));
        }
        emit(m, IngestPath.SSRC_MAP, now + 50, EventEmitter.ssrcMap(c));
      } else {
        for (RtpSender s : new ArrayList<>(c.senders)) {
          if (s.mediaType.equals("screen")) {
            removeSender(s);
          }
        }
      }
    }
  }

  private void hold(Member m, boolean on) {
    if (!m.present) {
      return;
    }
    m.onHold = on;
    for (Connection c : m.conns) {
      if (c.active()) {
        emit(m, IngestPath.FABRIC_ACTIONS, now, EventEmitter.fabricAction(c, on ? "fabricHold" : "fabricResume"));
      }
    }
  }

  private void dominantSpeaker() {
    int total = 0;
    int[] weights = new int[members.size()];
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      boolean live = m.present && !m.conns.isEmpty() && m.connectedEver;
      weights[i] = !live ? 0 : m.muted ? 1 : m.plan.host ? 15 : 5;
      total += weights[i];
    }
    if (total > 0) {
      int pick = rng.nextInt(total);
      int i = 0;
      while (pick >= weights[i]) {
        pick -= weights[i++];
      }
      Member chosen = members.get(i);
      if (chosen != dominant) {
        dominant = chosen;
        emit(chosen, IngestPath.DOMINANT_SPEAKER, now, EventEmitter.empty());
      }
    }
    long next = now + 8_000 + rng.nextInt(37_000);
    if (next < plan.endMs()) {
      at(next, this::dominantSpeaker);
    }
  }

  // --- the second ----------------------------------------------------------------------------------------

  private void stepSecond(long t0) {
    // Senders first, then the legs to the receiver or the SFU, then the legs through the SFU.
    for (Member m : members) {
      for (Connection c : m.conns) {
        if (c.active()) {
          sendSecond(c);
        }
      }
    }
    for (Member m : members) {
      for (Connection c : m.conns) {
        if (c.active()) {
          for (RtpSender s : c.senders) {
            if (s.report != null) {
              directLeg(s, t0);
            }
          }
        }
      }
    }
    for (Member m : members) {
      for (Connection c : m.conns) {
        if (c.active()) {
          for (RtpFlow f : c.flows) {
            if (f.leg.equals(RtpFlow.VIA_SFU)) {
              viaLeg(f, t0);
            }
          }
          transportSecond(c);
        }
      }
    }
    for (Member m : members) {
      for (Connection c : m.conns) {
        if (c.active()) {
          for (RtpFlow f : c.flows) {
            if (f.longFreezeStarted) {
              emit(m, IngestPath.MEDIA_PIPELINE, t0 + rng.nextInt(1_000), EventEmitter.mediaPipeline(
                  "mediaPlaybackStalled", f.source.mediaType, f.source.ssrc, c.id));
            }
          }
        }
      }
    }
  }

  private void sendSecond(Connection c) {
    Member m = c.local;
    int videoConns = 0;
    for (Connection o : m.conns) {
      videoConns += o.active() ? 1 : 0;
    }
    double cap = m.upCapKbps / Math.max(1, videoConns);
    RtpSender[] camera = new RtpSender[3];
    int cameraCount = 0;
    for (RtpSender s : c.senders) {
      switch (s.mediaType) {
        case "audio" -> s.stepAudio(m.muted, m.onHold, dominant == m, rng);
        case "video" -> camera[cameraCount++] = s;
        default -> RtpSender.stepVideoTrack(new RtpSender[] {s}, 1, 0, true, cap, m.cpu, m.onHold, rng);
      }
    }
    if (cameraCount > 0) {
      RtpSender.stepVideoTrack(camera, cameraCount, m.plan.nominalRung, false, cap, m.cpu,
          m.videoPaused || m.onHold, rng);
    }
  }

  /** The leg whose receiver reports come back to the sender: peer (p2p) or to_sfu. */
  private void directLeg(RtpSender s, long t0) {
    RtpFlow f = s.report;
    Member sender = s.owner;
    Connection c = s.conn;
    f.pktsIn = s.pkts;
    f.bytesIn = s.bytes;
    f.fpsIn = s.fps;
    f.widthIn = s.width;
    f.heightIn = s.height;
    f.sourcePaused = !s.audio() && (sender.videoPaused || sender.onHold);
    f.sourceAudioLevel = s.audioLevel;
    f.upstreamLost = 0;
    f.pUpstream = 0;
    if (f.rx == null) {
      f.pLoss = sender.upLoss;
      f.burstLoss = 0;
      f.outage = c.outages > 0;
      f.oneWay = false;
      f.freezeProne = false;
      f.jitterMs = jitter(sender.jitterMs);
      f.rttMs = sfuRtt(sender);
    } else {
      Member receiver = f.rx.local;
      f.pLoss = 1 - (1 - sender.upLoss) * (1 - receiver.downLoss);
      f.burstLoss = receiver.burstLoss;
      f.outage = c.outages > 0 || f.rx.outages > 0 || receiver.oneWay;
      f.oneWay = receiver.oneWay;
      f.freezeProne = receiver.freezeProne;
      f.jitterMs = jitter(sender.jitterMs + receiver.jitterMs);
      f.rttMs = peerRtt(sender, receiver);
      receiver.activeImpairments(t0, f.impairments, false);
    }
    sender.activeImpairments(t0, f.impairments, true);
    f.step(rng);
    if (!s.audio()) {
      s.retransmit(f.lostThisSecond);
    }
  }

  /** A leg from a sender through the SFU to a receiver: the SFU forwards the best layer the receiver wants. */
  private void viaLeg(RtpFlow f, long t0) {
    RtpSender primary = f.source;
    Member sender = primary.owner;
    Member receiver = f.rx.local;
    RtpSender layer = primary;
    if (primary.simulcast) {
      int wanted = receiver.mobile() ? 1 : 2;
      for (RtpSender s : primary.conn.senders) {
        if (s.mediaType.equals(primary.mediaType) && s.layer <= wanted && s.pkts > 0 && s.layer >= layer.layer) {
          layer = s;
        }
      }
    }
    RtpFlow up = layer.report;
    f.pktsIn = layer.pkts;
    f.bytesIn = layer.bytes;
    f.fpsIn = layer.fps;
    f.widthIn = layer.width;
    f.heightIn = layer.height;
    f.sourcePaused = !primary.audio() && (sender.videoPaused || sender.onHold);
    f.sourceAudioLevel = primary.audioLevel;
    f.upstreamLost = up == null || up.outage ? 0 : up.lostThisSecond;
    f.pUpstream = up == null ? 0 : up.pLoss;
    f.pLoss = receiver.downLoss;
    f.burstLoss = receiver.burstLoss;
    f.outage = (up != null && up.outage) || f.rx.outages > 0 || receiver.oneWay;
    f.oneWay = receiver.oneWay;
    f.freezeProne = receiver.freezeProne;
    f.jitterMs = jitter(sender.jitterMs + receiver.jitterMs);
    f.rttMs = sfuRtt(receiver);
    sender.activeImpairments(t0, f.impairments, true);
    receiver.activeImpairments(t0, f.impairments, false);
    f.step(rng);
  }

  private double jitter(double ms) {
    return ms * (0.8 + 0.4 * rng.nextDouble());
  }

  private double sfuRtt(Member m) {
    String region = EndpointCatalogue.regionOf(m.plan.country);
    return (m.rttMs + 2 * EndpointCatalogue.regionDelayMs(region, plan.app.region()) + 3) * (0.95 + 0.1 * rng.nextDouble());
  }

  private double peerRtt(Member a, Member b) {
    String ra = EndpointCatalogue.regionOf(a.plan.country);
    String rb = EndpointCatalogue.regionOf(b.plan.country);
    double geo = a.plan.country.equals(b.plan.country) ? 8 : 2 * EndpointCatalogue.regionDelayMs(ra, rb);
    return (a.rttMs + b.rttMs + geo) * (0.95 + 0.1 * rng.nextDouble());
  }

  /** Transport and candidate-pair counters of a connection for the second. */
  private void transportSecond(Connection c) {
    long sentPkts = 0;
    long sentBytes = 0;
    for (RtpSender s : c.senders) {
      sentPkts += s.pkts;
      sentBytes += s.bytes + s.pkts * 30L;
    }
    long recvPkts = 0;
    long recvBytes = 0;
    boolean down = c.outages > 0;
    if (!down) {
      for (RtpFlow f : c.flows) {
        if (!f.outage && f.pktsIn > 0) {
          int got = f.pktsIn - f.lostThisSecond;
          recvPkts += got;
          recvBytes += (long) ((double) f.bytesIn * got / f.pktsIn) + got * 30L;
        }
      }
    }
    sentPkts += 2;
    sentBytes += 180;
    c.transportPacketsSent += sentPkts;
    c.transportBytesSent += sentBytes;
    c.pairPacketsSent += sentPkts;
    c.pairBytesSent += sentBytes;
    if (!down) {
      recvPkts += 2;
      recvBytes += 180;
      c.transportPacketsReceived += recvPkts;
      c.transportBytesReceived += recvBytes;
      c.pairPacketsReceived += recvPkts;
      c.pairBytesReceived += recvBytes;
      c.lastPacketMs = now;
    }
    Member m = c.local;
    c.currentRttMs = c.sfu() ? sfuRtt(m) : peerRtt(m, c.remote);
    if (Math.floorMod(now / SECOND + c.phaseMs, 3L) == 0) {
      c.stunRequests++;
      if (!down) {
        c.stunResponses++;
        c.pairTotalRttS += c.currentRttMs / 1000;
      }
    }
    double estimate = switch (m.plan.networkType) {
      case "ethernet" -> 5_000;
      case "wifi" -> 3_000;
      default -> 1_500;
    };
    c.availableOutgoingKbps = Math.min(estimate * (0.9 + 0.2 * rng.nextDouble()), m.upCapKbps);
  }

  // --- periodic lines ------------------------------------------------------------------------------------

  private void periodic(long before) {
    for (Member m : members) {
      if (!m.present) {
        continue;
      }
      while (m.nextAliveMs < before) {
        emit(m, IngestPath.USER_ALIVE, m.nextAliveMs, EventEmitter.empty());
        m.nextAliveMs += SimulatorProfile.ALIVE_INTERVAL_MS;
      }
      while (m.nextSystemMs < before) {
        systemStatus(m, m.nextSystemMs);
        m.nextSystemMs += SimulatorProfile.SYSTEM_STATUS_INTERVAL_MS;
      }
    }
    for (Member m : members) {
      for (Connection c : new ArrayList<>(m.conns)) {
        if (c.active() && c.nextSampleMs < before) {
          sample(c, c.nextSampleMs, false);
          c.nextSampleMs += SimulatorProfile.STATS_INTERVAL_MS;
        }
      }
    }
  }

  /** One stats line of a connection, and the truth it feeds. */
  private void sample(Connection c, long t, boolean last) {
    if (c.counterResetAfter > 0 && c.samples == c.counterResetAfter && !last) {
      // Injected dirt: the counters restart at a moment before the next sample (not from the simulation's stream).
      at(t + 1_000 + Math.floorMod(c.idSeed, 8_000L), () -> {
        if (c.active()) {
          c.resetCounters();
          c.counterResets++;
          c.showsReset = true;
        }
      });
    }
    boolean firefox = c.style == StatsStyle.FIREFOX;
    double pairRtt = firefox ? Double.NaN : c.currentRttMs;
    for (RtpSender s : c.senders) {
      RtpFlow r = s.report;
      if (r != null && r.c[RtpFlow.RTT_MEASUREMENTS] > 0) {
        s.rttSumMs += r.rttMs;
        s.rttN++;
        s.jitterSumMs += r.jitterMs;
        s.jitterN++;
      }
      s.snapshot(t);
    }
    for (RtpFlow f : c.flows) {
      f.snapshot(t, pairRtt);
    }
    c.samples++;
    if (!firefox) {
      c.rttSumMs += c.currentRttMs;
      c.rttN++;
    }
    emitLine(c.local, IngestPath.STATS, t, StatsReport.of(c, client(c.local, t)), c, !last, c.showsReset);
    c.showsReset = false;
  }

  private void systemStatus(Member m, long t) {
    double cpu = m.cpu ? 85 + 14 * rng.nextDouble() : 8 + 32 * rng.nextDouble();
    if (!Double.isNaN(m.battery)) {
      m.battery = Math.max(3, m.battery - 0.2 - 0.3 * rng.nextDouble());
    }
    double total = m.mobile() ? 4_096 : 16_384;
    emit(m, IngestPath.SYSTEM_STATUS, t, EventEmitter.systemStatus(cpu, m.battery, 250 + 650 * rng.nextDouble(),
        total, 30 + rng.nextInt(60)));
  }

  // --- before and after the call -------------------------------------------------------------------------

  private void precallTest(Member m, long t) {
    Participant p = m.plan;
    boolean connectivity = !(p.neverConnects && "TransportFailure".equals(p.failureReason));
    double rtt = 2 * (p.baseRttMs + EndpointCatalogue.regionDelayMs(EndpointCatalogue.regionOf(p.country),
        plan.app.region())) * (0.9 + 0.2 * rng.nextDouble());
    double[] throughput = throughput(p.networkType, rng);
    emit(m, IngestPath.PRECALL_TEST, t, EventEmitter.precallTest("turn-" + plan.app.region() + ".relay.example.net",
        connectivity, rtt, p.baseJitterMs * (0.8 + 0.4 * rng.nextDouble()),
        p.baseLossPct / 100 * (0.5 + 1.5 * rng.nextDouble()), throughput[0], throughput[1]));
  }

  /** Uplink and downlink kbit/s a network test measures on a network type. */
  static double[] throughput(String networkType, SplittableRandom rng) {
    return switch (networkType) {
      case "ethernet" -> new double[] {20_000 + 60_000 * rng.nextDouble(), 50_000 + 150_000 * rng.nextDouble()};
      case "wifi" -> new double[] {5_000 + 25_000 * rng.nextDouble(), 10_000 + 60_000 * rng.nextDouble()};
      default -> new double[] {1_000 + 9_000 * rng.nextDouble(), 3_000 + 27_000 * rng.nextDouble()};
    };
  }

  /** A background network test with no call after it (ucID null). */
  static void backgroundTest(LineEmitter emitter, CallPlanner.BackgroundTest test) {
    SplittableRandom rng = new SplittableRandom(test.seed());
    double[] throughput = throughput(test.networkType(), rng);
    double rtt = 20 + 120 * rng.nextDouble();
    boolean connectivity = rng.nextDouble() > 0.03;
    emitter.emit(test.envelope(), IngestPath.PRECALL_TEST, test.atMs(), test.atMs() + 30 + rng.nextInt(370),
        EventEmitter.precallTest("turn-" + test.envelope().appId() + ".relay.example.net", connectivity, rtt,
            2 + 20 * rng.nextDouble(), 0.02 * rng.nextDouble(), throughput[0], throughput[1]), null, false, false);
  }

  private void feedback(Member m) {
    Feedback.Rating r = Feedback.rate(m, rng);
    m.rating = r.overall();
    m.audioRating = r.audio();
    m.videoRating = r.video();
    emit(m, IngestPath.FEEDBACK, now, EventEmitter.feedback(r.overall(), r.audio(), r.video(), r.screen(),
        r.comment()));
  }
}
