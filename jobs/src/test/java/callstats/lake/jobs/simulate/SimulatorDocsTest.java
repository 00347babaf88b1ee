package callstats.lake.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.TableSpec;
import callstats.lake.table.truth.Truth;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/simulator.md defines every truth table and every column of it. */
class SimulatorDocsTest {

  @Test
  void everyTruthColumnIsDocumented() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "simulator.md"));
    for (TableSpec spec : Truth.ALL) {
      assertThat(doc).as("section of %s", spec)
          .containsPattern("(?m)^### .*\\b" + spec.qualifiedName().replace(".", "\\.") + "\\b");
      for (ColumnDef c : spec.columns()) {
        assertThat(doc).as("%s.%s", spec, c.column()).containsPattern("\\b" + c.column() + "\\b");
      }
    }
  }
}
