package callstats.lake.jobs.simulate;

import callstats.lake.jobs.simulate.EndpointCatalogue.StatsStyle;

/**
 * getStats report ids as each browser family makes them: libwebrtc's short ids (Chrome, Edge, native SDKs),
 * Safari's long legacy ids, Firefox's braced uuids. Ids are opaque to the pipeline; they only have to be stable
 * within a connection and to reference each other (codecId, localId, selectedCandidatePairId...).
 */
final class IdStyle {

  private IdStyle() {}

  static String transport(StatsStyle s) {
    return s == StatsStyle.SAFARI ? "RTCTransport_0_1" : "T01";
  }

  static String outbound(StatsStyle s, long seed, String kind, long ssrc) {
    return switch (s) {
      case CHROMIUM -> "OT01" + letter(kind) + ssrc;
      case SAFARI -> "RTCOutboundRTP" + word(kind) + "Stream_" + ssrc;
      case FIREFOX -> uuid(seed, 1, ssrc);
    };
  }

  static String inbound(StatsStyle s, long seed, String kind, long ssrc) {
    return switch (s) {
      case CHROMIUM -> "IT01" + letter(kind) + ssrc;
      case SAFARI -> "RTCInboundRTP" + word(kind) + "Stream_" + ssrc;
      case FIREFOX -> uuid(seed, 2, ssrc);
    };
  }

  static String remoteInbound(StatsStyle s, long seed, String kind, long ssrc) {
    return switch (s) {
      case CHROMIUM -> "RI" + letter(kind) + ssrc;
      case SAFARI -> "RTCRemoteInboundRTP" + word(kind) + "Stream_" + ssrc;
      case FIREFOX -> uuid(seed, 3, ssrc);
    };
  }

  static String remoteOutbound(StatsStyle s, long seed, String kind, long ssrc) {
    return switch (s) {
      case CHROMIUM -> "RO" + letter(kind) + ssrc;
      case SAFARI -> "RTCRemoteOutboundRTP" + word(kind) + "Stream_" + ssrc;
      case FIREFOX -> uuid(seed, 4, ssrc);
    };
  }

  static String codec(StatsStyle s, long seed, int payloadType) {
    return switch (s) {
      case CHROMIUM -> "CT01_" + payloadType;
      case SAFARI -> "RTCCodec_0_" + payloadType;
      case FIREFOX -> uuid(seed, 5, payloadType);
    };
  }

  static String mediaSource(StatsStyle s, long seed, String kind, int trackIndex) {
    return switch (s) {
      case CHROMIUM -> "S" + letter(kind) + trackIndex;
      case SAFARI -> "RTC" + word(kind) + "Source_" + trackIndex;
      case FIREFOX -> uuid(seed, 6, trackIndex);
    };
  }

  static String candidate(StatsStyle s, long seed, int generation, boolean local) {
    long key = generation * 2L + (local ? 0 : 1);
    return switch (s) {
      case CHROMIUM -> "I" + base62(Seeds.of(seed, 7, key), 8);
      case SAFARI -> "RTCIceCandidate_" + base62(Seeds.of(seed, 7, key), 8);
      case FIREFOX -> uuid(seed, 7, key);
    };
  }

  static String pair(StatsStyle s, long seed, String localId, String remoteId) {
    return switch (s) {
      case CHROMIUM -> "CP" + localId.substring(1) + "_" + remoteId.substring(1);
      case SAFARI -> "RTCIceCandidatePair_" + localId.substring(16) + "_" + remoteId.substring(16);
      case FIREFOX -> uuid(seed, 8, Seeds.hash(localId + remoteId));
    };
  }

  static String peerConnection(StatsStyle s) {
    return s == StatsStyle.SAFARI ? "RTCPeerConnection" : "P";
  }

  private static String letter(String kind) {
    return kind.equals("audio") ? "A" : "V";
  }

  private static String word(String kind) {
    return kind.equals("audio") ? "Audio" : "Video";
  }

  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  static String base62(long v, int len) {
    char[] out = new char[len];
    long x = v;
    for (int i = 0; i < len; i++) {
      out[i] = ALPHABET[(int) Math.floorMod(x, 62L)];
      x = Math.floorDiv(x, 62L) ^ Seeds.mix(x + i);
    }
    return new String(out);
  }

  private static String uuid(long seed, int type, long key) {
    String a = CallPlanner.hex(Seeds.of(seed, type, key), 16);
    String b = CallPlanner.hex(Seeds.of(seed, key, type), 16);
    return "{" + a.substring(0, 8) + "-" + a.substring(8, 12) + "-4" + a.substring(13, 16) + "-a" + b.substring(1, 4)
        + "-" + b.substring(4, 16) + "}";
  }
}
