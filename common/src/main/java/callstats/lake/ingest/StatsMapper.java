package callstats.lake.ingest;

import static callstats.lake.ingest.Values.text;

import callstats.lake.privacy.AddressFacts;
import callstats.lake.privacy.KeyedHasher;
import callstats.lake.table.silver.RtpStreamSampleCol;
import callstats.lake.table.silver.Silver;
import callstats.lake.table.silver.TransportSampleCol;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.util.Map;

/**
 * Maps one W3C getStats result (reports keyed by id) to {@code silver.rtp_stream_samples} rows (one per
 * inbound-rtp, outbound-rtp, remote-inbound-rtp and remote-outbound-rtp report) and one
 * {@code silver.transport_samples} row (the candidate pair in use). Shared by both dialects: the callstats
 * stats array and the decompressed rtcstats getstats entry. Units are converted here, once: seconds to
 * ms for jitter and RTT, bit/s to kbit/s for bitrates. Candidate addresses leave only as keyed hashes.
 * Chrome's legacy {@code ssrc} and {@code googCandidatePair} reports are mapped by {@link LegacyStats}.
 */
public final class StatsMapper {

  public static final String FLAG_CLOCK_SKEW = "clock_skew";

  private final KeyedHasher hasher;
  private final double clockSkewFlagMs;

  public StatsMapper(KeyedHasher hasher, double clockSkewFlagMs) {
    this.hasher = hasher;
    this.clockSkewFlagMs = clockSkewFlagMs;
  }

  /**
   * Emits the rows of one stats sample.
   *
   * @return the number of rows emitted
   */
  public int map(RecordContext ctx, String connectionId, String remoteId, Map<String, JsonNode> reports,
      RecordSink sink) {
    int rows = 0;
    for (Map.Entry<String, JsonNode> e : reports.entrySet()) {
      JsonNode r = e.getValue();
      if (r == null || !r.isObject()) {
        continue;
      }
      String type = text(r, "type");
      if (type == null) {
        continue;
      }
      Object[] row = switch (type) {
        case "inbound-rtp", "outbound-rtp", "remote-inbound-rtp", "remote-outbound-rtp" ->
            rtpRow(ctx, connectionId, remoteId, e.getKey(), type, r, reports);
        case "ssrc" -> LegacyStats.rtpRow(this, ctx, connectionId, remoteId, e.getKey(), r);
        default -> null;
      };
      if (row != null) {
        sink.emit(Silver.RTP_STREAM_SAMPLES, row);
        rows++;
      }
    }
    Object[] transport = transportRow(ctx, connectionId, remoteId, reports);
    if (transport == null) {
      transport = LegacyStats.transportRow(this, hasher, ctx, connectionId, remoteId, reports);
    }
    if (transport != null) {
      sink.emit(Silver.TRANSPORT_SAMPLES, transport);
      rows++;
    }
    return rows;
  }

