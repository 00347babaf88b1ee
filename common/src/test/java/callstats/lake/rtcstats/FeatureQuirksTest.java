package callstats.lake.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Synthetic dumps that pin the reference's quirks (docs/rtcstats-features.md section 9) in the compatibility view. */
class FeatureQuirksTest {

  private static JsonNode features(Dumps dump) throws IOException {
    return dump.features().json().get("features");
  }

  private static JsonNode pc(JsonNode features, String key) {
    return features.get("aggregates").get(key);
  }

  @Test
  void q5ALastEventWithoutSpeakerLeavesSpeakerFieldsAtZero() throws IOException {
    JsonNode f = features(Dumps.withHeader(Dumps.CHROME_UA)
        .q("['identity',null,{'endpointId':'me'},5]")
        .q("['dominantSpeaker',null,{'dominantSpeakerEndpoint':'me'},1000]")
        .q("['dominantSpeaker',null,{'dominantSpeakerEndpoint':null},2000]")
        .q("['other',null,null,3000]"));

    assertThat(f.get("dominantSpeakerChanges").intValue()).isZero();
    assertThat(f.get("speakerTime").intValue()).isZero();
    assertThat(f.get("dominantSpeakerEvents").toString()).isEqualTo(
        "[{\"type\":\"DOMINANT_SPEAKER_STARTED\",\"timestamp\":1000},"
            + "{\"type\":\"DOMINANT_SPEAKER_STOPPED\",\"timestamp\":2000}]");
  }

  @Test
  void q6NullAndTheStringNullShareOneSpeakerAndTheLastSpeakerRunsToTheSessionEnd() throws IOException {
    JsonNode f = features(Dumps.withHeader(Dumps.CHROME_UA)
        .q("['identity',null,{'endpointId':'me'},5]")
        .q("['dominantSpeaker',null,{'dominantSpeakerEndpoint':'me'},1000]")
        .q("['dominantSpeaker',null,{'dominantSpeakerEndpoint':null},1200]")
        .q("['dominantSpeaker',null,{'dominantSpeakerEndpoint':'null'},1400]")
        .q("['dominantSpeaker',null,{'dominantSpeakerEndpoint':'me'},1600]")
        .q("['dominantSpeaker',null,{'dominantSpeakerEndpoint':'me'},1700]")
        .q("['other',null,null,2000]"));

    assertThat(f.get("dominantSpeakerChanges").intValue()).isEqualTo(3);
    assertThat(f.get("speakerTime").intValue()).isEqualTo(200 + 100 + 300);
    assertThat(f.get("dominantSpeakerEvents")).extracting(e -> e.get("timestamp").intValue())
        .containsExactly(1000, 1200, 1600, 1700);
  }

  @Test
  void q12ChromeRemoteOutboundRtpBecomesASenderUnderTheReceiveSsrc() throws IOException {
    JsonNode f = features(Dumps.withHeader(Dumps.CHROME_UA)
        .q("['getstats','PC_0',{'in':{'type':'inbound-rtp','kind':'audio','ssrc':111,'packetsReceived':100,"
            + "'packetsLost':2,'totalSamplesReceived':1000,'concealedSamples':50},"
            + "'ro':{'type':'remote-outbound-rtp','kind':'audio','ssrc':111,'packetsSent':120}},10]"));

    JsonNode tracks = pc(f, "PC_0").get("tracks");
    assertThat(tracks.get("receiverTracks").get(0).get("packets").intValue()).isEqualTo(100);
    assertThat(tracks.get("senderTracks").get(0).get("ssrc").intValue()).isEqualTo(111);
    assertThat(tracks.get("senderTracks").get(0).get("packets").intValue()).isEqualTo(120);
    assertThat(tracks.get("senderTracks").get(0).get("concealedPercentage").doubleValue()).isEqualTo(5);
    assertThat(pc(f, "PC_0").get("trackAggregates").get("totalPacketsSent").intValue()).isEqualTo(120);
  }

  @Test
  void q13Q14FirefoxRemoteInboundRtpIsAReceiverAndASenderWithZeroPackets() throws IOException {
    JsonNode f = features(Dumps.withHeader(Dumps.FIREFOX_UA)
        .q("['getstats','PC_0',{'ri':{'type':'remote-inbound-rtp','kind':'audio','ssrc':222,'packetsReceived':500,"
            + "'packetsLost':5,'roundTripTime':0.05},'rv':{'type':'remote-inbound-rtp','kind':'video','ssrc':333,"
            + "'packetsReceived':900}},10]"));

    JsonNode aggregates = pc(f, "PC_0").get("trackAggregates");
    JsonNode senders = pc(f, "PC_0").get("tracks").get("senderTracks");
    assertThat(senders.get(0).get("packets").intValue()).isZero();
    assertThat(senders.get(0).get("packetsLost").intValue()).isEqualTo(5);
    assertThat(senders.get(1).has("packetsLost")).isFalse();
    assertThat(aggregates.get("totalPacketsSent").intValue()).isZero();
    assertThat(aggregates.get("totalSentPacketsLost").isNull()).isTrue();
    assertThat(aggregates.get("sentPacketsLostPct").intValue()).isZero();
    assertThat(aggregates.get("totalPacketsReceived").intValue()).isEqualTo(1400);
    assertThat(pc(f, "PC_0").get("transportAggregates").get("meanRtt").doubleValue()).isEqualTo(0.05);
  }

