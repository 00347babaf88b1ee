package callstats.lake.jobs.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium for tests: renders a local page and returns its DOM, or saves a screenshot. Each run
 * gets a fresh profile directory and no network services. The browser is {@code -Dcallstats.lake.chromium}
 * if set, else the first of chromium, chromium-browser and google-chrome on the PATH.
 */
final class Chromium {

  /** Set to {@code required} (bin/test does) to fail, rather than skip, when there is no Chromium. */
  static final String REQUIRED_PROPERTY = "callstats.lake.browser-tests";
  static final String BINARY_PROPERTY = "callstats.lake.chromium";
  private static final long TIMEOUT_S = 120;

  private final Path binary;

  private Chromium(Path binary) {
    this.binary = binary;
  }

  static boolean required() {
    return "required".equals(System.getProperty(REQUIRED_PROPERTY));
  }

  /** The browser, or null if there is none. */
  static Chromium find() {
    String configured = System.getProperty(BINARY_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      return Files.isExecutable(p) ? new Chromium(p) : null;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return new Chromium(p);
        }
      }
    }
    return null;
  }

  static String missingMessage() {
    return "headless Chromium is needed to render the report and was not found (looked for -D" + BINARY_PROPERTY
        + ", then chromium, chromium-browser, google-chrome on the PATH). Install it (Debian: apt-get install -y "
        + "chromium; bin/test does this when run as root), or run without -D" + REQUIRED_PROPERTY + "=required "
        + "to skip the browser tests";
  }

  /** The DOM of the page after Chromium parsed and laid it out. */
  String dumpDom(Path page) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", page.toUri().toString()));
  }

  /** Saves a PNG of the page in a window of the given size. */
  void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    Files.createDirectories(png.getParent());
    Files.deleteIfExists(png);
    run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
        "--hide-scrollbars", page.toUri().toString()));
    if (!Files.isRegularFile(png)) {
      throw new IOException("Chromium wrote no screenshot to " + png);
    }
  }

  private String run(List<String> args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("callstats-chromium-");
    Path out = profile.resolve("stdout.txt");
    Path err = profile.resolve("stderr.txt");
    try {
      List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--user-data-dir=" + profile.resolve("profile")));
      cmd.addAll(args);
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("Chromium did not finish in " + TIMEOUT_S + " s: " + cmd);
      }
      if (p.exitValue() != 0) {
        throw new IOException("Chromium exited " + p.exitValue() + ": " + Files.readString(err));
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