  private Object[] rtpRow(RecordContext ctx, String connectionId, String remoteId, String id, String type,
      JsonNode r, Map<String, JsonNode> reports) {
    Long ssrc = Values.ssrc(r.get("ssrc"));
    String kind = kindOf(r, reports);
    if (ssrc == null || kind == null) {
      return null;
    }
    Values v = new Values();
    String direction = type.substring(0, type.length() - "-rtp".length());
    boolean inbound = direction.equals("inbound");
    boolean outbound = direction.equals("outbound");
    Object[] row = streamRow(ctx, connectionId, remoteId, id, ssrc, kind, mediaTypeOf(kind, r, reports), direction,
        r, v);
    set(row, RtpStreamSampleCol.MID, text(r, "mid"));
    set(row, RtpStreamSampleCol.RID, text(r, "rid"));
    if (outbound || direction.equals("remote-outbound")) {
      set(row, RtpStreamSampleCol.PACKETS_SENT, v.counter(r, "packetsSent"));
      set(row, RtpStreamSampleCol.BYTES_SENT, v.counter(r, "bytesSent"));
    }
    if (inbound || direction.equals("remote-inbound")) {
      set(row, RtpStreamSampleCol.PACKETS_RECEIVED, v.counter(r, "packetsReceived"));
      set(row, RtpStreamSampleCol.PACKETS_LOST, v.signedCounter(r, "packetsLost"));
      set(row, RtpStreamSampleCol.JITTER_MS, ms(v.nonNegative(r, "jitter")));
    }
    if (inbound) {
      set(row, RtpStreamSampleCol.BYTES_RECEIVED, v.counter(r, "bytesReceived"));
    }
    set(row, RtpStreamSampleCol.FRACTION_LOST, v.nonNegative(r, "fractionLost"));
    set(row, RtpStreamSampleCol.ROUND_TRIP_TIME_MS, ms(v.nonNegative(r, "roundTripTime")));
    set(row, RtpStreamSampleCol.TOTAL_ROUND_TRIP_TIME_S, v.nonNegative(r, "totalRoundTripTime"));
    set(row, RtpStreamSampleCol.ROUND_TRIP_TIME_MEASUREMENTS, v.counter(r, "roundTripTimeMeasurements"));
    set(row, RtpStreamSampleCol.NACK_COUNT, v.counter(r, "nackCount"));
    set(row, RtpStreamSampleCol.PLI_COUNT, v.counter(r, "pliCount"));
    set(row, RtpStreamSampleCol.FIR_COUNT, v.counter(r, "firCount"));
    set(row, RtpStreamSampleCol.RETRANSMITTED_PACKETS_SENT, v.counter(r, "retransmittedPacketsSent"));
    set(row, RtpStreamSampleCol.FRAMES_DECODED, v.counter(r, "framesDecoded"));
    set(row, RtpStreamSampleCol.FRAMES_DROPPED, v.counter(r, "framesDropped"));
    set(row, RtpStreamSampleCol.FRAMES_RECEIVED, v.counter(r, "framesReceived"));
    set(row, RtpStreamSampleCol.FRAMES_ENCODED, v.counter(r, "framesEncoded"));
    set(row, RtpStreamSampleCol.FRAMES_SENT, v.counter(r, "framesSent"));
    set(row, RtpStreamSampleCol.KEY_FRAMES, v.counter(r, inbound ? "keyFramesDecoded" : "keyFramesEncoded"));
    set(row, RtpStreamSampleCol.FRAME_WIDTH, v.intValue(r, "frameWidth"));
    set(row, RtpStreamSampleCol.FRAME_HEIGHT, v.intValue(r, "frameHeight"));
    set(row, RtpStreamSampleCol.FRAMES_PER_SECOND, v.nonNegative(r, "framesPerSecond"));
    set(row, RtpStreamSampleCol.FREEZE_COUNT, v.counter(r, "freezeCount"));
    set(row, RtpStreamSampleCol.TOTAL_FREEZES_DURATION_S, v.nonNegative(r, "totalFreezesDuration"));
    set(row, RtpStreamSampleCol.PAUSE_COUNT, v.counter(r, "pauseCount"));
    set(row, RtpStreamSampleCol.TOTAL_PAUSES_DURATION_S, v.nonNegative(r, "totalPausesDuration"));
    set(row, RtpStreamSampleCol.TOTAL_SAMPLES_RECEIVED, v.counter(r, "totalSamplesReceived"));
    set(row, RtpStreamSampleCol.CONCEALED_SAMPLES, v.counter(r, "concealedSamples"));
    set(row, RtpStreamSampleCol.SILENT_CONCEALED_SAMPLES, v.counter(r, "silentConcealedSamples"));
    set(row, RtpStreamSampleCol.CONCEALMENT_EVENTS, v.counter(r, "concealmentEvents"));
    set(row, RtpStreamSampleCol.JITTER_BUFFER_DELAY_S, v.nonNegative(r, "jitterBufferDelay"));
    set(row, RtpStreamSampleCol.JITTER_BUFFER_EMITTED_COUNT, v.counter(r, "jitterBufferEmittedCount"));
    set(row, RtpStreamSampleCol.AUDIO_LEVEL, v.nonNegative(r, "audioLevel"));
    set(row, RtpStreamSampleCol.TARGET_BITRATE_KBPS, kbps(v.nonNegative(r, "targetBitrate")));
    set(row, RtpStreamSampleCol.QUALITY_LIMITATION_REASON, text(r, "qualityLimitationReason", 32));
    JsonNode ql = r.get("qualityLimitationDurations");
    if (ql != null && ql.isObject()) {
      set(row, RtpStreamSampleCol.QL_BANDWIDTH_S, v.nonNegative(ql, "bandwidth"));
      set(row, RtpStreamSampleCol.QL_CPU_S, v.nonNegative(ql, "cpu"));
      set(row, RtpStreamSampleCol.QL_OTHER_S, v.nonNegative(ql, "other"));
      set(row, RtpStreamSampleCol.QL_NONE_S, v.nonNegative(ql, "none"));
    }
    set(row, RtpStreamSampleCol.QUALITY_LIMITATION_RESOLUTION_CHANGES,
        v.counter(r, "qualityLimitationResolutionChanges"));
    set(row, RtpStreamSampleCol.TOTAL_ENCODE_TIME_S, v.nonNegative(r, "totalEncodeTime"));
    set(row, RtpStreamSampleCol.TOTAL_DECODE_TIME_S, v.nonNegative(r, "totalDecodeTime"));
    set(row, RtpStreamSampleCol.CODEC, codecOf(r, reports));
    set(row, RtpStreamSampleCol.ENCODER_IMPLEMENTATION, text(r, "encoderImplementation", 128));
    set(row, RtpStreamSampleCol.DECODER_IMPLEMENTATION, text(r, "decoderImplementation", 128));
    set(row, RtpStreamSampleCol.FLAGS, v.flagArray());
    return row;
  }