  @Test
  void q15AWrappedCounterIsSummedAsIsAndItsTinyLossPercentageFallsBackToZero() throws IOException {
    JsonNode f = features(Dumps.withHeader(Dumps.FIREFOX_UA)
        .q("['getstats','PC_0',{'ri':{'type':'remote-inbound-rtp','kind':'video','ssrc':222,"
            + "'packetsReceived':4294967290,'packetsLost':3}},10]"));

    JsonNode receiver = pc(f, "PC_0").get("tracks").get("receiverTracks").get(0);
    assertThat(receiver.get("packets").longValue()).isEqualTo(4294967290L);
    assertThat(receiver.get("packetsLostPct").intValue()).isZero();
    assertThat(pc(f, "PC_0").get("trackAggregates").get("receivedPacketsLostPct").intValue()).isZero();
  }

  @Test
  void q19ATinyMeanRttPrintsAsNull() throws IOException {
    JsonNode f = features(Dumps.withHeader(Dumps.CHROME_UA)
        .q("['getstats','PC_0',{'p':{'type':'candidate-pair','currentRoundTripTime':1e-7},"
            + "'t':{'type':'transport','selectedCandidatePairId':'p'}},10]"));

    assertThat(pc(f, "PC_0").get("transportAggregates").get("meanRtt").isNull()).isTrue();
    assertThat(pc(f, "PC_0").get("candidatePairData").get("id").textValue()).isEqualTo("p");
    assertThat(pc(f, "PC_0").get("usesRelay").booleanValue()).isFalse();
  }

  @Test
  void q21LegacyStringFrameHeightsCompareLexicographically() throws IOException {
    JsonNode f = features(Dumps.withHeader(Dumps.CHROME_UA)
        .q("['getstats','PC_0',{'s1':{'type':'ssrc','googFrameHeightReceived':'720','googFrameRateOutput':'30'},"
            + "'s2':{'type':'ssrc','googFrameHeightReceived':'1080','googFrameRateOutput':'25'}},10]"));

    JsonNode video = pc(f, "PC_0").get("inboundVideoExperience");
    assertThat(video.get("upperBoundAggregates").get("meanFrameHeight").intValue()).isEqualTo(720);
    assertThat(video.get("upperBoundAggregates").get("meanFramesPerSecond").intValue()).isEqualTo(30);
    assertThat(video.get("lowerBoundAggregates").get("meanFrameHeight").intValue()).isEqualTo(1080);
    assertThat(video.get("lowerBoundAggregates").get("meanFramesPerSecond").intValue()).isEqualTo(25);
  }

  @Test
  void q23TracksAreOrderedByNumericSsrcWith4294967295Last() throws IOException {
    JsonNode f = features(Dumps.withHeader(Dumps.CHROME_UA)
        .q("['getstats','PC_0',{'a':{'type':'inbound-rtp','kind':'audio','ssrc':4294967295,'packetsReceived':1},"
            + "'b':{'type':'inbound-rtp','kind':'audio','ssrc':5,'packetsReceived':1},"
            + "'c':{'type':'inbound-rtp','kind':'audio','ssrc':'4294967294','packetsReceived':1}},10]"));

    assertThat(pc(f, "PC_0").get("tracks").get("receiverTracks")).extracting(t -> t.get("ssrc").asText())
        .containsExactly("5", "4294967294", "4294967295");
  }

  @Test
  void q25AGetstatsLineWithoutPcIsAnalysedUnderTheKeyNull() throws IOException {
    JsonNode f = features(Dumps.withHeader(Dumps.CHROME_UA)
        .q("['getstats',null,{'a':{'type':'inbound-rtp','kind':'audio','ssrc':9,'packetsReceived':3}},10]"));

    assertThat(f.get("aggregates").fieldNames()).toIterable().containsExactly("null");
    assertThat(pc(f, "null").get("trackAggregates").get("totalPacketsReceived").intValue()).isEqualTo(3);
  }

