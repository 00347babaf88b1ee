package callstats.lake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

  private static List<String> lines(String text, int max) throws IOException {
    BoundedLineReader r = new BoundedLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    List<String> out = new ArrayList<>();
    for (BoundedLineReader.Line l = r.next(); l != null; l = r.next()) {
      out.add(l.number() + ":" + new String(l.bytes(), 0, l.length(), StandardCharsets.UTF_8)
          + (l.oversized() ? "!" + l.totalBytes() : ""));
    }
    return out;
  }

  @Test
  void splitsOnLfCrlfAndLoneCr() throws IOException {
    assertThat(lines("a\nb\r\nc\rd", 100)).containsExactly("1:a", "2:b", "3:c", "4:d");
  }

  @Test
  void finalTerminatorAddsNoEmptyLineButInnerEmptyLinesCount() throws IOException {
    assertThat(lines("a\n\nb\n", 100)).containsExactly("1:a", "2:", "3:b");
    assertThat(lines("", 100)).isEmpty();
    assertThat(lines("\n", 100)).containsExactly("1:");
  }

  @Test
  void oversizedLineKeepsItsHeadAndTheReaderGoesOn() throws IOException {
    assertThat(lines("0123456789ABCDEF\nok\n", 4)).containsExactly("1:0123!16", "2:ok");
  }

  @Test
  void aHugeLineNeverHoldsMoreThanTheLimit() throws IOException {
    long size = 50L << 20;
    InputStream endless = new InputStream() {
      long left = size;

      @Override
      public int read() {
        return left-- > 0 ? 'x' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 'x');
        left -= n;
        return n;
      }
    };
    BoundedLineReader r = new BoundedLineReader(endless, 1024);
    BoundedLineReader.Line l = r.next();
    assertThat(l.oversized()).isTrue();
    assertThat(l.totalBytes()).isEqualTo(size);
    assertThat(l.bytes().length).isLessThanOrEqualTo(1024);
    assertThat(r.next()).isNull();
    assertThat(r.bytesRead()).isEqualTo(size);
  }

  @Test
  void crlfSplitAcrossReadsIsOneTerminator() throws IOException {
    byte[] data = "a\r\nb".getBytes(StandardCharsets.UTF_8);
    InputStream oneByteAtATime = new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(1, len));
      }
    };
    BoundedLineReader r = new BoundedLineReader(oneByteAtATime, 10);
    assertThat(r.next().length()).isEqualTo(1);
    BoundedLineReader.Line second = r.next();
    assertThat(new String(second.bytes(), 0, second.length(), StandardCharsets.UTF_8)).isEqualTo("b");
    assertThat(second.number()).isEqualTo(2);
  }
}
