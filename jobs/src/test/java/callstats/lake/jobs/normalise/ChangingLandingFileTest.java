package callstats.lake.jobs.normalise;

import static callstats.lake.jobs.testing.Landing.at;
import static callstats.lake.jobs.testing.Landing.inboundAudio;
import static callstats.lake.jobs.testing.Landing.line;
import static org.assertj.core.api.Assertions.assertThat;

import callstats.lake.config.LakeUri;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.jobs.normalise.Parsed.Kind;
import callstats.lake.jobs.spark.HadoopConf;
import callstats.lake.jobs.testing.Landing;
import callstats.lake.table.silver.Silver;
import callstats.lake.testing.TestLake;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A landing file that changes while normalise reads it (an upload still in progress, a producer appending to a
 * landed file, an object replaced): the read covers exactly the bytes listed at the start of the run, and the
 * change becomes one {@code file_changed} quarantine row and the file's {@code read_error}, so the day's
 * accounting shows it and a re-run once the file is complete reads all of it. No Spark: the task-side reader
 * is driven directly, and the file is appended to between two of its rows.
 */
class ChangingLandingFileTest {

  private static final LocalDate D = LocalDate.of(2026, 11, 20);
  private static final int LISTED_LINES = 40;

  private static List<String> statsLines(int from, int to) {
    long t = at(D, 10, 0);
    List<String> lines = new ArrayList<>();
    for (int i = from; i < to; i++) {
      lines.add(line("app-1", "c1", "uc-a", "stats", t + i * 10_050L,
          inboundAudio("alice", t + i * 10_000L, "pc1", 1, 100L * i, i, 8_000L * i)));
    }
    return lines;
  }

  private static List<LandingFile> listed(Landing landing) throws Exception {
    return LandingFiles.list(new Configuration(), LakeUri.parse(landing.root().toString(), Path.of("."), "landing"),
        LandingFiles.CALLSTATS, D);
  }

  private static FileReader reader() {
    return new FileReader(IngestSettings.forTests(TestLake.HASH_KEY, List.of()), new HadoopConf(new Configuration()),
        Date.valueOf(D));
  }

  private static List<Row> ofKind(List<Row> rows, Kind kind) {
    return rows.stream().filter(r -> r.getInt(0) == kind.ordinal()).toList();
  }

  private static Row payload(Row union, Kind kind) {
    return union.getStruct(3 + kind.ordinal());
  }

  @Test
  void aFileAppendedToWhileReadIsReadToItsListedLengthAndFlagged(@TempDir Path dir) throws Exception {
    Landing landing = new Landing(dir);
    Path file = landing.write(D, 10, "growing.jsonl", statsLines(0, LISTED_LINES));
    List<LandingFile> files = listed(landing);
    assertThat(files).hasSize(1);
    assertThat(files.get(0).length()).isEqualTo(Files.size(file));

    Iterator<Row> it = reader().read(files);
    List<Row> rows = new ArrayList<>();
    rows.add(it.next());
    String appended = String.join("\n", statsLines(LISTED_LINES, LISTED_LINES + 25)) + "\n";
    Files.writeString(file, appended, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    it.forEachRemaining(rows::add);

    List<Row> lines = ofKind(rows, Kind.LINE);
    assertThat(lines.stream().filter(r -> payload(r, Kind.LINE).getBoolean(1)).count())
        .as("every listed line accepted, none of the appended ones read").isEqualTo(LISTED_LINES);
    List<Row> quarantined = ofKind(rows, Kind.QUARANTINE);
    assertThat(quarantined).hasSize(1);
    Row q = payload(quarantined.get(0), Kind.QUARANTINE);
    assertThat(q.getString(Silver.QUARANTINE.schema().fieldIndex("reason"))).isEqualTo("file_changed");
    assertThat(q.getString(Silver.QUARANTINE.schema().fieldIndex("detail"))).contains("listed with " + files.get(0).length() + " bytes")
        .contains("now " + Files.size(file) + " bytes");
    Row fileRow = payload(ofKind(rows, Kind.FILE).get(0), Kind.FILE);
    assertThat(fileRow.getLong(2)).as("lines_read: the listed lines and one for the unread rest")
        .isEqualTo(LISTED_LINES + 1);
    assertThat(fileRow.getString(3)).startsWith("file_changed: the file changed while it was read");
    assertThat(lines).hasSize(LISTED_LINES + 1);
  }

  @Test
  void aFileRewrittenAfterListingIsFlaggedAndAnUnchangedOneIsNot(@TempDir Path dir) throws Exception {
    Landing landing = new Landing(dir);
    Path replaced = landing.write(D, 10, "replaced.jsonl", statsLines(0, 10));
    landing.write(D, 11, "steady.jsonl", statsLines(10, 20));
    List<LandingFile> files = listed(landing);
    // same length, new content and time: an object overwritten in place
    Files.writeString(replaced, Files.readString(replaced).replace("alice", "carol"), StandardCharsets.UTF_8);
    Files.setLastModifiedTime(replaced, FileTime.fromMillis(files.get(0).modifiedMillis() + 60_000));

    List<Row> rows = new ArrayList<>();
    reader().read(files).forEachRemaining(rows::add);

    List<Row> fileRows = ofKind(rows, Kind.FILE);
    assertThat(fileRows).extracting(r -> r.getString(1))
        .containsExactly(files.get(0).path(), files.get(1).path());
    assertThat(payload(fileRows.get(0), Kind.FILE).getString(3)).startsWith("file_changed: ")
        .contains("listed with " + files.get(0).length() + " bytes");
    assertThat(payload(fileRows.get(1), Kind.FILE).isNullAt(3)).as("the unchanged file has no read error").isTrue();
    assertThat(ofKind(rows, Kind.QUARANTINE)).hasSize(1);
  }
}
