package callstats.lake.jobs.simulate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Keeps generated lines in memory, with what the generator said about each. */
final class MemorySink implements LineSink {

  record Line(String text, long receivedAt, IngestPath path, DirtKind dirt, boolean clockSkew, boolean counterReset) {}

  final List<Line> lines = new ArrayList<>();
  final LineTally tally = new LineTally();

  @Override
  public void write(byte[] buf, int len, long receivedAt, IngestPath path, DirtKind dirt, boolean clockSkew,
      boolean counterReset) {
    lines.add(new Line(new String(buf, 0, len, StandardCharsets.UTF_8), receivedAt, path, dirt, clockSkew,
        counterReset));
    tally.add(path, len + 1, dirt, clockSkew, counterReset);
  }
}
