package callstats.lake.rtcstats;

/**
 * Per-connection features of one dump, typed for a gold table row (docs/rtcstats-features.md 5). Null where the
 * compatibility view has no value (NaN, absent, or not numeric).
 *
 * @param dumpId the dump's id
 * @param pcId the peer-connection key (PC_0, ...; "null" for stats without pc)
 * @param isP2P the rtcStatsSFUP2P constraint, null when not announced
 * @param usesRelay whether the last selected candidate pair used a TURN relay, null when never known
 * @param connectionFailed whether the connection state ever became failed
 * @param iceReconnects connection-state "connected" transitions minus 1
 * @param pcSessionDurationMs first connected/completed until the connection's last line, ms
 * @param lastIceDisconnectMs ts of the last ICE "disconnected", 0 when none
 * @param lastIceFailureMs ts of the last ICE "failed", 0 when none
 * @param dtlsErrors ondtlserror lines
 * @param dtlsFailures DTLS "failed" states
 * @param sdpCreateFailures createOffer/createAnswer failures
 * @param sdpSetFailures setLocal/RemoteDescription failures
 * @param candidatePair the last selected candidate pair, null when none was ever selected
 * @param meanRtt mean round-trip time: seconds for standard stats, milliseconds for legacy googRtt (Q20)
 * @param totalPacketsSent sum of the sender tracks' last packet counts (inflated by Q12/Q13)
 * @param totalSentPacketsLost sum of the sender tracks' last loss counts
 * @param sentPacketsLostPct lost / sent, percent, 2 decimals
 * @param totalPacketsReceived sum of the receiver tracks' last packet counts
 * @param totalReceivedPacketsLost sum of the receiver tracks' last loss counts
 * @param receivedPacketsLostPct lost / received, percent, 2 decimals
 * @param inboundVideo mean inbound video bounds over stats samples, null when no video was received
 */
public record ConnectionFeatures(String dumpId, String pcId, Boolean isP2P, Boolean usesRelay,
    boolean connectionFailed, long iceReconnects, Long pcSessionDurationMs, Long lastIceDisconnectMs,
    Long lastIceFailureMs, long dtlsErrors, long dtlsFailures, long sdpCreateFailures, long sdpSetFailures,
    CandidatePair candidatePair, Double meanRtt, Long totalPacketsSent, Long totalSentPacketsLost,
    Double sentPacketsLostPct, Long totalPacketsReceived, Long totalReceivedPacketsLost, Double receivedPacketsLostPct,
    InboundVideo inboundVideo) {

  /** The selected candidate pair; fields are "" (ports null) when the reports were missing. */
  public record CandidatePair(String id, String localCandidateType, String localAddress, Long localPort,
      String localProtocol, String remoteCandidateType, String remoteAddress, Long remotePort, String remoteProtocol,
      boolean isUsingRelay) {}

  /** Mean of the per-sample highest and lowest inbound frame height and rate (frames per second). */
  public record InboundVideo(Double upperMeanFrameHeight, Double upperMeanFramesPerSecond,
      Double lowerMeanFrameHeight, Double lowerMeanFramesPerSecond) {}
}
