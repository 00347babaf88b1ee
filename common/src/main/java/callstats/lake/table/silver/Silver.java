package callstats.lake.table.silver;

import callstats.lake.table.TableSpec;
import callstats.lake.table.TableSpec.WriteStrategy;
import java.util.List;

/**
 * The silver layer: typed, deduplicated records, one table per kind, partitioned by landing date. Written
 * by {@code normalise}, which atomically replaces a date's partition in every table, so a re-run of a
 * date replaces what the previous run wrote.
 */
public final class Silver {

  public static final String LAYER = "silver";

  /**
   * What {@code maintain} Z-orders the record tables by: analysts filter by app, then by conference. The
   * quarantine and the ingest log are read whole per date and are only compacted.
   */
  private static final String[] APP_CONF = {"app_id", "conf_id"};

  public static final TableSpec SESSIONS = TableSpec.of(LAYER, "sessions",
      "One row per user session (app, conference, ucID) and landing date: who, with what, from where",
      SessionCol.class, WriteStrategy.REPLACE_PARTITIONS, "date").withZOrderBy(APP_CONF);
  public static final TableSpec EVENTS = TableSpec.of(LAYER, "events",
      "Every call event in one normalised taxonomy, from both dialects",
      EventCol.class, WriteStrategy.REPLACE_PARTITIONS, "date").withZOrderBy(APP_CONF);
  public static final TableSpec RTP_STREAM_SAMPLES = TableSpec.of(LAYER, "rtp_stream_samples",
      "One row per getStats sample per RTP stream per connection, with interval deltas and rates",
      RtpStreamSampleCol.class, WriteStrategy.REPLACE_PARTITIONS, "date").withZOrderBy(APP_CONF);
  public static final TableSpec TRANSPORT_SAMPLES = TableSpec.of(LAYER, "transport_samples",
      "The candidate pair in use per getStats sample per connection; addresses only as keyed hashes",
      TransportSampleCol.class, WriteStrategy.REPLACE_PARTITIONS, "date").withZOrderBy(APP_CONF);
  public static final TableSpec SSRC_MAP = TableSpec.of(LAYER, "ssrc_map",
      "Which user and media each RTP stream carries", SsrcMapCol.class, WriteStrategy.REPLACE_PARTITIONS, "date")
      .withZOrderBy(APP_CONF);
  public static final TableSpec FEEDBACK = TableSpec.of(LAYER, "feedback",
      "User ratings of calls", FeedbackCol.class, WriteStrategy.REPLACE_PARTITIONS, "date").withZOrderBy(APP_CONF);
  public static final TableSpec PRECALL_TESTS = TableSpec.of(LAYER, "precall_tests",
      "Pre-call and background network tests", PrecallTestCol.class, WriteStrategy.REPLACE_PARTITIONS, "date")
      .withZOrderBy(APP_CONF);
  public static final TableSpec QUARANTINE = TableSpec.of(LAYER, "quarantine",
      "Every landing line that could not be used, with a reason", QuarantineCol.class,
      WriteStrategy.REPLACE_PARTITIONS, "date");
  public static final TableSpec INGEST_LOG = TableSpec.of(LAYER, "ingest_log",
      "Per landing file: lines read, accepted, quarantined", IngestLogCol.class,
      WriteStrategy.REPLACE_PARTITIONS, "date");

  /** The record tables, in the order normalise writes them. */
  public static final List<TableSpec> RECORD_TABLES = List.of(
      SESSIONS, EVENTS, RTP_STREAM_SAMPLES, TRANSPORT_SAMPLES, SSRC_MAP, FEEDBACK, PRECALL_TESTS);

  public static final List<TableSpec> ALL = List.of(
      SESSIONS, EVENTS, RTP_STREAM_SAMPLES, TRANSPORT_SAMPLES, SSRC_MAP, FEEDBACK, PRECALL_TESTS, QUARANTINE, INGEST_LOG);

  private Silver() {}
}
