package callstats.lake.ingest.rtcstats;

import callstats.lake.ingest.IngestSettings;
import callstats.lake.ingest.QuarantineReason;
import callstats.lake.ingest.RecordContext;
import callstats.lake.ingest.StatsMapper;
import callstats.lake.ingest.Values;
import callstats.lake.privacy.IpMasker;
import callstats.lake.rtcstats.BadLine;
import callstats.lake.rtcstats.BadLineReason;
import callstats.lake.rtcstats.BrowserInfo;
import callstats.lake.rtcstats.DumpLine;
import callstats.lake.rtcstats.DumpSummary;
import callstats.lake.rtcstats.DumpVisitor;
import callstats.lake.rtcstats.StatsEntry;
import callstats.lake.rtcstats.StatsFormat;
import callstats.lake.table.silver.SessionCol;
import callstats.lake.table.silver.Silver;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The silver side of one dump, as a {@link DumpVisitor}: each accepted line becomes its rows (getstats
 * entries through the shared {@link StatsMapper}, every other method an event), each line gets exactly one
 * outcome (accepted with a content hash, or quarantined with a reason), and at the end the dump's
 * {@code silver.sessions} row is emitted. Sees the same decoded stream as the feature extractor.
 *
 * <p>Line 1 must be the {@code connectionInfo} header: when it is not, line 1 is quarantined as
 * {@code missing_connection_info} (the detail says what it was) and the rest of the dump is used.
 *
 * <p>Times: dump lines carry only the client clock, so {@code received_at} repeats the line's ts and the
 * session's clock offset is 0. A line without a plausible ts takes the last plausible one before it (else the
 * start of the landing date). One instance per dump; not thread-safe.
 */
public final class RtcstatsSilver implements DumpVisitor {

  public static final String DIALECT = "rtcstats";

  private final IngestSettings settings;
  private final RtcstatsIdentity.Ids ids;
  private final Date date;
  private final String sourceFile;
  private final DumpRowSink sink;
  private final StatsMapper stats;
  private final RtcstatsEvents events;
  private final MessageDigest sha256;
  private double lastTsMs;
  private BadLine heldLine1;
  private boolean line1Done;
  private long firstAccepted;
  private long records;
  private double minTsMs = Double.NaN;
  private double maxTsMs = Double.NaN;
  private String userAgent;

