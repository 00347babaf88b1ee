package callstats.lake.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import callstats.lake.config.LakeConfig;
import callstats.lake.jobs.testing.LocalS3;
import callstats.lake.testing.TestLake;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of an s3a:// lake lands in the bucket, against S3Proxy on loopback. */
class ReportS3Test {

  @Test
  void writesTheReportIntoTheBucket(@TempDir Path dir) throws Exception {
    try (LocalS3 s3 = LocalS3.start(dir.resolve("s3"), "report-lake")) {
      SparkSession spark = TestLake.spark();
      LakeConfig config = TestLake.config("s3a://report-lake/callstats", "s3a://report-lake/landing",
          s3.configOverrides());
      LocalS3.apply(config, spark.sparkContext().hadoopConfiguration());
      ReportLake.seed(spark, config);
      LocalDate day = ReportLake.D;

      ReportJob.Result r = ReportJob.run(spark, config, day, "acme");

      assertThat(r.files()).containsExactly("s3a://report-lake/callstats/reports/app=acme/daily/" + day + ".html",
          "s3a://report-lake/callstats/reports/app=acme/weekly/2026-11-23.html",
          "s3a://report-lake/callstats/reports/app=acme/index.html");
      org.apache.hadoop.fs.Path daily = new org.apache.hadoop.fs.Path(r.files().get(0));
      FileSystem fs = daily.getFileSystem(spark.sparkContext().hadoopConfiguration());
      String html;
      try (FSDataInputStream in = fs.open(daily)) {
        html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(html).contains("data-kpi=\"calls\" data-value=\"1273\"").doesNotContain("zenith");
      String index;
      try (FSDataInputStream in = fs.open(new org.apache.hadoop.fs.Path(r.files().get(2)))) {
        index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(index).contains("href=\"daily/" + day + ".html\"", "href=\"weekly/2026-11-23.html\"");
      assertThat(List.of(fs.listStatus(daily.getParent()))).hasSize(1);
    }
  }
}
