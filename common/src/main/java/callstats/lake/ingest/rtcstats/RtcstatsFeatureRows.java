package callstats.lake.ingest.rtcstats;

import callstats.lake.privacy.IpMasker;
import callstats.lake.privacy.KeyedHasher;
import callstats.lake.rtcstats.ConnectionFeatures;
import callstats.lake.rtcstats.RtcstatsFeatures;
import callstats.lake.rtcstats.SessionFeatures;
import callstats.lake.rtcstats.TrackFeatures;
import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.RtcstatsConnectionFeatureCol;
import callstats.lake.table.gold.RtcstatsFeatureTables;
import callstats.lake.table.gold.RtcstatsSessionFeatureCol;
import callstats.lake.table.gold.RtcstatsTrackFeatureCol;
import java.sql.Date;
import java.util.function.BiConsumer;

/**
 * Turns the features of one dump into rows of the three {@link RtcstatsFeatureTables}: the typed values of
 * {@link RtcstatsFeatures} (one definition per value), with the ids the dump's silver rows carry. Candidate
 * addresses leave only as keyed hashes and IP literals in the stored JSON are masked.
 */
final class RtcstatsFeatureRows {

  private final KeyedHasher hasher;
  private final IpMasker masker;

  RtcstatsFeatureRows(KeyedHasher hasher) {
    this.hasher = hasher;
    this.masker = new IpMasker(hasher);
  }

  void emit(RtcstatsFeatures features, RtcstatsIdentity.Ids ids, Date date, String sourceFile,
      BiConsumer<TableSpec, Object[]> out) {
    String dumpId = ids.ucId();
    SessionFeatures s = features.session(dumpId);
    Object[] row = new Object[RtcstatsFeatureTables.SESSIONS.width()];
    set(row, RtcstatsSessionFeatureCol.DATE, date);
    set(row, RtcstatsSessionFeatureCol.APP_ID, ids.appId());
    set(row, RtcstatsSessionFeatureCol.CONF_ID, ids.confId());
    set(row, RtcstatsSessionFeatureCol.DUMP_ID, dumpId);
    set(row, RtcstatsSessionFeatureCol.SESSION_START_MS, s.sessionStartMs());
    set(row, RtcstatsSessionFeatureCol.SESSION_END_MS, s.sessionEndMs());
    set(row, RtcstatsSessionFeatureCol.SESSION_DURATION_MS, s.sessionDurationMs());
    set(row, RtcstatsSessionFeatureCol.CONFERENCE_START_MS, s.conferenceStartMs());
    set(row, RtcstatsSessionFeatureCol.CONFERENCE_DURATION_MS, s.conferenceDurationMs());
    set(row, RtcstatsSessionFeatureCol.DOMINANT_SPEAKER_CHANGES, s.dominantSpeakerChanges());
    set(row, RtcstatsSessionFeatureCol.SPEAKER_TIME_MS, s.speakerTimeMs());
    set(row, RtcstatsSessionFeatureCol.BROWSER_NAME, s.browserName());
    set(row, RtcstatsSessionFeatureCol.BROWSER_VERSION, s.browserVersion());
    set(row, RtcstatsSessionFeatureCol.BROWSER_MAJOR_VERSION, s.browserMajorVersion());
    set(row, RtcstatsSessionFeatureCol.OS, s.os());
    set(row, RtcstatsSessionFeatureCol.USER_AGENT, s.userAgent());
    set(row, RtcstatsSessionFeatureCol.STATS_FORMAT, s.statsFormat());
    set(row, RtcstatsSessionFeatureCol.CLIENT_PROTOCOL, s.clientProtocol());
    set(row, RtcstatsSessionFeatureCol.CONNECTIONS, s.connections());
    set(row, RtcstatsSessionFeatureCol.BAD_LINES, s.badLines());
    set(row, RtcstatsSessionFeatureCol.REFERENCE_OUTCOME, s.referenceOutcome().name());
    set(row, RtcstatsSessionFeatureCol.FEATURES_JSON, masker.mask(features.json().toString()));
    set(row, RtcstatsSessionFeatureCol.SOURCE_FILE, sourceFile);
    out.accept(RtcstatsFeatureTables.SESSIONS, row);
    for (ConnectionFeatures c : features.connections(dumpId)) {
      out.accept(RtcstatsFeatureTables.CONNECTIONS, connection(c, ids, date, sourceFile));
    }
    String pc = null;
    String direction = null;
    int index = 0;
    for (TrackFeatures t : features.tracks(dumpId)) {
      boolean sameList = t.pcId().equals(pc) && t.direction().equals(direction);
      index = sameList ? index + 1 : 0;
      pc = t.pcId();
      direction = t.direction();
      out.accept(RtcstatsFeatureTables.TRACKS, track(t, index, ids, date, sourceFile));
    }
  }

