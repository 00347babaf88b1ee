package callstats.lake.jobs.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The job a data engineer writes first, and the yardstick of the benchmark: Spark's JSON reader with an explicit
 * schema over a landing date's callstats files, the stats array exploded to one row per stats object, written as
 * one Delta table partitioned by date. No validation, no deduplication, no quarantine, no sample deltas.
 *
 * <p>Cost: one read of the landing files; no shuffle; one Parquet write and one Delta commit.
 */
public final class NaiveBaseline {

  /** The getStats() fields a first job keeps: ids, counters and the quality fields of every stats type. */
  static final StructType STATS = new StructType()
      .add("id", DataTypes.StringType).add("type", DataTypes.StringType).add("timestamp", DataTypes.DoubleType)
      .add("kind", DataTypes.StringType).add("ssrc", DataTypes.LongType).add("transportId", DataTypes.StringType)
      .add("codecId", DataTypes.StringType).add("mimeType", DataTypes.StringType)
      .add("packetsSent", DataTypes.LongType).add("packetsReceived", DataTypes.LongType)
      .add("packetsLost", DataTypes.LongType).add("bytesSent", DataTypes.LongType)
      .add("bytesReceived", DataTypes.LongType).add("headerBytesSent", DataTypes.LongType)
      .add("headerBytesReceived", DataTypes.LongType).add("nackCount", DataTypes.LongType)
      .add("retransmittedPacketsSent", DataTypes.LongType).add("jitter", DataTypes.DoubleType)
      .add("fractionLost", DataTypes.DoubleType).add("roundTripTime", DataTypes.DoubleType)
      .add("totalRoundTripTime", DataTypes.DoubleType).add("currentRoundTripTime", DataTypes.DoubleType)
      .add("availableOutgoingBitrate", DataTypes.DoubleType).add("framesDecoded", DataTypes.LongType)
      .add("framesEncoded", DataTypes.LongType).add("framesPerSecond", DataTypes.DoubleType)
      .add("framesDropped", DataTypes.LongType).add("freezeCount", DataTypes.LongType)
      .add("totalFreezesDuration", DataTypes.DoubleType).add("concealedSamples", DataTypes.LongType)
      .add("totalSamplesReceived", DataTypes.LongType).add("jitterBufferDelay", DataTypes.DoubleType)
      .add("audioLevel", DataTypes.DoubleType).add("state", DataTypes.StringType)
      .add("localCandidateId", DataTypes.StringType).add("remoteCandidateId", DataTypes.StringType)
      .add("candidateType", DataTypes.StringType).add("protocol", DataTypes.StringType);

  /** The ingest envelope of docs/ingest-formats.md, with the stats body. */
  static final StructType LINE = new StructType()
      .add("v", DataTypes.IntegerType).add("appID", DataTypes.StringType).add("confID", DataTypes.StringType)
      .add("ucID", DataTypes.StringType).add("path", DataTypes.StringType).add("receivedAt", DataTypes.LongType)
      .add("geo", new StructType().add("country", DataTypes.StringType).add("region", DataTypes.StringType)
          .add("asn", DataTypes.LongType).add("isp", DataTypes.StringType))
      .add("body", new StructType().add("localID", DataTypes.StringType).add("deviceID", DataTypes.StringType)
          .add("timestamp", DataTypes.LongType).add("connectionID", DataTypes.StringType)
          .add("remoteID", DataTypes.StringType).add("stats", (DataType) DataTypes.createArrayType(STATS)));

  private NaiveBaseline() {}

  /** Reads the date's callstats landing files, explodes the stats, overwrites the table at {@code out}. */
  public static void run(SparkSession spark, String landing, LocalDate date, String out) {
    Dataset<Row> lines = spark.read().schema(LINE).option("recursiveFileLookup", "true")
        .json(landing + "/callstats/date=" + date);
    Dataset<Row> stats = lines
        .select(lit(Date.valueOf(date)).as("date"), col("appID").as("app_id"), col("confID").as("conf_id"),
            col("ucID").as("uc_id"), col("receivedAt").as("received_at"), col("geo.country").as("country"),
            col("body.localID").as("user_id"), col("body.connectionID").as("connection_id"),
            col("body.remoteID").as("remote_id"), col("body.timestamp").as("client_ts"),
            explode(col("body.stats")).as("s"))
        .select(col("*"), col("s.*")).drop("s");
    stats.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true")
        .partitionBy("date").save(out);
  }
}
