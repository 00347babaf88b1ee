package callstats.lake.ingest;

import static callstats.lake.ingest.StatsMapper.set;
import static callstats.lake.ingest.Values.text;

import callstats.lake.privacy.AddressFacts;
import callstats.lake.privacy.KeyedHasher;
import callstats.lake.table.silver.RtpStreamSampleCol;
import callstats.lake.table.silver.Silver;
import callstats.lake.table.silver.TransportSampleCol;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The simple part of Chrome's legacy (pre-standard) getStats, as old clients and rtcstats dumps still carry
 * it: {@code ssrc} reports (id ending in {@code _recv} or {@code _send}, numbers as strings, times already in
 * ms) become inbound and outbound stream samples, and the active {@code googCandidatePair} becomes the
 * transport sample. Fields without a standard equivalent are left out; so is the far end's loss of a sent
 * stream, which legacy stats put on the send report.
 */
final class LegacyStats {

  private LegacyStats() {}

  /** The stream sample of a legacy {@code ssrc} report, or null when it is not one. */
  static Object[] rtpRow(StatsMapper mapper, RecordContext ctx, String connectionId, String remoteId, String id,
      JsonNode r) {
    boolean inbound = id.endsWith("_recv");
    if (!inbound && !id.endsWith("_send")) {
      return null;
    }
    Long ssrc = Values.ssrc(r.get("ssrc"));
    String kind = text(r, "mediaType", 16);
    if (ssrc == null || !("audio".equals(kind) || "video".equals(kind))) {
      return null;
    }
    Values v = new Values();
    Object[] row = mapper.streamRow(ctx, connectionId, remoteId, id, ssrc, kind,
        "screen".equals(text(r, "googContentType", 32)) ? "screen" : kind, inbound ? "inbound" : "outbound", r, v);
    String codec = text(r, "googCodecName", 32);
    set(row, RtpStreamSampleCol.CODEC, codec == null ? null : kind + "/" + codec);
    if (inbound) {
      set(row, RtpStreamSampleCol.PACKETS_RECEIVED, v.counter(r, "packetsReceived"));
      set(row, RtpStreamSampleCol.BYTES_RECEIVED, v.counter(r, "bytesReceived"));
      set(row, RtpStreamSampleCol.PACKETS_LOST, v.signedCounter(r, "packetsLost"));
      set(row, RtpStreamSampleCol.JITTER_MS, v.nonNegative(r, "googJitterReceived"));
      set(row, RtpStreamSampleCol.FRAMES_DECODED, v.counter(r, "framesDecoded"));
      set(row, RtpStreamSampleCol.FRAME_WIDTH, v.intValue(r, "googFrameWidthReceived"));
      set(row, RtpStreamSampleCol.FRAME_HEIGHT, v.intValue(r, "googFrameHeightReceived"));
      set(row, RtpStreamSampleCol.FRAMES_PER_SECOND, v.nonNegative(r, "googFrameRateReceived"));
      set(row, RtpStreamSampleCol.NACK_COUNT, v.counter(r, "googNacksSent"));
      set(row, RtpStreamSampleCol.PLI_COUNT, v.counter(r, "googPlisSent"));
      set(row, RtpStreamSampleCol.FIR_COUNT, v.counter(r, "googFirsSent"));
      set(row, RtpStreamSampleCol.DECODER_IMPLEMENTATION, text(r, "codecImplementationName", 128));
    } else {
      set(row, RtpStreamSampleCol.PACKETS_SENT, v.counter(r, "packetsSent"));
      set(row, RtpStreamSampleCol.BYTES_SENT, v.counter(r, "bytesSent"));
      set(row, RtpStreamSampleCol.FRAMES_ENCODED, v.counter(r, "framesEncoded"));
      set(row, RtpStreamSampleCol.FRAME_WIDTH, v.intValue(r, "googFrameWidthSent"));
      set(row, RtpStreamSampleCol.FRAME_HEIGHT, v.intValue(r, "googFrameHeightSent"));
      set(row, RtpStreamSampleCol.FRAMES_PER_SECOND, v.nonNegative(r, "googFrameRateSent"));
      set(row, RtpStreamSampleCol.NACK_COUNT, v.counter(r, "googNacksReceived"));
      set(row, RtpStreamSampleCol.PLI_COUNT, v.counter(r, "googPlisReceived"));
      set(row, RtpStreamSampleCol.FIR_COUNT, v.counter(r, "googFirsReceived"));
      Double rtt = v.nonNegative(r, "googRtt");
      set(row, RtpStreamSampleCol.ROUND_TRIP_TIME_MS, rtt == null || rtt == 0 ? null : rtt);
      set(row, RtpStreamSampleCol.ENCODER_IMPLEMENTATION, text(r, "codecImplementationName", 128));
    }
    set(row, RtpStreamSampleCol.FLAGS, v.flagArray());
    return row;
  }

