package callstats.lake.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the landing zone is when the lake is moved by --lake or LAKE_URI. */
class LakeConfigLandingTest {

  @TempDir
  Path dir;

  private File conf(String body) throws Exception {
    Path f = dir.resolve("test.conf");
    Files.writeString(f, "callstats-lake {\n" + body + "\n}\n");
    return f.toFile();
  }

  @Test
  void defaultLandingFollowsAnOverriddenLake() throws Exception {
    File f = conf("lake = \"./lake\"\nlanding = ${callstats-lake.lake}\"/landing\"");
    LakeConfig c = LakeConfig.load(f, "/tmp/other-lake", null, Map.of(), dir);
    assertThat(c.landing().value()).isEqualTo("file:/tmp/other-lake/landing");
  }

  @Test
  void explicitLandingStaysWhenTheLakeMoves() throws Exception {
    File f = conf("lake = \"./lake\"\nlanding = \"/data/landing\"");
    LakeConfig c = LakeConfig.load(f, "/tmp/other-lake", null, Map.of(), dir);
    assertThat(c.landing().value()).isEqualTo("file:/data/landing");
  }

  @Test
  void landingFlagWins() throws Exception {
    File f = conf("lake = \"./lake\"\nlanding = ${callstats-lake.lake}\"/landing\"");
    LakeConfig c = LakeConfig.load(f, "/tmp/other-lake", "/tmp/in", Map.of(), dir);
    assertThat(c.landing().value()).isEqualTo("file:/tmp/in");
  }
}
