package callstats.lake.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Line splitting, bad lines, truncation and limits of the streaming dump reader. */
class RtcstatsDumpProcessorTest {

  private static final String HEADER = "[\"connectionInfo\",null,{\"userAgent\":\"x\"},1]";

  private static RecordingVisitor run(String text, DumpReaderOptions options) throws IOException {
    RecordingVisitor visitor = new RecordingVisitor();
    new RtcstatsDumpProcessor(options).process(Dumps.stream(text), visitor);
    return visitor;
  }

  private static RecordingVisitor run(String text) throws IOException {
    return run(text, DumpReaderOptions.DEFAULTS);
  }

  @Test
  void splitsAtLfCrlfAndLoneCrWithoutATrailingEmptyLine() throws IOException {
    RecordingVisitor v = run(HEADER + "\r\n[\"a\",null,1,2]\r[\"b\",\"PC_0\",null,3]\n[\"c\",null,{},4]\r\n");

    assertThat(v.header).isNotNull();
    assertThat(v.lines).extracting(DumpLine::method).containsExactly("a", "b", "c");
    assertThat(v.lineNumbers()).containsExactly(2L, 3L, 4L);
    assertThat(v.bad).isEmpty();
    assertThat(v.summary).isEqualTo(new DumpSummary(4, 4, 0, true, false));
  }

  @Test
  void readsElementsAndMeasuresSizeInUtf16CodeUnits() throws IOException {
    RecordingVisitor v = run(HEADER + "\n[\"e2eRtt\",null,{\"x\":\"\u00e9\uD83D\uDE00\"}]\n[\"m\",\"PC_1\",5,1.5e12,7]");

    DumpLine noTs = v.lines.get(0);
    assertThat(noTs.ts()).isNull();
    assertThat(noTs.timestampMs()).isNull();
    assertThat(noTs.sizeChars()).isEqualTo("[\"e2eRtt\",null,{\"x\":\"\u00e9\uD83D\uDE00\"}]".length());
    DumpLine full = v.lines.get(1);
    assertThat(full.pcId()).isEqualTo("PC_1");
    assertThat(full.timestampMs()).isEqualTo(1.5e12);
    assertThat(full.seq().intValue()).isEqualTo(7);
  }

  @Test
  void badLinesAreReportedAndTheRestIsStillRead() throws IOException {
    String text = String.join("\n", HEADER,
        "",
        "[\"a\",null,{}",
        "{\"method\":\"a\"}",
        "[\"a\",null]",
        "[1,null,{},2]",
        "[\"a\",7,{},2]",
        "[\"a\",null,{},\"2\"]",
        "[\"identity\",null,null,2]",
        "[\"dominantSpeaker\",null,{\"dominantSpeakerEndpoint\":\"x\"},0]",
        "[\"getstats\",\"PC_0\",{\"r1\":null},2]",
        "[\"getstats\",\"PC_0\",\"text\",2]",
        "[\"connectionInfo\",null,42,2]",
        "[1] [2]",
        "[\"ok\",null,{},9]");

    RecordingVisitor v = run(text);

    assertThat(v.reasons()).containsExactly("2:empty_line", "3:malformed_json", "4:not_an_array",
        "5:missing_field", "6:wrong_type", "7:wrong_type", "8:wrong_type", "9:wrong_type", "10:missing_field",
        "11:wrong_type", "12:wrong_type", "13:wrong_type", "14:malformed_json");
    assertThat(v.lineNumbers()).containsExactly(15L);
    assertThat(v.bad.get(7).method()).isEqualTo("identity");
    assertThat(v.summary.badLines()).isEqualTo(13);
  }

  @Test
  void aMissingHeaderIsReportedAndTheDumpStillRead() throws IOException {
    RecordingVisitor v = run("[\"getstats\",\"PC_0\",{\"r\":{\"type\":\"transport\"}},5]\n[\"a\",null,{},6]");

    assertThat(v.header).isNull();
    assertThat(v.reasons()).containsExactly("1:missing_connection_info");
    assertThat(v.bad.get(0).fileLevel()).isTrue();
    assertThat(v.lineNumbers()).containsExactly(1L, 2L);
  }

  @Test
  void anInvalidHeaderPayloadIsQuarantinedAsMissingConnectionInfo() throws IOException {
    RecordingVisitor v = run("[\"connectionInfo\",null,\"not json\",1]\n[\"a\",null,{},6]");

    assertThat(v.header).isNull();
    assertThat(v.reasons()).containsExactly("1:missing_connection_info");
    assertThat(v.bad.get(0).fileLevel()).isFalse();
    assertThat(v.lineNumbers()).containsExactly(2L);
  }

  @Test
  void aHeaderSentAsJsonTextIsParsed() throws IOException {
    RecordingVisitor v = run("[\"connectionInfo\",null,\"{\\\"userAgent\\\":\\\"ua\\\"}\",1]");

    assertThat(v.header.payload().get("userAgent").textValue()).isEqualTo("ua");
  }

  @Test
  void aTruncatedLastLineIsReportedAndEarlierLinesKept() throws IOException {
    RecordingVisitor v = run(HEADER + "\n[\"a\",null,{},2]\n[\"getstats\",\"PC_0\",{\"r\":{\"pack");

    assertThat(v.lineNumbers()).containsExactly(2L);
    assertThat(v.reasons()).containsExactly("3:truncated_file");
    assertThat(v.summary.truncated()).isTrue();
  }

  @Test
  void aTruncatedGzipStreamEndsTheDumpWithTruncatedFile() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      StringBuilder text = new StringBuilder(HEADER).append('\n');
      for (int i = 0; i < 2000; i++) {
        text.append("[\"a\",null,{\"i\":").append(i).append("},").append(i).append("]\n");
      }
      gzip.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
    RecordingVisitor v = new RecordingVisitor();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(cut))) {
      new RtcstatsDumpProcessor(DumpReaderOptions.DEFAULTS).process(in, v);
    }

    assertThat(v.summary.truncated()).isTrue();
    assertThat(v.bad).last().extracting(BadLine::reason).isEqualTo(BadLineReason.TRUNCATED_FILE);
    assertThat(v.lines).isNotEmpty();
  }

  @Test
  void anOversizedLineIsSkippedWithAnExcerptOnly() throws IOException {
    String big = "[\"a\",null,\"" + "x".repeat(5000) + "\",1]";
    DumpReaderOptions options = new DumpReaderOptions(1000, 64, 1000, 100);

    RecordingVisitor v = run(HEADER + "\n" + big + "\n[\"b\",null,{},2]", options);

    assertThat(v.reasons()).containsExactly("2:oversized");
    assertThat(v.bad.get(0).excerpt()).hasSize(100);
    assertThat(v.bad.get(0).lengthChars()).isEqualTo(big.length());
    assertThat(v.lines).extracting(DumpLine::method).containsExactly("b");
  }

  @Test
  void nestingBeyondTheLimitIsOversized() throws IOException {
    String deep = "[\"a\",null," + "[".repeat(100) + "]".repeat(100) + ",1]";

    RecordingVisitor v = run(HEADER + "\n" + deep);

    assertThat(v.reasons()).containsExactly("2:oversized");
  }
}