  /** A stream sample with its identity, time and provenance set; the caller fills the measurements and flags. */
  Object[] streamRow(RecordContext ctx, String connectionId, String remoteId, String id, long ssrc, String kind,
      String mediaType, String direction, JsonNode r, Values v) {
    Object[] row = RecordSink.newRow(Silver.RTP_STREAM_SAMPLES);
    ctx.fill(row, Silver.RTP_STREAM_SAMPLES);
    set(row, RtpStreamSampleCol.CONNECTION_ID, connectionId);
    set(row, RtpStreamSampleCol.REMOTE_ID, remoteId);
    set(row, RtpStreamSampleCol.STATS_ID, id);
    set(row, RtpStreamSampleCol.SSRC, ssrc);
    set(row, RtpStreamSampleCol.KIND, kind);
    set(row, RtpStreamSampleCol.MEDIA_TYPE, mediaType);
    set(row, RtpStreamSampleCol.DIRECTION, direction);
    set(row, RtpStreamSampleCol.SAMPLE_TS, sampleTs(ctx, r, v));
    return row;
  }

  private Object[] transportRow(RecordContext ctx, String connectionId, String remoteId,
      Map<String, JsonNode> reports) {
    String selection = null;
    String pairId = null;
    for (JsonNode r : reports.values()) {
      if ("transport".equals(text(r, "type"))) {
        String id = text(r, "selectedCandidatePairId");
        if (id != null && reports.get(id) != null) {
          pairId = id;
          selection = "transport";
          break;
        }
      }
    }
    if (pairId == null) {
      for (Map.Entry<String, JsonNode> e : reports.entrySet()) {
        JsonNode r = e.getValue();
        if (r != null && "candidate-pair".equals(text(r, "type"))) {
          if (Boolean.TRUE.equals(Values.bool(r, "nominated")) && "succeeded".equals(text(r, "state"))) {
            pairId = e.getKey();
            selection = "nominated";
            break;
          }
          if (selection == null && Boolean.TRUE.equals(Values.bool(r, "selected"))) {
            pairId = e.getKey();
            selection = "selected";
          }
        }
      }
    }
    if (pairId == null) {
      return null;
    }
    JsonNode pair = reports.get(pairId);
    JsonNode transport = transportOf(pair, reports);
    JsonNode local = byId(reports, text(pair, "localCandidateId"));
    JsonNode remote = byId(reports, text(pair, "remoteCandidateId"));
    Values v = new Values();
    Object[] row = transportBase(ctx, connectionId, remoteId, pairId, selection, pair, v);
    set(row, TransportSampleCol.PAIR_STATE, text(pair, "state", 32));
    set(row, TransportSampleCol.CURRENT_RTT_MS, ms(v.nonNegative(pair, "currentRoundTripTime")));
    set(row, TransportSampleCol.TOTAL_RTT_S, v.nonNegative(pair, "totalRoundTripTime"));
    set(row, TransportSampleCol.RESPONSES_RECEIVED, v.counter(pair, "responsesReceived"));
    set(row, TransportSampleCol.AVAILABLE_OUTGOING_BITRATE_KBPS, kbps(v.nonNegative(pair, "availableOutgoingBitrate")));
    set(row, TransportSampleCol.AVAILABLE_INCOMING_BITRATE_KBPS, kbps(v.nonNegative(pair, "availableIncomingBitrate")));
    set(row, TransportSampleCol.BYTES_SENT, v.counter(pair, "bytesSent"));
    set(row, TransportSampleCol.BYTES_RECEIVED, v.counter(pair, "bytesReceived"));
    set(row, TransportSampleCol.PACKETS_SENT, v.counter(pair, "packetsSent"));
    set(row, TransportSampleCol.PACKETS_RECEIVED, v.counter(pair, "packetsReceived"));
    if (local != null) {
      String type = text(local, "candidateType", 16);
      String address = addressOf(local);
      set(row, TransportSampleCol.LOCAL_CANDIDATE_TYPE, type);
      set(row, TransportSampleCol.LOCAL_PROTOCOL, text(local, "protocol", 8));
      set(row, TransportSampleCol.LOCAL_RELAY_PROTOCOL, text(local, "relayProtocol", 8));
      set(row, TransportSampleCol.LOCAL_NETWORK_TYPE, text(local, "networkType", 32));
      set(row, TransportSampleCol.LOCAL_ADDRESS_HASH, address == null ? null : hasher.hash(address));
      set(row, TransportSampleCol.LOCAL_ADDRESS_FAMILY, AddressFacts.family(address));
      set(row, TransportSampleCol.LOCAL_ADDRESS_PRIVATE, AddressFacts.isPrivate(address));
      if ("relay".equals(type)) {
        set(row, TransportSampleCol.RELAY_ADDRESS, address);
        set(row, TransportSampleCol.RELAY_URL, text(local, "url", 256));
      }
    }
    if (remote != null) {
      String address = addressOf(remote);
      set(row, TransportSampleCol.REMOTE_CANDIDATE_TYPE, text(remote, "candidateType", 16));
      set(row, TransportSampleCol.REMOTE_PROTOCOL, text(remote, "protocol", 8));
      set(row, TransportSampleCol.REMOTE_ADDRESS_HASH, address == null ? null : hasher.hash(address));
      set(row, TransportSampleCol.REMOTE_ADDRESS_FAMILY, AddressFacts.family(address));
      set(row, TransportSampleCol.REMOTE_ADDRESS_PRIVATE, AddressFacts.isPrivate(address));
    }
    if (transport != null) {
      set(row, TransportSampleCol.DTLS_STATE, text(transport, "dtlsState", 16));
      set(row, TransportSampleCol.ICE_STATE, text(transport, "iceState", 16));
      set(row, TransportSampleCol.SELECTED_PAIR_CHANGES, v.counter(transport, "selectedCandidatePairChanges"));
    }
    set(row, TransportSampleCol.FLAGS, v.flagArray());
    return row;
  }