  private Object[] connection(ConnectionFeatures c, RtcstatsIdentity.Ids ids, Date date, String sourceFile) {
    Object[] row = new Object[RtcstatsFeatureTables.CONNECTIONS.width()];
    set(row, RtcstatsConnectionFeatureCol.DATE, date);
    set(row, RtcstatsConnectionFeatureCol.APP_ID, ids.appId());
    set(row, RtcstatsConnectionFeatureCol.CONF_ID, ids.confId());
    set(row, RtcstatsConnectionFeatureCol.DUMP_ID, c.dumpId());
    set(row, RtcstatsConnectionFeatureCol.PC_ID, c.pcId());
    set(row, RtcstatsConnectionFeatureCol.IS_P2P, c.isP2P());
    set(row, RtcstatsConnectionFeatureCol.USES_RELAY, c.usesRelay());
    set(row, RtcstatsConnectionFeatureCol.CONNECTION_FAILED, c.connectionFailed());
    set(row, RtcstatsConnectionFeatureCol.ICE_RECONNECTS, c.iceReconnects());
    set(row, RtcstatsConnectionFeatureCol.PC_SESSION_DURATION_MS, c.pcSessionDurationMs());
    set(row, RtcstatsConnectionFeatureCol.LAST_ICE_DISCONNECT_MS, c.lastIceDisconnectMs());
    set(row, RtcstatsConnectionFeatureCol.LAST_ICE_FAILURE_MS, c.lastIceFailureMs());
    set(row, RtcstatsConnectionFeatureCol.DTLS_ERRORS, c.dtlsErrors());
    set(row, RtcstatsConnectionFeatureCol.DTLS_FAILURES, c.dtlsFailures());
    set(row, RtcstatsConnectionFeatureCol.SDP_CREATE_FAILURES, c.sdpCreateFailures());
    set(row, RtcstatsConnectionFeatureCol.SDP_SET_FAILURES, c.sdpSetFailures());
    ConnectionFeatures.CandidatePair p = c.candidatePair();
    if (p != null) {
      set(row, RtcstatsConnectionFeatureCol.CANDIDATE_PAIR_ID, p.id());
      set(row, RtcstatsConnectionFeatureCol.LOCAL_CANDIDATE_TYPE, p.localCandidateType());
      set(row, RtcstatsConnectionFeatureCol.LOCAL_ADDRESS_HASH, hash(p.localAddress()));
      set(row, RtcstatsConnectionFeatureCol.LOCAL_PORT, p.localPort());
      set(row, RtcstatsConnectionFeatureCol.LOCAL_PROTOCOL, p.localProtocol());
      set(row, RtcstatsConnectionFeatureCol.REMOTE_CANDIDATE_TYPE, p.remoteCandidateType());
      set(row, RtcstatsConnectionFeatureCol.REMOTE_ADDRESS_HASH, hash(p.remoteAddress()));
      set(row, RtcstatsConnectionFeatureCol.REMOTE_PORT, p.remotePort());
      set(row, RtcstatsConnectionFeatureCol.REMOTE_PROTOCOL, p.remoteProtocol());
      set(row, RtcstatsConnectionFeatureCol.IS_USING_RELAY, p.isUsingRelay());
    }
    set(row, RtcstatsConnectionFeatureCol.MEAN_RTT, c.meanRtt());
    set(row, RtcstatsConnectionFeatureCol.TOTAL_PACKETS_SENT, c.totalPacketsSent());
    set(row, RtcstatsConnectionFeatureCol.TOTAL_SENT_PACKETS_LOST, c.totalSentPacketsLost());
    set(row, RtcstatsConnectionFeatureCol.SENT_PACKETS_LOST_PCT, c.sentPacketsLostPct());
    set(row, RtcstatsConnectionFeatureCol.TOTAL_PACKETS_RECEIVED, c.totalPacketsReceived());
    set(row, RtcstatsConnectionFeatureCol.TOTAL_RECEIVED_PACKETS_LOST, c.totalReceivedPacketsLost());
    set(row, RtcstatsConnectionFeatureCol.RECEIVED_PACKETS_LOST_PCT, c.receivedPacketsLostPct());
    ConnectionFeatures.InboundVideo v = c.inboundVideo();
    if (v != null) {
      set(row, RtcstatsConnectionFeatureCol.UPPER_MEAN_FRAME_HEIGHT, v.upperMeanFrameHeight());
      set(row, RtcstatsConnectionFeatureCol.UPPER_MEAN_FRAMES_PER_SECOND, v.upperMeanFramesPerSecond());
      set(row, RtcstatsConnectionFeatureCol.LOWER_MEAN_FRAME_HEIGHT, v.lowerMeanFrameHeight());
      set(row, RtcstatsConnectionFeatureCol.LOWER_MEAN_FRAMES_PER_SECOND, v.lowerMeanFramesPerSecond());
    }
    set(row, RtcstatsConnectionFeatureCol.SOURCE_FILE, sourceFile);
    return row;
  }