  @Test
  void q24VideoTypeChangesSplitATrackAndUnsampledAnnouncementsAreDropped() throws IOException {
    JsonNode f = features(Dumps.withHeader(Dumps.CHROME_UA)
        .q("['create','PC_0',{},1]")
        .q("['setVideoType',null,{'ssrc':7,'videoType':'camera'},100]")
        .q("['getstats','PC_0',{'o':{'type':'outbound-rtp','kind':'video','ssrc':7,'packetsSent':10}},200]")
        .q("['setVideoType',null,{'ssrc':7,'videoType':'desktop'},300]")
        .q("['getstats','PC_0',{'o':{'packetsSent':20}},400]")
        .q("['setVideoType',null,{'ssrc':7,'videoType':'camera'},500]"));

    JsonNode senders = pc(f, "PC_0").get("tracks").get("senderTracks");
    assertThat(senders).extracting(t -> t.get("mediaType").textValue())
        .containsExactly("video/camera", "video/desktop");
    assertThat(senders).extracting(t -> t.get("startTime").intValue()).containsExactly(100, 300);
    assertThat(senders).extracting(t -> t.get("endTime").intValue()).containsExactly(300, 500);
    assertThat(senders).extracting(t -> t.get("packets").intValue()).containsExactly(10, 20);
  }

  @Test
  void q26APairThatAppearsAfterItsTransportHasNoId() throws IOException {
    JsonNode f = features(Dumps.withHeader(Dumps.CHROME_UA)
        .q("['getstats','PC_0',{'t':{'type':'transport','selectedCandidatePairId':'p'},"
            + "'p':{'type':'candidate-pair','localCandidateId':'l','remoteCandidateId':'r'},"
            + "'l':{'candidateType':'relay','relayProtocol':'tcp','protocol':'udp','address':'1.2.3.4','port':3478},"
            + "'r':{'candidateType':'host','protocol':'udp'}},10]"));

    JsonNode pair = pc(f, "PC_0").get("candidatePairData");
    assertThat(pair.get("id").textValue()).isEmpty();
    assertThat(pair.get("localProtocol").textValue()).isEqualTo("tcp");
    assertThat(pair.get("localPort").intValue()).isEqualTo(3478);
    assertThat(pair.get("remoteAddress").textValue()).isEmpty();
    assertThat(pair.get("isUsingRelay").booleanValue()).isTrue();
  }

  @Test
  void connectionStatesDriveReconnectsFailureAndDuration() throws IOException {
    JsonNode f = features(Dumps.withHeader(Dumps.CHROME_UA)
        .q("['oniceconnectionstatechange','PC_0','connected',50]")
        .q("['onconnectionstatechange','PC_0','completed',100]")
        .q("['onconnectionstatechange','PC_0','connected',150]")
        .q("['oniceconnectionstatechange','PC_0','disconnected',160]")
        .q("['onconnectionstatechange','PC_0','connected',170]")
        .q("['onconnectionstatechange','PC_0','failed',180]")
        .q("['close','PC_0',null,120]"));

    JsonNode pc = pc(f, "PC_0");
    assertThat(pc.get("iceReconnects").intValue()).isEqualTo(1);
    assertThat(pc.get("connectionFailed").booleanValue()).isTrue();
    assertThat(pc.get("lastIceDisconnect").intValue()).isEqualTo(160);
    assertThat(pc.get("pcSessionDurationMs").intValue()).isEqualTo(20);
    assertThat(pc.get("isP2P").isNull()).isTrue();
  }

  @Test
  void conferenceStartIgnoresZeroAndNeverUsesTheWallClock() throws IOException {
    RtcstatsFeatures withString = Dumps.withHeader(Dumps.CHROME_UA)
        .q("['conferenceStartTimestamp',null,'1000',5]")
        .q("['conferenceStartTimestamp',null,0,6]")
        .q("['other',null,null,3000]").features();
    RtcstatsFeatures withNull = Dumps.withHeader(Dumps.CHROME_UA)
        .q("['conferenceStartTimestamp',null,null,5]")
        .q("['other',null,null,3000]").features();

    assertThat(withString.json().get("features").get("conferenceStartTime").intValue()).isEqualTo(1000);
    assertThat(withString.json().get("features").get("metrics").get("conferenceDurationMs").intValue())
        .isEqualTo(2000);
    assertThat(withNull.json().get("features").get("conferenceStartTime").intValue()).isZero();
    assertThat(withNull.referenceOutcome()).isEqualTo(ReferenceOutcome.WALL_CLOCK_CONFERENCE_START);
  }

  @Test
  void fatalLinesOfTheReferenceAreSkippedAndTheRestIsExtracted() throws IOException {
    RtcstatsFeatures features = Dumps.withHeader(Dumps.CHROME_UA)
        .q("['onconnectionstatechange','PC_0','connected',100]")
        .line("")
        .q("['dominantSpeaker',null,{'dominantSpeakerEndpoint':'x'}]")
        .q("['getstats','PC_0',{'r':null},150]")
        .q("['close','PC_0',null,200]").features();

    assertThat(features.referenceOutcome()).isEqualTo(ReferenceOutcome.SKIPPED_LINES);
    assertThat(pc(features.json().get("features"), "PC_0").get("pcSessionDurationMs").intValue()).isEqualTo(100);
    assertThat(features.json().get("features").get("metrics").get("dsRequestCount").intValue()).isZero();
  }
}
