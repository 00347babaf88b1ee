package callstats.lake.ingest.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;

import callstats.lake.ingest.IngestSettings;
import callstats.lake.ingest.QuarantineReason;
import callstats.lake.table.TableSpec;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Date;
import java.util.List;
import java.util.TreeMap;

/**
 * Fuzzes the lake's rtcstats dump reader (line splitting, the line parser, getstats delta decompression,
 * the silver mapping and the features) with arbitrary dumps, seeded with real browser dumps (see
 * {@code RtcstatsDumpFuzzTestInputs/}): the pass never throws on bytes in memory, and every physical line
 * gets exactly one outcome, accepted or quarantined with a reason, so the ingest log adds up.
 */
class RtcstatsDumpFuzzTest {

  private static final Date DATE = Date.valueOf("2026-11-20");
  private static final IngestSettings SETTINGS = IngestSettings.forTests("fuzz-test-key-0123456789", List.of());

  /** The outcome of each line, by line number. */
  private static final class Outcomes implements DumpRowSink {
    final TreeMap<Long, String> lines = new TreeMap<>();
    QuarantineReason fault;

    @Override
    public void row(TableSpec table, long lineNumber, Object[] values) {
      assertThat(values).as("a row of %s", table).hasSize(table.width());
      for (Object v : values) {
        if (v instanceof Double d) {
          assertThat(d).as("a number in %s", table).isFinite();
        }
      }
    }

    @Override
    public void accepted(long lineNumber, String recordId, String method, long bytes) {
      assertThat(recordId).isNotBlank();
      assertThat(lines.put(lineNumber, "accepted")).as("line %d has one outcome", lineNumber).isNull();
    }

    @Override
    public void quarantined(long lineNumber, QuarantineReason reason, String detail, String method, String excerpt,
        long bytes) {
      assertThat(reason).isNotNull();
      assertThat(detail).isNotBlank();
      assertThat(lines.put(lineNumber, reason.code())).as("line %d has one outcome", lineNumber).isNull();
    }

    @Override
    public void fault(QuarantineReason reason, String detail) {
      fault = reason;
    }
  }

  @FuzzTest
  void everyLineIsAcceptedOrQuarantined(byte[] dump) throws IOException {
    RtcstatsDumpReader reader = new RtcstatsDumpReader(SETTINGS, RtcstatsDumpReader.Output.LAKE);
    RtcstatsIdentity.Ids ids = reader.ids(reader.identity(new ByteArrayInputStream(dump)), "fuzz-dump");
    Outcomes outcomes = new Outcomes();
    RtcstatsDumpReader.Pass pass = reader.open(new ByteArrayInputStream(dump), ids, DATE, "file:/fuzz", outcomes);
    while (pass.step()) {
      assertThat(outcomes.lines.size()).isLessThanOrEqualTo((int) pass.linesRead());
    }
    long read = pass.linesRead();
    for (long n = 1; n <= read; n++) {
      assertThat(outcomes.lines).as("line %d of %d has an outcome", n, read).containsKey(n);
    }
    assertThat(outcomes.lines.size()).isEqualTo((int) read);
  }
}
