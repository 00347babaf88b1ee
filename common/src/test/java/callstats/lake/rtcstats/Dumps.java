package callstats.lake.rtcstats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds small synthetic dumps for tests, one JSON line at a time, and runs them. */
final class Dumps {

  static final String CHROME_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
      + " Chrome/99.0.4844.51 Safari/537.36";
  static final String FIREFOX_UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:109.0) Gecko/20100101"
      + " Firefox/118.0";

  private final List<String> lines = new ArrayList<>();

  /** A dump whose first line is a standard connectionInfo header with this user agent. */
  static Dumps withHeader(String userAgent) {
    return new Dumps().line("[\"connectionInfo\",null,{\"userAgent\":\"" + userAgent
        + "\",\"clientProtocol\":\"3.1_STANDARD\"},1]");
  }

  Dumps line(String json) {
    lines.add(json);
    return this;
  }

  /** Appends a line; single quotes in the text stand for double quotes. */
  Dumps q(String jsonWithSingleQuotes) {
    return line(jsonWithSingleQuotes.replace('\'', '"'));
  }

  String text() {
    return String.join("\n", lines) + "\n";
  }

  RtcstatsFeatures features() throws IOException {
    return RtcstatsFeatures.extract(stream(text()));
  }

  static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
