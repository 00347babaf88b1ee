package callstats.lake.jobs.simulate;

import callstats.lake.jobs.simulate.Connection.Candidate;
import callstats.lake.jobs.simulate.EndpointCatalogue.StatsStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the body of a {@code stats} line: the array W3C {@code getStats()} returns for one connection, with W3C
 * field names and units (seconds for jitter and round-trip times, cumulative counters). What a browser family
 * leaves out is left out: Firefox has no transport stats (the pair carries {@code selected}), no
 * currentRoundTripTime or availableOutgoingBitrate, no quality limitation, no networkType, and reports RTT only on
 * remote-inbound-rtp; Safari has no networkType. Reads the connection's state; never changes it.
 */
final class StatsReport {

  private StatsReport() {}

  static LineEmitter.Body of(Connection c, long clientMs) {
    return out -> write(out, c, clientMs);
  }

  private static void write(JsonOut out, Connection c, long clientMs) {
    StatsStyle style = c.style;
    boolean firefox = style == StatsStyle.FIREFOX;
    boolean chromium = style == StatsStyle.CHROMIUM;
    long ts = clientMs - 2;
    int frac = c.phaseMs;
    String transportId = IdStyle.transport(style);
    out.str("connectionID", c.id).str("remoteID", c.remoteId);
    out.arr("stats");

    out.obj().str("id", IdStyle.peerConnection(style)).millis("timestamp", ts, frac).str("type", "peer-connection")
        .num("dataChannelsOpened", 0).num("dataChannelsClosed", 0).end();

    if (!firefox) {
      out.obj().str("id", transportId).millis("timestamp", ts, frac).str("type", "transport")
          .num("bytesSent", c.transportBytesSent).num("bytesReceived", c.transportBytesReceived)
          .num("packetsSent", c.transportPacketsSent).num("packetsReceived", c.transportPacketsReceived)
          .str("dtlsState", "connected").str("iceState", c.outages > 0 ? "disconnected" : "connected")
          .str("selectedCandidatePairId", c.pairId).num("selectedCandidatePairChanges", c.pairChanges)
          .str("iceRole", c.offerer ? "controlling" : "controlled").str("dtlsRole", c.offerer ? "server" : "client")
          .str("tlsVersion", "FEFD").str("dtlsCipher", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")
          .str("srtpCipher", "AES_CM_128_HMAC_SHA1_80").end();
    }

    Candidate local = c.localCandidate;
    Candidate remote = c.remoteCandidate;
    out.obj().str("id", c.pairId).millis("timestamp", ts, frac).str("type", "candidate-pair");
    if (!firefox) {
      out.str("transportId", transportId);
    }
    out.str("localCandidateId", local.id()).str("remoteCandidateId", remote.id())
        .str("state", "succeeded").bool("nominated", true);
    if (firefox) {
      out.bool("selected", true);
    } else {
      out.bool("writable", true);
    }
    out.num("priority", Math.min(local.priority(), remote.priority()) * 2)
        .num("packetsSent", c.pairPacketsSent).num("packetsReceived", c.pairPacketsReceived)
        .num("bytesSent", c.pairBytesSent).num("bytesReceived", c.pairBytesReceived)
        .num("totalRoundTripTime", c.pairTotalRttS, 3).num("requestsSent", c.stunRequests)
        .num("responsesReceived", c.stunResponses).num("requestsReceived", c.stunRequests)
        .num("responsesSent", c.stunRequests);
    if (!firefox) {
      out.num("currentRoundTripTime", c.currentRttMs / 1000, 3)
          .num("availableOutgoingBitrate", Math.round(c.availableOutgoingKbps * 1000))
          .num("consentRequestsSent", c.stunRequests / 2)
          .millis("lastPacketReceivedTimestamp", c.lastPacketMs + c.local.env.clockOffsetMs(), 0)
          .millis("lastPacketSentTimestamp", c.lastPacketMs + c.local.env.clockOffsetMs(), 0);
    }
    out.end();
    candidate(out, local, false, ts, frac, transportId, style);
    candidate(out, remote, true, ts, frac, transportId, style);

    List<String> codecsDone = new ArrayList<>(4);
    for (RtpSender s : c.senders) {
      codec(out, s.codecId, s.payloadType, s.codec, ts, frac, transportId, firefox, codecsDone);
    }
    for (RtpFlow f : c.flows) {
      String id = IdStyle.codec(style, c.idSeed, f.source.payloadType);
      codec(out, id, f.source.payloadType, f.source.codec, ts, frac, transportId, firefox, codecsDone);
    }

    for (RtpSender s : c.senders) {
      if (s.layer == 0) {
        mediaSource(out, s, ts, frac);
      }
    }
    for (RtpSender s : c.senders) {
      outbound(out, s, ts, frac, transportId, style);
      remoteInbound(out, s, ts, frac, transportId, firefox);
    }
    for (RtpFlow f : c.flows) {
      inbound(out, f, c, ts, frac, transportId, style);
      remoteOutbound(out, f, c, ts, frac, transportId, chromium);
    }
    out.endArr();
  }

  private static void candidate(JsonOut out, Candidate cand, boolean remote, long ts, int frac, String transportId,
      StatsStyle style) {
    out.obj().str("id", cand.id()).millis("timestamp", ts, frac).str("type", remote ? "remote-candidate"
        : "local-candidate");
    if (style != StatsStyle.FIREFOX) {
      out.str("transportId", transportId);
    }
    out.str("address", cand.address()).num("port", cand.port()).str("protocol", cand.protocol())
        .str("candidateType", cand.type()).num("priority", cand.priority()).bool("isRemote", remote);
    if (!remote && cand.networkType() != null && style == StatsStyle.CHROMIUM) {
      out.str("networkType", cand.networkType());
    }
    if (cand.relayProtocol() != null) {
      out.str("relayProtocol", cand.relayProtocol());
    }
    if (cand.url() != null) {
      out.str("url", cand.url());
    }
    out.end();
  }

  private static void codec(JsonOut out, String id, int payloadType, String mime, long ts, int frac,
      String transportId, boolean firefox, List<String> done) {
    if (done.contains(id)) {
      return;
    }
    done.add(id);
    out.obj().str("id", id).millis("timestamp", ts, frac).str("type", "codec");
    if (!firefox) {
      out.str("transportId", transportId);
    }
    out.num("payloadType", payloadType).str("mimeType", mime);
    if (mime.startsWith("audio")) {
      out.num("clockRate", 48_000).num("channels", 2).str("sdpFmtpLine", "minptime=10;useinbandfec=1");
    } else {
      out.num("clockRate", 90_000);
      if (mime.endsWith("H264")) {
        out.str("sdpFmtpLine", "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f");
      } else if (mime.endsWith("VP9")) {
        out.str("sdpFmtpLine", "profile-id=0");
      }
    }
    out.end();
  }

  private static void mediaSource(JsonOut out, RtpSender s, long ts, int frac) {
    out.obj().str("id", s.mediaSourceId).millis("timestamp", ts, frac).str("type", "media-source")
        .str("trackIdentifier", trackId(s)).str("kind", s.kind);
    if (s.audio()) {
      out.num("audioLevel", s.audioLevel, 5).num("totalAudioEnergy", s.sourceEnergy, 6)
          .num("totalSamplesDuration", s.sourceSeconds, 2);
    } else {
      out.num("width", s.mediaType.equals("screen") ? 1920 : s.width == 0 ? 1280 : s.width)
          .num("height", s.mediaType.equals("screen") ? 1080 : s.height == 0 ? 720 : s.height)
          .num("frames", s.sourceFrames).num("framesPerSecond", s.fps);
    }
    out.end();
  }

  private static void outbound(JsonOut out, RtpSender s, long ts, int frac, String transportId, StatsStyle style) {
    boolean video = !s.audio();
    RtpFlow r = s.report;
    out.obj().str("id", s.outboundId).millis("timestamp", ts, frac).str("type", "outbound-rtp")
        .num("ssrc", s.ssrc).str("kind", s.kind).str("transportId", transportId).str("codecId", s.codecId)
        .str("mid", s.mid).str("mediaSourceId", s.mediaSourceId).str("remoteId", s.remoteInboundId)
        .num("packetsSent", s.reported(RtpSender.PKTS)).num("bytesSent", s.reported(RtpSender.BYTES))
        .num("headerBytesSent", s.reported(RtpSender.HEADER_BYTES))
        .num("retransmittedPacketsSent", s.reported(RtpSender.RTX_PKTS))
        .num("retransmittedBytesSent", s.reported(RtpSender.RTX_BYTES))
        .num("nackCount", r == null ? 0 : r.tx(RtpFlow.NACK))
        .num("totalPacketSendDelay", s.reportedD(RtpSender.D_PACKET_SEND_DELAY), 3)
        .bool("active", s.active);
    if (s.targetKbps > 0) {
      out.num("targetBitrate", Math.round(s.targetKbps * 1000));
    }
    if (video) {
      if (s.rid != null) {
        out.str("rid", s.rid);
      }
      if (s.mediaType.equals("screen")) {
        out.str("contentType", "screenshare");
      }
      if (s.width > 0) {
        out.num("frameWidth", s.width).num("frameHeight", s.height);
      }
      if (s.fps > 0) {
        out.num("framesPerSecond", s.fps);
      }
      out.num("framesEncoded", s.reported(RtpSender.FRAMES_ENCODED))
          .num("framesSent", s.reported(RtpSender.FRAMES_SENT))
          .num("keyFramesEncoded", s.reported(RtpSender.KEY_FRAMES))
          .num("totalEncodeTime", s.reportedD(RtpSender.D_ENCODE_TIME), 3)
          .num("pliCount", r == null ? 0 : r.tx(RtpFlow.PLI)).num("firCount", r == null ? 0 : r.tx(RtpFlow.FIR));
      if (style != StatsStyle.FIREFOX) {
        out.str("qualityLimitationReason", s.qualityLimitation)
            .obj("qualityLimitationDurations")
            .num("other", s.reportedD(RtpSender.D_QL_OTHER), 3).num("cpu", s.reportedD(RtpSender.D_QL_CPU), 3)
            .num("bandwidth", s.reportedD(RtpSender.D_QL_BANDWIDTH), 3)
            .num("none", s.reportedD(RtpSender.D_QL_NONE), 3).end()
            .num("qualityLimitationResolutionChanges", s.reported(RtpSender.QL_RESOLUTION_CHANGES))
            .str("encoderImplementation", encoder(s.codec, s.owner));
      }
    }
    out.end();
  }

  private static void remoteInbound(JsonOut out, RtpSender s, long ts, int frac, String transportId, boolean firefox) {
    RtpFlow r = s.report;
    if (r == null || r.c[RtpFlow.RTT_MEASUREMENTS] == 0) {
      return;
    }
    long at = ts - Math.floorMod(s.ssrc, 900L);
    out.obj().str("id", s.remoteInboundId).millis("timestamp", at, frac).str("type", "remote-inbound-rtp")
        .num("ssrc", s.ssrc).str("kind", s.kind).str("transportId", transportId).str("codecId", s.codecId)
        .str("localId", s.outboundId).num("packetsLost", r.tx(RtpFlow.LOST)).num("jitter", r.jitterMs / 1000, 4)
        .num("roundTripTime", r.rttMs / 1000, 3).num("totalRoundTripTime", r.txD(RtpFlow.D_TOTAL_RTT), 3)
        .num("roundTripTimeMeasurements", r.tx(RtpFlow.RTT_MEASUREMENTS))
        .num("fractionLost", Math.floor(r.fractionLost * 256) / 256, 4);
    if (firefox) {
      out.num("packetsReceived", r.tx(RtpFlow.RECEIVED));
    }
    out.end();
  }

  private static void inbound(JsonOut out, RtpFlow f, Connection c, long ts, int frac, String transportId,
      StatsStyle style) {
    RtpSender s = f.source;
    String codecId = IdStyle.codec(style, c.idSeed, s.payloadType);
    out.obj().str("id", f.inboundId).millis("timestamp", ts, frac).str("type", "inbound-rtp")
        .num("ssrc", s.ssrc).str("kind", s.kind).str("transportId", transportId).str("codecId", codecId)
        .str("mid", s.mid).str("trackIdentifier", trackId(f)).str("remoteId", f.remoteOutboundId)
        .num("packetsReceived", f.rx(RtpFlow.RECEIVED)).num("bytesReceived", f.rx(RtpFlow.BYTES))
        .num("headerBytesReceived", f.rx(RtpFlow.HEADER_BYTES)).num("packetsLost", f.rx(RtpFlow.LOST))
        .num("jitter", f.jitterMs / 1000, 4)
        .millis("lastPacketReceivedTimestamp", ts - 15, frac)
        .num("jitterBufferDelay", f.rxD(RtpFlow.D_JB_DELAY), 3)
        .num("jitterBufferEmittedCount", f.rx(RtpFlow.JB_EMITTED));
    if (f.audio()) {
      out.num("totalSamplesReceived", f.rx(RtpFlow.SAMPLES_RECEIVED))
          .num("concealedSamples", f.rx(RtpFlow.CONCEALED))
          .num("silentConcealedSamples", f.rx(RtpFlow.SILENT_CONCEALED))
          .num("concealmentEvents", f.rx(RtpFlow.CONCEALMENT_EVENTS))
          .num("insertedSamplesForDeceleration", f.rx(RtpFlow.INSERTED_SAMPLES))
          .num("removedSamplesForAcceleration", f.rx(RtpFlow.REMOVED_SAMPLES))
          .num("audioLevel", f.audioLevel, 5).num("totalAudioEnergy", f.rxD(RtpFlow.D_AUDIO_ENERGY), 6)
          .num("totalSamplesDuration", f.rxD(RtpFlow.D_SAMPLES_DURATION), 2);
    } else {
      if (s.mediaType.equals("screen")) {
        out.str("contentType", "screenshare");
      }
      out.num("framesReceived", f.rx(RtpFlow.FRAMES_RECEIVED)).num("framesDecoded", f.rx(RtpFlow.FRAMES_DECODED))
          .num("keyFramesDecoded", f.rx(RtpFlow.KEY_FRAMES_DECODED))
          .num("framesDropped", f.rx(RtpFlow.FRAMES_DROPPED));
      if (f.rx(RtpFlow.FRAMES_DECODED) > 0 && f.widthIn > 0) {
        out.num("frameWidth", f.widthIn).num("frameHeight", f.heightIn);
      }
      if (f.fps > 0) {
        out.num("framesPerSecond", f.fps);
      }
      out.num("freezeCount", f.rx(RtpFlow.FREEZES)).num("totalFreezesDuration", f.rxD(RtpFlow.D_FREEZE_S), 3)
          .num("pauseCount", f.rx(RtpFlow.PAUSES)).num("totalPausesDuration", f.rxD(RtpFlow.D_PAUSE_S), 3)
          .num("nackCount", f.rx(RtpFlow.NACK)).num("pliCount", f.rx(RtpFlow.PLI)).num("firCount", f.rx(RtpFlow.FIR))
          .num("totalDecodeTime", f.rxD(RtpFlow.D_DECODE_TIME), 3);
      if (style == StatsStyle.CHROMIUM) {
        out.str("decoderImplementation", decoder(s.codec, c.local));
      }
    }
    out.end();
  }

  private static void remoteOutbound(JsonOut out, RtpFlow f, Connection c, long ts, int frac, String transportId,
      boolean chromium) {
    if (f.c[RtpFlow.REPORTS_SENT] == 0) {
      return;
    }
    RtpSender s = f.source;
    long at = ts - Math.floorMod(s.ssrc, 700L);
    out.obj().str("id", f.remoteOutboundId).millis("timestamp", at, frac).str("type", "remote-outbound-rtp")
        .num("ssrc", s.ssrc).str("kind", s.kind).str("transportId", transportId)
        .str("codecId", IdStyle.codec(c.style, c.idSeed, s.payloadType)).str("localId", f.inboundId)
        .num("packetsSent", f.rx(RtpFlow.EXPECTED)).num("bytesSent", f.rx(RtpFlow.BYTES_SENT))
        .millis("remoteTimestamp", at - (long) (f.rttMs / 2), frac).num("reportsSent", f.rx(RtpFlow.REPORTS_SENT));
    if (chromium && f.audio()) {
      out.num("roundTripTime", f.rttMs / 1000, 3).num("totalRoundTripTime", f.rxD(RtpFlow.D_TOTAL_RTT), 3)
          .num("roundTripTimeMeasurements", f.rx(RtpFlow.RTT_MEASUREMENTS));
    }
    out.end();
  }

  static String trackId(RtpSender s) {
    return CallPlanner.hex(Seeds.of(s.owner.plan.seed, s.ssrc & ~0xFL), 8) + "-" + s.mediaType;
  }

  private static String trackId(RtpFlow f) {
    return CallPlanner.hex(Seeds.of(f.rx.idSeed, f.source.ssrc), 8) + "-remote-" + f.source.mediaType;
  }

  private static String encoder(String codec, Member m) {
    if (codec.endsWith("H264")) {
      return m.plan.endpoint.os().equals("iOS") || m.plan.endpoint.os().equals("Mac OS X") ? "VideoToolbox"
          : m.mobile() ? "MediaCodec" : "OpenH264";
    }
    return "libvpx";
  }

  private static String decoder(String codec, Member m) {
    if (codec.endsWith("H264")) {
      return m.mobile() ? "MediaCodec" : "FFmpeg";
    }
    return "libvpx";
  }
}
