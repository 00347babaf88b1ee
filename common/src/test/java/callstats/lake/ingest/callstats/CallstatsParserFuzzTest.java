package callstats.lake.ingest.callstats;

import static org.assertj.core.api.Assertions.assertThat;

import callstats.lake.ingest.BadRecord;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.ingest.ParsedLine;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.List;

/**
 * Fuzzes the callstats line parser with arbitrary bytes (seeded with valid lines of every path, see
 * {@code CallstatsParserFuzzTestInputs/}): every line is either parsed (a record id, rows of the declared
 * width, only finite numbers, well-formed UTF-8) or rejected with a {@link BadRecord} that names a reason;
 * no other exception escapes. Regression inputs for past findings live next to the seeds (overlong-utf8-*: an
 * overlong '/' that Jackson decoded and the parser used to accept).
 */
class CallstatsParserFuzzTest {

  private static final Date DATE = Date.valueOf("2026-11-20");
  private static final CallstatsParser PARSER =
      new CallstatsParser(IngestSettings.forTests("fuzz-test-key-0123456789", List.of("private-app")));

  @FuzzTest
  void everyLineIsParsedOrRejectedWithAReason(byte[] line) {
    try {
      ParsedLine parsed = PARSER.parse(line, line.length, DATE, "file:/landing/fuzz.jsonl", 1, (table, row) -> {
        assertThat(row).as("a row of %s", table).hasSize(table.width());
        for (Object v : row) {
          if (v instanceof Double d) {
            assertThat(d).as("a number in %s", table).isFinite();
          }
        }
      });
      assertThat(parsed.recordId()).isNotBlank();
      assertThat(parsed.appId()).isNotBlank();
      assertThat(strictUtf8(line)).as("an accepted line is well-formed UTF-8").isTrue();
    } catch (BadRecord e) {
      assertThat(e.reason()).isNotNull();
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  private static boolean strictUtf8(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