  /** A transport sample with its identity, pair, time and provenance set; the caller fills the rest. */
  Object[] transportBase(RecordContext ctx, String connectionId, String remoteId, String pairId, String selection,
      JsonNode pair, Values v) {
    Object[] row = RecordSink.newRow(Silver.TRANSPORT_SAMPLES);
    ctx.fill(row, Silver.TRANSPORT_SAMPLES);
    set(row, TransportSampleCol.CONNECTION_ID, connectionId);
    set(row, TransportSampleCol.REMOTE_ID, remoteId);
    set(row, TransportSampleCol.SAMPLE_TS, sampleTs(ctx, pair, v));
    set(row, TransportSampleCol.CANDIDATE_PAIR_ID, pairId);
    set(row, TransportSampleCol.PAIR_SELECTION, selection);
    return row;
  }

  /** The report's timestamp if plausible, else the record's client time; flags a clock far from the gateway's. */
  private Timestamp sampleTs(RecordContext ctx, JsonNode r, Values v) {
    Double ts = v.dbl(r, "timestamp");
    double ms = ts != null && Values.plausibleEpochMs(ts) ? ts : ctx.clientTsMs();
    if (Math.abs(ctx.receivedAtMs() - ms) > clockSkewFlagMs) {
      v.flag(FLAG_CLOCK_SKEW);
    }
    return ms == ctx.clientTsMs() ? ctx.clientTs() : Values.timestamp(ms);
  }

