package callstats.lake.jobs.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Cuts every gzipped landing file of a folder into gzipped files of at most {@code linesPerFile} lines, byte for
 * byte (a line ends at its newline; a last line without one is kept as it is), named {@code
 * <name>-p<NNNNN>.jsonl.gz} next to the original, which is then deleted. The same lines and bytes land in many
 * more files: the benchmark's small-files case.
 */
final class LandingSplitter {

  private static final String SUFFIX = ".jsonl.gz";

  private LandingSplitter() {}

  /** Splits the {@code .jsonl.gz} files under {@code folder}; returns how many files it holds afterwards. */
  static long split(Path folder, int linesPerFile) throws IOException {
    if (linesPerFile < 1) {
      throw new IllegalArgumentException("lines per file must be at least 1, not " + linesPerFile);
    }
    List<Path> originals;
    try (var files = Files.walk(folder)) {
      originals = files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(SUFFIX)).sorted()
          .toList();
    }
    for (Path original : originals) {
      splitOne(original, linesPerFile);
      Files.delete(original);
    }
    try (var files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private static void splitOne(Path original, int linesPerFile) throws IOException {
    String base = original.getFileName().toString();
    base = base.substring(0, base.length() - SUFFIX.length());
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = new GZIPInputStream(Files.newInputStream(original), 1 << 16)) {
      int part = 0;
      int lines = 0;
      OutputStream out = null;
      try {
        int n;
        while ((n = in.read(buffer)) > 0) {
          int from = 0;
          for (int i = 0; i < n; i++) {
            if (out == null) {
              out = open(original.resolveSibling(String.format(Locale.ROOT, "%s-p%05d%s", base, ++part, SUFFIX)));
            }
            if (buffer[i] == '\n' && ++lines == linesPerFile) {
              out.write(buffer, from, i + 1 - from);
              out.close();
              out = null;
              lines = 0;
              from = i + 1;
            }
          }
          if (from < n) {
            out.write(buffer, from, n - from);
          }
        }
      } finally {
        if (out != null) {
          out.close();
        }
      }
    }
  }

  private static OutputStream open(Path file) throws IOException {
    return new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16);
  }
}
