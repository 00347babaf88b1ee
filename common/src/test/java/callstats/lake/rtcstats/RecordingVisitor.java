package callstats.lake.rtcstats;

import java.util.ArrayList;
import java.util.List;

/** Records what a dump processor delivers, for assertions. */
final class RecordingVisitor implements DumpVisitor {

  DumpLine header;
  final List<DumpLine> lines = new ArrayList<>();
  final List<BadLine> bad = new ArrayList<>();
  DumpSummary summary;

  @Override
  public void header(DumpLine header) {
    this.header = header;
  }

  @Override
  public void line(DumpLine line, StatsEntry stats) {
    lines.add(line);
  }

  @Override
  public void badLine(BadLine badLine) {
    bad.add(badLine);
  }

  @Override
  public void end(DumpSummary summary) {
    this.summary = summary;
  }

  List<Long> lineNumbers() {
    return lines.stream().map(DumpLine::lineNumber).toList();
  }

  List<String> reasons() {
    return bad.stream().map(b -> b.lineNumber() + ":" + b.reason().code()).toList();
  }
}