  private static Object[] track(TrackFeatures t, int index, RtcstatsIdentity.Ids ids, Date date, String sourceFile) {
    Object[] row = new Object[RtcstatsFeatureTables.TRACKS.width()];
    set(row, RtcstatsTrackFeatureCol.DATE, date);
    set(row, RtcstatsTrackFeatureCol.APP_ID, ids.appId());
    set(row, RtcstatsTrackFeatureCol.CONF_ID, ids.confId());
    set(row, RtcstatsTrackFeatureCol.DUMP_ID, t.dumpId());
    set(row, RtcstatsTrackFeatureCol.PC_ID, t.pcId());
    set(row, RtcstatsTrackFeatureCol.DIRECTION, t.direction());
    set(row, RtcstatsTrackFeatureCol.TRACK_INDEX, index);
    set(row, RtcstatsTrackFeatureCol.SSRC, t.ssrc());
    set(row, RtcstatsTrackFeatureCol.MEDIA_TYPE, t.mediaType());
    set(row, RtcstatsTrackFeatureCol.PACKETS, t.packets());
    set(row, RtcstatsTrackFeatureCol.PACKETS_LOST, t.packetsLost());
    set(row, RtcstatsTrackFeatureCol.PACKETS_LOST_PCT, t.packetsLostPct());
    set(row, RtcstatsTrackFeatureCol.PACKETS_LOST_VARIANCE, t.packetsLostVariance());
    set(row, RtcstatsTrackFeatureCol.CONCEALED_PCT, t.concealedPercentage());
    set(row, RtcstatsTrackFeatureCol.START_MS, t.startMs());
    set(row, RtcstatsTrackFeatureCol.END_MS, t.endMs());
    set(row, RtcstatsTrackFeatureCol.SOURCE_FILE, sourceFile);
    return row;
  }

  private String hash(String address) {
    return address == null || address.isEmpty() ? null : hasher.hash(address);
  }

  private static void set(Object[] row, Enum<?> col, Object value) {
    row[col.ordinal()] = value;
  }
}
