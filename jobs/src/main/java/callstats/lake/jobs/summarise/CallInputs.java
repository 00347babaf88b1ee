package callstats.lake.jobs.summarise;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import callstats.lake.config.LakeUri;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.silver.Silver;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads the silver records of the calls to summarise, each as a struct whose fields are in the order of
 * the matching {@link callstats.lake.summary.CallInput} record, in one Dataset sorted the way
 * {@link callstats.lake.summary.CallFold} consumes it. Only the records that landed within the call's
 * window (its call date to late-days later) are read.
 *
 * <p>Cost: one scan of each silver table over the window's dates (column-pruned), a join with the call
 * list, and one shuffle (by call) with a sort.
 */
final class CallInputs {

  /** Kinds in fold order. */
  static final int SESSION = 0;
  static final int PRECALL = 1;
  static final int FEEDBACK = 2;
  static final int EVENT = 3;
  static final int TRANSPORT = 4;
  static final int RTP = 5;
  static final String[] FIELDS = {"s_session", "s_precall", "s_feedback", "s_event", "s_transport", "s_rtp"};

  private CallInputs() {}

  static Dataset<Row> read(SparkSession spark, LakeUri lake, Dataset<Row> calls, int lateDays, String windowFilter) {
    List<Dataset<Row>> parts = new ArrayList<>();
    parts.add(part(spark, lake, Silver.SESSIONS, calls, lateDays, windowFilter, SESSION, "uc_id", "cast(null as string)",
        "cast(null as bigint)", "cast(null as string)", "unix_millis(coalesce(first_client_ts, first_seen))",
        "concat('s', cast(date as string))",
        "uc_id", "user_id", "device_id", "dialect", "endpoint_type", "client_kind", "browser", "browser_version",
        "browser_major", "sdk", "sdk_version", "os", "os_version", "app_version", "site_id", "customer_id", "tenant_id",
        "product_name", "country", "region", "asn", "isp", "unix_millis(joined_ts)", "unix_millis(left_ts)",
        // a date with only post-call feedback has no client times: neutral values for min and max
        "coalesce(unix_millis(first_client_ts), CAST(" + Long.MAX_VALUE + " AS BIGINT))",
        "coalesce(unix_millis(last_client_ts), CAST(" + Long.MIN_VALUE + " AS BIGINT))", "clock_offset_ms", "records"));
    parts.add(part(spark, lake, Silver.PRECALL_TESTS, calls, lateDays, windowFilter + " AND conf_id IS NOT NULL", PRECALL,
        "uc_id", "cast(null as string)", "cast(null as bigint)", "cast(null as string)", "unix_millis(test_ts)",
        "record_id", "uc_id", "user_id", "unix_millis(test_ts)", "rtt_ms", "throughput_kbps", "loss_pct"));
    parts.add(part(spark, lake, Silver.FEEDBACK, calls, lateDays, windowFilter, FEEDBACK, "uc_id", "cast(null as string)",
        "cast(null as bigint)", "cast(null as string)", "unix_millis(event_ts)", "record_id",
        "uc_id", "user_id", "unix_millis(event_ts)", "overall_rating"));
    parts.add(part(spark, lake, Silver.EVENTS, calls, lateDays, windowFilter, EVENT, "uc_id", "connection_id",
        "cast(null as bigint)", "cast(null as string)", "unix_millis(event_ts)", "record_id",
        "uc_id", "connection_id", "record_id", "unix_millis(event_ts)", "category", "event", "remote_id", "reason",
        "new_state", "changed_state", "delay_ms", "ice_gathering_delay_ms", "ice_connectivity_delay_ms",
        "remote_endpoint_type", "relay_type", "media_type"));
    parts.add(part(spark, lake, Silver.TRANSPORT_SAMPLES, calls, lateDays, windowFilter, TRANSPORT, "uc_id",
        "connection_id", "cast(null as bigint)", "cast(null as string)", "unix_millis(sample_ts)", "record_id",
        "uc_id", "connection_id", "record_id", "unix_millis(sample_ts)", "remote_id", "current_rtt_ms",
        "available_outgoing_bitrate_kbps", "bytes_sent", "bytes_received", "local_candidate_type",
        "remote_candidate_type", "local_protocol", "local_relay_protocol", "local_network_type"));
    parts.add(part(spark, lake, Silver.RTP_STREAM_SAMPLES, calls, lateDays, windowFilter, RTP, "uc_id", "connection_id",
        "ssrc", "if(direction in ('inbound', 'remote-outbound'), 'inbound', 'outbound')", "unix_millis(sample_ts)",
        "concat(record_id, direction)",
        "uc_id", "connection_id", "record_id", "unix_millis(sample_ts)", "remote_id", "ssrc", "kind", "media_type",
        "direction", "rid", "codec", "packets_sent", "bytes_sent", "packets_received", "bytes_received",
        "packets_lost", "jitter_ms", "round_trip_time_ms", "nack_count", "pli_count", "frames_decoded",
        "frames_dropped", "frames_encoded", "frame_width", "frame_height", "freeze_count",
        "total_freezes_duration_s", "total_pauses_duration_s", "total_samples_received", "concealed_samples",
        "silent_concealed_samples", "jitter_buffer_delay_s", "jitter_buffer_emitted_count", "ql_bandwidth_s",
        "ql_cpu_s", "ql_other_s", "ql_none_s"));
    Dataset<Row> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.unionByName(parts.get(i), true);
    }
    return all.repartition(col("app_id"), col("conf_id"))
        .sortWithinPartitions(col("app_id"), col("conf_id"), col("k_uc").asc_nulls_first(),
            col("k_conn").asc_nulls_first(), col("kind"), col("k_ssrc").asc_nulls_first(),
            col("k_family").asc_nulls_first(), col("k_ts"), col("k_id"));
  }

  /**
   * The rows of one silver table for the calls, with the sort keys (uc, connection, ssrc, family, time, id)
   * and the record struct (its fields in record order).
   */
  private static Dataset<Row> part(SparkSession spark, LakeUri lake, TableSpec table, Dataset<Row> calls, int lateDays,
      String windowFilter, int kind, String uc, String conn, String ssrc, String family, String ts, String id,
      String... fields) {
    Dataset<Row> t = DeltaTables.readOrEmpty(spark, table, lake).where(windowFilter)
        .join(calls, scala.jdk.javaapi.CollectionConverters.asScala(List.of("app_id", "conf_id")).toList())
        .where(expr("date >= call_date AND date <= date_add(call_date, " + lateDays + ")"));
    Column[] structFields = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      structFields[i] = expr(fields[i]).as("f" + i);
    }
    return t.select(lit(kind).as("kind"), col("app_id"), col("conf_id"), col("call_date"), expr(uc).as("k_uc"),
        expr(conn).as("k_conn"), expr(ssrc).as("k_ssrc"), expr(family).as("k_family"), expr(ts).as("k_ts"),
        expr(id).as("k_id"), struct(structFields).as(FIELDS[kind]));
  }
}
