package callstats.lake.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * browserInfo and stats-format detection against vectors printed by platform.js 1.3.6 (name, version,
 * os) and ua-parser-js 1.0.36 (browser family) for common WebRTC user agents.
 */
class UserAgentTest {

  /** The format the reference derives from a ua-parser-js family name (docs/rtcstats-features.md 2.4). */
  private static StatsFormat formatOfFamily(String family) {
    if (family.startsWith("Chrome") || family.startsWith("Edge") || family.startsWith("Electron")) {
      return StatsFormat.CHROME_STANDARD;
    }
    if (family.startsWith("Firefox")) {
      return StatsFormat.FIREFOX;
    }
    if (family.startsWith("Safari") || family.startsWith("Mobile Safari")) {
      return StatsFormat.SAFARI;
    }
    return StatsFormat.UNSUPPORTED;
  }

  @Test
  void matchesTheReferenceLibrariesOnCommonAgents() throws IOException {
    List<String> mismatches = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        RtcstatsParityTest.resource("user-agent-vectors.tsv"), StandardCharsets.UTF_8))) {
      String row;
      while ((row = in.readLine()) != null) {
        String[] cells = row.split("\t", -1);
        BrowserInfo info = BrowserInfo.parse(cells[0]);
        String actual = info.rawName() + "|" + info.rawVersion() + "|" + info.os() + "|"
            + StatsFormat.fromUserAgent(cells[0]);
        String expected = cells[1] + "|" + cells[2] + "|" + cells[3] + "|" + formatOfFamily(cells[4]);
        if (!actual.equals(expected)) {
          mismatches.add(cells[0] + "\n  expected " + expected + "\n  but was  " + actual);
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void reactNativeAgents() {
    BrowserInfo info = BrowserInfo.parse("react-native/0.72.4 (Android 13; Pixel 6)");

    assertThat(info.name()).isEqualTo("ReactNative");
    assertThat(info.version()).isEqualTo("0.72.4");
    assertThat(info.os()).isEqualTo("Android 13; Pixel 6");
    assertThat(info.majorVersion()).isEqualTo("0");
    assertThat(StatsFormat.fromUserAgent("react-native/0.72.4 (Android 13; Pixel 6)"))
        .isEqualTo(StatsFormat.CHROME_STANDARD);
  }

  @Test
  void unknownAgents() {
    BrowserInfo info = BrowserInfo.parse("Node v20.5.1");

    assertThat(info.toJson().toString()).isEqualTo("{\"name\":\"unknown\",\"nameOs\":\"null/null\","
        + "\"nameVersion\":\"null/null\",\"nameVersionOs\":\"null/null/null\",\"os\":\"null\","
        + "\"userAgent\":\"Node v20.5.1\",\"version\":\"-1\"}");
    assertThat(StatsFormat.fromUserAgent("")).isEqualTo(StatsFormat.UNSUPPORTED);
    assertThat(StatsFormat.fromUserAgent(null)).isEqualTo(StatsFormat.UNSUPPORTED);
  }
}