  public RtcstatsSilver(IngestSettings settings, RtcstatsIdentity.Ids ids, Date date, String sourceFile,
      DumpRowSink sink) {
    this.settings = settings;
    this.ids = ids;
    this.date = date;
    this.sourceFile = sourceFile;
    this.sink = sink;
    this.stats = new StatsMapper(settings.hasher(), settings.clockSkewFlagMs());
    this.events = new RtcstatsEvents(settings, new IpMasker(settings.hasher()));
    this.lastTsMs = date.toLocalDate().toEpochDay() * 86_400_000.0;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void header(DumpLine header) {
    line1Done = true;
    userAgent = Values.text(header.payload(), "userAgent", 1024);
    accept(header);
  }

  @Override
  public void line(DumpLine line, StatsEntry entry) {
    if (line.lineNumber() == 1 && line1Done) {
      return;
    }
    settleLine1();
    String recordId = accept(line);
    String method = line.method();
    if ("connectionInfo".equals(method)) {
      String agent = Values.text(line.payload(), "userAgent", 1024);
      userAgent = agent != null ? agent : userAgent;
      return;
    }
    if ("identity".equals(method)) {
      return;
    }
    RecordContext ctx = context(line, recordId);
    if (entry != null) {
      stats.map(ctx, line.pcKey(), null, reports(entry), (table, row) -> sink.row(table, line.lineNumber(), row));
    } else {
      events.event(ctx, line, (table, row) -> sink.row(table, line.lineNumber(), row));
    }
  }

  @Override
  public void badLine(BadLine bad) {
    if (bad.fileLevel() && bad.reason() == BadLineReason.TRUNCATED_FILE) {
      settleLine1();
      sink.fault(QuarantineReason.TRUNCATED_FILE, "the dump ends in the middle of its data (truncated): "
          + bad.detail());
      return;
    }
    if (bad.lineNumber() == 1) {
      if (line1Done) {
        return;
      }
      if (bad.reason() != BadLineReason.MISSING_CONNECTION_INFO) {
        heldLine1 = bad;
        return;
      }
      String was = heldLine1 != null ? heldLine1.reason().code() + ": " + heldLine1.detail()
          : bad.method() != null ? "method " + bad.method() : null;
      BadLine first = heldLine1 != null ? heldLine1 : bad;
      line1Done = true;
      heldLine1 = null;
      sink.quarantined(1, QuarantineReason.MISSING_CONNECTION_INFO, bad.detail() + (was == null ? "" : " (line 1: "
          + was + ")"), first.method(), first.excerpt(), first.lengthChars());
      return;
    }
    settleLine1();
    sink.quarantined(bad.lineNumber(), reason(bad.reason()), bad.detail(), bad.method(), bad.excerpt(),
        bad.lengthChars());
  }

  @Override
  public void end(DumpSummary summary) {
    settleLine1();
    if (records == 0) {
      return;
    }
    Object[] row = new Object[Silver.SESSIONS.width()];
    set(row, SessionCol.DATE, date);
    set(row, SessionCol.APP_ID, ids.appId());
    set(row, SessionCol.CONF_ID, ids.confId());
    set(row, SessionCol.UC_ID, ids.ucId());
    set(row, SessionCol.USER_ID, ids.userId());
    set(row, SessionCol.DEVICE_ID, ids.deviceId());
    set(row, SessionCol.DIALECT, DIALECT);
    set(row, SessionCol.ENDPOINT_TYPE, "peer");
    if (userAgent != null) {
      BrowserInfo browser = BrowserInfo.parse(userAgent);
      set(row, SessionCol.CLIENT_KIND, userAgent.startsWith("react-native") ? "native" : "browser");
      set(row, SessionCol.BROWSER, browser.rawName());
      set(row, SessionCol.BROWSER_VERSION, browser.rawVersion());
      set(row, SessionCol.BROWSER_MAJOR, browser.majorVersion());
      set(row, SessionCol.OS, "null".equals(browser.os()) ? null : browser.os());
      set(row, SessionCol.USER_AGENT, userAgent);
    }
    set(row, SessionCol.STATS_FORMAT, StatsFormat.fromUserAgent(userAgent).code());
    set(row, SessionCol.CUSTOMER_ID, ids.customerId());
    set(row, SessionCol.MEETINGS_NAME, ids.confName());
    set(row, SessionCol.SESSION_ID, ids.sessionId());
    Timestamp first = Values.timestamp(Double.isNaN(minTsMs) ? lastTsMs : minTsMs);
    Timestamp last = Values.timestamp(Double.isNaN(maxTsMs) ? lastTsMs : maxTsMs);
    set(row, SessionCol.FIRST_SEEN, first);
    set(row, SessionCol.LAST_SEEN, last);
    set(row, SessionCol.FIRST_CLIENT_TS, first);
    set(row, SessionCol.LAST_CLIENT_TS, last);
    set(row, SessionCol.CLOCK_OFFSET_MS, 0L);
    set(row, SessionCol.RECORDS, records);
    sink.row(Silver.SESSIONS, firstAccepted, row);
  }

  /** The line every per-dump row (session, features) is anchored at: the first accepted line, 0 if none. */
  public long anchorLine() {
    return firstAccepted;
  }

  /** Counts the line as accepted and returns its content hash. */
  private String accept(DumpLine line) {
    String recordId = recordId(line);
    records++;
    if (firstAccepted == 0) {
      firstAccepted = line.lineNumber();
    }
    sink.accepted(line.lineNumber(), recordId, line.method(), utf8Length(line.text()));
    return recordId;
  }

  /** A held parse failure of line 1 that no missing-header report followed: its own outcome. */
  private void settleLine1() {
    if (heldLine1 != null && !line1Done) {
      BadLine b = heldLine1;
      heldLine1 = null;
      sink.quarantined(1, reason(b.reason()), b.detail(), b.method(), b.excerpt(), b.lengthChars());
    }
    line1Done = true;
  }

  private RecordContext context(DumpLine line, String recordId) {
    Double ts = line.timestampMs();
    if (ts != null && Values.plausibleEpochMs(ts)) {
      lastTsMs = ts;
      minTsMs = Double.isNaN(minTsMs) ? ts : Math.min(minTsMs, ts);
      maxTsMs = Double.isNaN(maxTsMs) ? ts : Math.max(maxTsMs, ts);
    }
    Timestamp at = Values.timestamp(lastTsMs);
    return new RecordContext(date, DIALECT, ids.appId(), ids.confId(), ids.ucId(), ids.userId(), ids.deviceId(), null,
        at, lastTsMs, at, lastTsMs, sourceFile, line.lineNumber(), recordId);
  }

  /** SHA-256 over the dump id, the line number and the line as landed: equal for a dump landed twice. */
  private String recordId(DumpLine line) {
    sha256.reset();
    sha256.update(ids.ucId().getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) 0);
    sha256.update(Long.toString(line.lineNumber()).getBytes(StandardCharsets.US_ASCII));
    sha256.update((byte) 0);
    sha256.update(line.text().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha256.digest(), 0, 16);
  }

  private static Map<String, JsonNode> reports(StatsEntry entry) {
    Map<String, JsonNode> reports = new LinkedHashMap<>();
    entry.forEachReport(reports::put);
    return reports;
  }

  static QuarantineReason reason(BadLineReason reason) {
    return switch (reason) {
      case EMPTY_LINE -> QuarantineReason.EMPTY_LINE;
      case MALFORMED_JSON -> QuarantineReason.MALFORMED_JSON;
      case NOT_AN_ARRAY -> QuarantineReason.NOT_AN_ARRAY;
      case MISSING_FIELD -> QuarantineReason.MISSING_FIELD;
      case WRONG_TYPE -> QuarantineReason.WRONG_TYPE;
      case OVERSIZED -> QuarantineReason.OVERSIZED;
      case TRUNCATED_FILE -> QuarantineReason.TRUNCATED_FILE;
      case MISSING_CONNECTION_INFO -> QuarantineReason.MISSING_CONNECTION_INFO;
    };
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static void set(Object[] row, Enum<?> col, Object value) {
    row[col.ordinal()] = value;
  }
}
