package callstats.lake.jobs.s3;

import static callstats.lake.jobs.testing.Landing.at;
import static callstats.lake.jobs.testing.Landing.body;
import static callstats.lake.jobs.testing.Landing.inboundAudio;
import static callstats.lake.jobs.testing.Landing.line;
import static org.assertj.core.api.Assertions.assertThat;

import callstats.lake.config.LakeConfig;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.jobs.normalise.NormaliseJob;
import callstats.lake.jobs.testing.Landing;
import callstats.lake.jobs.testing.LocalS3;
import callstats.lake.jobs.testing.Tables;
import callstats.lake.table.silver.Silver;
import callstats.lake.testing.TestLake;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** normalise reading landing files from s3a:// and writing Delta tables to s3a://, against S3Proxy on loopback. */
class S3NormaliseTest {

  private static final LocalDate D = LocalDate.of(2026, 11, 21);

  @Test
  void normalisesFromS3ToS3(@TempDir Path dir) throws Exception {
    try (LocalS3 s3 = LocalS3.start(dir.resolve("s3"), "landing", "lake")) {
      SparkSession spark = TestLake.spark();
      LakeConfig config = TestLake.config("s3a://lake/callstats", "s3a://landing/zone", s3.configOverrides());
      LocalS3.apply(config, spark.sparkContext().hadoopConfiguration());

      Landing local = new Landing(dir.resolve("local-landing"));
      long t = at(D, 9, 0);
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        lines.add(line("app-s3", "c1", "uc-1", "stats", t + i * 10_000L + 30,
            inboundAudio("ann", t + i * 10_000L, "pc", 7, i * 400L, i * 4L, i * 32_000L)));
      }
      lines.add(line("app-s3", "c1", "uc-1", "events/user/left", t + 70_000, body("ann", t + 70_000)));
      lines.add("not json");
      local.write(D, 9, "part-0.jsonl.gz", lines);
      FileSystem fs = new org.apache.hadoop.fs.Path("s3a://landing/").getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.root().resolve("callstats").toUri()),
          new org.apache.hadoop.fs.Path("s3a://landing/zone/callstats"));

      IngestSettings settings = IngestSettings.forTests(TestLake.HASH_KEY, List.of());
      NormaliseJob.Result r = NormaliseJob.run(spark, config, settings, D);

      assertThat(r.files()).isEqualTo(1);
      assertThat(r.linesRead()).isEqualTo(8);
      assertThat(r.accepted()).isEqualTo(7);
      assertThat(r.quarantined()).isEqualTo(1);
      assertThat(Tables.read(spark, config.lake(), Silver.RTP_STREAM_SAMPLES).count()).isEqualTo(6);
      assertThat(Tables.read(spark, config.lake(), Silver.RTP_STREAM_SAMPLES).where("delta_packets = 400").count())
          .isEqualTo(5);
      assertThat(Tables.read(spark, config.lake(), Silver.QUARANTINE).first().<String>getAs("source_file"))
          .startsWith("s3a://landing/zone/callstats/date=2026-11-21/hour=09/");
      org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path("s3a://lake/callstats/silver/events/_delta_log/"
          + "00000000000000000000.json");
      assertThat(log.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(log)).isTrue();

      NormaliseJob.Result again = NormaliseJob.run(spark, config, settings, D);
      assertThat(again).isEqualTo(r);
      assertThat(Tables.read(spark, config.lake(), Silver.RTP_STREAM_SAMPLES).count()).isEqualTo(6);
    }
  }
}
