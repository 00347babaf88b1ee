package callstats.lake.jobs.normalise;

import callstats.lake.ingest.QuarantineReason;
import callstats.lake.ingest.rtcstats.DumpRowSink;
import callstats.lake.ingest.rtcstats.RtcstatsIdentity;
import callstats.lake.jobs.normalise.Parsed.Kind;
import callstats.lake.table.TableSpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.Queue;
import org.apache.spark.sql.Row;

/**
 * Puts what the reading of one rtcstats dump makes into the task's output queue as {@link Parsed} union
 * rows: table rows, one LINE row per physical line (accepted or quarantined), and the quarantine rows, in
 * the same shapes as for callstats lines. Remembers a file-level fault for the FILE row.
 */
final class DumpRows implements DumpRowSink {

  private final Queue<Row> out;
  private final Quarantines quarantines;
  private final Date date;
  private final String path;
  private final RtcstatsIdentity.Ids ids;
  private QuarantineReason fault;
  private String faultDetail;

  DumpRows(Queue<Row> out, Quarantines quarantines, Date date, String path, RtcstatsIdentity.Ids ids) {
    this.out = out;
    this.quarantines = quarantines;
    this.date = date;
    this.path = path;
    this.ids = ids;
  }

  @Override
  public void row(TableSpec table, long lineNumber, Object[] values) {
    out.add(Parsed.row(Kind.of(table), path, lineNumber, values));
  }

  @Override
  public void accepted(long lineNumber, String recordId, String method, long bytes) {
    out.add(line(lineNumber, true, recordId, method, bytes));
  }

  @Override
  public void quarantined(long lineNumber, QuarantineReason reason, String detail, String method, String excerpt,
      long bytes) {
    byte[] raw = excerpt == null ? null : excerpt.getBytes(StandardCharsets.UTF_8);
    Object[] q = quarantines.row(date, LandingFiles.RTCSTATS, path, lineNumber, reason, detail, raw,
        raw == null ? 0 : raw.length, bytes, idsFor(method));
    out.add(Parsed.row(Kind.QUARANTINE, path, lineNumber, q));
    out.add(line(lineNumber, false, null, method, bytes));
  }

  @Override
  public void fault(QuarantineReason reason, String detail) {
    fault = reason;
    faultDetail = detail;
  }

  @Override
  public void features(String dumpId, ObjectNode features) {
    out.add(Parsed.row(Kind.FEATURES, path, 0, new Object[] {dumpId, features.toString()}));
  }

  QuarantineReason fault() {
    return fault;
  }

  String faultDetail() {
    return faultDetail;
  }

  private Row line(long n, boolean accepted, String recordId, String method, long bytes) {
    String[] i = idsFor(method);
    Object[] values = {recordId, accepted, LandingFiles.RTCSTATS, i[0], i[1], i[2], i[3], i[4], bytes};
    return Parsed.row(Kind.LINE, path, n, values);
  }

  private String[] idsFor(String method) {
    return new String[] {ids.appId(), ids.confId(), ids.ucId(), method, ids.userId()};
  }
}
