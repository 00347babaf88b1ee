package callstats.lake.jobs.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packing of landing files into read tasks: whole files, largest first into the least loaded task. */
class LandingFilesTest {

  private static final long MB = 1L << 20;
  private static final long TARGET = 64 * MB;

  private static long load(List<LandingFile> group) {
    return group.stream().mapToLong(LandingFile::estimatedBytes).sum();
  }

  /** A day of rtcstats dumps from 1 KB to 100 MB: one 100 MB dump, twenty 5 MB .gz dumps, 2,000 small ones. */
  private static List<LandingFile> mixedDay() {
    Random random = new Random(7);
    List<LandingFile> files = new ArrayList<>();
    files.add(new LandingFile("rtcstats/big", 100 * MB, 0, "rtcstats"));
    for (int i = 0; i < 20; i++) {
      files.add(new LandingFile("rtcstats/medium-" + i + ".gz", 5 * MB, 0, "rtcstats"));
    }
    for (int i = 0; i < 2000; i++) {
      files.add(new LandingFile("rtcstats/small-" + i + ".jsonl", 1024 + random.nextInt(200 * 1024), 0, "rtcstats"));
    }
    return files;
  }

  @Test
  void aHugeDumpGetsATaskOfItsOwnAndTheRestIsSpreadEvenly() {
    List<LandingFile> files = mixedDay();
    long total = files.stream().mapToLong(LandingFile::estimatedBytes).sum();

    List<List<LandingFile>> splits = LandingFiles.split(files, TARGET, 2);

    assertThat(splits).hasSize((int) Math.ceil((double) total / TARGET));
    assertThat(splits.stream().mapToInt(List::size).sum()).isEqualTo(files.size());
    List<LandingFile> withBig = splits.stream().filter(g -> g.stream().anyMatch(f -> f.path().equals("rtcstats/big")))
        .findFirst().orElseThrow();
    assertThat(withBig).hasSize(1);
    // 1,100 MB estimated in 18 tasks: the 100 MB dump alone; twenty 35 MB .gz estimates in 17 tasks put two
    // into 3 of them (70 MB), and the small files top the other 14 up to the same level
    long most = splits.stream().filter(g -> g != withBig).mapToLong(LandingFilesTest::load).max().orElseThrow();
    long least = splits.stream().filter(g -> g != withBig).mapToLong(LandingFilesTest::load).min().orElseThrow();
    assertThat(most).as("no other task carries more than two medium files").isLessThanOrEqualTo(70 * MB);
    assertThat(most - least).as("the others differ by less than one medium file").isLessThan(35 * MB);
  }

  @Test
  void packingIsDeterministicAndUsesEveryCoreForFewFiles() {
    List<LandingFile> files = List.of(new LandingFile("a", 3 * 1024, 0, "rtcstats"),
        new LandingFile("b", 2 * 1024, 0, "rtcstats"), new LandingFile("c", 1024, 0, "callstats"));

    List<List<LandingFile>> splits = LandingFiles.split(files, TARGET, 2);

    assertThat(splits).hasSize(2).isEqualTo(LandingFiles.split(files, TARGET, 2));
    assertThat(splits.get(0)).extracting(LandingFile::path).containsExactly("a");
    assertThat(splits.get(1)).extracting(LandingFile::path).containsExactly("b", "c");
  }

  @Test
  void theGroupsFillWholeWavesOfTheCores() {
    List<LandingFile> files = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      files.add(new LandingFile("callstats/f-" + i + ".jsonl", 16 * MB, 0, "callstats"));
    }

    // 192 MB is 3 targets; on 2 cores the third would run alone, so 4 groups of 48 MB
    List<List<LandingFile>> splits = LandingFiles.split(files, TARGET, 2);

    assertThat(splits).hasSize(4).allSatisfy(g -> assertThat(load(g)).isEqualTo(48 * MB));
  }
}
