package callstats.lake.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeConfigTest {

  @TempDir
  Path dir;

  private File conf(String text) throws IOException {
    Path f = dir.resolve("test.conf");
    Files.writeString(f, text);
    return f.toFile();
  }

  @Test
  void defaultsPutLandingUnderTheLake() {
    LakeConfig c = LakeConfig.load(null, null, null, Map.of(), dir);
    assertThat(c.lake().value()).isEqualTo("file:" + dir.resolve("lake"));
    assertThat(c.landing().value()).isEqualTo("file:" + dir.resolve("lake/landing"));
    assertThat(c.spark().master()).isEqualTo("local[*]");
    assertThat(c.spark().settings()).containsEntry("spark.sql.session.timeZone", "UTC");
  }

  @Test
  void flagBeatsEnvironmentBeatsFile() throws IOException {
    File f = conf("callstats-lake { lake = \"from-file\" }");
    assertThat(LakeConfig.load(f, null, null, Map.of(), dir).lake().value()).endsWith("/from-file");
    assertThat(LakeConfig.load(f, null, null, Map.of("LAKE_URI", "s3a://bucket/env"), dir).lake().value())
        .isEqualTo("s3a://bucket/env");
    assertThat(LakeConfig.load(f, "s3a://bucket/flag/", null, Map.of("LAKE_URI", "s3a://bucket/env"), dir)
        .lake().value()).isEqualTo("s3a://bucket/flag");
    assertThat(LakeConfig.load(f, null, null, Map.of("LANDING_URI", "s3a://in/landing"), dir).landing().value())
        .isEqualTo("s3a://in/landing");
  }

  @Test
  void badLocationsNameTheValueAndTheFix() {
    assertThatThrownBy(() -> LakeConfig.load(null, "s3://bucket/x", null, Map.of(), dir))
        .isInstanceOf(ConfigError.class).hasMessageContaining("s3://bucket/x").hasMessageContaining("s3a://");
    assertThatThrownBy(() -> LakeConfig.load(null, "hdfs://nn/lake", null, Map.of(), dir))
        .isInstanceOf(ConfigError.class).hasMessageContaining("hdfs://nn/lake");
    assertThatThrownBy(() -> LakeConfig.load(null, "s3a://", null, Map.of(), dir))
        .isInstanceOf(ConfigError.class).hasMessageContaining("bucket");
  }

  @Test
  void badFilesAreConfigErrors() throws IOException {
    assertThatThrownBy(() -> LakeConfig.load(new File(dir.toFile(), "missing.conf"), null, null, Map.of(), dir))
        .isInstanceOf(ConfigError.class).hasMessageContaining("missing.conf").hasMessageContaining("does not exist");
    File broken = conf("callstats-lake { lake = ");
    assertThatThrownBy(() -> LakeConfig.load(broken, null, null, Map.of(), dir))
        .isInstanceOf(ConfigError.class).hasMessageContaining("test.conf");
  }

  @Test
  void s3SettingsCarryNoCredentials() throws IOException {
    File f = conf("callstats-lake { s3 { endpoint = \"http://127.0.0.1:9000\", path-style-access = true } }");
    LakeConfig c = LakeConfig.load(f, null, null, Map.of(), dir);
    assertThat(c.s3().endpoint()).contains("http://127.0.0.1:9000");
    assertThat(c.s3().pathStyle()).isTrue();
    assertThat(c.s3().hadoop().keySet()).noneMatch(k -> k.contains("secret") || k.contains("access.key"));
  }
}