  /** The transport sample of the active legacy candidate pair, or null when there is none. */
  static Object[] transportRow(StatsMapper mapper, KeyedHasher hasher, RecordContext ctx, String connectionId,
      String remoteId, Map<String, JsonNode> reports) {
    for (Map.Entry<String, JsonNode> e : reports.entrySet()) {
      JsonNode pair = e.getValue();
      if (pair == null || !"googCandidatePair".equals(text(pair, "type"))
          || !Boolean.TRUE.equals(Values.bool(pair, "googActiveConnection"))) {
        continue;
      }
      Values v = new Values();
      Object[] row = mapper.transportBase(ctx, connectionId, remoteId, e.getKey(), "legacy_active", pair, v);
      Double rtt = v.nonNegative(pair, "googRtt");
      set(row, TransportSampleCol.CURRENT_RTT_MS, rtt);
      set(row, TransportSampleCol.BYTES_SENT, v.counter(pair, "bytesSent"));
      set(row, TransportSampleCol.BYTES_RECEIVED, v.counter(pair, "bytesReceived"));
      set(row, TransportSampleCol.PACKETS_SENT, v.counter(pair, "packetsSent"));
      set(row, TransportSampleCol.RESPONSES_RECEIVED, v.counter(pair, "responsesReceived"));
      JsonNode local = reports.get(text(pair, "localCandidateId") == null ? "" : text(pair, "localCandidateId"));
      JsonNode remote = reports.get(text(pair, "remoteCandidateId") == null ? "" : text(pair, "remoteCandidateId"));
      if (local != null) {
        String type = candidateType(text(local, "candidateType", 32));
        String address = text(local, "ipAddress", 256);
        set(row, TransportSampleCol.LOCAL_CANDIDATE_TYPE, type);
        set(row, TransportSampleCol.LOCAL_PROTOCOL, text(local, "transport", 8));
        set(row, TransportSampleCol.LOCAL_NETWORK_TYPE, text(local, "networkType", 32));
        set(row, TransportSampleCol.LOCAL_ADDRESS_HASH, address == null ? null : hasher.hash(address));
        set(row, TransportSampleCol.LOCAL_ADDRESS_FAMILY, AddressFacts.family(address));
        set(row, TransportSampleCol.LOCAL_ADDRESS_PRIVATE, AddressFacts.isPrivate(address));
        if ("relay".equals(type)) {
          set(row, TransportSampleCol.RELAY_ADDRESS, address);
        }
      }
      if (remote != null) {
        String address = text(remote, "ipAddress", 256);
        set(row, TransportSampleCol.REMOTE_CANDIDATE_TYPE, candidateType(text(remote, "candidateType", 32)));
        set(row, TransportSampleCol.REMOTE_PROTOCOL, text(remote, "transport", 8));
        set(row, TransportSampleCol.REMOTE_ADDRESS_HASH, address == null ? null : hasher.hash(address));
        set(row, TransportSampleCol.REMOTE_ADDRESS_FAMILY, AddressFacts.family(address));
        set(row, TransportSampleCol.REMOTE_ADDRESS_PRIVATE, AddressFacts.isPrivate(address));
      }
      set(row, TransportSampleCol.FLAGS, v.flagArray());
      return row;
    }
    return null;
  }

  /** Legacy candidate type names to the standard ones. */
  private static String candidateType(String legacy) {
    if (legacy == null) {
      return null;
    }
    return switch (legacy) {
      case "local" -> "host";
      case "stun", "serverreflexive" -> "srflx";
      case "peerreflexive" -> "prflx";
      case "relayed" -> "relay";
      default -> legacy;
    };
  }
}
