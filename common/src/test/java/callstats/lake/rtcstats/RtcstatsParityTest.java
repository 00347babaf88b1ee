package callstats.lake.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every real dump gives exactly the features rtcstats-server produced for it: strict deep equality,
 * numbers compared as doubles, array order significant (fixtures MIT, see resources/rtcstats/LICENSE).
 */
class RtcstatsParityTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {
      "chrome-standard-pc-reconnect",
      "chrome96-standard-stats-p2p-add-transceiver",
      "firefox-standard-stats-sfu",
      "google-standard-stats-p2p",
      "google-standard-stats-sfu",
      "safari-standard-stats"})
  void featuresEqualTheReference(String dump) throws IOException {
    RtcstatsFeatures features = extract(dump);
    JsonNode expected = MAPPER.readTree(resource(dump + ".json")).get(0).get("features");

    List<String> differences = JsonDiff.differences(expected, features.json().get("features"));

    assertThat(differences).as(JsonDiff.describe(differences)).isEmpty();
    assertThat(features.referenceOutcome()).isEqualTo(ReferenceOutcome.IDENTICAL);
  }

  static RtcstatsFeatures extract(String dump) throws IOException {
    try (InputStream in = resource(dump + ".jsonl")) {
      return RtcstatsFeatures.extract(in);
    }
  }

  static InputStream resource(String name) {
    InputStream in = RtcstatsParityTest.class.getResourceAsStream("/rtcstats/" + name);
    assertThat(in).as("test resource rtcstats/%s", name).isNotNull();
    return in;
  }
}
