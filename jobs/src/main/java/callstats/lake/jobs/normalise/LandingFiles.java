package callstats.lake.jobs.normalise;

import callstats.lake.config.LakeUri;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Finds the files landed on a date and packs them into balanced read tasks. Listing returns only names
 * and sizes (small even for thousands of files); the data itself is only ever read inside tasks.
 */
public final class LandingFiles {

  public static final String CALLSTATS = "callstats";
  public static final String RTCSTATS = "rtcstats";

  private LandingFiles() {}

  /** Every data file under {@code <landing>/<dialect>/date=D/}, sorted by path; hidden files skipped. */
  public static List<LandingFile> list(Configuration hadoop, LakeUri landing, String dialect, LocalDate date)
      throws IOException {
    return listDir(hadoop, new Path(landing.resolve(dialect).resolve("date=" + date).value()), dialect);
  }

  /**
   * Every data file under a directory (recursively), sorted by path; hidden files ({@code .x}, {@code _x})
   * skipped. callstats files must end in .jsonl or .json (optionally .gz); an rtcstats dump may have any
   * name: {@code <dumpId>}, {@code <dumpId>.jsonl}, {@code <dumpId>.gz} (its id is the name without them).
   */
  public static List<LandingFile> listDir(Configuration hadoop, Path dir, String dialect) throws IOException {
    FileSystem fs = dir.getFileSystem(hadoop);
    List<LandingFile> out = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it;
    try {
      if (!fs.exists(dir)) {
        return out;
      }
      it = fs.listFiles(dir, true);
    } catch (FileNotFoundException e) {
      return out;
    }
    while (it.hasNext()) {
      LocatedFileStatus st = it.next();
      String name = st.getPath().getName();
      if (!st.isFile() || name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      if (dialect.equals(CALLSTATS) && !(name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")
          || name.endsWith(".json") || name.endsWith(".json.gz"))) {
        continue;
      }
      out.add(new LandingFile(st.getPath().toString(), st.getLen(), st.getModificationTime(), dialect));
    }
    out.sort(Comparator.comparing(LandingFile::path));
    return out;
  }

  /**
   * Packs files into at least {@code minSplits} groups of about {@code targetBytes} each: largest file first
   * into the least loaded group (LPT scheduling), ties broken by group index, so the result is deterministic.
   * The number of groups is rounded up to a multiple of {@code minSplits} (the cores), so that no core idles
   * in the last wave: 3 groups on 2 cores take 2/3 of the serial time, 4 take 1/2. A file is never divided;
   * a file larger than the target gets a group of its own.
   */
  public static List<List<LandingFile>> split(List<LandingFile> files, long targetBytes, int minSplits) {
    long total = files.stream().mapToLong(LandingFile::estimatedBytes).sum();
    int forSize = (int) Math.ceil((double) total / targetBytes);
    int fullWaves = minSplits < 1 ? forSize : (forSize + minSplits - 1) / minSplits * minSplits;
    int groups = Math.max(1, Math.min(files.size(), Math.max(minSplits, fullWaves)));
    List<List<LandingFile>> out = new ArrayList<>();
    PriorityQueue<long[]> load = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
        : Long.compare(a[1], b[1]));
    for (int i = 0; i < groups; i++) {
      out.add(new ArrayList<>());
      load.add(new long[] {0, i});
    }
    List<LandingFile> bySize = new ArrayList<>(files);
    bySize.sort(Comparator.comparingLong(LandingFile::estimatedBytes).reversed().thenComparing(LandingFile::path));
    for (LandingFile f : bySize) {
      long[] g = load.poll();
      out.get((int) g[1]).add(f);
      g[0] += Math.max(1, f.estimatedBytes());
      load.add(g);
    }
    out.removeIf(List::isEmpty);
    return out;
  }
}
