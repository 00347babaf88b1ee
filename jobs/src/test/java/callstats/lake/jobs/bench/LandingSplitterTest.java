package callstats.lake.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small-files case of the benchmark: the same bytes, cut at line ends into many gzipped files. */
class LandingSplitterTest {

  @TempDir
  Path dir;

  @Test
  void cutsEachFileAtLineEndsKeepingEveryByte() throws IOException {
    Path hour = Files.createDirectories(dir.resolve("hour=07"));
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 70; i++) {
      text.append("{\"line\":").append(i).append(",\"note\":\"caf\u00e9 \\r ok\"}\n");
    }
    text.append("{\"last\":true,\"no newline\":1}");
    byte[] original = text.toString().getBytes(StandardCharsets.UTF_8);
    gzip(hour.resolve("batch-1.jsonl.gz"), original);
    gzip(hour.resolve("batch-2.jsonl.gz"), "{\"one\":1}\n".getBytes(StandardCharsets.UTF_8));

    long files = LandingSplitter.split(dir, 32);

    assertThat(files).isEqualTo(4);
    assertThat(names(hour)).containsExactly("batch-1-p00001.jsonl.gz", "batch-1-p00002.jsonl.gz",
        "batch-1-p00003.jsonl.gz", "batch-2-p00001.jsonl.gz");
    byte[] p1 = gunzip(hour.resolve("batch-1-p00001.jsonl.gz"));
    byte[] p2 = gunzip(hour.resolve("batch-1-p00002.jsonl.gz"));
    byte[] p3 = gunzip(hour.resolve("batch-1-p00003.jsonl.gz"));
    assertThat(lines(p1)).isEqualTo(32);
    assertThat(lines(p2)).isEqualTo(32);
    assertThat(lines(p3)).isEqualTo(6);
    assertThat(new String(p3, StandardCharsets.UTF_8)).endsWith("{\"last\":true,\"no newline\":1}");
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    joined.writeBytes(p1);
    joined.writeBytes(p2);
    joined.writeBytes(p3);
    assertThat(joined.toByteArray()).isEqualTo(original);
    assertThat(new String(gunzip(hour.resolve("batch-2-p00001.jsonl.gz")), StandardCharsets.UTF_8))
        .isEqualTo("{\"one\":1}\n");
  }

  @Test
  void refusesLessThanOneLinePerFile() {
    assertThatThrownBy(() -> LandingSplitter.split(dir, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lines per file must be at least 1, not 0");
  }

  private static long lines(byte[] bytes) {
    long n = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        n++;
      }
    }
    return n;
  }

  private static List<String> names(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void gzip(Path file, byte[] bytes) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(bytes);
    }
  }

  private static byte[] gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }
}
