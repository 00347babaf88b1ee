package callstats.lake.summary;

import java.util.List;

/**
 * The silver records of one call that summarise reads, as plain values. Times are epoch milliseconds on
 * the client clock (before correction); {@code recordId} identifies the landed line, so a line that landed
 * on two dates counts once.
 */
public final class CallInput {

  private CallInput() {}

  /** One silver.sessions row (one per landing date of the session). */
  public record Session(String ucId, String userId, String deviceId, String dialect, String endpointType,
      String clientKind, String browser, String browserVersion, String browserMajor, String sdk, String sdkVersion,
      String os, String osVersion, String appVersion, String siteId, String customerId, String tenantId,
      String productName, String country, String region, Long asn, String isp, Long joinedMs, Long leftMs,
      long firstClientMs, long lastClientMs, long clockOffsetMs, long records) {}

  /** One silver.events row. */
  public record Event(String ucId, String connectionId, String recordId, long tsMs, String category, String event,
      String remoteId, String reason, String newState, String changedState, Double delayMs,
      Double iceGatheringDelayMs, Double iceConnectivityDelayMs, String remoteEndpointType, String relayType,
      String mediaType) {}

  /** One silver.transport_samples row. */
  public record Transport(String ucId, String connectionId, String recordId, long tsMs, String remoteId,
      Double currentRttMs, Double availableOutgoingKbps, Long bytesSent, Long bytesReceived,
      String localCandidateType, String remoteCandidateType, String localProtocol, String relayProtocol,
      String networkType) {}

  /** One silver.rtp_stream_samples row. */
  public record Rtp(String ucId, String connectionId, String recordId, long tsMs, String remoteId, long ssrc,
      String kind, String mediaType, String direction, String rid, String codec, Long packetsSent, Long bytesSent,
      Long packetsReceived, Long bytesReceived, Long packetsLost, Double jitterMs, Double roundTripTimeMs,
      Long nackCount, Long pliCount, Long framesDecoded, Long framesDropped, Long framesEncoded, Integer frameWidth,
      Integer frameHeight, Long freezeCount, Double totalFreezesS, Double totalPausesS, Long totalSamplesReceived,
      Long concealedSamples, Long silentConcealedSamples, Double jitterBufferDelayS, Long jitterBufferEmitted,
      Double qlBandwidthS, Double qlCpuS, Double qlOtherS, Double qlNoneS) {}

  /** One silver.feedback row. */
  public record Feedback(String ucId, String userId, long tsMs, int overallRating) {}

  /** One silver.precall_tests row of the call's conference. */
  public record Precall(String ucId, String userId, long tsMs, Double rttMs, Double throughputKbps, Double lossPct) {}

  /** Everything of one call, in the order the fold needs (see {@link CallFold}). */
  public record Call(String appId, String confId, java.sql.Date callDate, List<Session> sessions,
      List<Event> events, List<Transport> transports, List<Rtp> rtp, List<Feedback> feedback,
      List<Precall> precalls) {}
}