  private static String kindOf(JsonNode r, Map<String, JsonNode> reports) {
    String kind = text(r, "kind", 16);
    if (kind == null) {
      kind = text(r, "mediaType", 16);
    }
    if (kind == null) {
      String codec = codecOf(r, reports);
      if (codec != null && codec.indexOf('/') > 0) {
        kind = codec.substring(0, codec.indexOf('/'));
      }
    }
    if (kind == null) {
      JsonNode local = byId(reports, text(r, "localId"));
      kind = local == null ? null : text(local, "kind", 16);
    }
    return "audio".equals(kind) || "video".equals(kind) ? kind : null;
  }

  private static String mediaTypeOf(String kind, JsonNode r, Map<String, JsonNode> reports) {
    if (!kind.equals("video")) {
      return kind;
    }
    String content = text(r, "contentType", 32);
    if (content == null) {
      JsonNode local = byId(reports, text(r, "localId"));
      content = local == null ? null : text(local, "contentType", 32);
    }
    return "screenshare".equals(content) ? "screen" : "video";
  }

  private static String codecOf(JsonNode r, Map<String, JsonNode> reports) {
    JsonNode codec = byId(reports, text(r, "codecId"));
    return codec == null ? null : text(codec, "mimeType", 64);
  }

  private static JsonNode transportOf(JsonNode pair, Map<String, JsonNode> reports) {
    JsonNode t = byId(reports, text(pair, "transportId"));
    if (t != null) {
      return t;
    }
    for (JsonNode r : reports.values()) {
      if (r != null && "transport".equals(text(r, "type"))) {
        return r;
      }
    }
    return null;
  }

  private static String addressOf(JsonNode candidate) {
    String a = text(candidate, "address", 256);
    return a != null ? a : text(candidate, "ip", 256);
  }

  private static JsonNode byId(Map<String, JsonNode> reports, String id) {
    if (id == null) {
      return null;
    }
    JsonNode n = reports.get(id);
    return n != null && n.isObject() ? n : null;
  }

  static Double ms(Double seconds) {
    return seconds == null ? null : seconds * 1000.0;
  }

  static Double kbps(Double bps) {
    return bps == null ? null : bps / 1000.0;
  }

  static void set(Object[] row, Enum<?> col, Object value) {
    row[col.ordinal()] = value;
  }
}
