package callstats.lake.jobs.simulate;

import callstats.lake.jobs.simulate.EndpointCatalogue.StatsStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * One peer connection as its participant sees it: setup, the ICE candidate pair in use, transport counters, the
 * RTP streams it sends and receives, and its truth. In a p2p call each side of a pair has its own connection
 * ({@link #peer} is the other side); in an SFU call the remote end is the SFU and has no connection object.
 */
final class Connection {

  /** An ICE candidate as getStats reports it. */
  record Candidate(String id, String type, String protocol, String relayProtocol, String address, int port,
      long priority, String networkType, String url) {}

  final String id;
  final Member local;
  /** The other participant (p2p), or null (SFU). */
  final Member remote;
  final String remoteId;
  final int segment;
  final StatsStyle style;
  final long idSeed;
  final boolean offerer;
  Connection peer;
  final LineEmitter.HoldSlot hold = new LineEmitter.HoldSlot();

  final long startMs;
  long connectedMs = -1;
  long endMs = -1;
  boolean connected;
  boolean closed;
  String endReason;
  String failureReason;
  boolean iceFailed;
  boolean dropped;
  /** Outages (ICE disruptions) in progress on this connection. */
  int outages;
  int iceDisruptions;
  int iceRestarts;
  double setupDelayMs = Double.NaN;
  double gatheringDelayMs = Double.NaN;
  double connectivityDelayMs = Double.NaN;

  // Injected counter reset: after which sample (0 for none), and whether the next sample shows it.
  final int counterResetAfter;
  int counterResets;
  boolean showsReset;

  // ICE
  int generation;
  Candidate localCandidate;
  Candidate remoteCandidate;
  String pairId;
  int pairChanges;
  String firstLocalType;
  String firstRemoteType;
  String firstProtocol;
  String firstRelayProtocol;

  // Transport and candidate-pair counters (the pair's restart with a new pair)
  long transportBytesSent;
  long transportBytesReceived;
  long transportPacketsSent;
  long transportPacketsReceived;
  long pairBytesSent;
  long pairBytesReceived;
  long pairPacketsSent;
  long pairPacketsReceived;
  long stunRequests;
  long stunResponses;
  double pairTotalRttS;
  double currentRttMs;
  double availableOutgoingKbps;
  long lastPacketMs;

  final List<RtpSender> senders = new ArrayList<>();
  final List<RtpFlow> flows = new ArrayList<>();

  long nextSampleMs = Long.MAX_VALUE;
  /** Sub-second phase of the connection's samples, thousandths of a millisecond fraction. */
  final int phaseMs;
  int samples;
  double rttSumMs;
  int rttN;

  Connection(String id, Member local, Member remote, String remoteId, int segment, long startMs, boolean offerer,
      long idSeed, int counterResetAfter) {
    this.id = id;
    this.local = local;
    this.remote = remote;
    this.remoteId = remoteId;
    this.segment = segment;
    this.startMs = startMs;
    this.offerer = offerer;
    this.style = local.plan.endpoint.style();
    this.idSeed = idSeed;
    this.counterResetAfter = counterResetAfter;
    this.phaseMs = (int) Math.floorMod(Seeds.mix(idSeed), 1000L);
  }

  boolean sfu() {
    return remote == null;
  }

  boolean active() {
    return connected && !closed;
  }

  /** Sets the candidate pair of the current ICE generation. */
  void selectPair(Candidate localCand, Candidate remoteCand) {
    if (pairId != null) {
      pairChanges++;
    }
    localCandidate = localCand;
    remoteCandidate = remoteCand;
    pairId = IdStyle.pair(style, idSeed, localCand.id(), remoteCand.id());
    pairBytesSent = 0;
    pairBytesReceived = 0;
    pairPacketsSent = 0;
    pairPacketsReceived = 0;
    stunRequests = 0;
    stunResponses = 0;
    pairTotalRttS = 0;
    if (firstLocalType == null) {
      firstLocalType = localCand.type();
      firstRemoteType = remoteCand.type();
      firstProtocol = localCand.protocol();
      firstRelayProtocol = localCand.relayProtocol();
    }
  }

  /** RTP counters restart from zero (an ICE restart, or injected dirt): each side resets its own view. */
  void resetCounters() {
    for (RtpSender s : senders) {
      s.resetCounters();
      if (s.report != null) {
        s.report.resetSenderSide();
      }
    }
    for (RtpFlow f : flows) {
      f.resetReceiverSide();
    }
  }
}
